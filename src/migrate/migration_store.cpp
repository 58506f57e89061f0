// A connection's migration store, found through its dialect's registered operations.
#include "drizzle/migrate/migration_store.hpp"

#include "drizzle/dialect/dialect_ops.hpp"
#include "drizzle/dialect/registry.hpp"

namespace drizzle {

std::unique_ptr<MigrationStore> open_migration_store(Connection& connection, const MigrateOptions& options) {
    return dialect_ops(connection.dialect()).migration_store(connection, options);
}

} // namespace drizzle
