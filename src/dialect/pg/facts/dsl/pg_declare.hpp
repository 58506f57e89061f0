// The PostgreSQL DSL's declarations over lists the library holds rather than braced lists: what
// the compiler-free header reader calls where a compiled header passes std::initializer_list.
#pragma once

#include "drizzle/dsl/pg.hpp"

#include <vector>

namespace drizzle::pg::dsl::detail {

/// pg_table / schema.table over column and table-level specs (`schema` empty: public).
TableHandle declare_table(Text schema, Text name, const std::vector<const ::drizzle::dsl::ColumnSpec*>& columns,
                          const std::vector<const ::drizzle::dsl::ExtraSpec*>& extras);
/// pg_enum / schema.enum_.
EnumHandle declare_enum(Text schema, Text name, ::drizzle::dsl::ListView<Text> values);

} // namespace drizzle::pg::dsl::detail
