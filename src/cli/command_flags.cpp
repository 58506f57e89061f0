// The flags several commands share, and the exit-code footer of every --help.
#include "cli/commands.hpp"

#include <CLI/CLI.hpp>

namespace drizzle::cli {

const char* const kExitCodes =
    "\nExit codes: 0 ok; 1 database or file-system failure; 2 a decision is needed and there is no\n"
    "terminal (rename questions without --answers, push data loss without --force); 3 invalid config,\n"
    "flags, schema, snapshot or migrations folder, or a push the data would make fail; 4 the C++ schema\n"
    "did not compile.\n";

void add_config_flags(CLI::App& command, ConfigFlags& flags, bool with_schema, bool with_out) {
    command.add_option("--config", flags.config, "Config file (default: drizzle.config.ts/.js/.json here)");
    command.add_option("--dialect", flags.dialect, "Overrides config dialect: sqlite | postgresql");
    if (with_schema) {
        command.add_option("--schema", flags.schema,
                           "Overrides config schema: C++ headers (.hpp/.h), .sql files or a snapshot .json");
    }
    if (with_out) command.add_option("--out", flags.out, "Overrides config out: the migrations folder");
}

void add_url_flag(CLI::App& command, ConfigFlags& flags) {
    command.add_option("--url", flags.url,
                       "Overrides dbCredentials.url (SQLite: a file path; PostgreSQL: postgres://...)");
}

// Every command that reads the bookkeeping table takes these; the config keys apply otherwise.
void add_database_flags(CLI::App& command, ConfigFlags& flags) {
    add_url_flag(command, flags);
    command.add_option("--migrations-table", flags.migrations_table,
                       "Overrides migrations.table (default __drizzle_migrations)");
    command.add_option("--migrations-schema", flags.migrations_schema,
                       "Overrides migrations.schema (PostgreSQL, default drizzle)");
}

// pull and push read only the objects these select; the config keys of the same names apply otherwise.
void add_filter_flags(CLI::App& command, ConfigFlags& flags) {
    add_url_flag(command, flags);
    command.add_option("--tablesFilter", flags.tables_filter,
                       "Overrides tablesFilter: table name globs, !glob excludes (repeatable)");
    command.add_option("--schemaFilter,--schemaFilters", flags.schema_filter,
                       "Overrides schemaFilter: PostgreSQL schemas to manage (repeatable)");
    command.add_option("--extensionsFilters", flags.extensions_filters,
                       "Overrides extensionsFilters: extensions whose tables are skipped, e.g. postgis");
}

} // namespace drizzle::cli
