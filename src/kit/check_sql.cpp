// check's SQL pass: each migration's file against what generate writes for its snapshot pair.
#include "drizzle/diff/diff.hpp"
#include "drizzle/error.hpp"
#include "drizzle/kit/dialect_sql.hpp"
#include "kit/check_internal.hpp"
#include "kit/migration_history.hpp"
#include "util/files.hpp"

#include <regex>
#include <sstream>

namespace drizzle::kit::check_detail {

namespace fs = std::filesystem;

namespace {

using Severity = CheckFinding::Severity;

constexpr std::string_view kCustomHeader = "-- Custom SQL migration file, put your code below! --";

std::string generated_sql(Dialect dialect, const Schema& prev, const Schema& next_in, NamingStyle naming,
                          const std::vector<RenameDecision>& renames, bool breakpoints, bool& empty) {
    Schema next = next_in;
    ScriptedResolver resolver(renames);
    DiffResult diff = drizzle::diff(prev, next, resolver, naming);
    if (naming == NamingStyle::v1) keep_names_through_renames(prev, next, diff, naming);
    bool no_transaction = false;
    const auto statements = dialect_statements(dialect, diff, no_transaction);
    empty = statements.empty();
    std::string sql = join_statements(statements, breakpoints);
    if (no_transaction) sql = "-- drizzle:txmode none\n" + sql;
    return sql;
}

bool comments_only(const std::string& sql) {
    std::stringstream in(sql);
    for (std::string line; std::getline(in, line);) {
        const auto start = line.find_first_not_of(" \t\r");
        if (start != std::string::npos && line.compare(start, 2, "--") != 0) return false;
    }
    return true;
}

/// The first line where `a` and `b` differ (1-based), with both lines.
std::string first_difference(const std::string& expected, const std::string& found) {
    std::stringstream e(expected), f(found);
    std::string le, lf;
    for (int line = 1;; ++line) {
        const bool he = static_cast<bool>(std::getline(e, le)), hf = static_cast<bool>(std::getline(f, lf));
        if (!he && !hf) return "they differ in line endings only";
        if (!he || !hf || le != lf) {
            return "first difference at line " + std::to_string(line) + ": generated `" + (he ? le : "(end)") +
                   "`, file has `" + (hf ? lf : "(end)") + "`";
        }
    }
}

} // namespace

void check_sql(CheckContext& ctx, const SnapshotGraph& graph) {
    const NamingStyle naming = ctx.folder.layout == FolderLayout::legacy ? NamingStyle::legacy : NamingStyle::v1;
    auto load = [&](std::optional<std::size_t> node) {
        if (!node) {
            Schema empty;
            empty.dialect = ctx.dialect;
            return empty;
        }
        return ctx.snapshots.at(graph.nodes[*node].entry).schema;
    };
    for (std::size_t n = 0; n < graph.nodes.size(); ++n) {
        const MigrationEntry& entry = ctx.folder.entries[graph.nodes[n].entry];
        const Snapshot& snapshot = ctx.snapshots.at(graph.nodes[n].entry);
        std::string sql;
        try {
            sql = detail::read_file_bytes(entry.sql_path);
        } catch (const std::exception&) {
            continue;
        }
        if (sql.starts_with(kCustomHeader)) {
            ctx.add("custom_migration", Severity::info, entry.sql_path,
                    entry.name +
                        " is a custom migration (generate --custom): hand-written SQL, not compared with "
                        "its snapshot" +
                        std::string(sql.size() == kCustomHeader.size() ? "; it is still empty" : ""),
                    {entry.name});
            continue;
        }
        // The state it was generated from: the parent, or for a merge migration its parents merged.
        if (snapshot.prev_ids.empty()) continue;
        const bool merge = snapshot.prev_ids.size() > 1;
        auto generated_from = history::prev_schema(graph, snapshot.prev_ids, load);
        if (!generated_from) continue; // broken chain or conflicting merge, reported already
        const Schema& prev = *generated_from;
        bool matches = false;
        std::string expected;
        try {
            const auto renames = history::migration_renames(entry, snapshot, sql);
            // A v1 migration does not record --breakpoints: either form is what generate wrote.
            std::vector<bool> forms{ctx.folder.layout == FolderLayout::legacy ? entry.breakpoints : ctx.breakpoints};
            if (ctx.folder.layout == FolderLayout::v1) forms.push_back(!ctx.breakpoints);
            for (bool breakpoints : forms) {
                bool empty = false;
                std::string text =
                    generated_sql(ctx.dialect, prev, snapshot.schema, naming, renames, breakpoints, empty);
                if (expected.empty()) expected = text;
                // A merge migration with nothing to change holds a comment naming what it joins.
                if (text == sql || (merge && empty && comments_only(sql))) matches = true;
            }
        } catch (const Error& e) {
            ctx.add("hand_edited", Severity::info, entry.sql_path,
                    entry.name + ": its SQL could not be regenerated from its snapshots to compare (" +
                        std::string(e.what()) + ")",
                    {entry.name});
            continue;
        }
        if (matches) continue;
        ctx.add("hand_edited", Severity::info, entry.sql_path,
                "its SQL differs from what its snapshot pair generates (" + first_difference(expected, sql) +
                    "). Edited migrations are legitimate, but migrate applies the file while generate trusts the "
                    "snapshot: make sure they describe the same schema." +
                    (ctx.folder.layout == FolderLayout::legacy
                         ? " (drizzle-cpp compares with the SQL it writes itself, drizzle-kit 1.0's style; a file "
                           "drizzle-kit 0.31 wrote can differ in style only: quoting, NOT NULL on keys, FK clauses)"
                         : ""),
                {entry.name});
    }
}

} // namespace drizzle::kit::check_detail
