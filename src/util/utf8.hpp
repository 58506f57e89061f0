// UTF-8 encoding of code points, shared by the TS config lexer and drizzle's hash rule.
#pragma once

#include <string>

namespace drizzle::detail {

/// Appends the UTF-8 bytes of code point `cp` (must be <= 0x10FFFF).
void append_utf8(std::string& out, char32_t cp);

}  // namespace drizzle::detail
