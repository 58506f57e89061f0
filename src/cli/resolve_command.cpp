// `resolve`: record a migration as applied without running it, forget one, or baseline up to one.
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "drizzle/kit/resolve.hpp"

#include <CLI/CLI.hpp>

#include <iostream>

namespace drizzle::cli {

int run_resolve(const ResolveOptions& options) {
    kit::ResolveRequest request;
    const int given = !options.applied.empty() + !options.rolled_back.empty() + !options.baseline_to.empty();
    if (given != 1) {
        throw UserError("resolve needs exactly one of --applied NAME, --rolled-back NAME or --baseline-to NAME");
    }
    if (!options.applied.empty()) {
        request.action = kit::ResolveAction::applied;
        request.name = options.applied;
    } else if (!options.rolled_back.empty()) {
        request.action = kit::ResolveAction::rolled_back;
        request.name = options.rolled_back;
    } else {
        request.action = kit::ResolveAction::baseline_to;
        request.name = options.baseline_to;
    }
    request.lock_timeout_ms = options.lock_timeout_seconds * 1000;
    Config config = resolve_config(options.config);
    const kit::ResolveResult result = kit::resolve_migration(config, request);
    if (!result.nothing_to_do.empty()) {
        std::cout << "[i] " << result.nothing_to_do << std::endl;
        return exit_ok;
    }
    for (const auto& name : result.forgotten) {
        print_success("Forgot " + name +
                      ": the database no longer records it, so `migrate` will run it again "
                      "(nothing of it was undone)");
    }
    if (result.recorded.size() == 1) {
        print_success("Recorded " + result.recorded.front() + " as applied (its SQL was not run)");
    } else if (!result.recorded.empty()) {
        print_success("Recorded " + std::to_string(result.recorded.size()) +
                      " migrations as applied (their SQL was not run):");
        for (const auto& name : result.recorded)
            std::cout << "  " << name << '\n';
        std::cout.flush();
    }
    return exit_ok;
}

void add_resolve_command(CLI::App& app, CommandList& commands) {
    auto options = std::make_shared<ResolveOptions>();
    auto* command = app.add_subcommand(
        "resolve", "Change what the database records without running SQL: mark a migration applied (baseline a\n"
                   "database that has it already), forget one (undone by hand), or mark all up to one applied.\n"
                   "Rows are written as migrate writes them, under its lock, in one transaction.");
    add_config_flags(*command, options->config, false, true);
    add_database_flags(*command, options->config);
    command->add_option("--applied", options->applied,
                        "Record migration NAME (folder name or journal tag) as applied without running it");
    command->add_option("--rolled-back", options->rolled_back,
                        "Forget migration NAME: delete its bookkeeping row, so the next migrate runs it again");
    command->add_option("--baseline-to", options->baseline_to,
                        "Record every unrecorded migration up to and including NAME as applied, running none");
    command->add_option("--lock-timeout", options->lock_timeout_seconds,
                        "Seconds to wait for a migrator holding the lock (default 60)");
    command->footer(
        "\nExamples:\n"
        "  drizzle-kit resolve --baseline-to 20250101000000_init   an existing database already has the schema\n"
        "  drizzle-kit resolve --applied 0003_add_index            applied by hand after a failed deploy\n"
        "  drizzle-kit resolve --rolled-back 0003_add_index        undone by hand: migrate runs it again\n"
        "Already applied (--applied, --baseline-to) is a no-op and exits 0; an unknown name, or --rolled-back of\n"
        "a migration the database does not record, changes nothing and exits 3.\n" +
        std::string(kExitCodes));
    commands.push_back({command, [options] { return run_resolve(*options); }});
}

} // namespace drizzle::cli
