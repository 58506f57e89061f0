// PostgreSQL's migration store (drizzle-orm's bookkeeping table, a session advisory lock).
#pragma once

#include "drizzle/migrate/migration_store.hpp"

#include <memory>

namespace drizzle::pg {

/// PostgreSQL: table `options.schema`.`options.table`, a session advisory lock for the whole run.
/// Reached through DialectOps::migration_store only.
std::unique_ptr<MigrationStore> make_pg_migration_store(Connection& connection, const MigrateOptions& options);

} // namespace drizzle::pg
