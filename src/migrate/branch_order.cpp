// Out-of-order pending migrations that sit on a commuting merged branch, decided on the snapshot graph.
#include "drizzle/migrate/branch_order.hpp"

#include <algorithm>

namespace drizzle {

std::set<std::size_t> commuting_out_of_order(const SnapshotGraph& graph, const MigrationPlan& plan,
                                             std::size_t entry_count,
                                             const std::function<bool()>& folder_has_conflict) {
    std::set<std::size_t> allowed;
    if (plan.out_of_order.empty() || graph.nodes.empty()) return allowed;
    std::vector<std::size_t> applied_nodes;
    for (std::size_t i = 0; i < entry_count; ++i) {
        if (std::find(plan.pending.begin(), plan.pending.end(), i) != plan.pending.end()) continue;
        auto node = graph.node_of_entry(i);
        if (!node) return {}; // an applied migration outside the graph: nothing can be placed
        applied_nodes.push_back(*node);
    }
    for (const auto& o : plan.out_of_order) {
        auto node = graph.node_of_entry(o.index);
        if (!node) continue;
        const bool below_applied = std::any_of(applied_nodes.begin(), applied_nodes.end(),
                                               [&](std::size_t a) { return graph.is_ancestor(*node, a); });
        if (!below_applied) allowed.insert(o.index);
    }
    if (!allowed.empty() && folder_has_conflict()) return {};
    return allowed;
}

std::set<std::size_t> commuting_out_of_order(const MigrationsFolder& folder, const MigrationPlan& plan) {
    if (plan.out_of_order.empty()) return {};
    const SnapshotGraph graph = read_snapshot_graph(folder);
    if (!graph.unreadable.empty()) return {};
    return commuting_out_of_order(graph, plan, folder.entries.size(), [&] {
        try {
            const auto collisions = branch_collisions(graph, snapshot_file_loader(folder, graph));
            return std::any_of(collisions.begin(), collisions.end(),
                               [](const BranchCollision& c) { return !c.merge.conflicts.empty(); });
        } catch (const std::exception&) {
            return true; // a snapshot that does not parse cannot show the branches commute
        }
    });
}

} // namespace drizzle
