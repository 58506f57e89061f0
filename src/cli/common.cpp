// Config resolution and console output shared by the commands.
#include "cli/common.hpp"

#include "drizzle/error.hpp"

#include <unistd.h>

#include <iostream>

namespace drizzle::cli {

namespace fs = std::filesystem;

Config resolve_config(const ConfigFlags& flags, bool quiet) {
    Config config;
    config.base_dir = fs::current_path();
    std::optional<fs::path> file;
    if (!flags.config.empty()) {
        file = fs::path(flags.config);
        if (!fs::exists(*file)) throw UserError("config file " + flags.config + " does not exist");
    } else {
        file = find_default_config(fs::current_path());
    }
    if (file) {
        if (!quiet) std::cerr << "Reading config file '" << fs::absolute(*file).lexically_normal().string() << "'\n";
        config = load_config(*file);
        // On every command, `export` included (stderr keeps its stdout clean).
        for (const auto& warning : config.warnings) std::cerr << "warning: " << warning << '\n';
    }
    if (!flags.dialect.empty()) {
        config.dialect = parse_dialect(flags.dialect);
        config.dialect_name = flags.dialect;
        if (!config.dialect) throw UserError("--dialect " + flags.dialect + ": use sqlite, postgresql or mysql");
    }
    if (!flags.schema.empty()) config.schema = flags.schema;
    if (!flags.out.empty()) config.out = flags.out;
    if (!flags.url.empty()) config.credentials.url = flags.url;
    if (!flags.prefix.empty()) config.migrations_prefix = flags.prefix;
    if (flags.breakpoints) config.breakpoints = *flags.breakpoints;
    if (!flags.migrations_table.empty()) config.migrations_table = flags.migrations_table;
    if (!flags.migrations_schema.empty()) config.migrations_schema = flags.migrations_schema;
    if (flags.verbose) config.verbose = true;
    if (!flags.tables_filter.empty()) config.tables_filter = flags.tables_filter;
    if (!flags.schema_filter.empty()) config.schema_filter = flags.schema_filter;
    if (!flags.extensions_filters.empty()) config.extensions_filters = flags.extensions_filters;
    if (!config.dialect) {
        throw UserError(file ? file->string() + ": \"dialect\" is required (sqlite, postgresql or mysql)"
                             : "no drizzle.config.json/.ts found here and no --dialect given");
    }
    return config;
}

bool interactive_terminal() { return isatty(STDIN_FILENO) && isatty(STDOUT_FILENO); }

void print_success(const std::string& message) { std::cout << "[✓] " << message << std::endl; }

void print_info(const std::string& message) { std::cerr << message << std::endl; }

}  // namespace drizzle::cli
