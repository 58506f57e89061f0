// Heads of the snapshot chain: merged (v1) for generate's merge migration, or warned about (legacy).
#include "drizzle/kit/branch_heads.hpp"

#include "drizzle/error.hpp"
#include "drizzle/kit/check.hpp"

#include <map>

namespace drizzle::kit {

namespace {

std::string joined(const std::vector<std::string>& names) {
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i)
        out += (i == 0 ? "" : i + 1 == names.size() ? " and " : ", ") + names[i];
    return out;
}

/// check's words for the conflicts, so generate and check say the same.
[[noreturn]] void refuse(const MigrationsFolder& folder, Dialect dialect, const HeadsMerge& merge,
                         const std::vector<std::string>& names) {
    std::string text;
    for (const auto& f : check_folder(folder.dir, dialect).findings) {
        if (f.code == "branch_conflict") text += (text.empty() ? "" : "\n") + f.file + ": " + f.message;
    }
    if (text.empty()) {
        text = "the branches ending in " + joined(names) + " change the same objects:";
        for (const auto& c : merge.conflicts)
            text += "\n  ⚠ " + c;
    }
    throw UserError("cannot write a merge migration: " + text);
}

} // namespace

BranchHeads branch_heads(const MigrationsFolder& folder, Dialect dialect,
                         const std::function<void(const std::string&)>& log) {
    BranchHeads result;
    const SnapshotGraph graph = read_snapshot_graph(folder);
    const auto heads = graph.heads();
    for (std::size_t h : heads) {
        result.names.push_back(folder.entries[graph.nodes[h].entry].name);
        result.ids.push_back(graph.nodes[h].id);
    }
    if (folder.layout == FolderLayout::legacy) {
        std::map<std::string, std::vector<std::string>> by_parent;
        for (const auto& node : graph.nodes) {
            for (const auto& id : node.prev_ids)
                by_parent[id].push_back(folder.entries[node.entry].name);
        }
        for (const auto& [parent, children] : by_parent) {
            if (children.size() < 2 || !log) continue;
            log("warning: " + joined(children) +
                " have the same parent snapshot (branches merged); the 0.x layout cannot record a merge, so this "
                "diff is against the last snapshot only and may repeat the other branch's changes. Review the SQL, "
                "and see `drizzle-kit check`");
        }
        return result;
    }
    if (heads.size() < 2) return result;
    HeadsMerge merge = merge_heads(graph, heads, snapshot_file_loader(folder, graph));
    if (!merge.conflicts.empty()) refuse(folder, dialect, merge, result.names);
    if (log) log("merging branches " + joined(result.names) + ": the new migration joins them (prevIds = both heads)");
    result.joined = std::move(merge);
    return result;
}

std::string merge_comment(const BranchHeads& heads) {
    return "-- merge migration: joins " + joined(heads.names) + " (their branches commute; nothing to change)";
}

} // namespace drizzle::kit
