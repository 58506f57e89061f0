// Three-way merge of two schema branches from their common parent, for merged git branches.
#pragma once

#include "drizzle/schema/model.hpp"

#include <string>
#include <vector>

namespace drizzle {

/// What merging two branches gives.
struct BranchMerge {
    /// The parent with each branch's changes applied (on a conflict, branch A's side is kept).
    Schema merged;
    /// The objects both branches changed differently, e.g. `column "t3"."c"`, `table "t3"`,
    /// `index "users"."users_email_idx"`, `enum "mood"`. Empty = the branches commute.
    std::vector<std::string> conflicts;
};

/// Merges branch heads `a` and `b` of the common parent `parent`, object by object: schemas,
/// enums, sequences, views, roles, policies on undeclared tables, and within each table its
/// attributes (schema, RLS) and each column / index / foreign key / primary key / unique / check /
/// policy keyed by name. An item both sides changed (added, removed or altered relative to
/// `parent`) to different results is a conflict; an item changed on one side, or identically on
/// both, takes that change. A table removed on one side and changed on the other is a conflict on
/// the table. Renames are not followed: a rename is a removal plus an addition, so renaming an
/// object the other branch changed conflicts, which is the safe answer.
BranchMerge merge_branches(const Schema& parent, const Schema& a, const Schema& b);

} // namespace drizzle
