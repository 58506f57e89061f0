// Where each migration of the folder stands against a database: applied, pending, out of order,
// edited after apply, recorded without a file (`drizzle-kit status`, `check --db`).
#pragma once

#include "drizzle/config/config.hpp"
#include "drizzle/kit/migration_state.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace drizzle::kit {

/// The state of one migration.
enum class MigrationStatusKind {
    applied,      ///< recorded, and its file is what was applied
    pending,      ///< not recorded; newer than every applied migration
    out_of_order, ///< not recorded, but older than an applied migration (merged from a branch)
    edited,       ///< recorded, but its file changed since (hash differs)
    missing_file, ///< recorded in the database, no file in the folder (deleted or renamed)
    /// Started but not finished, where the dialect cannot roll DDL back (MySQL, later). No dialect
    /// reports it yet: SQLite and PostgreSQL apply a migration and its row in one transaction.
    partially_applied,
};

/// "applied", "pending", "out of order", "edited after apply", "missing file", "partially applied".
std::string_view to_string(MigrationStatusKind kind);

/// One migration's line of the report.
struct MigrationStatusEntry {
    std::string name; ///< folder name (v1), journal tag (0.x), or what the row records for a missing one
    std::string file; ///< the SQL file relative to the migrations folder; empty for missing_file
    MigrationStatusKind kind = MigrationStatusKind::pending;
    std::optional<std::int64_t> created_at_ms; ///< the migration's time (folder time, journal `when`, or the row's)
    std::string detail; ///< why: recorded vs file hash, the applied migration it is older than, ...
};

/// The folder against the database.
struct StatusReport {
    std::vector<MigrationStatusEntry> entries; ///< in folder order, then the missing ones in recorded order
    std::size_t applied = 0;                   ///< migrations of the folder the database records (edited ones included)
    std::size_t pending = 0; ///< migrations of the folder it does not record (out-of-order ones included)
    /// Whether the database records any migration (a bookkeeping table with rows). False for a
    /// database never migrated, whose table does not exist (status creates none), or an empty one.
    bool table_exists = false;
    /// False when the configured database is a local file that does not exist yet (read_status
    /// does not create it): everything is pending.
    bool database_exists = true;

    /// Nothing pending, out of order, edited, missing or partially applied.
    bool up_to_date() const;
    /// How many entries are of `kind`.
    std::size_t count(MigrationStatusKind kind) const;
};

/// The report for a state read by read_migration_state(): plan_migrations() of its folder layout,
/// local migrations and recorded rows, one entry per migration. Pure.
StatusReport migration_status(const MigrationState& state);

/// Reads the config's folder (UserError when it does not exist or belongs to another dialect),
/// opens the configured database and reports. Creates nothing: no bookkeeping table or schema,
/// and no database file (a SQLite file that does not exist shows everything pending).
StatusReport read_status(const Config& config);

} // namespace drizzle::kit
