// Default constraint names per drizzle-kit version and dialect, and PostgreSQL's identifier limit.
#include "drizzle/schema/naming.hpp"

#include "drizzle/dialect/registry.hpp"
#include "schema/naming_parts.hpp"

#include <cstdint>

namespace drizzle {

namespace {

constexpr std::size_t kPgMaxIdentifierBytes = 63;  // NAMEDATALEN - 1

}  // namespace

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

namespace {

// pg_mbcliplen for UTF-8: the longest prefix of at most `limit` bytes that ends between characters.
std::size_t utf8_clip_length(std::string_view text, std::size_t limit) {
    if (text.size() <= limit) return text.size();
    std::size_t length = limit;
    while (length > 0 && (static_cast<unsigned char>(text[length]) & 0xC0) == 0x80) --length;
    return length;
}

}  // namespace

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

std::string pg_truncate_identifier(std::string_view name) {
    return std::string(name.substr(0, utf8_clip_length(name, kPgMaxIdentifierBytes)));
}

std::string pg_object_name(std::string_view name1, std::string_view name2, std::string_view label) {
    const std::size_t overhead = (name2.empty() ? 0 : 1) + (label.empty() ? 0 : label.size() + 1);
    const std::size_t available = kPgMaxIdentifierBytes > overhead ? kPgMaxIdentifierBytes - overhead : 0;
    std::size_t chars1 = name1.size();
    std::size_t chars2 = name2.size();
    while (chars1 + chars2 > available) {
        if (chars1 > chars2) {
            --chars1;
        } else {
            --chars2;
        }
    }
    std::string out(name1.substr(0, utf8_clip_length(name1, chars1)));
    if (!name2.empty()) out += "_" + std::string(name2.substr(0, utf8_clip_length(name2, chars2)));
    if (!label.empty()) out += "_" + std::string(label);
    return out;
}

std::string pg_default_primary_key_name(std::string_view table) { return pg_object_name(table, "", "pkey"); }

bool pg_is_default_primary_key_name(std::string_view table, std::string_view name) {
    return name == std::string(table) + "_pkey" || name == pg_default_primary_key_name(table);
}

std::string pg_default_sequence_name(std::string_view table, std::string_view column) {
    return pg_object_name(table, column, "seq");
}

}  // namespace drizzle
