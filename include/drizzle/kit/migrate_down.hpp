// The `migrate down` workflow: the newest applied migrations rolled back through their down files,
// after checking the down files and that the database has not drifted from the migrations.
#pragma once

#include "drizzle/config/config.hpp"
#include "drizzle/driver/connection.hpp"
#include "drizzle/kit/drift.hpp"
#include "drizzle/migrate/rollback.hpp"

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace drizzle::kit {

/// Which migrations to roll back and how.
struct MigrateDownRequest {
    std::size_t steps = 1; ///< the newest `steps` applied migrations (when `to` is empty)
    /// Roll back every migration applied after this one (it stays applied): a folder name /
    /// journal tag, a unique prefix of one, or its name without the prefix (find_migration()).
    std::string to;
    bool dry_run = false; ///< plan, verify and show the SQL; nothing is run or written
    bool force = false;   ///< go on when the database has drifted (or drift cannot be measured)
    int lock_timeout_ms = 60000;
    /// Progress lines (one "rolled back <name> (<down file>)" per migration). May be empty.
    std::function<void(const std::string&)> log;
};

/// What migrate_down() found and did.
struct MigrateDownResult {
    RollbackResult rollback; ///< the plan (steps newest first) and what was rolled back
    bool dry_run = false;
    /// Set when there was nothing to roll back: why (no migration applied, `to` is the latest...).
    std::string nothing_to_do;
    bool drift_measured = false;
    DriftReport drift;                 ///< the drift found (only non-empty when `force` let the rollback go on)
    std::vector<std::string> warnings; ///< to print before the result (drift accepted by --force, ...)
};

/// Refuses (RollbackRefused, naming the migration and file) a plan whose down file was edited
/// after generation (its `-- drizzle:down` checksum no longer matches) or holds no statement
/// while its migration's SQL does. Hand-written down files (no checksum line) are accepted.
void verify_down_files(const RollbackPlan& plan);

/// Rolls back on `connection` the config's folder's newest applied migrations (see
/// drizzle::rollback_migrations: the migrator's lock, one transaction, rows forgotten), after
/// verify_down_files() and, under the lock, a drift check: the database against the snapshot of
/// the last applied migration (detect_drift). Drift, or a last applied migration without a
/// snapshot, is refused (RollbackRefused listing the differences and the SQL that repairs them)
/// unless `force` (then a warning). UserError for an unknown `to` or a folder of another dialect.
MigrateDownResult migrate_down(const Config& config, Connection& connection, const MigrateDownRequest& request);

/// As above on the configured database. A local database file that does not exist has nothing
/// to roll back: it is not created.
MigrateDownResult migrate_down(const Config& config, const MigrateDownRequest& request);

} // namespace drizzle::kit
