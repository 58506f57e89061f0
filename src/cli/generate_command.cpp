// `generate`: diff the schema against the migrations folder's last snapshot and write a migration.
#include "util/files.hpp"
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/folder_dialect.hpp"
#include "cli/migration_names.hpp"
#include "cli/prompt_resolver.hpp"
#include "cli/schema_source.hpp"
#include "cli/dialect_sql.hpp"
#include "drizzle/dialect/registry.hpp"
#include "drizzle/diff/diff.hpp"
#include "drizzle/migrate/folder.hpp"
#include "drizzle/schema/validate.hpp"
#include "drizzle/snapshot/snapshot.hpp"

#include <chrono>
#include <fstream>
#include <iostream>
#include <sstream>

namespace drizzle::cli {

namespace fs = std::filesystem;

namespace {

constexpr const char* kCustomMigrationSql = "-- Custom SQL migration file, put your code below! --";

std::int64_t now_ms() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

Snapshot previous_snapshot(const MigrationsFolder& folder, Dialect dialect) {
    auto path = folder.latest_snapshot_path();
    if (!path) {
        Snapshot empty;
        empty.format = folder.layout == FolderLayout::legacy ? SnapshotFormat::legacy : SnapshotFormat::v1;
        empty.schema.dialect = dialect;
        return empty;
    }
    Snapshot snapshot;
    try {
        snapshot = parse_snapshot(detail::read_file_bytes(*path), path->string());
    } catch (const UserError& e) {
        throw UserError(std::string(e.what()) + " (the config's dialect is " + std::string(to_string(dialect)) + ")");
    }
    if (snapshot.schema.dialect != dialect) {
        throw UserError(path->string() + ": is a " + std::string(to_string(snapshot.schema.dialect)) +
                        " snapshot, but the config's dialect is " + std::string(to_string(dialect)));
    }
    return snapshot;
}

SnapshotRenames renames_from(const std::vector<RenameDecision>& decisions) {
    SnapshotRenames renames;
    for (const auto& d : decisions) {
        if (!d.is_rename()) continue;
        if (d.kind == RenameQuestion::Kind::table) renames.tables.push_back({d.schema, d.from, d.name});
        if (d.kind == RenameQuestion::Kind::column) renames.columns.push_back({d.schema, d.table, d.from, d.name});
    }
    return renames;
}

/// The snapshot a migration leaves records every table with policies as RLS-enabled (drizzle's
/// rule; neither format can say "policies, RLS off"). A .sql source's inert policies are therefore
/// enabled here, and said so, rather than written one way and read back the other: that would emit
/// DISABLE ROW LEVEL SECURITY on every later generate.
void enable_rls_for_policies(Schema& schema) {
    for (auto& table : schema.tables) {
        if (table.rls_enabled || table.policies.empty() || table.policies_enable_rls) continue;
        table.policies_enable_rls = true;
        print_info("generate enables row-level security on \"" + table.name +
                   "\": a migrations folder records a table with policies as RLS-enabled, as drizzle does");
    }
}

}  // namespace

int run_generate(const GenerateOptions& options) {
    Config config = resolve_config(options.config);
    require_supported(*config.dialect, "generate");
    if (!options.name.empty()) require_valid_migration_name(options.name);
    const fs::path out_dir = config.out_dir();
    MigrationsFolder folder = MigrationsFolder::read(out_dir);
    require_folder_dialect(config, folder);
    Snapshot prev = previous_snapshot(folder, *config.dialect);

    Snapshot next;
    next.format = folder.layout == FolderLayout::legacy ? SnapshotFormat::legacy : SnapshotFormat::v1;
    next.id = new_snapshot_id();
    next.prev_ids = {prev.id};
    // Unnamed constraints get the names of the folder's drizzle-kit generation, so the SQL and
    // the snapshot agree with what drizzle-kit itself would have written there.
    const NamingStyle naming = folder.layout == FolderLayout::legacy ? NamingStyle::legacy : NamingStyle::v1;

    std::string sql;
    std::string decisions_json;
    if (options.custom) {
        // A custom migration carries the previous state forward unchanged.
        next.schema = prev.schema;
        next.layout = SnapshotLayout::custom;  // drizzle-kit re-serialises with another key order
        next.ddl_layout = prev.ddl_layout;
        sql = kCustomMigrationSql;
    } else {
        // Names the headers derive follow the folder's convention; snapshot and .sql sources keep theirs.
        Schema schema = load_schema(config, default_toolchain(), print_info, naming);
        enable_rls_for_policies(schema);
        assign_default_names(schema, naming);
        // 0.31 snapshots re-derive names from the table name, so only v1 folders keep old ones.
        if (naming == NamingStyle::v1) adopt_constraint_names(prev.schema, schema);
        require_valid(schema);
        ScriptedResolver answers(options.answers.empty()
                                     ? std::vector<RenameDecision>{}
                                     : decisions_from_json(detail::read_file_bytes(options.answers), options.answers));
        PromptResolver resolver(answers, interactive_terminal(), std::cin, std::cout);
        DiffResult diff = drizzle::diff(prev.schema, schema, resolver, naming);
        if (!resolver.open_questions().empty()) {
            throw UnresolvedDecisionsError(
                std::to_string(resolver.open_questions().size()) +
                    " rename-or-create decision(s) need an answer and there is no terminal to ask on; "
                    "answer them in a JSON file and pass it with --answers FILE (format printed above)",
                questions_to_json(resolver.open_questions()));
        }
        if (naming == NamingStyle::v1) keep_names_through_renames(prev.schema, schema, diff, naming);
        bool no_transaction = false;
        auto statements = dialect_statements(*config.dialect, diff, no_transaction);
        if (statements.empty()) {
            std::cout << "No schema changes, nothing to migrate 😴" << std::endl;
            return exit_ok;
        }
        sql = join_statements(statements, config.breakpoints);
        // Our migrator runs such a file outside a transaction (drizzle #860).
        if (no_transaction) sql = "-- drizzle:txmode none\n" + sql;
        next.schema = std::move(schema);
        next.renames = renames_from(diff.decisions);
        if (!diff.decisions.empty()) decisions_json = decisions_to_json(diff.decisions) + "\n";
        if (!diff.decisions.empty() && config.verbose) {
            print_info("Decisions (replay with --answers):\n" + decisions_to_json(diff.decisions));
        }
    }

    NewMigration migration;
    migration.name = options.name.empty() ? random_migration_name() : options.name;
    migration.sql = sql;
    migration.snapshot_json = write_snapshot(next);
    migration.breakpoints = config.breakpoints;
    migration.prefix = config.migrations_prefix.value_or("index");
    migration.dialect = *config.dialect;
    migration.snapshot_version = dialect_facts(*config.dialect).legacy_snapshot_version();
    migration.decisions_json = decisions_json;
    fs::path written = write_migration(folder, migration, now_ms());
    std::error_code ec;
    fs::path shown = fs::relative(written, fs::current_path(), ec);
    if (ec || shown.empty()) shown = written;
    if (options.custom) std::cout << "Prepared empty file for your custom SQL migration!" << std::endl;
    print_success("Your SQL migration ➜ " + shown.string() + " 🚀");
    return exit_ok;
}

}  // namespace drizzle::cli
