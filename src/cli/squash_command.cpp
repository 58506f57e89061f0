// `squash`: replace a range of migrations by one whose SQL is the range's net diff.
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "drizzle/kit/database.hpp"
#include "drizzle/kit/migration_state.hpp"
#include "drizzle/kit/squash.hpp"

#include <CLI/CLI.hpp>

#include <iostream>

namespace drizzle::cli {

namespace fs = std::filesystem;

namespace {

/// A configured, reachable database that applied part of the range is refused; one that cannot
/// be reached (or does not exist yet) is only mentioned.
void check_database(const Config& config, const kit::SquashPlan& plan) {
    if (config.credentials.empty()) return;
    std::vector<RecordedRow> recorded;
    try {
        kit::require_existing_database(config);
        auto connection = kit::open_database(config);
        recorded = kit::read_migration_state(config, *connection).recorded;
    } catch (const Error& e) {
        print_info(std::string("notice: the configured database was not checked (") + e.what() +
                   "); make sure no database has applied only part of the range");
        return;
    }
    kit::require_range_applied_whole(plan, recorded);
}

} // namespace

int run_squash(const SquashOptions& options) {
    Config config = resolve_config(options.config);
    const kit::SquashPlan plan =
        kit::plan_squash(config, {options.from, options.to, options.name, options.force}, print_info);
    check_database(config, plan);
    const fs::path written = kit::write_squash(plan);
    std::error_code ec;
    fs::path shown = fs::relative(written, fs::current_path(), ec);
    if (ec || shown.empty()) shown = written;
    print_success("Squashed " + std::to_string(plan.replaces.size()) + " migrations (" + plan.replaces.front().name +
                  " .. " + plan.replaces.back().name + ") ➜ " + shown.string());
    return exit_ok;
}

void add_squash_command(CLI::App& app, CommandList& commands) {
    auto options = std::make_shared<SquashOptions>();
    auto* command = app.add_subcommand(
        "squash", "Replace a range of migrations (1.0 layout) by one whose SQL is the diff from the first one's parent "
                  "snapshot to the last one's; databases that applied the whole range see it as applied");
    add_config_flags(*command, options->config, false, true);
    command->add_option("--from", options->from, "First migration of the range: folder name, unique prefix or suffix")
        ->required();
    command->add_option("--to", options->to, "Last migration of the range: folder name, unique prefix or suffix")
        ->required();
    command->add_option("--name", options->name, "Name of the new migration (default: squash_<from>_to_<to>)");
    command->add_flag("--force", options->force,
                      "Squash even when the range holds hand-written SQL (--custom or edited migrations), "
                      "which is lost");
    // The database (and its bookkeeping table) checked for a partly applied range.
    add_database_flags(*command, options->config);
    command->footer(
        "\nThe new folder is <last one's timestamp>_<name>, with snapshot.json (the last one's, same id) and\n"
        "replaces.json (the replaced migrations' names, hashes and times). `migrate` treats it as applied on\n"
        "a database that applied every replaced migration (and records its row), runs it on one that applied\n"
        "none, and refuses one that applied only some. When a database is configured and reachable, a squash\n"
        "it applied only part of is refused. The 0.31 layout is refused: run `drizzle-kit up` first.\n"
        "\nExamples:\n"
        "  drizzle-kit squash --from 20250101120000_init --to 20250301093000_add_posts\n"
        "  drizzle-kit squash --from init --to add_posts --name baseline\n"
        "  drizzle-kit squash --from 2025 --to add_posts --out ./migrations --force\n" +
        std::string(kExitCodes));
    commands.push_back({command, [options] { return run_squash(*options); }});
}

} // namespace drizzle::cli
