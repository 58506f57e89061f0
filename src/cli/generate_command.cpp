// `generate`: diff the schema against the migrations folder's last snapshot and write a migration.
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/lint_output.hpp"
#include "cli/prompt_resolver.hpp"
#include "drizzle/kit/generate.hpp"
#include "drizzle/kit/lint.hpp"

#include <CLI/CLI.hpp>

#include <iostream>

namespace drizzle::cli {

namespace fs = std::filesystem;

namespace {

/// The lint findings of the migration just written, after generate's own lines, from what the
/// plan already holds (the folder is not read again). Never changes generate's outcome: the
/// migration is written whatever the lint finds or fails on.
void print_new_migration_lint(const Config& config, const kit::GeneratePlan& plan, const fs::path& written) {
    try {
        const kit::LintInput input = kit::planned_lint_input(config, plan, written);
        const std::vector<kit::LintFinding> findings = kit::lint_migration(input);
        if (findings.empty()) return;
        std::cout << "Lint (drizzle-kit lint --name " << input.migration
                  << "; acknowledge with -- drizzle:lint-ignore CODE reason):\n";
        print_lint_findings(findings, std::cout);
        std::cout.flush();
    } catch (const std::exception& e) {
        print_info(std::string("lint of the new migration skipped: ") + e.what());
    }
}

} // namespace

int run_generate(const GenerateOptions& options) {
    Config config = resolve_config(options.config);
    TerminalDecisions decisions(options.answers);
    const kit::GeneratePlan plan =
        kit::plan_generate(config, {options.name, options.custom}, decisions.source(), print_info);
    if (plan.no_changes) {
        std::cout << "No schema changes, nothing to migrate 😴" << std::endl;
        return exit_ok;
    }
    if (!plan.decisions.empty() && config.verbose) {
        print_info("Decisions (replay with --answers):\n" + decisions_to_json(plan.decisions));
    }
    fs::path written = kit::write_generated(config, plan);
    std::error_code ec;
    fs::path shown = fs::relative(written, fs::current_path(), ec);
    if (ec || shown.empty()) shown = written;
    if (options.custom) std::cout << "Prepared empty file for your custom SQL migration!" << std::endl;
    print_success("Your SQL migration ➜ " + shown.string() + " 🚀");
    // The down file is written beside it; say what it cannot give back.
    const std::string down_file = kit::down_path_of(written, plan.folder.layout).filename().string();
    for (const auto& part : plan.down_irreversible)
        std::cout << down_file << ": " << part << std::endl;
    print_new_migration_lint(config, plan, written);
    return exit_ok;
}

void add_generate_command(CLI::App& app, CommandList& commands) {
    auto options = std::make_shared<GenerateOptions>();
    auto* command = app.add_subcommand(
        "generate", "Diff the schema against the last snapshot and write a SQL migration and its snapshot");
    add_config_flags(*command, options->config, true, true);
    command->add_option("--name", options->name, "Migration name (default: a random name)");
    command->add_flag("--custom", options->custom, "Write an empty migration for hand-written SQL");
    command
        ->add_option("--answers", options->answers,
                     "JSON file with rename/create decisions, for runs without a terminal")
        ->check(CLI::ExistingFile);
    command
        ->add_option("--prefix", options->config.prefix,
                     "0.x layout file prefix: index | timestamp | supabase | unix | none")
        ->check(CLI::IsMember({"index", "timestamp", "supabase", "unix", "none"}));
    command->add_flag_function(
        "--breakpoints", [options](std::int64_t) { options->config.breakpoints = true; },
        "Separate statements with --> statement-breakpoint (the default)");
    command->add_flag_function(
        "--no-breakpoints", [options](std::int64_t) { options->config.breakpoints = false; },
        "Separate statements with a newline only");
    command->add_flag("--verbose", options->config.verbose, "Print the decisions taken");
    command->footer(kExitCodes);
    commands.push_back({command, [options] { return run_generate(*options); }});
}

} // namespace drizzle::cli
