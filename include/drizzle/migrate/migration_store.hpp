// The migrator's view of a database: where applied migrations are recorded and how runs are
// serialised. Each dialect provides one (DialectOps::migration_store); the migrator, status and
// check drive it through this interface. The lock is held as a MigrationLock (below).
#pragma once

#include "drizzle/driver/connection.hpp"
#include "drizzle/migrate/folder.hpp"
#include "drizzle/migrate/migrator.hpp"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace drizzle {

/// One migration a squash migration replaces, as its `replaces.json` records it.
struct ReplacedMigration {
    std::string name;               ///< the replaced folder's name
    std::string hash;               ///< drizzle-orm's hash of its SQL, as recorded when applied (LocalMigration::hash)
    std::int64_t created_at_ms = 0; ///< its folder time, as recorded in created_at
};

/// A migration file as the migrator sees it.
struct LocalMigration {
    std::string name;  ///< folder name (v1) or journal tag (legacy)
    std::int64_t created_at_ms = 0;
    std::string sql;           ///< file bytes, executed as is
    std::string hash;          ///< drizzle-orm's hash (what is recorded)
    std::string raw_hash;      ///< sha256 of the bytes (differs only for invalid UTF-8)
    std::string display_path;  ///< sql path relative to the migrations folder
    bool switches_foreign_keys_off = false;
    bool outside_transaction = false;  ///< first line `-- drizzle:txmode none`
    /// v1 `squash` migrations: the migrations it replaces (its `replaces.json`), in order. A
    /// database that recorded all of them has applied it (see plan_migrations).
    std::vector<ReplacedMigration> replaces;
};

/// One row of the bookkeeping table.
struct RecordedRow {
    std::int64_t key = 0;           ///< store-specific row identity (SQLite rowid)
    std::optional<std::string> id;  ///< the `id` column (NULL in drizzle-orm 0.45 SQLite rows)
    std::string hash;
    std::optional<std::string> created_at;  ///< as stored (a number in text form)
    std::optional<std::string> name;        ///< NULL/absent before drizzle-orm 1.0
};

/// A dialect's bookkeeping table and migration lock. Get one for a connection with
/// open_migration_store() (or dialect_ops(connection.dialect()).migration_store(...)); it uses the
/// connection for its lifetime and gives back the session settings it changed when destroyed.
///
/// Read-only use (status, check): peek_rows() / read_rows() / count_rows() create nothing and
/// take no lock. Writing: ensure_table(), then begin() ... record() ... commit() (or rollback()),
/// best held as a MigrationLock.
class MigrationStore {
public:
    virtual ~MigrationStore() = default;

    /// Creates the bookkeeping table as drizzle-orm does for `layout`, or upgrades an older one
    /// (v1 folder meeting a 0.45 table: adds name/applied_at and backfills names from `local`).
    /// Committed on its own, before any migration runs (drizzle keeps it after a failed run too).
    virtual void ensure_table(FolderLayout layout, const std::vector<LocalMigration>& local) = 0;

    /// Whether migrations that switch foreign keys off need `begin(true)` to take effect
    /// (SQLite: the connection enforces foreign keys, and the pragma is a no-op in a transaction).
    virtual bool enforces_foreign_keys() const = 0;

    /// Takes the migration lock (waiting up to the lock timeout) and starts the transaction the
    /// migrations and their rows are written in. With `relax_foreign_keys` enforcement is off
    /// for the transaction and verified in commit().
    virtual void begin(bool relax_foreign_keys) = 0;

    /// The recorded rows in one round trip, without the lock and without creating anything:
    /// std::nullopt when the table is missing, or not yet shaped for `layout`, or the store cannot
    /// tell cheaply. Lets an up-to-date database be recognised at application start with a
    /// single query; anything pending still goes through ensure_table() and the lock.
    virtual std::optional<std::vector<RecordedRow>> peek_rows(FolderLayout /*layout*/) { return std::nullopt; }

