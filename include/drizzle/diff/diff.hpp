// The dialect-neutral diff: previous schema + next schema -> typed operations.
#pragma once

#include "drizzle/diff/operations.hpp"
#include "drizzle/diff/resolver.hpp"
#include "drizzle/schema/model.hpp"

#include <vector>

namespace drizzle {

/// The result of a diff: operations in dependency-safe order, plus the renames chosen.
struct DiffResult {
    std::vector<Operation> operations;
    std::vector<RenameDecision> decisions;
    /// Every table present on both sides, normalised: (old with renames applied, new). Lowering
    /// passes that rebuild a table start from these.
    std::vector<std::pair<Table, Table>> kept_tables;
    /// The normalised next schema, for lowering passes that need the whole picture (views).
    Schema next;
};

/// Compares two schemas of the same dialect. Whenever objects of one kind vanished and others
/// appeared in the same scope, `resolver` decides rename vs create. Both inputs are normalised
/// first (see normalize_for_diff), so equal schemas give no operations.
DiffResult diff(const Schema& prev, const Schema& next, Resolver& resolver);

/// The canonical form diff() compares: constraint names made explicit in the v1 convention,
/// SQLite unique constraints as unique indexes (that is how SQLite stores them), primary-key
/// columns NOT NULL on engines that enforce it.
Schema normalize_for_diff(const Schema& schema);

}  // namespace drizzle
