// Building blocks of drizzle-kit's default constraint names, shared by the dialects' naming rules.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace drizzle::naming_parts {

/// `a_b_c`.
std::string joined(const std::vector<std::string>& parts);
/// Code points of UTF-8 text (invalid bytes count as themselves), as `for (const ch of s)` sees them.
std::vector<std::uint32_t> code_points(const std::string& text);
/// JavaScript String#length: UTF-16 code units.
std::size_t js_length(const std::string& text);
/// drizzle-kit's dialects/common.ts hash(): 12 base-62 characters.
std::string drizzle_hash(const std::string& input);

}  // namespace drizzle::naming_parts
