// PostgreSQL bookkeeping: drizzle-orm's "drizzle"."__drizzle_migrations" (0.45 and 1.0 shapes,
// upgrade from the former) and a session advisory lock that serialises migrators for the whole run.
#include "dialect/pg/pg_bookkeeping.hpp"

#include "dialect/pg/facts/pg_facts.hpp"
#include "drizzle/error.hpp"
#include "drizzle/migrate/migrator.hpp"
#include "migrate/migration_store.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>

namespace drizzle::pg {

namespace {

using migrate_internal::names_for_upgrade;
using migrate_internal::recorded_rows;

/// The dialect's quoting. Not qualified_name(): the bookkeeping table is always named with its
/// schema, "public" included, as drizzle-orm does.
std::string quote_name(const std::string& name) { return dialect_facts_object().quote_identifier(name); }

bool has(const std::vector<std::string>& cols, const std::string& name) {
    return std::find(cols.begin(), cols.end(), name) != cols.end();
}

std::string first_cell(const std::vector<Row>& rows) {
    return rows.empty() || rows[0].empty() ? std::string() : rows[0][0].value_or("");
}

/// The advisory lock key: the first 8 bytes of sha256("<schema>.<table>") as a signed 64-bit
/// integer. Fixed per bookkeeping table, so every drizzle-cpp migrator of that table (CLI or
/// application) contends for the same lock, and migrators of other tables do not.
std::int64_t lock_key(const std::string& schema, const std::string& table) {
    const std::string hex = sha256_hex(schema + "." + table);
    std::uint64_t value = std::stoull(hex.substr(0, 16), nullptr, 16);
    return static_cast<std::int64_t>(value);
}

class PgMigrationStore final : public MigrationStore {
public:
    PgMigrationStore(Connection& connection, const MigrateOptions& options)
        : c_(connection),
          schema_(options.schema),
          table_(options.table),
          qualified_(quote_name(options.schema) + "." + quote_name(options.table)),
          folder_(options.folder),
          lock_timeout_ms_(options.lock_timeout_ms),
          key_(lock_key(options.schema, options.table)) {}

    ~PgMigrationStore() override {
        rollback();
        unlock();
        if (saved_check_interval_) {
            try {
                c_.query("SELECT pg_catalog.set_config('client_connection_check_interval', $1, false)",
                         {*saved_check_interval_});
            } catch (...) {
            }
        }
    }

    void ensure_table(FolderLayout layout, const std::vector<LocalMigration>& local) override {
        require_schema();
        refuse_standby();
        watch_for_a_dead_client();
        // drizzle-orm creates these before taking any lock, so two migrators race on
        // CREATE SCHEMA/TABLE IF NOT EXISTS (duplicate key in pg_namespace/pg_type); here they wait.
        lock();
        begin_transaction();
        try {
            auto schema_found = c_.query("SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = $1", {schema_});
            // Only when missing: CREATE SCHEMA needs the CREATE privilege on the database even
            // when the schema exists, and the migrating role may lack it.
            if (schema_found.empty()) c_.exec("CREATE SCHEMA IF NOT EXISTS " + quote_name(schema_));
            auto kind = first_cell(c_.query(
                "SELECT c.relkind::text FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = "
                "c.relnamespace WHERE n.nspname = $1 AND c.relname = $2",
                {schema_, table_}));
            if (kind.empty()) {
                c_.exec(create_table_sql(layout));
            } else {
                if (kind != "r" && kind != "p") {
                    throw UserError(qualified_ + " exists but is not a table; choose another table with "
                                                 "migrations.table / migrations.schema");
                }
                auto cols = columns();
                for (const char* required : {"id", "hash", "created_at"}) {
                    if (!has(cols, required)) {
                        throw UserError("table " + qualified_ + " exists but is not a drizzle migrations table (no \"" +
                                        required + "\" column); choose another table with migrations.table");
                    }
                }
                if (layout == FolderLayout::v1 && (!has(cols, "name") || !has(cols, "applied_at"))) {
                    upgrade_to_v1(local);
                }
            }
            commit();
        } catch (...) {
            rollback();
            throw;
        }
    }

    bool enforces_foreign_keys() const override { return false; }

    void begin(bool /*relax_foreign_keys: SQLite only*/) override {
        require_schema();
        lock();
        begin_transaction();
    }

    std::optional<std::vector<RecordedRow>> peek_rows(FolderLayout layout) override {
        if (schema_.empty()) return std::nullopt;  // ensure_table() refuses it
        // Naming the v1 columns makes the query fail on a table that still needs the upgrade.
        const std::string sql = "SELECT id, id, hash, created_at, " +
                                std::string(layout == FolderLayout::v1 ? "name, applied_at" : "NULL::text") + " FROM " +
                                qualified_ + " ORDER BY id";
        try {
            return recorded_rows(c_.query(sql));
        } catch (const DbError&) {
            return std::nullopt;  // missing schema/table/column: ensure_table() handles it under the lock
        }
    }

