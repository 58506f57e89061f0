// What the migrations folder holds and what the database records, side by side (for `status`,
// `check` and front ends that show the state before acting).
#pragma once

#include "drizzle/config/config.hpp"
#include "drizzle/driver/connection.hpp"
#include "drizzle/migrate/folder.hpp"
#include "drizzle/migrate/migration_store.hpp"

#include <vector>

namespace drizzle::kit {

/// The folder and the database state of one config.
struct MigrationState {
    MigrationsFolder folder;           ///< the config's folder, as read
    std::vector<LocalMigration> local; ///< its migrations
    std::vector<RecordedRow> recorded; ///< the bookkeeping table's rows; {} when there is no table
};

/// Reads the config's folder (refusing one of another dialect) and the rows the database behind
/// `connection` records. Creates nothing: a database without the bookkeeping table records nothing.
MigrationState read_migration_state(const Config& config, Connection& connection);

} // namespace drizzle::kit
