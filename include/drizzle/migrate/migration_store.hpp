// The migrator's view of a database: where applied migrations are recorded and how runs are
// serialised. Each dialect provides one (DialectOps::migration_store); the migrator, status and
// check drive it through this interface.
#pragma once

#include "drizzle/driver/connection.hpp"
#include "drizzle/migrate/folder.hpp"
#include "drizzle/migrate/migrator.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace drizzle {

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
};

/// One row of the bookkeeping table.
struct RecordedRow {
    std::int64_t key = 0;           ///< store-specific row identity (SQLite rowid)
    std::optional<std::string> id;  ///< the `id` column (NULL in drizzle-orm 0.45 SQLite rows)
    std::string hash;
    std::optional<std::string> created_at;  ///< as stored (a number in text form)
    std::optional<std::string> name;        ///< NULL/absent before drizzle-orm 1.0
};

/// A dialect's bookkeeping table and migration lock.
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

    /// All recorded rows, in insertion order. Called under the lock to get the truth.
    virtual std::vector<RecordedRow> read_rows() = 0;

    /// Records `migration` as applied, inside the current transaction.
    virtual void record(const LocalMigration& migration, FolderLayout layout) = 0;

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

}  // namespace drizzle
