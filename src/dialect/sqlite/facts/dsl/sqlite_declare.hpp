// The SQLite DSL's table declaration over lists the library holds rather than braced lists: what
// the compiler-free header reader calls where a compiled header passes std::initializer_list.
#pragma once

#include "drizzle/dsl/sqlite.hpp"

#include <vector>

namespace drizzle::sqlite::detail {

/// sqlite_table over column and table-level specs.
TableHandle declare_table(Text name, const std::vector<const dsl::ColumnSpec*>& columns,
                          const std::vector<const dsl::ExtraSpec*>& extras);

} // namespace drizzle::sqlite::detail
