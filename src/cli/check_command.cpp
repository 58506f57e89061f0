// `check`: the migrations folder alone (snapshots, journal, chain, merged branches, edited SQL), for CI.
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "drizzle/kit/check.hpp"

#include <CLI/CLI.hpp>

#include <iostream>

namespace drizzle::cli {

namespace {

const char* const kCheckFooter =
    "\nExamples:\n"
    "  drizzle-kit check                      check the config's migrations folder\n"
    "  drizzle-kit check --json               the findings as JSON, for CI\n"
    "  drizzle-kit check --dialect postgresql --out ./drizzle\n"
    "\nFindings: errors (malformed or unsupported snapshot, journal entries without files or the\n"
    "reverse, journal `when` not increasing, broken chain, duplicate snapshot id, merged branches\n"
    "that change the same objects) and notes (merged branches that commute: generate writes the merge\n"
    "migration; migrations whose SQL differs from what their snapshots generate, or custom ones).\n"
    "--json prints {\"folder\",\"layout\",\"migrations\",\"ok\",\"findings\":[{\"code\",\"severity\",\"file\",\n"
    "\"message\",\"objects\"}]} on stdout.\n"
    "\nExit codes: 0 no errors (notes may be printed); 1 errors found; 3 invalid config or flags.\n";

} // namespace

int run_check(const CheckOptions& options) {
    Config config = resolve_config(options.config, options.json);
    const kit::CheckReport report = kit::check_folder(config);
    if (options.json) {
        std::cout << kit::check_report_json(report) << std::endl;
        return report.ok() ? exit_ok : exit_failure;
    }
    std::size_t errors = 0, notes = 0;
    for (const auto& f : report.findings) {
        const bool error = f.severity == kit::CheckFinding::Severity::error;
        (error ? errors : notes)++;
        std::cout << (error ? "error" : "note") << " [" << f.code << "] " << (f.file.empty() ? "" : f.file + ": ")
                  << f.message << "\n";
    }
    const std::string folder = report.folder.string();
    if (errors == 0 && notes == 0) {
        print_success("Everything's fine 🐶🔥 (" + std::to_string(report.migrations) + " migration(s) in " + folder +
                      ")");
    } else {
        std::cout << std::to_string(report.migrations) << " migration(s) in " << folder << ": " << errors
                  << " error(s), " << notes << " note(s)" << std::endl;
    }
    return errors == 0 ? exit_ok : exit_failure;
}

void add_check_command(CLI::App& app, CommandList& commands) {
    auto options = std::make_shared<CheckOptions>();
    auto* command = app.add_subcommand(
        "check", "Check the migrations folder without a database: snapshots, journal, chain, merged branches, "
                 "edited migrations");
    add_config_flags(*command, options->config, false, true);
    command->add_flag("--json", options->json, "Print the findings as JSON on stdout (for CI)");
    command->footer(kCheckFooter);
    commands.push_back({command, [options] { return run_check(*options); }});
}

} // namespace drizzle::cli
