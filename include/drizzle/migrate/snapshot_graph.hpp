// The migrations folder's snapshot chain as a graph (id -> prevIds), its heads and its branch collisions.
#pragma once

#include "drizzle/diff/merge.hpp"
#include "drizzle/migrate/folder.hpp"

#include <cstddef>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace drizzle {

/// One migration whose snapshot names its id and parents.
struct SnapshotNode {
    std::size_t entry = 0; ///< index into MigrationsFolder::entries
    std::string id;
    std::vector<std::string> prev_ids; ///< legacy: prevId; v1: prevIds (several for a merge migration)
};

/// The snapshots of a folder's migrations, read cheaply (only `id`, `prevId`, `prevIds`).
struct SnapshotGraph {
    std::vector<SnapshotNode> nodes;           ///< in folder order
    std::vector<std::size_t> without_snapshot; ///< entries with no snapshot file
    std::vector<std::size_t> unreadable;       ///< entries whose snapshot is not JSON with a string "id"

    /// The node of an entry / of a snapshot id (the first one when ids repeat).
    std::optional<std::size_t> node_of_entry(std::size_t entry) const;
    std::optional<std::size_t> node_of_id(const std::string& id) const;
    /// Nodes whose id the node names as parent (unknown ids and the all-zero root are left out).
    std::vector<std::size_t> parents(std::size_t node) const;
    /// Nodes that name this node as a parent.
    std::vector<std::size_t> children(std::size_t node) const;
    /// Nodes no other node names as parent: the branch heads (one for a linear history).
    std::vector<std::size_t> heads() const;
    /// `node` and everything it descends from.
    std::set<std::size_t> ancestors(std::size_t node) const;
    /// True when `ancestor` comes strictly before `node` in the chain.
    bool is_ancestor(std::size_t ancestor, std::size_t node) const;
    /// The common ancestor of `nodes` latest in folder order (std::nullopt = only the empty root).
    std::optional<std::size_t> common_ancestor(const std::vector<std::size_t>& nodes) const;
};

/// Reads every entry's snapshot id and parents. Never throws for a bad snapshot: it is listed in
/// `unreadable` (check reports why).
SnapshotGraph read_snapshot_graph(const MigrationsFolder& folder);

/// Two branches that start at the same parent (two migrations with the same prevId).
struct BranchCollision {
    std::string parent_id;                ///< the shared parent's id (the all-zero id for the root)
    std::optional<std::size_t> parent;    ///< its node (std::nullopt: the empty root)
    std::size_t child_a = 0, child_b = 0; ///< the first migration of each branch (nodes)
    std::size_t head_a = 0, head_b = 0;   ///< the branch heads merged (nodes)
    BranchMerge merge;                    ///< parent -> head_a and parent -> head_b merged
};

/// The schema of a node's snapshot (std::nullopt: the empty schema before the first migration).
using SnapshotSchemaLoader = std::function<Schema(std::optional<std::size_t> node)>;

/// Every pair of branches leaving one parent that no migration has joined yet (their heads
/// differ), each three-way merged through `load`. A pair already joined by a merge migration is
/// left out, as drizzle-kit 1.0 does.
std::vector<BranchCollision> branch_collisions(const SnapshotGraph& graph, const SnapshotSchemaLoader& load);

/// Several heads joined: the schema a merge migration starts from.
struct HeadsMerge {
    std::optional<std::size_t> base; ///< the heads' latest common ancestor (std::nullopt: the empty root)
    Schema merged;                   ///< base with every head's changes (merge_branches, folded)
    std::vector<std::string> conflicts;
};

/// Three-way merges `heads` (nodes) from their latest common ancestor, one head after the other.
HeadsMerge merge_heads(const SnapshotGraph& graph, const std::vector<std::size_t>& heads,
                       const SnapshotSchemaLoader& load);

/// A loader parsing each node's snapshot file (parse_snapshot), caching the schemas; UserError
/// naming the file when one does not parse.
SnapshotSchemaLoader snapshot_file_loader(const MigrationsFolder& folder, const SnapshotGraph& graph);

} // namespace drizzle
