// `status`: each migration of the folder as applied, pending, out of order, edited or missing in the database.
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/status_output.hpp"

#include <CLI/CLI.hpp>

#include <iostream>

namespace drizzle::cli {

int run_status(const StatusOptions& options) {
    Config config = resolve_config(options.config);
    const kit::StatusReport report = kit::read_status(config);
    if (options.json) {
        std::cout << status_json(report).dump(2) << std::endl;
    } else {
        print_status_table(report);
    }
    return options.exit_code && !report.up_to_date() ? exit_failure : exit_ok;
}

void add_status_command(CLI::App& app, CommandList& commands) {
    auto options = std::make_shared<StatusOptions>();
    auto* command = app.add_subcommand(
        "status", "Show each migration of the folder as applied, pending, out of order (older than an applied one),\n"
                  "edited after apply (hash differs) or missing file (recorded, no file). Reads only: creates no\n"
                  "table, schema or database file.");
    add_config_flags(*command, options->config, false, true);
    add_database_flags(*command, options->config);
    command->add_flag("--json", options->json, "Print JSON instead of the table (shape below)");
    command->add_flag("--exit-code", options->exit_code,
                      "Exit 1 when anything is pending, out of order, edited or missing (for CI); without it "
                      "status exits 0 whatever it finds");
    command->footer(
        "\nExamples:\n"
        "  drizzle-kit status                          the table, from drizzle.config.*\n"
        "  drizzle-kit status --exit-code              in CI: fail unless the database is up to date\n"
        "  drizzle-kit status --json --url ./app.db    machine-readable, another database\n"
        "\n--json prints one object (keys are stable; statuses are the tokens listed):\n"
        "  {\"upToDate\": bool, \"databaseExists\": bool, \"applied\": n, \"pending\": n, \"outOfOrder\": n,\n"
        "   \"edited\": n, \"missingFile\": n, \"migrations\": [{\"name\": str, \"file\": str|null (null: missing),\n"
        "   \"status\": \"applied\"|\"pending\"|\"outOfOrder\"|\"edited\"|\"missingFile\"|\"partiallyApplied\",\n"
        "   \"createdAt\": ms|null, \"detail\": str}]}\n"
        "\"applied\" counts edited ones too, \"pending\" out-of-order ones; migrations are in folder order,\n"
        "then the missing ones.\n" +
        std::string(kExitCodes) +
        "With --exit-code, 1 also means the database is not up to date (as `git diff --exit-code`).\n");
    commands.push_back({command, [options] { return run_status(*options); }});
}

} // namespace drizzle::cli
