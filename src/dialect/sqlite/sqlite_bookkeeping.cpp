// SQLite bookkeeping: drizzle-orm's __drizzle_migrations table (0.45 and 1.0 shapes, upgrade from
// the former), BEGIN IMMEDIATE as the migration lock, and foreign keys around table rebuilds.
#include "dialect/sqlite/sqlite_bookkeeping.hpp"

#include "dialect/sqlite/facts/sqlite_facts.hpp"
#include "drizzle/error.hpp"
#include "migrate/migration_store.hpp"
#include "migrate/timestamps.hpp"

#include <algorithm>

namespace drizzle::sqlite {

namespace {

using migrate_internal::iso_utc;
using migrate_internal::names_for_upgrade;
using migrate_internal::now_ms;
using migrate_internal::recorded_rows;

/// drizzle-orm's CREATE TABLE text, byte for byte: SQLite keeps it in sqlite_schema, so a
/// different whitespace would show in every schema dump.
std::string create_table_sql(const std::string& table, FolderLayout layout) {
    if (layout == FolderLayout::legacy) {
        // drizzle-orm 0.45. `id SERIAL` is not a rowid alias in SQLite: id stays NULL.
        return "CREATE TABLE IF NOT EXISTS " + quote_identifier_as_orm(table) +
               " (\n\t\t\t\tid SERIAL PRIMARY KEY,\n\t\t\t\thash text NOT NULL,\n"
               "\t\t\t\tcreated_at numeric\n\t\t\t)";
    }
    // drizzle-orm 1.0.
    return "CREATE TABLE IF NOT EXISTS " + quote_identifier_as_orm(table) +
           " (\n\t\t\t\tid INTEGER PRIMARY KEY,\n\t\t\t\thash text NOT NULL,\n\t\t\t\tcreated_at numeric,\n"
           "\t\t\t\tname text,\n\t\t\t\tapplied_at TEXT\n\t\t\t)";
}

class SqliteMigrationStore final : public MigrationStore {
public:
    SqliteMigrationStore(Connection& connection, const MigrateOptions& options)
        : c_(connection), table_(options.table), folder_(options.folder) {
        // The lock timeout is a property of this run: set it for the run, give the old one back.
        auto current = c_.query("PRAGMA busy_timeout");
        if (!current.empty() && !current[0].empty() && current[0][0]) saved_busy_timeout_ = *current[0][0];
        c_.exec("PRAGMA busy_timeout = " + std::to_string(std::max(0, options.lock_timeout_ms)));
        lock_timeout_ms_ = options.lock_timeout_ms;
        auto fk = c_.query("PRAGMA foreign_keys");
        foreign_keys_on_ = !fk.empty() && !fk[0].empty() && fk[0][0] == "1";
    }

    ~SqliteMigrationStore() override {
        rollback();
        if (saved_busy_timeout_) {
            try {
                c_.exec("PRAGMA busy_timeout = " + *saved_busy_timeout_);
            } catch (...) {  // the connection is unusable anyway
            }
        }
    }

    void ensure_table(FolderLayout layout, const std::vector<LocalMigration>& local) override {
        // Under the write lock, so two migrators cannot both upgrade (or race on CREATE).
        lock();
        try {
            if (!table_exists()) {
                c_.exec(create_table_sql(table_, layout));
            } else {
                auto cols = columns();
                for (const char* required : {"hash", "created_at"}) {
                    if (!has(cols, required)) {
                        throw UserError("table " + quote_identifier_as_orm(table_) +
                                        " exists but is not a drizzle migrations table (no \"" + required +
                                        "\" column); choose another table with migrations.table");
                    }
                }
                if (layout == FolderLayout::v1 && (!has(cols, "name") || !has(cols, "applied_at"))) {
                    upgrade_to_v1(local, cols);
                }
            }
            c_.exec("COMMIT");
            in_transaction_ = false;
        } catch (...) {
            rollback();
            throw;
        }
    }

    bool enforces_foreign_keys() const override { return foreign_keys_on_; }

    void begin(bool relax_foreign_keys) override {
        // PRAGMA foreign_keys is a no-op inside a transaction (drizzle-kit issue #1813), so it is
        // switched before BEGIN; commit() checks what enforcement would have caught.
        if (relax_foreign_keys && foreign_keys_on_) {
            c_.exec("PRAGMA foreign_keys=OFF");
            foreign_keys_relaxed_ = true;
        }
        try {
            lock();
        } catch (...) {
            restore_foreign_keys();
            throw;
        }
    }

    std::size_t count_rows() override {
        if (!table_exists()) return 0;
        auto rows = c_.query("SELECT count(*) FROM " + quote_identifier_as_orm(table_));
        return static_cast<std::size_t>(std::stoull(rows.at(0).at(0).value_or("0")));
    }

    std::vector<RecordedRow> read_rows() override {
        auto cols = columns();
        if (cols.empty()) return {};  // no table (yet): nothing recorded
        std::string sql = "SELECT rowid, " + std::string(has(cols, "id") ? "id" : "NULL") +
                          ", hash, created_at, " + (has(cols, "name") ? "name" : "NULL") + " FROM " +
                          quote_identifier_as_orm(table_) + " ORDER BY rowid";
        return recorded_rows(c_.query(sql));
    }