    std::size_t count_rows() override {
        auto found = c_.query("SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = "
                              "c.relnamespace WHERE n.nspname = $1 AND c.relname = $2",
                              {schema_, table_});
        if (found.empty()) return 0;
        return static_cast<std::size_t>(std::stoull(first_cell(c_.query("SELECT count(*) FROM " + qualified_))));
    }

    std::vector<RecordedRow> read_rows() override {
        const auto cols = columns();
        if (cols.empty()) return {};  // no table (yet): nothing recorded
        const bool named = has(cols, "name");
        return recorded_rows(c_.query("SELECT id, id, hash, created_at, " + std::string(named ? "name" : "NULL::text") +
                                      " FROM " + qualified_ + " ORDER BY id"));
    }

    void record(const LocalMigration& m, FolderLayout layout) override {
        if (layout == FolderLayout::legacy) {
            // drizzle-orm 0.45 writes only these two, also into a table 1.0 has upgraded.
            c_.query("INSERT INTO " + qualified_ + " (\"hash\", \"created_at\") VALUES ($1, $2)",
                     {m.hash, m.created_at_ms});
        } else {
            // applied_at is the column default now(): the transaction's start, as drizzle-orm 1.0.
            c_.query("INSERT INTO " + qualified_ + " (\"hash\", \"created_at\", \"name\") VALUES ($1, $2, $3)",
                     {m.hash, m.created_at_ms, m.name});
        }
    }

    void forget(const RecordedRow& row) override {
        c_.query("DELETE FROM " + qualified_ + " WHERE id = $1", {row.key});
    }

    void commit() override {
        c_.exec("COMMIT");
        in_transaction_ = false;
    }

    void rollback() noexcept override {
        if (!in_transaction_) return;
        in_transaction_ = false;
        try {
            c_.exec("ROLLBACK");
        } catch (...) {  // a lost connection rolled back already
        }
    }

    bool lock_survives_transactions() const override { return true; }

    bool type_exists(const std::string& type) override {
        try {
            return first_cell(c_.query("SELECT pg_catalog.to_regtype($1) IS NOT NULL", {type})) == "t";
        } catch (const DbError&) {  // not a type name to_regtype can parse: leave the statement in place
            return false;
        }
    }

private:
    /// drizzle-orm's CREATE TABLE for the layout (0.45 or 1.0); PostgreSQL keeps no text of it,
    /// but the columns, types and defaults are exactly these.
    std::string create_table_sql(FolderLayout layout) const {
        std::string sql = "CREATE TABLE IF NOT EXISTS " + qualified_ +
                          " (\n\tid SERIAL PRIMARY KEY,\n\thash text NOT NULL,\n\tcreated_at bigint";
        if (layout == FolderLayout::v1) sql += ",\n\tname text,\n\tapplied_at timestamp with time zone DEFAULT now()";
        return sql + "\n)";
    }

    /// The constructor accepts an empty schema so that read-only questions (count_rows) answer
    /// "nothing recorded"; what would create or lock refuses it.
    void require_schema() const {
        if (schema_.empty()) throw UserError("migrations.schema must not be empty on PostgreSQL");
    }

    void refuse_standby() {
        if (first_cell(c_.query("SELECT pg_catalog.pg_is_in_recovery()")) == "t") {
            throw UserError("the database is a read-only standby (pg_is_in_recovery() = true); migrate the primary (" +
                            c_.describe() + ")");
        }
    }

    /// A migrator killed mid-statement leaves its backend running the statement to its end (a
    /// long index build, say) before it notices, keeping the lock and the transaction. Since
    /// PostgreSQL 14 the server can check the socket while it works: ask it to, every second.
    void watch_for_a_dead_client() {
        try {
            auto rows = c_.query("SELECT setting FROM pg_catalog.pg_settings WHERE name = "
                                 "'client_connection_check_interval'");
            if (rows.empty()) return;  // before PostgreSQL 14
            saved_check_interval_ = rows[0][0].value_or("0");
            c_.query("SELECT pg_catalog.set_config('client_connection_check_interval', '1000', false)");
        } catch (const DbError&) {  // platforms without the socket check refuse non-zero values
            saved_check_interval_.reset();
        }
    }

    void begin_transaction() {
        c_.exec("BEGIN");
        in_transaction_ = true;
    }

