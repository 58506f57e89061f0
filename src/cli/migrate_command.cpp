// `migrate`: apply the pending migrations of the folder to the configured database.
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/database.hpp"
#include "cli/folder_dialect.hpp"
#include "drizzle/migrate/folder.hpp"
#include "drizzle/migrate/migrator.hpp"

#include <iostream>

namespace drizzle::cli {

int run_migrate(const MigrateOptionsCli& options) {
    Config config = resolve_config(options.config);
    MigrateOptions migrate_options;
    migrate_options.folder = config.out_dir();
    migrate_options.table = config.migrations_table;
    migrate_options.schema = config.migrations_schema;
    if (options.tx_mode == "all") {
        migrate_options.tx_mode = TxMode::all;
    } else if (options.tx_mode == "file") {
        migrate_options.tx_mode = TxMode::file;
    } else {
        throw UserError("--tx-mode " + options.tx_mode + ": use all or file");
    }
    migrate_options.allow_modified = options.allow_modified;
    migrate_options.allow_out_of_order = options.allow_out_of_order;
    migrate_options.allow_missing = options.allow_missing;
    migrate_options.lock_timeout_ms = options.lock_timeout_seconds * 1000;
    migrate_options.log = [](const std::string& line) { std::cout << line << std::endl; };

    // Before connecting: opening a SQLite path creates the file, and a wrong `out` must leave
    // nothing behind (no database file, no bookkeeping table).
    check_migrations_folder(migrate_options);
    // A folder of another dialect is refused before the database is opened (or created) too.
    require_folder_dialect(config, MigrationsFolder::read(migrate_options.folder));
    auto connection = open_database(config);
    MigrateResult result = migrate(*connection, migrate_options);
    if (result.applied.empty()) {
        print_success("No pending migrations (" + std::to_string(result.already_applied) + " already applied)");
    } else {
        print_success(std::to_string(result.applied.size()) + " migration(s) applied successfully!");
    }
    return exit_ok;
}

}  // namespace drizzle::cli
