// `drop`: remove an unapplied migration (the latest, --name, or one picked on the terminal).
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/migration_picker.hpp"
#include "drizzle/kit/drop_migration.hpp"

#include <CLI/CLI.hpp>

#include <iostream>

namespace drizzle::cli {

int run_drop(const DropOptions& options) {
    Config config = resolve_config(options.config);
    if (!options.name.empty() && options.latest) throw UserError("give --name or --latest, not both");
    kit::DropRequest request;
    request.force = options.force;
    request.name = options.name;
    if (request.name.empty() && !options.latest) {
        // Dropping the wrong migration loses work: without a terminal to show the choice on,
        // the caller has to say which.
        if (!interactive_terminal()) {
            throw UserError("drop needs --name NAME or --latest when not run on a terminal (nothing was dropped)");
        }
        const MigrationsFolder folder = MigrationsFolder::read(config.out_dir());
        if (folder.entries.empty()) throw UserError("no migrations to drop in " + config.out_dir().string());
        std::vector<std::string> names;
        for (const auto& e : folder.entries)
            names.push_back(e.name);
        const auto picked = pick_migration(names, std::cin, std::cout);
        if (!picked) {
            print_info("Nothing dropped.");
            return exit_ok;
        }
        request.name = names[*picked];
    }
    kit::DropResult result = kit::drop_migration(config, request);
    for (const auto& note : result.notes)
        print_info("note: " + note);
    for (const auto& warning : result.warnings)
        print_info("warning: " + warning);
    for (const auto& name : result.relinked) {
        print_info(name + ": its snapshot now follows " + result.dropped + "'s parent (chain re-linked)");
    }
    print_success(result.dropped + " migration successfully dropped");
    return exit_ok;
}

void add_drop_command(CLI::App& app, CommandList& commands) {
    auto options = std::make_shared<DropOptions>();
    auto* command = app.add_subcommand("drop", "Remove an unapplied migration from the migrations folder");
    add_config_flags(*command, options->config, false, true);
    command->add_option("--name", options->name,
                        "The migration: folder name / journal tag, a unique prefix of it, or its name "
                        "without the prefix (\"add_posts\")");
    command->add_flag("--latest", options->latest, "Drop the latest migration (no picker)");
    command->add_flag("--force", options->force,
                      "Drop even if the database records it as applied, or cannot be reached (warns)");
    add_database_flags(*command, options->config);
    command->footer(
        std::string(
            "\n"
            "Remove an unapplied migration: its folder (1.0 layout), or its SQL file, its snapshot and its\n"
            "journal entry (0.31 layout), all or nothing, so the next `generate` diffs against the snapshot\n"
            "before it. Which one: --latest, --name, or (on a terminal, without either) a numbered picker with\n"
            "the latest pre-selected. Without a terminal, --name or --latest is required (exit 3 otherwise).\n"
            "Dropping a migration that is not the latest re-links the next snapshot to its parent and warns\n"
            "that later migrations were generated on top of it.\n"
            "Database check: when the config has dbCredentials, the database is asked first. A migration it\n"
            "records as applied is refused (exit 3) unless --force, which drops the files and leaves the\n"
            "database with its changes and its row. A database that cannot be reached fails (exit 1) unless\n"
            "--force, which drops without checking. No dbCredentials, or a SQLite file that does not exist:\n"
            "nothing can be applied there, so the migration is dropped (with a note)."
            "\n\nExamples:\n"
            "  drizzle-kit drop                      # on a terminal: pick from a list\n"
            "  drizzle-kit drop --latest             # in scripts/CI\n"
            "  drizzle-kit drop --name add_posts     # or 20250101120000_add_posts, 0003_add_posts\n"
            "  drizzle-kit drop --name 0003 --force  # even if the database applied it\n") +
        kExitCodes);
    commands.push_back({command, [options] { return run_drop(*options); }});
}

} // namespace drizzle::cli