    /// Takes the session advisory lock once; it is held until the store is destroyed, across the
    /// transactions of `--tx-mode file` and around `txmode none` migrations.
    void lock() {
        if (locked_) return;
        const std::vector<SqlValue> key{key_};
        if (first_cell(c_.query("SELECT pg_catalog.pg_try_advisory_lock($1::bigint)", key)) == "t") {
            locked_ = true;
            return;
        }
        if (lock_timeout_ms_ <= 0) throw lock_timeout_error();
        // Wait in the server, bounded by lock_timeout: the lock queue wakes us the moment the
        // holder finishes (or dies), where polling pg_try_advisory_lock would add latency.
        const std::string saved = first_cell(c_.query("SELECT pg_catalog.current_setting('lock_timeout')"));
        c_.query("SELECT pg_catalog.set_config('lock_timeout', $1, false)",
                 {std::to_string(lock_timeout_ms_) + "ms"});
        try {
            c_.query("SELECT pg_catalog.pg_advisory_lock($1::bigint)", key);
        } catch (const DbError& e) {
            restore_lock_timeout(saved);
            if (e.code() == "55P03") throw lock_timeout_error();
            throw;
        }
        restore_lock_timeout(saved);
        locked_ = true;
    }

    void restore_lock_timeout(const std::string& saved) noexcept {
        try {
            c_.query("SELECT pg_catalog.set_config('lock_timeout', $1, false)", {saved});
        } catch (...) {
        }
    }

    void unlock() noexcept {
        if (!locked_) return;
        locked_ = false;
        try {
            c_.query("SELECT pg_catalog.pg_advisory_unlock($1::bigint)", {key_});
        } catch (...) {  // the session is gone, and its locks with it
        }
    }

    DbError lock_timeout_error() {
        std::string holder;
        try {
            // A bigint advisory key shows in pg_locks as classid = high half, objid = low half.
            auto rows = c_.query(
                "SELECT a.pid::text, coalesce(a.application_name, ''), coalesce(a.client_addr::text, 'local'), "
                "coalesce(date_trunc('second', now() - a.xact_start)::text, '') FROM pg_catalog.pg_locks l "
                "JOIN pg_catalog.pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' AND l.granted "
                "AND l.database = (SELECT oid FROM pg_catalog.pg_database WHERE datname = current_database()) "
                "AND l.objsubid = 1 AND l.classid::bigint = (($1::bigint >> 32) & 4294967295) "
                "AND l.objid::bigint = ($1::bigint & 4294967295)",
                {key_});
            if (!rows.empty()) {
                const auto& r = rows[0];
                holder = "; held by backend pid " + r[0].value_or("?") + " (application_name '" +
                         r[1].value_or("") + "', client " + r[2].value_or("?") +
                         (r[3].value_or("").empty() ? "" : ", transaction open for " + *r[3]) + ")";
            }
        } catch (...) {  // the description is a courtesy; the timeout is the error
        }
        return DbError("could not take the migration lock on " + c_.describe() + " within " +
                           std::to_string(lock_timeout_ms_) + " ms (--lock-timeout): another migrator is running" +
                           " (advisory lock " + std::to_string(key_) + " for " + qualified_ + holder + ")",
                       "55P03", "SELECT pg_advisory_lock(" + std::to_string(key_) + ")");
    }

    std::vector<std::string> columns() {
        std::vector<std::string> cols;
        for (auto& r : c_.query("SELECT a.attname::text FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON "
                                "c.oid = a.attrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE "
                                "n.nspname = $1 AND c.relname = $2 AND a.attnum > 0 AND NOT a.attisdropped "
                                "ORDER BY a.attnum",
                                {schema_, table_})) {
            cols.push_back(r[0].value_or(""));
        }
        return cols;
    }

    /// drizzle-orm 1.0's upgrade of a 0.45 table: add name/applied_at, name every row after its
    /// local migration, applied_at NULL (unknown). Rows of no local migration abort, as there.
    void upgrade_to_v1(const std::vector<LocalMigration>& local) {
        auto rows = read_rows();
        auto names = names_for_upgrade(local, rows, qualified_, folder_,
                                       [](const RecordedRow& row) { return "id " + row.id.value_or("NULL"); });
        c_.exec("ALTER TABLE " + qualified_ + " ADD COLUMN IF NOT EXISTS \"name\" text");
        c_.exec("ALTER TABLE " + qualified_ +
                " ADD COLUMN IF NOT EXISTS \"applied_at\" timestamp with time zone DEFAULT now()");
        for (std::size_t i = 0; i < rows.size(); ++i) {
            c_.query("UPDATE " + qualified_ + " SET \"name\" = $1, \"applied_at\" = NULL WHERE id = $2",
                     {names[i], rows[i].key});
        }
    }

    Connection& c_;
    std::string schema_;
    std::string table_;
    std::string qualified_;  ///< "schema"."table"
    std::filesystem::path folder_;
    int lock_timeout_ms_ = 0;
    std::int64_t key_ = 0;
    bool locked_ = false;
    bool in_transaction_ = false;
    std::optional<std::string> saved_check_interval_;
};

}  // namespace

std::unique_ptr<MigrationStore> make_pg_migration_store(Connection& connection, const MigrateOptions& options) {
    return std::make_unique<PgMigrationStore>(connection, options);
}

}  // namespace drizzle::pg
