// Tokenizes SQLite expression text so qualifiers can be re-pointed and expressions compared.
#include "dialect/sqlite/expression_text.hpp"
#include "util/text.hpp"

#include <cctype>

namespace drizzle::sqlite::detail {

namespace {

using Kind = ExpressionToken::Kind;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }

// SQLite treats every byte >= 0x80 as part of an identifier (UTF-8 names need no quotes).
bool is_word_char(char c) {
    const auto u = static_cast<unsigned char>(c);
    return std::isalnum(u) || c == '_' || c == '$' || u >= 0x80;
}

bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

// End of a quoted token opened at `i`; a doubled closing quote is an escaped one (not for [..]).
std::size_t quoted_end(std::string_view s, std::size_t i, char close) {
    for (std::size_t j = i + 1; j < s.size(); ++j) {
        if (s[j] != close) continue;
        if (close != ']' && j + 1 < s.size() && s[j + 1] == close) {
            ++j;
            continue;
        }
        return j + 1;
    }
    return s.size();  // unterminated: the rest of the text (SQLite would refuse it anyway)
}

std::size_t number_end(std::string_view s, std::size_t i) {
    std::size_t j = i;
    if (s[j] == '0' && j + 1 < s.size() && (s[j + 1] == 'x' || s[j + 1] == 'X')) {
        j += 2;
        while (j < s.size() && std::isxdigit(static_cast<unsigned char>(s[j]))) ++j;
        return j;
    }
    while (j < s.size() && is_digit(s[j])) ++j;
    if (j < s.size() && s[j] == '.') {
        ++j;
        while (j < s.size() && is_digit(s[j])) ++j;
    }
    if (j < s.size() && (s[j] == 'e' || s[j] == 'E')) {
        std::size_t k = j + 1;
        if (k < s.size() && (s[k] == '+' || s[k] == '-')) ++k;
        if (k < s.size() && is_digit(s[k])) {
            j = k;
            while (j < s.size() && is_digit(s[j])) ++j;
        }
    }
    return j;
}

std::size_t symbol_end(std::string_view s, std::size_t i) {
    static const std::string_view kLong[] = {"->>", "<=", ">=", "<>", "!=", "==", "||", "<<", ">>", "->"};
    for (auto op : kLong) {
        if (s.substr(i, op.size()) == op) return i + op.size();
    }
    return i + 1;
}

bool names_identifier(const ExpressionToken& token) {
    return token.kind == Kind::identifier || token.kind == Kind::quoted_identifier;
}

bool is_dot(const ExpressionToken& token) { return token.kind == Kind::symbol && token.text == "."; }

// Positions (in `tokens`) of the significant tokens, skipping spaces and comments.
std::vector<std::size_t> significant(const std::vector<ExpressionToken>& tokens) {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (tokens[i].kind != Kind::space && tokens[i].kind != Kind::comment) out.push_back(i);
    }
    return out;
}

// For each significant token: whether it is a table qualifier naming `table`, i.e. a name
// followed by `.` and another name (`t.x`, `main.t.x`), and not itself after a qualifier's dot
// unless that dot follows a schema (`main.t.x`).
std::vector<bool> qualifier_marks(const std::vector<ExpressionToken>& tokens, const std::vector<std::size_t>& sig,
                                  std::string_view table) {
    std::vector<bool> marks(sig.size(), false);
    for (std::size_t k = 0; k + 2 < sig.size(); ++k) {
        const auto& name = tokens[sig[k]];
        if (!names_identifier(name) || !is_dot(tokens[sig[k + 1]]) || !names_identifier(tokens[sig[k + 2]])) continue;
        if (!drizzle::detail::iequals(identifier_of(name), table)) continue;
        // `x.t.y` with `t` third would be a column of table x named t; only `schema.t.col` has t
        // in the middle, and then a name follows it too, which the test above has checked.
        if (k >= 2 && is_dot(tokens[sig[k - 1]]) && names_identifier(tokens[sig[k - 2]]) &&
            (k < 4 || !is_dot(tokens[sig[k - 3]]))) {
            marks[k] = true;  // main.t.col
            continue;
        }
        if (k >= 1 && is_dot(tokens[sig[k - 1]])) continue;
        marks[k] = true;
    }
    return marks;
}

std::string double_quoted(std::string_view name) {
    std::string out = "\"";
    for (char c : name) {
        out += c;
        if (c == '"') out += '"';
    }
    return out + "\"";
}

}  // namespace

