// Checks a schema for mistakes a database would reject, collecting all of them.
#pragma once

#include "drizzle/error.hpp"
#include "drizzle/schema/model.hpp"

#include <vector>

namespace drizzle {

/// Every problem found, each naming its object (`table "posts", foreign key "x": ...`).
/// Checks: duplicate table/view/column/index/constraint names, empty tables, references to
/// missing tables or columns, column-count mismatches, AUTOINCREMENT on non-integer or
/// non-primary-key columns, two primary keys, views without a definition.
std::vector<Diagnostic> validate_schema(const Schema& schema);

/// Throws DiagnosticsError when validate_schema finds anything.
void require_valid(const Schema& schema);

}  // namespace drizzle
