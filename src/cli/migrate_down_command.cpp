// `migrate down`: roll back the newest applied migrations through their down files.
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "drizzle/kit/migrate_down.hpp"

#include <CLI/CLI.hpp>

#include <iostream>

namespace drizzle::cli {

namespace {

std::string statements_label(std::size_t n) {
    return std::to_string(n) + (n == 1 ? " statement" : " statements");
}

void print_plan(const RollbackPlan& plan) {
    std::cout << "Roll back " << plan.steps.size() << " migration(s), newest first:\n";
    for (const auto& step : plan.steps)
        std::cout << "  " << step.name << " (" << step.down_display_path << ", " << statements_label(step.statements)
                  << ")\n";
    for (const auto& step : plan.steps) {
        std::cout << "\n-- " << step.down_display_path << "\n" << step.down_sql;
        if (!step.down_sql.empty() && step.down_sql.back() != '\n') std::cout << "\n";
    }
    std::cout.flush();
}

} // namespace

int run_migrate_down(const MigrateDownOptions& options) {
    Config config = resolve_config(options.config);
    if (options.steps < 1) throw UserError("--steps " + std::to_string(options.steps) + ": give 1 or more");
    kit::MigrateDownRequest request;
    request.steps = static_cast<std::size_t>(options.steps);
    request.to = options.to;
    request.dry_run = options.dry_run;
    request.force = options.force;
    request.lock_timeout_ms = options.lock_timeout_seconds * 1000;
    request.log = [](const std::string& line) { std::cout << line << std::endl; };

    const kit::MigrateDownResult result = kit::migrate_down(config, request);
    for (const auto& warning : result.warnings)
        print_info("warning: " + warning);
    if (!result.nothing_to_do.empty()) {
        print_success("Nothing to roll back: " + result.nothing_to_do);
        return exit_ok;
    }
    if (result.dry_run) {
        print_plan(result.rollback.plan);
        print_info("Dry run: nothing was rolled back.");
        return exit_ok;
    }
    std::string summary;
    for (const auto& step : result.rollback.plan.steps)
        summary += (summary.empty() ? "" : ", ") + step.name + " (" + statements_label(step.statements) + ")";
    print_success(std::to_string(result.rollback.rolled_back.size()) + " migration(s) rolled back: " + summary);
    return exit_ok;
}

void add_migrate_down_command(CLI::App& migrate, CommandList& commands) {
    auto options = std::make_shared<MigrateDownOptions>();
    auto* command = migrate.add_subcommand("down", "Roll back the newest applied migrations through their down files");
    add_config_flags(*command, options->config, false, true);
    add_database_flags(*command, options->config);
    auto* steps =
        command->add_option("--steps", options->steps, "How many of the newest applied migrations (default 1)");
    command
        ->add_option("--to", options->to,
                     "Roll back every migration applied after this one (it stays applied): folder name / journal "
                     "tag, a unique prefix, or its name without the prefix")
        ->excludes(steps);
    command->add_flag("--dry-run", options->dry_run, "Print the plan and each down file's SQL; change nothing");
    command->add_flag("--force", options->force,
                      "Roll back even when the database has drifted from the migrations (warns)");
    command->add_option("--lock-timeout", options->lock_timeout_seconds,
                        "Seconds to wait for another migrator (default 60)");
    command->footer(std::string(
        "\n"
        "Rolls back the newest applied migrations (in the order they were applied) by running their down\n"
        "files (v1: <migration>/down.sql; 0.31 layout: <tag>.down.sql) newest first, in one transaction\n"
        "under the migrator's lock, deleting their rows from the bookkeeping table in it. A down file\n"
        "starting with `-- drizzle:txmode none` runs outside it (PostgreSQL only). Any failing statement\n"
        "rolls everything back and names the migration, the down file and the statement.\n"
        "Refused (exit 1, nothing changed): a migration without a down file or whose folder is gone; a\n"
        "down file edited after generation (delete its `-- drizzle:down` line to accept the edit); an\n"
        "empty down file for a migration with statements; a squash migration; and a database that has\n"
        "drifted from the snapshot of the last applied migration (the differences are printed; --force\n"
        "goes on). Nothing applied: exit 0 with a message. `migrate` applies them again afterwards."
        "\n\nExamples:\n"
        "  drizzle-kit migrate down                         # the latest applied migration\n"
        "  drizzle-kit migrate down --steps 2 --dry-run     # show the plan and the SQL, change nothing\n"
        "  drizzle-kit migrate down --to add_posts          # back to right after add_posts\n"
        "\nExit codes: 0 rolled back, or nothing to roll back; 1 refused (drift, a missing, edited or empty\n"
        "down file) or a down statement failed (nothing changed); 3 invalid config or flags (--steps more\n"
        "than applied, --to not applied or unknown).\n"));
    commands.push_back({command, [options] { return run_migrate_down(*options); }});
}

} // namespace drizzle::cli
