// PostgreSQL's identifier rules: the 63-byte limit and the names the server makes (makeObjectName).
#include "drizzle/schema/naming.hpp"

namespace drizzle {

namespace {

constexpr std::size_t kPgMaxIdentifierBytes = 63; // NAMEDATALEN - 1

// pg_mbcliplen for UTF-8: the longest prefix of at most `limit` bytes that ends between characters.
std::size_t utf8_clip_length(std::string_view text, std::size_t limit) {
    if (text.size() <= limit) return text.size();
    std::size_t length = limit;
    while (length > 0 && (static_cast<unsigned char>(text[length]) & 0xC0) == 0x80)
        --length;
    return length;
}

} // namespace

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

std::string pg_default_primary_key_name(std::string_view table) {
    return pg_object_name(table, "", "pkey");
}

bool pg_is_default_primary_key_name(std::string_view table, std::string_view name) {
    return name == std::string(table) + "_pkey" || name == pg_default_primary_key_name(table);
}

std::string pg_default_sequence_name(std::string_view table, std::string_view column) {
    return pg_object_name(table, column, "seq");
}

} // namespace drizzle
