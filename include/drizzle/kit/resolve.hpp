// Recording or forgetting migrations without running them (`drizzle-kit resolve`): baselining an
// existing database, and recovering after a failed or hand-applied deploy.
#pragma once

#include "drizzle/config/config.hpp"
#include "drizzle/driver/connection.hpp"

#include <functional>
#include <string>
#include <vector>

namespace drizzle::kit {

/// What resolve changes in the bookkeeping table.
enum class ResolveAction {
    applied,     ///< record one migration as applied, without running it
    rolled_back, ///< forget a recorded migration (delete its row), so migrate runs it again
    baseline_to, ///< record every unrecorded migration up to and including one, without running them
};

struct ResolveRequest {
    ResolveAction action = ResolveAction::applied;
    /// The migration: its folder name (v1) or journal tag (0.x); a path to it, or its .sql file,
    /// is accepted too. For rolled_back also the name of a recorded migration whose file is gone.
    std::string name;
    int lock_timeout_ms = 60000; ///< how long to wait for a migrator holding the lock
};

struct ResolveResult {
    std::vector<std::string> recorded;  ///< names recorded as applied, in folder order
    std::vector<std::string> forgotten; ///< names whose rows were deleted
    /// Set when nothing needed changing (already applied, nothing left to baseline): why.
    std::string nothing_to_do;
};

/// Opens the config's database and resolves there (see the overload below). The folder is read
/// (and one of another dialect refused) before the database is opened.
ResolveResult resolve_migration(const Config& config, const ResolveRequest& request);

/// Resolves on `connection`: the bookkeeping table is created as migrate() would (ensure_table),
/// then, under the migrator's lock and in one transaction, rows are recorded exactly as migrate()
/// records them (MigrationStore::record) or deleted (MigrationStore::forget). UserError, changing
/// nothing, for an unknown name (listing close ones), for rolled_back of a migration the database
/// does not record. applied of a migration already applied changes nothing (nothing_to_do).
ResolveResult resolve_migration(const Config& config, Connection& connection, const ResolveRequest& request);

} // namespace drizzle::kit
