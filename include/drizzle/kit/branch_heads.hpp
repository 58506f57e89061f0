// The heads of a migrations folder's snapshot chain, and their merged state for a merge migration.
#pragma once

#include "drizzle/migrate/folder.hpp"
#include "drizzle/migrate/snapshot_graph.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace drizzle::kit {

/// The open heads of a folder's history (migrations nothing was generated on top of).
struct BranchHeads {
    std::vector<std::string> names; ///< head migrations, in folder order
    std::vector<std::string> ids;   ///< their snapshot ids (a merge migration's prevIds)
    /// Set when a v1 folder has several heads whose branches commute: their merged schema.
    std::optional<HeadsMerge> joined;
};

/// The heads of `folder`. v1 with several heads: merges them from their latest common ancestor
/// (merge_heads); when branches conflict, throws UserError with check's report of the conflict
/// (both migrations and the objects). Legacy: one head by construction (generate diffs against
/// the last snapshot, as drizzle-kit 0.31 does); when two migrations share a parent, `log` gets a
/// warning that the other branch's changes may be repeated. Unreadable snapshots are left to
/// generate's own reading (and to check).
BranchHeads branch_heads(const MigrationsFolder& folder, Dialect dialect,
                         const std::function<void(const std::string&)>& log);

/// The SQL of a merge migration with nothing to change: one comment line naming what it joins.
std::string merge_comment(const BranchHeads& heads);

} // namespace drizzle::kit
