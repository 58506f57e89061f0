// drizzle-kit: CLI11 wiring only; each command lives in src/cli/, errors map to exit codes there.
#include "drizzle/kit/builtin_dialects.hpp"
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"

#include <CLI/CLI.hpp>
#include <malloc.h>

#include <iostream>

namespace {

using drizzle::cli::ConfigFlags;

void add_config_flags(CLI::App& command, ConfigFlags& flags, bool with_schema, bool with_out) {
    command.add_option("--config", flags.config, "Config file (default: drizzle.config.ts/.js/.json here)");
    command.add_option("--dialect", flags.dialect, "Overrides config dialect: sqlite | postgresql");
    if (with_schema) {
        command.add_option("--schema", flags.schema,
                           "Overrides config schema: C++ headers (.hpp/.h), .sql files or a snapshot .json");
    }
    if (with_out) command.add_option("--out", flags.out, "Overrides config out: the migrations folder");
}

// pull and push read only the objects these select; the config keys of the same names apply otherwise.
void add_filter_flags(CLI::App& command, ConfigFlags& flags) {
    command.add_option("--url", flags.url,
                       "Overrides dbCredentials.url (SQLite: a file path; PostgreSQL: postgres://...)");
    command.add_option("--tablesFilter", flags.tables_filter,
                       "Overrides tablesFilter: table name globs, !glob excludes (repeatable)");
    command.add_option("--schemaFilter,--schemaFilters", flags.schema_filter,
                       "Overrides schemaFilter: PostgreSQL schemas to manage (repeatable)");
    command.add_option("--extensionsFilters", flags.extensions_filters,
                       "Overrides extensionsFilters: extensions whose tables are skipped, e.g. postgis");
}

const char* kExitCodes =
    "\nExit codes: 0 ok; 1 database or file-system failure; 2 a decision is needed and there is no\n"
    "terminal (rename questions without --answers, push data loss without --force); 3 invalid config,\n"
    "flags, schema, snapshot or migrations folder, or a push the data would make fail; 4 the C++ schema\n"
    "did not compile.\n";

}  // namespace

