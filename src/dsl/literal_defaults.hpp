// DEFAULT values from C++ literals, as the DSL records them; pull writes headers that read back
// to the same values.
#pragma once

#include "drizzle/schema/model.hpp"

#include <cstdint>
#include <string>

namespace drizzle::dsl::detail {
ColumnDefault boolean_default(bool value);
ColumnDefault integer_default(std::int64_t value);
/// Printed as JavaScript prints numbers (1.5, 100), so snapshots match drizzle-kit's.
ColumnDefault number_default(double value);
/// A quoted SQL string literal ('it''s').
ColumnDefault string_default(const std::string& value);
ColumnDefault sql_default(const std::string& sql);
} // namespace drizzle::dsl::detail
