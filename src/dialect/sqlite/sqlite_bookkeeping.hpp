// SQLite's migration store (drizzle-orm's bookkeeping table, BEGIN IMMEDIATE as the lock).
#pragma once

#include "drizzle/migrate/migration_store.hpp"

#include <memory>

namespace drizzle::sqlite {

/// SQLite: table `options.table` (no schema), BEGIN IMMEDIATE as the lock. Reached through
/// DialectOps::migration_store only.
std::unique_ptr<MigrationStore> make_sqlite_migration_store(Connection& connection, const MigrateOptions& options);

} // namespace drizzle::sqlite