int main(int argc, char** argv) {
    // A 1000-table snapshot is parsed and written as tens of megabytes of small JSON nodes;
    // glibc's defaults hand large blocks back to the kernel and fault them in again, which cost
    // a third of `generate`'s time in system calls. A short-lived CLI keeps its heap instead.
    mallopt(M_MMAP_THRESHOLD, 256 << 20);
    mallopt(M_TRIM_THRESHOLD, 256 << 20);
    drizzle::kit::register_builtin_dialects();
    mallopt(M_TOP_PAD, 64 << 20);
    CLI::App app{"drizzle-kit (drizzle-cpp " DRIZZLE_VERSION "): schema migrations for C++ applications.\n"
                 "Describe your schema in C++ headers, then generate SQL migrations and apply them."};
    app.footer(kExitCodes);
    app.set_version_flag("--version", "drizzle-cpp " DRIZZLE_VERSION);
    app.require_subcommand(1);

    drizzle::cli::GenerateOptions generate;
    auto* generate_cmd = app.add_subcommand(
        "generate", "Diff the schema against the last snapshot and write a SQL migration and its snapshot");
    add_config_flags(*generate_cmd, generate.config, true, true);
    generate_cmd->add_option("--name", generate.name, "Migration name (default: a random name)");
    generate_cmd->add_flag("--custom", generate.custom, "Write an empty migration for hand-written SQL");
    generate_cmd->add_option("--answers", generate.answers,
                             "JSON file with rename/create decisions, for runs without a terminal")
        ->check(CLI::ExistingFile);
    generate_cmd->add_option("--prefix", generate.config.prefix,
                             "0.x layout file prefix: index | timestamp | supabase | unix | none")
        ->check(CLI::IsMember({"index", "timestamp", "supabase", "unix", "none"}));
    generate_cmd->add_flag_function(
        "--breakpoints", [&](std::int64_t) { generate.config.breakpoints = true; },
        "Separate statements with --> statement-breakpoint (the default)");
    generate_cmd->add_flag_function(
        "--no-breakpoints", [&](std::int64_t) { generate.config.breakpoints = false; },
        "Separate statements with a newline only");
    generate_cmd->add_flag("--verbose", generate.config.verbose, "Print the decisions taken");
    generate_cmd->footer(kExitCodes);

    drizzle::cli::MigrateOptionsCli migrate;
    auto* migrate_cmd = app.add_subcommand("migrate", "Apply pending migrations to the database");
    add_config_flags(*migrate_cmd, migrate.config, false, true);
    migrate_cmd->add_option("--url", migrate.config.url,
                            "Overrides dbCredentials.url (SQLite: a file path; PostgreSQL: postgres://...)");
    migrate_cmd->add_option("--tx-mode", migrate.tx_mode,
                            "all: one transaction for the run (default); file: one per migration")
        ->check(CLI::IsMember({"all", "file"}));
    migrate_cmd->add_flag("--allow-modified", migrate.allow_modified,
                          "Go on when an applied migration's file has changed (warns)");
    migrate_cmd->add_flag("--allow-out-of-order", migrate.allow_out_of_order,
                          "Apply pending migrations older than the newest applied one");
    migrate_cmd->add_flag("--allow-missing", migrate.allow_missing,
                          "Go on when the database records migrations whose files are gone (warns)");
    migrate_cmd->add_option("--lock-timeout", migrate.lock_timeout_seconds,
                            "Seconds to wait for another migrator (default 60)");
    migrate_cmd->add_option("--migrations-table", migrate.config.migrations_table,
                            "Overrides migrations.table (default __drizzle_migrations)");
    migrate_cmd->add_option("--migrations-schema", migrate.config.migrations_schema,
                            "Overrides migrations.schema (PostgreSQL, default drizzle)");
    migrate_cmd->footer(kExitCodes);

    drizzle::cli::PushOptions push;
    auto* push_cmd = app.add_subcommand(
        "push", "Change the live database to match the schema now, without migration files.\n"
                "Counts the rows at risk first: data loss needs a terminal to confirm on or --force;\n"
                "changes the data would make fail (NULLs under NOT NULL, duplicates under a new unique key)\n"
                "are refused. Runs in one transaction: all or nothing.");
    add_config_flags(*push_cmd, push.config, true, false);
    add_filter_flags(*push_cmd, push.config);
    push_cmd->add_flag("--force", push.force, "Accept data loss (and --strict) without asking");
    push_cmd->add_flag("--strict", push.strict, "Ask before executing any statement, even without data loss");
    push_cmd->add_flag("--explain", push.explain, "Dry run: print the statements and the data at risk, change nothing");
    push_cmd->add_flag("--verbose", push.config.verbose, "Print every statement as it runs");
    push_cmd->add_option("--answers", push.answers,
                         "JSON file with rename/create decisions, for runs without a terminal")
        ->check(CLI::ExistingFile);
    push_cmd->footer(kExitCodes);

    drizzle::cli::PullOptions pull;
    auto* pull_cmd = app.add_subcommand(
        "pull", "Read the live database and write its schema as a C++ header, <out>/schema.hpp.\n"
                "In an empty migrations folder also writes a baseline migration (SQL commented out,\n"
                "since the database has it) whose snapshot the next generate diffs against; a folder\n"
                "that already holds migrations only gets schema.hpp refreshed.");
    pull_cmd->alias("introspect");
    add_config_flags(*pull_cmd, pull.config, false, true);
    add_filter_flags(*pull_cmd, pull.config);
    pull_cmd->add_option("--introspect-casing", pull.casing,
                         "Variable names in the header: camel (user_groups -> userGroups, the default) | preserve")
        ->check(CLI::IsMember({"camel", "preserve"}));
    pull_cmd->add_flag("--baseline,--init", pull.baseline,
                       "Also record the baseline migration as applied in the database, without running it\n"
                       "(refused when the database already records migrations)");
    pull_cmd->add_flag_function(
        "--breakpoints", [&](std::int64_t) { pull.config.breakpoints = true; },
        "Separate the baseline's statements with --> statement-breakpoint (the default)");
    pull_cmd->add_flag_function(
        "--no-breakpoints", [&](std::int64_t) { pull.config.breakpoints = false; },
        "Separate the baseline's statements with a newline only");
    pull_cmd->footer(kExitCodes);

    drizzle::cli::ExportOptions export_options;
    auto* export_cmd = app.add_subcommand("export", "Print the SQL that creates the whole schema");
    add_config_flags(*export_cmd, export_options.config, true, false);
    bool sql_output = true;
    export_cmd->add_flag("--sql", sql_output, "Output SQL (the only format; accepted for drizzle-kit compatibility)");
    export_cmd->footer(kExitCodes);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int code = app.exit(e);
        return code == 0 ? 0 : drizzle::cli::exit_invalid_input;
    }

    if (generate_cmd->parsed()) return drizzle::cli::run_guarded([&] { return drizzle::cli::run_generate(generate); });
    if (migrate_cmd->parsed()) return drizzle::cli::run_guarded([&] { return drizzle::cli::run_migrate(migrate); });
    if (push_cmd->parsed()) return drizzle::cli::run_guarded([&] { return drizzle::cli::run_push(push); });
    if (pull_cmd->parsed()) return drizzle::cli::run_guarded([&] { return drizzle::cli::run_pull(pull); });
    if (export_cmd->parsed()) {
        return drizzle::cli::run_guarded([&] { return drizzle::cli::run_export(export_options); });
    }
    return drizzle::cli::exit_invalid_input;
}
