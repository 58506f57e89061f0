// `migrate`: apply the pending migrations of the folder to the configured database.
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "drizzle/kit/apply_migrations.hpp"

#include <CLI/CLI.hpp>

#include <iostream>

namespace drizzle::cli {

int run_migrate(const MigrateOptionsCli& options) {
    Config config = resolve_config(options.config);
    MigrateOptions migrate_options;
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

    MigrateResult result = kit::apply_migrations(config, migrate_options);
    if (result.applied.empty()) {
        print_success("No pending migrations (" + std::to_string(result.already_applied) + " already applied)");
    } else {
        print_success(std::to_string(result.applied.size()) + " migration(s) applied successfully!");
    }
    return exit_ok;
}

void add_migrate_command(CLI::App& app, CommandList& commands) {
    auto options = std::make_shared<MigrateOptionsCli>();
    auto* command = app.add_subcommand("migrate", "Apply pending migrations to the database");
    add_config_flags(*command, options->config, false, true);
    add_database_flags(*command, options->config);
    command
        ->add_option("--tx-mode", options->tx_mode,
                     "all: one transaction for the run (default); file: one per migration")
        ->check(CLI::IsMember({"all", "file"}));
    command->add_flag("--allow-modified", options->allow_modified,
                      "Go on when an applied migration's file has changed (warns)");
    command->add_flag("--allow-out-of-order", options->allow_out_of_order,
                      "Apply pending migrations older than the newest applied one (a merged branch that "
                      "commutes with the applied migrations needs no flag)");
    command->add_flag("--allow-missing", options->allow_missing,
                      "Go on when the database records migrations whose files are gone (warns)");
    command->add_option("--lock-timeout", options->lock_timeout_seconds,
                        "Seconds to wait for another migrator (default 60)");
    command->footer(kExitCodes);
    // `migrate down` first: its parent counts as parsed too, and the first parsed command runs.
    add_migrate_down_command(*command, commands);
    commands.push_back({command, [options] { return run_migrate(*options); }});
}

} // namespace drizzle::cli
