// Which out-of-order pending migrations come from a merged branch that commutes with the applied ones.
#pragma once

#include "drizzle/migrate/plan.hpp"
#include "drizzle/migrate/snapshot_graph.hpp"

#include <cstddef>
#include <functional>
#include <set>

namespace drizzle {

/// The out-of-order pending migrations of `plan` (indexes into the folder's entries) that migrate
/// applies without --allow-out-of-order: each is on a branch of the snapshot graph that is NOT an
/// ancestor of any applied migration (so nothing applied was generated on top of it), and the
/// folder's branches have no conflict (`folder_has_conflict`, asked only when some migration
/// qualifies). A migration without a snapshot, or an applied one without one, cannot be placed
/// in the graph: nothing qualifies then, and migrate keeps refusing as before.
std::set<std::size_t> commuting_out_of_order(const SnapshotGraph& graph, const MigrationPlan& plan,
                                             std::size_t entry_count, const std::function<bool()>& folder_has_conflict);

/// The same for a folder on disk: reads the snapshots' ids, and only when a migration qualifies
/// three-way merges the branches (branch_collisions) to rule out conflicts. Snapshots that do not
/// read make nothing qualify.
std::set<std::size_t> commuting_out_of_order(const MigrationsFolder& folder, const MigrationPlan& plan);

} // namespace drizzle
