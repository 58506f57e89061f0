// Names a schema header's variable must not have: C++ keywords, the DSL's own names, and what
// the C and C++ headers put in the global namespace. Both `pull` (choosing variable names) and the
// compiler-free header reader (refusing a header it would read differently) ask here.
#pragma once

#include <string_view>

namespace drizzle::dsl::detail {

/// True for C++ keywords, the DSL's own names (a table called `text` would hide `text(...)`)
/// and names the C and C++ headers put in the global namespace (`log`, `time`, `main`).
bool is_reserved_identifier(std::string_view identifier);

} // namespace drizzle::dsl::detail
