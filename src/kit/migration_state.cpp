// Reads the folder's migrations and the bookkeeping table's rows without changing either.
#include "drizzle/kit/migration_state.hpp"

#include "drizzle/dialect/dialect_ops.hpp"
#include "drizzle/dialect/registry.hpp"
#include "drizzle/kit/folder_dialect.hpp"
#include "drizzle/migrate/migrator.hpp"
#include "drizzle/migrate/plan.hpp"

namespace drizzle::kit {

MigrationState read_migration_state(const Config& config, Connection& connection) {
    MigrationState state;
    state.folder = MigrationsFolder::read(config.out_dir());
    require_folder_dialect(config, state.folder);
    // The migrator's own reading, so the hashes compare with the recorded rows.
    state.local = drizzle::read_local_migrations(state.folder);
    MigrateOptions options;
    options.folder = config.out_dir();
    options.table = config.migrations_table;
    options.schema = config.migrations_schema;
    if (count_recorded_migrations(connection, options) == 0) return state;
    auto store = dialect_ops(connection.dialect()).migration_store(connection, options);
    if (auto rows = store->peek_rows(state.folder.layout)) {
        state.recorded = std::move(*rows);
        return state;
    }
    // The store cannot tell without its lock: read under it, then let go, changing nothing.
    store->begin(false);
    try {
        state.recorded = store->read_rows();
    } catch (...) {
        store->rollback();
        throw;
    }
    store->rollback();
    return state;
}

} // namespace drizzle::kit
