// `lint` over a migrations folder: which migrations, each one's schema before and operations, --db counts.
#include "drizzle/kit/lint.hpp"

#include "drizzle/diff/diff.hpp"
#include "drizzle/error.hpp"
#include "drizzle/kit/database.hpp"
#include "drizzle/kit/dialect_sql.hpp"
#include "drizzle/kit/drop_migration.hpp"
#include "drizzle/kit/folder_dialect.hpp"
#include "drizzle/kit/status.hpp"
#include "drizzle/migrate/snapshot_graph.hpp"
#include "kit/migration_history.hpp"
#include "util/files.hpp"

#include <algorithm>
#include <set>

namespace drizzle::kit {

namespace fs = std::filesystem;

namespace {

/// The migration's input: its file, the schema it was generated from and the diff to its snapshot.
/// Without a readable snapshot (or parents) the operations stay empty: only the statement text is linted.
LintInput lint_input(Dialect dialect, const MigrationsFolder& folder, const SnapshotGraph& graph,
                     const SnapshotSchemaLoader& load, std::size_t entry_index) {
    const MigrationEntry& entry = folder.entries[entry_index];
    LintInput input;
    input.dialect = dialect;
    input.migration = entry.name;
    input.file = detail::path_in_folder(entry.sql_path, folder.dir);
    input.sql = detail::read_file_bytes(entry.sql_path);
    input.prev.dialect = dialect;
    const auto node = graph.node_of_entry(entry_index);
    if (!node) return input;
    try {
        const Snapshot snapshot =
            parse_snapshot(detail::read_file_bytes(entry.snapshot_path), entry.snapshot_path.string());
        if (snapshot.prev_ids.empty()) return input;
        auto prev = history::prev_schema(graph, snapshot.prev_ids, load);
        if (!prev) return input;
        input.prev = *prev;
        Schema next = snapshot.schema;
        const NamingStyle naming = folder.layout == FolderLayout::legacy ? NamingStyle::legacy : NamingStyle::v1;
        ScriptedResolver resolver(history::migration_renames(entry, snapshot, input.sql));
        DiffResult diff = drizzle::diff(input.prev, next, resolver, naming);
        if (naming == NamingStyle::v1) keep_names_through_renames(input.prev, next, diff, naming);
        input.operations = std::move(diff.operations);
    } catch (const Error&) {
        // A snapshot check reports; the lint still reads the statements.
        input.operations.clear();
    }
    return input;
}

} // namespace

LintReport lint_folder(const Config& config, const LintRequest& request) {
    if (!config.dialect) throw UserError("lint needs a dialect: set \"dialect\" in the config or pass --dialect");
    const Dialect dialect = *config.dialect;
    const MigrationsFolder folder = MigrationsFolder::read(config.out_dir());
    require_folder_dialect(config, folder);
    const SnapshotGraph graph = read_snapshot_graph(folder);
    const SnapshotSchemaLoader load = snapshot_file_loader(folder, graph);

    LintReport report;
    std::vector<std::size_t> chosen;
    std::optional<StatusReport> status;
    if (!request.name.empty()) {
        chosen.push_back(find_migration(folder, request.name));
        report.selection = "the migration named " + folder.entries[chosen.front()].name;
    } else if (request.all) {
        for (std::size_t i = 0; i < folder.entries.size(); ++i)
            chosen.push_back(i);
        report.selection = "every migration";
    } else if (request.unapplied) {
        status = read_status(config);
        std::set<std::string> pending;
        for (const auto& e : status->entries) {
            if (e.kind == MigrationStatusKind::pending || e.kind == MigrationStatusKind::out_of_order)
                pending.insert(e.name);
        }
        for (std::size_t i = 0; i < folder.entries.size(); ++i) {
            if (pending.count(folder.entries[i].name)) chosen.push_back(i);
        }
        report.selection = "the migrations the database has not applied";
    } else {
        // The newest migration; each branch head when merged git branches left several.
        for (std::size_t node : graph.heads())
            chosen.push_back(graph.nodes[node].entry);
        if (chosen.empty() && !folder.entries.empty()) chosen.push_back(folder.entries.size() - 1);
        std::sort(chosen.begin(), chosen.end());
        report.selection = chosen.size() > 1 ? "the newest migration of each branch" : "the newest migration";
    }

    std::unique_ptr<Connection> connection;
    if (request.count_rows && !chosen.empty()) {
        if (!status) status = read_status(config);
        // A database file that does not exist yet holds no rows; open_database would create it.
        if (status->database_exists) connection = open_database(config);
        report.counted = connection != nullptr;
    }
    for (std::size_t i : chosen) {
        const LintInput input = lint_input(dialect, folder, graph, load, i);
        LintedMigration linted{input.migration, input.file, lint_migration(input)};
        if (connection) count_lint_rows(input, linted.findings, *connection);
        report.migrations.push_back(std::move(linted));
    }
    return report;
}

} // namespace drizzle::kit
