// Facts both SQLite snapshot formats share: generated-column text, FK action spelling.
#pragma once

#include "drizzle/schema/model.hpp"

#include <optional>
#include <string>

namespace drizzle::snapshot_detail {

/// drizzle-kit stores a generated column's expression wrapped in parentheses: "(a + 1)".
std::string generated_as_text(const GeneratedColumn& generated);
/// The model's expression for a stored `as` text: one pair of enclosing parentheses removed
/// (kept as is when the outer parentheses do not enclose the whole text).
std::string generated_expression_from_text(const std::string& as);

/// v1 spelling of an action: "no action" -> "NO ACTION" (unknown ones upper-cased).
std::string upper_action(const ReferentialAction& action);
/// Model spelling of a v1 action: "SET NULL" -> "set null".
ReferentialAction lower_action(const std::string& action);

/// The table's column called `name`, or nullptr.
Column* find_column(Table& table, const std::string& name);

}  // namespace drizzle::snapshot_detail
