// Small text helpers shared by the dialects: ASCII case folding and SQL string literals.
#pragma once

#include <cctype>
#include <string>
#include <string_view>

namespace drizzle::detail {

/// ASCII upper-case (SQL keywords; identifiers are never folded).
inline std::string to_upper(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

/// ASCII lower-case.
inline std::string to_lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

/// ASCII case-insensitive equality (SQL keywords).
inline bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const auto x = static_cast<unsigned char>(a[i]);
        const auto y = static_cast<unsigned char>(b[i]);
        if (std::tolower(x) != std::tolower(y)) return false;
    }
    return true;
}

/// `'text'` with inner quotes doubled, the one escape SQL string literals have.
inline std::string quote_sql_string(std::string_view value) {
    std::string out = "'";
    for (char c : value) {
        out += c;
        if (c == '\'') out += '\'';
    }
    return out + "'";
}

/// `securityBarrier` -> `security_barrier`: view and storage options are kept in the model under
/// their SQL names (what the catalog reports and the renderer prints); snapshots and drizzle's
/// TypeScript use camelCase.
inline std::string camel_to_snake(std::string_view name) {
    std::string out;
    for (char c : name) {
        if (std::isupper(static_cast<unsigned char>(c))) {
            out += '_';
            out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        } else {
            out += c;
        }
    }
    return out;
}

/// `security_barrier` -> `securityBarrier`.
inline std::string snake_to_camel(std::string_view name) {
    std::string out;
    bool upper = false;
    for (char c : name) {
        if (c == '_') {
            upper = true;
        } else {
            out += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
            upper = false;
        }
    }
    return out;
}

/// Lets std::visit take one lambda per alternative.
template <class... Ts>
struct overloaded : Ts... {
    using Ts::operator()...;
};
template <class... Ts>
overloaded(Ts...) -> overloaded<Ts...>;

}  // namespace drizzle::detail