    /// All recorded rows, in insertion order; empty when the table does not exist. Creates
    /// nothing. Under the lock (the migrator) it is the truth; without it (status) a migrator
    /// running meanwhile may add rows.
    virtual std::vector<RecordedRow> read_rows() = 0;

    /// How many rows the bookkeeping table holds; 0 when it does not exist. Reads only: no
    /// table is created and no lock taken (`pull --baseline` asks it before writing anything).
    virtual std::size_t count_rows() = 0;

    /// Records `migration` as applied, inside the current transaction.
    virtual void record(const LocalMigration& migration, FolderLayout layout) = 0;

    /// Deletes the recorded row `row` (one read_rows() returned, identified by its key) inside the
    /// current transaction: `resolve --rolled-back` forgets a migration so migrate runs it again.
    virtual void forget(const RecordedRow& row) = 0;

    /// Verifies (foreign keys, if relaxed) and commits; releases the lock. Throws without
    /// committing when verification fails; the caller then calls rollback().
    virtual void commit() = 0;

    /// Rolls back if a transaction is open and restores the session settings. Never throws.
    virtual void rollback() noexcept = 0;

    /// Whether the lock outlives the transaction, so a `-- drizzle:txmode none` migration can run
    /// between rollback() and the next begin() with other migrators still kept out (PostgreSQL's
    /// session advisory lock). SQLite's lock is its write transaction: false.
    virtual bool lock_survives_transactions() const { return false; }

    /// Whether `type` (as written in SQL, e.g. `"s"."mood"`) names an existing type, so an
    /// `ALTER TYPE … ADD VALUE` on it can run and commit before the migration that uses the value
    /// (PostgreSQL: to_regtype). Stores of databases without such types answer false.
    virtual bool type_exists(const std::string& /*type*/) { return false; }
};

/// The store of `connection`'s dialect for the bookkeeping table `options.table` (in
/// `options.schema` where the dialect has schemas), with `options.lock_timeout_ms` as the lock
/// timeout: dialect_ops(connection.dialect()).migration_store(connection, options). UserError for
/// a dialect that is not built in or registered.
std::unique_ptr<MigrationStore> open_migration_store(Connection& connection, const MigrateOptions& options);

/// The migration lock as a scope: the constructor takes it (store.begin(), waiting up to the
/// lock timeout) and opens the transaction that migrations and their rows are written in;
/// commit() commits and releases it; leaving the scope without commit() rolls back. While it is
/// held no other drizzle migrator or push of the same bookkeeping table runs.
///
///     auto store = open_migration_store(connection, options);
///     store->ensure_table(layout, local);
///     MigrationLock lock(*store);
///     auto plan = plan_migrations(layout, local, store->read_rows());  // the truth, under the lock
///     ... run statements through `connection`, store->record(m, layout) for each ...
///     lock.commit();
///
/// On PostgreSQL the session advisory lock outlives the transaction and is only released when
/// the store is destroyed (MigrationStore::lock_survives_transactions()); on SQLite the lock is
/// the write transaction itself.
class MigrationLock {
public:
    /// Takes the lock; `relax_foreign_keys` as MigrationStore::begin().
    explicit MigrationLock(MigrationStore& store, bool relax_foreign_keys = false) : store_(store) {
        store_.begin(relax_foreign_keys);
    }
    ~MigrationLock() { release(); }
    MigrationLock(const MigrationLock&) = delete;
    MigrationLock& operator=(const MigrationLock&) = delete;

    /// Commits the transaction (verifying foreign keys if they were relaxed) and releases the
    /// lock. On failure it rolls back and rethrows. Does nothing once released.
    void commit() {
        if (!held_) return;
        held_ = false;
        try {
            store_.commit();
        } catch (...) {
            store_.rollback();
            throw;
        }
    }

    /// Rolls back now, if still held. Never throws.
    void release() noexcept {
        if (!held_) return;
        held_ = false;
        store_.rollback();
    }

    /// Whether neither commit() nor release() has run yet.
    bool held() const noexcept { return held_; }

private:
    MigrationStore& store_;
    bool held_ = true;
};

}  // namespace drizzle