    void record(const LocalMigration& m, FolderLayout layout) override {
        const std::string table = quote_identifier_as_orm(table_);
        if (layout == FolderLayout::legacy) {
            // drizzle-orm 0.45 writes only these two, also into a table 1.0 has upgraded.
            c_.query("INSERT INTO " + table + " (\"hash\", \"created_at\") VALUES (?, ?)",
                     {m.hash, m.created_at_ms});
        } else {
            // applied_at: JS toISOString() at insert time, as drizzle-orm 1.0 on SQLite.
            c_.query("INSERT INTO " + table +
                         " (\"hash\", \"created_at\", \"name\", \"applied_at\") VALUES (?, ?, ?, ?)",
                     {m.hash, m.created_at_ms, m.name, iso_utc(now_ms())});
        }
    }

    void forget(const RecordedRow& row) override {
        // rowid: the 0.45 table's `id SERIAL` column is NULL in every row.
        c_.query("DELETE FROM " + quote_identifier_as_orm(table_) + " WHERE rowid = ?", {row.key});
    }

    void commit() override {
        if (foreign_keys_relaxed_) check_foreign_keys();
        c_.exec("COMMIT");
        in_transaction_ = false;
        restore_foreign_keys();
    }

    void rollback() noexcept override {
        if (in_transaction_) {
            in_transaction_ = false;
            try {
                // Some errors (disk full, I/O) already rolled back; ROLLBACK then fails harmlessly.
                c_.exec("ROLLBACK");
            } catch (...) {
            }
        }
        restore_foreign_keys();
    }

private:
    void lock() {
        try {
            c_.exec("BEGIN IMMEDIATE");
        } catch (const DbError& e) {
            if (e.code().starts_with("SQLITE_BUSY")) {
                throw DbError("could not take the migration lock on " + c_.describe() + " within " +
                                  std::to_string(lock_timeout_ms_) +
                                  " ms: another migrator or a writer holds the database (" + e.what() + ")",
                              e.code(), e.statement());
            }
            throw;
        }
        in_transaction_ = true;
    }

    void restore_foreign_keys() noexcept {
        if (!foreign_keys_relaxed_) return;
        foreign_keys_relaxed_ = false;
        try {
            c_.exec("PRAGMA foreign_keys=ON");
        } catch (...) {
        }
    }

    void check_foreign_keys() {
        auto violations = c_.query("PRAGMA foreign_key_check");
        if (violations.empty()) return;
        std::string list;
        constexpr std::size_t shown = 10;
        for (std::size_t i = 0; i < violations.size() && i < shown; ++i) {
            const auto& v = violations[i];
            list += "\n  table " + v[0].value_or("?") + " rowid " + v[1].value_or("NULL") +
                    " references missing row in " + v[2].value_or("?");
        }
        if (violations.size() > shown)
            list += "\n  ... and " + std::to_string(violations.size() - shown) + " more";
        throw DbError(std::to_string(violations.size()) +
                          " row(s) violate foreign keys after the migration (foreign keys were off while it "
                          "ran, for its table rebuilds; nothing was committed):" +
                          list,
                      "SQLITE_CONSTRAINT_FOREIGNKEY", "PRAGMA foreign_key_check");
    }

    bool table_exists() {
        return !c_.query("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ? COLLATE NOCASE", {table_})
                    .empty();
    }

    std::vector<std::string> columns() {
        std::vector<std::string> cols;
        for (auto& r : c_.query("SELECT name FROM pragma_table_info(?)", {table_}))
            cols.push_back(r[0].value_or(""));
        return cols;
    }

    static bool has(const std::vector<std::string>& cols, const std::string& name) {
        return std::find(cols.begin(), cols.end(), name) != cols.end();
    }

    /// drizzle-orm 1.0's upgrade of a 0.45 table: add name/applied_at, name every row after the
    /// local migration it belongs to, applied_at NULL (unknown). Rows belonging to no local
    /// migration abort the upgrade, as there.
    void upgrade_to_v1(const std::vector<LocalMigration>& local, const std::vector<std::string>& cols) {
        auto rows = read_rows();
        auto names = names_for_upgrade(local, rows, quote_identifier_as_orm(table_), folder_, [](const RecordedRow& row) {
            return "id " + row.id.value_or("NULL") + " (rowid " + std::to_string(row.key) + ")";
        });
        const std::string table = quote_identifier_as_orm(table_);
        if (!has(cols, "name")) c_.exec("ALTER TABLE " + table + " ADD COLUMN \"name\" text");
        if (!has(cols, "applied_at")) c_.exec("ALTER TABLE " + table + " ADD COLUMN \"applied_at\" TEXT");
        for (std::size_t i = 0; i < rows.size(); ++i) {
            // rowid, not drizzle's id/created_at/hash fallbacks: it names exactly this row.
            c_.query("UPDATE " + table + " SET \"name\" = ?, \"applied_at\" = NULL WHERE rowid = ?",
                     {names[i], rows[i].key});
        }
    }

    Connection& c_;
    std::string table_;
    std::filesystem::path folder_;
    int lock_timeout_ms_ = 0;
    std::optional<std::string> saved_busy_timeout_;
    bool foreign_keys_on_ = false;
    bool foreign_keys_relaxed_ = false;
    bool in_transaction_ = false;
};

}  // namespace

std::unique_ptr<MigrationStore> make_sqlite_migration_store(Connection& connection,
                                                            const MigrateOptions& options) {
    return std::make_unique<SqliteMigrationStore>(connection, options);
}

}  // namespace drizzle::sqlite