std::vector<ExpressionToken> tokenize_expression(std::string_view s) {
    std::vector<ExpressionToken> tokens;
    std::size_t i = 0;
    while (i < s.size()) {
        const char c = s[i];
        Kind kind = Kind::symbol;
        std::size_t end = i + 1;
        if (is_space(c)) {
            kind = Kind::space;
            while (end < s.size() && is_space(s[end])) ++end;
        } else if (c == '-' && i + 1 < s.size() && s[i + 1] == '-') {
            kind = Kind::comment;
            end = s.find('\n', i);
            end = end == std::string_view::npos ? s.size() : end;
        } else if (c == '/' && i + 1 < s.size() && s[i + 1] == '*') {
            kind = Kind::comment;
            end = s.find("*/", i + 2);
            end = end == std::string_view::npos ? s.size() : end + 2;
        } else if (c == '\'') {
            kind = Kind::string;
            end = quoted_end(s, i, '\'');
        } else if (c == '"' || c == '`') {
            kind = Kind::quoted_identifier;
            end = quoted_end(s, i, c);
        } else if (c == '[') {
            kind = Kind::quoted_identifier;
            end = quoted_end(s, i, ']');
        } else if ((c == 'x' || c == 'X') && i + 1 < s.size() && s[i + 1] == '\'') {
            kind = Kind::blob;
            end = quoted_end(s, i + 1, '\'');
        } else if (is_digit(c) || (c == '.' && i + 1 < s.size() && is_digit(s[i + 1]))) {
            kind = Kind::number;
            end = number_end(s, i);
            if (end == i) end = i + 1;
        } else if (is_word_char(c)) {
            kind = Kind::identifier;
            while (end < s.size() && is_word_char(s[end])) ++end;
        } else {
            end = symbol_end(s, i);
        }
        tokens.push_back({kind, std::string(s.substr(i, end - i))});
        i = end;
    }
    return tokens;
}

std::string identifier_of(const ExpressionToken& token) {
    if (token.kind == Kind::identifier) return token.text;
    if (token.kind != Kind::quoted_identifier || token.text.size() < 2) return "";
    const char open = token.text.front();
    std::string inner = token.text.substr(1, token.text.size() - 2);
    if (open == '[') return inner;
    std::string out;
    for (std::size_t i = 0; i < inner.size(); ++i) {
        out += inner[i];
        if (inner[i] == open && i + 1 < inner.size() && inner[i + 1] == open) ++i;
    }
    return out;
}

std::string requalify(std::string_view sql, std::string_view table, std::string_view replacement) {
    auto tokens = tokenize_expression(sql);
    const auto sig = significant(tokens);
    const auto marks = qualifier_marks(tokens, sig, table);
    for (std::size_t k = 0; k < sig.size(); ++k) {
        if (marks[k]) tokens[sig[k]] = {Kind::quoted_identifier, double_quoted(replacement)};
    }
    std::string out;
    out.reserve(sql.size() + 16);
    for (const auto& token : tokens) out += token.text;
    return out;
}

std::string canonical_expression(std::string_view sql, const std::vector<std::string>& tables) {
    const auto tokens = tokenize_expression(sql);
    const auto sig = significant(tokens);
    std::vector<bool> marks(sig.size(), false);
    for (const auto& table : tables) {
        const auto of_table = qualifier_marks(tokens, sig, table);
        for (std::size_t k = 0; k < sig.size(); ++k) marks[k] = marks[k] || of_table[k];
    }
    std::vector<bool> dropped(sig.size(), false);
    for (std::size_t k = 0; k < sig.size(); ++k) {
        if (!marks[k]) continue;
        dropped[k] = dropped[k + 1] = true;  // the qualifier and its dot
        // `main.t.col`: the schema and its dot go too.
        if (k >= 2 && is_dot(tokens[sig[k - 1]])) dropped[k - 1] = dropped[k - 2] = true;
    }
    std::string out;
    for (std::size_t k = 0; k < sig.size(); ++k) {
        if (dropped[k]) continue;
        const auto& token = tokens[sig[k]];
        if (!out.empty()) out += ' ';
        switch (token.kind) {
        case Kind::identifier:
        case Kind::quoted_identifier: out += drizzle::detail::to_lower(identifier_of(token)); break;
        case Kind::blob:
        case Kind::number: out += drizzle::detail::to_lower(token.text); break;
        default: out += token.text; break;
        }
    }
    return out;
}

}  // namespace drizzle::sqlite::detail
