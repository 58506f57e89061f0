// Default constraint names per drizzle-kit version (asked of the dialect), and the naming parts they share.
#include "drizzle/schema/naming.hpp"

#include "drizzle/dialect/registry.hpp"
#include "schema/naming_parts.hpp"

#include <cstdint>

namespace drizzle {

namespace naming_parts {

std::string joined(const std::vector<std::string>& parts) {
    std::string out;
    for (const auto& part : parts) {
        if (!out.empty()) out += '_';
        out += part;
    }
    return out;
}

// Code points of UTF-8 text (invalid bytes count as themselves), as `for (const ch of s)` sees them.
std::vector<std::uint32_t> code_points(const std::string& text) {
    std::vector<std::uint32_t> out;
    for (std::size_t i = 0; i < text.size();) {
        const auto byte = static_cast<unsigned char>(text[i]);
        int extra = byte >= 0xF0 ? 3 : byte >= 0xE0 ? 2 : byte >= 0xC0 ? 1 : 0;
        if (extra > 0 && i + static_cast<std::size_t>(extra) >= text.size()) extra = 0;  // truncated
        std::uint32_t point = extra == 0 ? byte : byte & (0x3F >> extra);
        for (int k = 1; k <= extra; ++k) {
            point = (point << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
        }
        out.push_back(point);
        i += static_cast<std::size_t>(extra) + 1;
    }
    return out;
}

}  // namespace naming_parts

std::size_t naming_parts::js_length(const std::string& text) {
    std::size_t length = 0;
    for (auto point : code_points(text)) length += point > 0xFFFF ? 2 : 1;
    return length;
}

// dialects/common.ts hash(): a base-62 polynomial hash of the code points, 12 characters.
std::string naming_parts::drizzle_hash(const std::string& input) {
    static constexpr char kDictionary[] = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    constexpr int kLength = 12;
    __extension__ typedef unsigned __int128 Wide;  // 62^12 is about 3.2e21, beyond 64 bits
    Wide combinations = 1;
    for (int i = 0; i < kLength; ++i) combinations *= 62;
    Wide power = 1;
    Wide hash = 0;
    for (auto point : code_points(input)) {
        hash = (hash + static_cast<Wide>(point) * power) % combinations;
        power = (power * 53) % combinations;
    }
    std::string out(kLength, '0');
    for (int i = kLength - 1; i >= 0; --i) {
        out[static_cast<std::size_t>(i)] = kDictionary[static_cast<int>(hash % 62)];
        hash /= 62;
    }
    return out;
}

std::string default_foreign_key_name(NamingStyle style, Dialect dialect, const std::string& table,
                                     const ForeignKey& fk) {
    return dialect_facts(dialect).default_foreign_key_name(style, table, fk);
}

std::string default_primary_key_name(NamingStyle style, Dialect dialect, const std::string& table,
                                     const std::vector<std::string>& columns) {
    return dialect_facts(dialect).default_primary_key_name(style, table, columns);
}

std::string default_unique_name(NamingStyle style, Dialect dialect, const std::string& table,
                                const std::vector<std::string>& columns) {
    return dialect_facts(dialect).default_unique_name(style, table, columns);
}

}  // namespace drizzle
