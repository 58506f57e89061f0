// What a migration of the folder was generated from: its parent schema (merged parents for a merge
// migration) and the rename answers it was generated with. Shared by check's SQL pass and the lint.
#pragma once

#include "drizzle/diff/resolver.hpp"
#include "drizzle/migrate/snapshot_graph.hpp"
#include "drizzle/snapshot/snapshot.hpp"

#include <optional>
#include <string>
#include <vector>

namespace drizzle::kit::history {

/// The rename answers the migration was generated with: v1 decisions.json beside the SQL, else
/// the snapshot's own record (legacy `_meta`, v1 `renames`; PostgreSQL's "schema.table[.column]").
std::vector<RenameDecision> recorded_renames(const MigrationEntry& entry, const Snapshot& snapshot);

/// Renames the SQL itself performs (`ALTER TABLE "t" RENAME TO "t2"`, `... RENAME COLUMN "d" TO "d2"`):
/// drizzle-kit 0.31 does not record PostgreSQL renames in the snapshot, so the file is the only
/// record of that decision.
std::vector<RenameDecision> renames_in_sql(const std::string& sql);

/// recorded_renames, or when it has none, renames_in_sql of the migration's file text `sql`.
std::vector<RenameDecision> migration_renames(const MigrationEntry& entry, const Snapshot& snapshot,
                                              const std::string& sql);

/// The schema a migration whose snapshot names `prev_ids` was generated from: the empty schema
/// (the root id), its parent's, or its parents three-way merged (a merge migration). std::nullopt
/// when a parent is not in `graph` (broken chain) or the parents conflict. `prev_ids` not empty.
std::optional<Schema> prev_schema(const SnapshotGraph& graph, const std::vector<std::string>& prev_ids,
                                  const SnapshotSchemaLoader& load);

} // namespace drizzle::kit::history
