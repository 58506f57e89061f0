// C++ string literals that read back byte for byte, for SQL text in generated headers.
#include "pull/cpp_literal.hpp"

#include <cstdio>

namespace drizzle::pull::detail {

namespace {

// Well-formed UTF-8 (no overlongs, surrogates or code points past U+10FFFF): only then may the
// bytes stand in the source as they are.
bool valid_utf8(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        std::size_t length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        if (length == 0 || i + length > text.size()) return false;
        char32_t cp = length == 1 ? c : length == 2 ? (c & 0x1F) : length == 3 ? (c & 0x0F) : (c & 0x07);
        for (std::size_t k = 1; k < length; ++k) {
            const auto next = static_cast<unsigned char>(text[i + k]);
            if ((next >> 6) != 0x2) return false;
            cp = (cp << 6) | (next & 0x3F);
        }
        static constexpr char32_t kMinimum[] = {0, 0, 0x80, 0x800, 0x10000};
        if (cp < kMinimum[length] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
        i += length;
    }
    return true;
}

bool is_control(unsigned char c) {
    return c < 0x20 || c == 0x7F;
}

std::string escaped(std::string_view text, bool keep_utf8) {
    std::string out = "\"";
    for (char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        switch (ch) {
        case '"':
            out += "\\\"";
            continue;
        case '\\':
            out += "\\\\";
            continue;
        case '\n':
            out += "\\n";
            continue;
        case '\t':
            out += "\\t";
            continue;
        case '\r':
            out += "\\r";
            continue;
        default:
            break;
        }
        if (is_control(c) || (c >= 0x80 && !keep_utf8)) {
            // Always three octal digits: a shorter escape would swallow a following digit.
            char buffer[5];
            std::snprintf(buffer, sizeof buffer, "\\%03o", c);
            out += buffer;
        } else {
            out += ch;
        }
    }
    return out + "\"";
}

}  // namespace

std::string cpp_string(std::string_view text) {
    const bool utf8 = valid_utf8(text);
    bool plain = utf8;
    bool raw_ok = utf8;
    for (char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (ch == '"' || ch == '\\' || is_control(c)) plain = false;
        // Raw literals keep line feeds and tabs; a carriage return or other control byte in the
        // source could be rewritten by the compiler's line splicing, so those get escapes.
        if (is_control(c) && ch != '\n' && ch != '\t') raw_ok = false;
    }
    if (plain) return "\"" + std::string(text) + "\"";
    if (!raw_ok) return escaped(text, utf8);
    // The delimiter must not occur as `)delim"` inside the text.
    for (int attempt = 0;; ++attempt) {
        const std::string delimiter = attempt == 0 ? "" : attempt == 1 ? "sql" : "sql" + std::to_string(attempt);
        if (text.find(")" + delimiter + "\"") == std::string_view::npos) {
            return "R\"" + delimiter + "(" + std::string(text) + ")" + delimiter + "\"";
        }
    }
}

std::string cpp_int64(std::int64_t value) {
    if (value == INT64_MIN) return "INT64_MIN";
    return std::to_string(value);
}

}  // namespace drizzle::pull::detail
