// `lint`: the destructive-change findings of the folder's migrations (newest, --all, --name, --db unapplied).
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/lint_output.hpp"
#include "drizzle/error.hpp"

#include <CLI/CLI.hpp>

#include <iostream>

namespace drizzle::cli {

namespace {

const char* const kLintFooter =
    "\nExamples:\n"
    "  drizzle-kit lint                         the newest migration (each branch head)\n"
    "  drizzle-kit lint --all --max-severity info    every migration; warnings fail too\n"
    "  drizzle-kit lint --db --json             the migrations the database has not applied, rows counted, as JSON\n"
    "\nCodes (README \"Reviewing a migration\"): DS1xx destroy data (error), BC1xx break running app\n"
    "versions, MF1xx may fail on existing rows (with --db an error when the count proves it), LK1xx lock\n"
    "or rewrite a busy table (warnings). Acknowledge one with `-- drizzle:lint-ignore CODE[,CODE] reason`\n"
    "in the file's leading comments (whole file) or directly above a statement.\n"
    "--json prints {\"version\":1,\"selection\",\"migrations\":[{\"name\",\"file\",\"findings\":[{\"code\",\n"
    "\"severity\",\"object\",\"statement\",\"message\",\"acknowledged\",\"reason\",\"rows\"}]}],\n"
    "\"summary\":{\"error\",\"warning\",\"info\",\"acknowledged\",\"counted\"}}.\n"
    "\nExit codes: 0 no unacknowledged finding above --max-severity (default warning: errors fail);\n"
    "1 findings above it (or the database failed); 3 invalid config, flags or migration name.\n";

} // namespace

int run_lint(const LintOptions& options) {
    Config config = resolve_config(options.config, options.json);
    const auto max = kit::lint_severity_from_string(options.max_severity);
    if (!max) throw UserError("--max-severity must be info, warning or error, not " + options.max_severity);
    if (options.all && !options.name.empty()) throw UserError("--all and --name exclude each other");
    kit::LintRequest request;
    request.all = options.all;
    request.name = options.name;
    request.unapplied = options.db && !options.all && options.name.empty();
    request.count_rows = options.db;
    const kit::LintReport report = kit::lint_folder(config, request);
    if (options.json) {
        std::cout << kit::lint_report_json(report) << std::endl;
    } else {
        print_lint_report(report, std::cout);
    }
    return report.fails(*max) ? exit_failure : exit_ok;
}

void add_lint_command(CLI::App& app, CommandList& commands) {
    auto options = std::make_shared<LintOptions>();
    auto* command = app.add_subcommand(
        "lint", "Review migrations before they run: dropped data, changes that break running app versions,\n"
                "statements existing rows can make fail, long locks and table rewrites (stable codes)");
    add_config_flags(*command, options->config, false, true);
    add_database_flags(*command, options->config);
    command->add_flag("--all", options->all, "Lint every migration of the folder");
    command->add_option("--name", options->name,
                        "Lint one migration: folder name / tag, or a unique prefix or suffix of one");
    command->add_flag("--db", options->db,
                      "Lint the migrations the configured database has not applied and count the rows at risk "
                      "(reads only)");
    command->add_flag("--json", options->json, "Print the findings as JSON on stdout (shape below)");
    command
        ->add_option("--max-severity", options->max_severity,
                     "Highest severity that still passes: info | warning (default) | error")
        ->check(CLI::IsMember({"info", "warning", "error"}));
    command->footer(kLintFooter);
    commands.push_back({command, [options] { return run_lint(*options); }});
}

} // namespace drizzle::cli
