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

/// `'text'` with inner quotes doubled, the one escape SQL string literals have.
inline std::string quote_sql_string(std::string_view value) {
    std::string out = "'";
    for (char c : value) {
        out += c;
        if (c == '\'') out += '\'';
    }
    return out + "'";
}

/// Lets std::visit take one lambda per alternative.
template <class... Ts>
struct overloaded : Ts... {
    using Ts::operator()...;
};
template <class... Ts>
overloaded(Ts...) -> overloaded<Ts...>;

}  // namespace drizzle::detail
