// What every command shares: config resolution from --config and flags, and console output.
#pragma once

#include "drizzle/config/config.hpp"

#include <optional>
#include <string>
#include <vector>

namespace drizzle::cli {

/// Flags that override drizzle.config keys (empty = not given).
struct ConfigFlags {
    std::string config;               ///< --config
    std::string dialect;              ///< --dialect
    std::vector<std::string> schema;  ///< --schema (repeatable)
    std::string out;                  ///< --out
    std::string url;                  ///< --url (dbCredentials.url)
    std::string prefix;               ///< --prefix (legacy layout naming)
    std::optional<bool> breakpoints;  ///< --breakpoints
    std::string migrations_table;     ///< --migrations-table
    std::string migrations_schema;    ///< --migrations-schema (PostgreSQL)
    bool verbose = false;
    std::vector<std::string> tables_filter;       ///< --tablesFilter (repeatable)
    std::vector<std::string> schema_filter;       ///< --schemaFilter (repeatable)
    std::vector<std::string> extensions_filters;  ///< --extensionsFilters (repeatable)
};

/// Loads --config (or the default config file when present) and applies the flags on top.
/// Prints "Reading config file '...'" to stderr, so stdout stays clean for `export`.
Config resolve_config(const ConfigFlags& flags, bool quiet = false);

/// True when both stdin and stdout are terminals (the only case where we may prompt).
bool interactive_terminal();

/// `[✓] message` on stdout.
void print_success(const std::string& message);
/// A progress/info line on stderr.
void print_info(const std::string& message);

}  // namespace drizzle::cli
