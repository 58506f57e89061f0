// C++ source spelling of strings and numbers for generated headers.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace drizzle::pull::detail {

/// A C++ string literal whose value is exactly `text`: plain `"..."` when nothing needs
/// escaping, a raw literal `R"(...)"` for SQL with quotes, backslashes or line breaks (so
/// multi-line view bodies keep their shape), and escapes for other control bytes and invalid UTF-8.
std::string cpp_string(std::string_view text);

/// An int64 as C++ source; INT64_MIN has no literal of its own.
std::string cpp_int64(std::int64_t value);

}  // namespace drizzle::pull::detail
