// What a migration was generated from: parent schema (merged for merge migrations) and rename answers.
#include "kit/migration_history.hpp"

#include "drizzle/diff/diff.hpp"
#include "drizzle/kit/dialect_sql.hpp"
#include "util/files.hpp"

#include <filesystem>
#include <regex>
#include <sstream>

namespace drizzle::kit::history {

namespace fs = std::filesystem;

/// The rename answers the migration was generated with: v1 decisions.json beside the SQL, else
/// the snapshot's own record (legacy `_meta`, v1 `renames`; PostgreSQL's "schema.table[.column]").
std::vector<RenameDecision> recorded_renames(const MigrationEntry& entry, const Snapshot& snapshot) {
    const fs::path decisions = entry.sql_path.parent_path() / "decisions.json";
    if (fs::is_regular_file(decisions) && entry.sql_path.filename() == "migration.sql") {
        return decisions_from_json(detail::read_file_bytes(decisions), decisions.string());
    }
    std::vector<RenameDecision> out;
    using Kind = RenameQuestion::Kind;
    for (const auto& t : snapshot.renames.tables)
        out.push_back({Kind::table, t.schema, "", t.to, t.from});
    for (const auto& c : snapshot.renames.columns)
        out.push_back({Kind::column, c.schema, c.table, c.to, c.from});
    for (const auto& text : snapshot.renames.verbatim) {
        const auto arrow = text.find("->");
        if (arrow == std::string::npos) continue;
        auto split = [](const std::string& s) {
            std::vector<std::string> parts;
            std::stringstream in(s);
            for (std::string part; std::getline(in, part, '.');)
                parts.push_back(part);
            return parts;
        };
        const auto from = split(text.substr(0, arrow)), to = split(text.substr(arrow + 2));
        if (from.size() != to.size() || to.empty()) continue;
        // The default schema is "" in the model and "public" in the file: answer both.
        for (const std::string& schema : {to.front(), std::string()}) {
            if (to.size() == 2) {
                for (Kind kind : {Kind::table, Kind::view, Kind::enum_})
                    out.push_back({kind, schema, "", to[1], from[1]});
            } else if (to.size() == 3) {
                out.push_back({Kind::column, schema, to[1], to[2], from[2]});
            }
            if (to.front() != "public") break;
        }
    }
    return out;
}

/// Renames the SQL itself performs (`ALTER TABLE "t" RENAME TO "t2"`, `... RENAME COLUMN "d" TO "d2"`):
/// drizzle-kit 0.31 does not record PostgreSQL renames in the snapshot, so the file is the only
/// record of that decision. Replaying them compares everything else the migration does.
std::vector<RenameDecision> renames_in_sql(const std::string& sql) {
    using Kind = RenameQuestion::Kind;
    static const std::string id = R"(["`]([^"`]+)["`])";
    static const std::regex column("ALTER TABLE\\s+(?:" + id + "\\.)?" + id + "\\s+RENAME\\s+COLUMN\\s+" + id +
                                   "\\s+TO\\s+" + id);
    static const std::regex table("ALTER TABLE\\s+(?:" + id + "\\.)?" + id + "\\s+RENAME\\s+TO\\s+" + id);
    std::vector<RenameDecision> out;
    // Both patterns need the word; std::regex would otherwise scan every file of the history.
    if (sql.find("RENAME") == std::string::npos) return out;
    auto schemas = [](const std::string& schema) {
        return schema == "public" || schema.empty() ? std::vector<std::string>{"", "public"}
                                                    : std::vector<std::string>{schema};
    };
    for (auto it = std::sregex_iterator(sql.begin(), sql.end(), column); it != std::sregex_iterator(); ++it) {
        for (const auto& schema : schemas((*it)[1]))
            out.push_back({Kind::column, schema, (*it)[2], (*it)[4], (*it)[3]});
    }
    for (auto it = std::sregex_iterator(sql.begin(), sql.end(), table); it != std::sregex_iterator(); ++it) {
        for (const auto& schema : schemas((*it)[1]))
            out.push_back({Kind::table, schema, "", (*it)[3], (*it)[2]});
    }
    return out;
}

std::vector<RenameDecision> migration_renames(const MigrationEntry& entry, const Snapshot& snapshot,
                                              const std::string& sql) {
    auto renames = recorded_renames(entry, snapshot);
    if (renames.empty()) renames = renames_in_sql(sql);
    return renames;
}

std::optional<Schema> prev_schema(const SnapshotGraph& graph, const std::vector<std::string>& prev_ids,
                                  const SnapshotSchemaLoader& load) {
    if (prev_ids.size() == 1 && prev_ids.front() == kRootSnapshotId) return load(std::nullopt);
    std::vector<std::size_t> parents;
    for (const auto& id : prev_ids) {
        if (auto p = graph.node_of_id(id)) parents.push_back(*p);
    }
    if (parents.size() != prev_ids.size()) return std::nullopt;
    if (parents.size() == 1) return load(parents.front());
    auto joined = merge_heads(graph, parents, load);
    if (!joined.conflicts.empty()) return std::nullopt;
    return std::move(joined.merged);
}

} // namespace drizzle::kit::history
