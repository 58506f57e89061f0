// `export`: print the SQL that creates the whole schema on an empty database.
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "drizzle/kit/export_sql.hpp"

#include <CLI/CLI.hpp>

#include <iostream>

namespace drizzle::cli {

int run_export(const ExportOptions& options) {
    Config config = resolve_config(options.config, /*quiet=*/true);
    const auto statements = kit::export_statements(config);
    // drizzle-kit joins the statements with a newline and ends with one.
    std::string sql;
    for (const auto& statement : statements)
        sql += statement + "\n";
    std::cout << sql << std::flush;
    return exit_ok;
}

void add_export_command(CLI::App& app, CommandList& commands) {
    auto options = std::make_shared<ExportOptions>();
    auto* command = app.add_subcommand("export", "Print the SQL that creates the whole schema");
    add_config_flags(*command, options->config, true, false);
    auto sql_output = std::make_shared<bool>(true);
    command->add_flag("--sql", *sql_output, "Output SQL (the only format; accepted for drizzle-kit compatibility)");
    command->footer(kExitCodes);
    commands.push_back({command, [options, sql_output] { return run_export(*options); }});
}

} // namespace drizzle::cli
