// Folder checks first, then the migrator against the configured database.
#include "drizzle/kit/apply_migrations.hpp"

#include "drizzle/kit/database.hpp"
#include "drizzle/kit/folder_dialect.hpp"
#include "drizzle/migrate/folder.hpp"

namespace drizzle::kit {

MigrateResult apply_migrations(const Config& config, MigrateOptions options) {
    options.folder = config.out_dir();
    options.table = config.migrations_table;
    options.schema = config.migrations_schema;
    // Before connecting: opening a SQLite path creates the file, and a wrong `out` must leave
    // nothing behind (no database file, no bookkeeping table).
    check_migrations_folder(options);
    // A folder of another dialect is refused before the database is opened (or created) too.
    require_folder_dialect(config, MigrationsFolder::read(options.folder));
    auto connection = open_database(config);
    return migrate(*connection, options);
}

} // namespace drizzle::kit
