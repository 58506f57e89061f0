// The generate workflow: previous snapshot, schema sources, renames, diff, SQL, next snapshot.
#include "drizzle/kit/generate.hpp"

#include "drizzle/diff/diff.hpp"
#include "drizzle/error.hpp"
#include "drizzle/kit/branch_heads.hpp"
#include "drizzle/kit/dialect_sql.hpp"
#include "drizzle/kit/down_sql.hpp"
#include "drizzle/kit/folder_dialect.hpp"
#include "drizzle/kit/migration_names.hpp"
#include "drizzle/kit/schema_source.hpp"
#include "drizzle/schema/validate.hpp"
#include "drizzle/snapshot/snapshot.hpp"
#include "util/files.hpp"

namespace drizzle::kit {

namespace {

constexpr const char* kCustomMigrationSql = "-- Custom SQL migration file, put your code below! --";
// The down of a custom migration is hand-written too: no checksum line, so migrate down takes it
// as written, and counts it as empty (refused) until it holds a statement.
constexpr const char* kCustomDownSql =
    "-- Write the SQL that undoes migration.sql here; drizzle-kit migrate down runs it.\n";
constexpr const char* kCustomDownSqlLegacy =
    "-- Write the SQL that undoes this migration here; drizzle-kit migrate down runs it.\n";

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
void enable_rls_for_policies(Schema& schema, const std::function<void(const std::string&)>& log) {
    for (auto& table : schema.tables) {
        if (table.rls_enabled || table.policies.empty() || table.policies_enable_rls) continue;
        table.policies_enable_rls = true;
        if (log) {
            log("generate enables row-level security on \"" + table.name +
                "\": a migrations folder records a table with policies as RLS-enabled, as drizzle does");
        }
    }
}

} // namespace

GeneratePlan plan_generate(const Config& config, const GenerateRequest& request, const DecisionSource& decisions,
                           const std::function<void(const std::string&)>& log) {
    require_supported(*config.dialect, "generate");
    if (!request.name.empty()) require_valid_migration_name(request.name);
    GeneratePlan plan;
    plan.folder = MigrationsFolder::read(config.out_dir());
    const MigrationsFolder& folder = plan.folder;
    require_folder_dialect(config, folder);
    Snapshot prev = previous_snapshot(folder, *config.dialect);
    // Merged git branches: several heads (v1) are joined from their merged state; legacy warns.
    const BranchHeads heads = branch_heads(folder, *config.dialect, log);
    if (heads.joined) prev.schema = heads.joined->merged;

    Snapshot& next = plan.draft.snapshot;
    plan.draft.name = request.name;
    next.format = folder.layout == FolderLayout::legacy ? SnapshotFormat::legacy : SnapshotFormat::v1;
    next.id = new_snapshot_id();
    next.prev_ids = {prev.id};
    if (heads.joined) next.prev_ids = heads.ids;
    // Unnamed constraints get the names of the folder's drizzle-kit generation, so the SQL and
    // the snapshot agree with what drizzle-kit itself would have written there.
    const NamingStyle naming = folder.layout == FolderLayout::legacy ? NamingStyle::legacy : NamingStyle::v1;

    if (request.custom) {
        // A custom migration carries the previous state forward unchanged.
        next.schema = prev.schema;
        next.layout = SnapshotLayout::custom; // drizzle-kit re-serialises with another key order
        next.ddl_layout = prev.ddl_layout;
        plan.draft.sql = kCustomMigrationSql;
        plan.draft.down_sql = folder.layout == FolderLayout::legacy ? kCustomDownSqlLegacy : kCustomDownSql;
        return plan;
    }
    // Names the headers derive follow the folder's convention; snapshot and .sql sources keep theirs.
    Schema schema = load_schema(config, default_toolchain(), log, naming);
    enable_rls_for_policies(schema, log);
    assign_default_names(schema, naming);
    // 0.31 snapshots re-derive names from the table name, so only v1 folders keep old ones.
    if (naming == NamingStyle::v1) adopt_constraint_names(prev.schema, schema);
    require_valid(schema);
    DiffResult diff = drizzle::diff(prev.schema, schema, decisions.resolver(), naming);
    if (const auto open = decisions.open_questions(); !open.empty()) {
        throw UnresolvedDecisionsError(
            std::to_string(open.size()) +
                " rename-or-create decision(s) need an answer and there is no terminal to ask on; "
                "answer them in a JSON file and pass it with --answers FILE (format printed above)",
            questions_to_json(open));
    }
    if (naming == NamingStyle::v1) keep_names_through_renames(prev.schema, schema, diff, naming);
    bool no_transaction = false;
    auto statements = dialect_statements(*config.dialect, diff, no_transaction);
    if (statements.empty() && !heads.joined) {
        plan.no_changes = true;
        return plan;
    }
    // A merge migration is written even when the schema is the merged state, so the chain joins
    // again; its SQL then is a comment naming what it joins (never empty, never another's copy).
    std::string sql = statements.empty() ? merge_comment(heads) : join_statements(statements, config.breakpoints);
    // Our migrator runs such a file outside a transaction (drizzle #860).
    if (no_transaction) sql = "-- drizzle:txmode none\n" + sql;
    plan.draft.sql = std::move(sql);
    next.schema = std::move(schema);
    // The down goes back to the state this migration starts from: for a merge migration, the
    // merged schema (the state the chain joins at), not one branch's.
    DownMigration down =
        plan_down(prev.schema, next.schema, naming, diff.decisions, config.breakpoints, &diff.operations);
    plan.draft.down_sql = std::move(down.sql);
    plan.down_irreversible = std::move(down.irreversible);
    plan.prev = std::move(prev.schema);
    plan.operations = std::move(diff.operations);
    next.renames = renames_from(diff.decisions);
    if (!diff.decisions.empty()) plan.draft.decisions_json = decisions_to_json(diff.decisions) + "\n";
    plan.decisions = std::move(diff.decisions);
    return plan;
}

std::filesystem::path write_generated(const Config& config, const GeneratePlan& plan) {
    return write_new_migration(config, plan.folder, plan.draft);
}

LintInput planned_lint_input(const Config& config, const GeneratePlan& plan, const std::filesystem::path& written) {
    LintInput input;
    input.dialect = *config.dialect;
    // A v1 migration is named by its folder, a 0.x one by its file's tag.
    input.migration = plan.folder.layout == FolderLayout::legacy ? written.stem().string()
                                                                 : written.parent_path().filename().string();
    input.file = detail::path_in_folder(written, plan.folder.dir);
    input.sql = plan.draft.sql;
    input.prev = plan.prev;
    input.prev.dialect = *config.dialect;
    input.operations = plan.operations;
    return input;
}

} // namespace drizzle::kit
