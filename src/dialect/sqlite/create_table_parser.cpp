// A small tokenizer-based reader for SQLite's stored CREATE TABLE and CREATE INDEX text.
#include "create_table_parser.hpp"
#include "util/text.hpp"

#include <algorithm>
#include <cctype>

namespace drizzle::sqlite::detail {

namespace {

std::string trim(const std::string& text) {
    size_t begin = 0;
    size_t end = text.size();
    while (begin < end && std::isspace(static_cast<unsigned char>(text[begin]))) ++begin;
    while (end > begin && std::isspace(static_cast<unsigned char>(text[end - 1]))) --end;
    return text.substr(begin, end - begin);
}

// Index just past the quoted token starting at `i` (quote char doubled inside = escaped).
size_t skip_quoted(const std::string& s, size_t i) {
    char close = s[i] == '[' ? ']' : s[i];
    for (size_t j = i + 1; j < s.size(); ++j) {
        if (s[j] == close) {
            if (close != ']' && j + 1 < s.size() && s[j + 1] == close) {
                ++j;
                continue;
            }
            return j + 1;
        }
    }
    return s.size();
}

bool is_quote(char c) { return c == '\'' || c == '"' || c == '`' || c == '['; }

// Index of the ')' matching the '(' at `open`.
size_t matching_paren(const std::string& s, size_t open) {
    int depth = 0;
    for (size_t i = open; i < s.size();) {
        char c = s[i];
        if (is_quote(c)) {
            i = skip_quoted(s, i);
            continue;
        }
        if (c == '(') ++depth;
        if (c == ')' && --depth == 0) return i;
        ++i;
    }
    return std::string::npos;
}

// Splits on commas that are not inside parentheses or quotes.
std::vector<std::string> split_top_level(const std::string& s) {
    std::vector<std::string> parts;
    int depth = 0;
    size_t start = 0;
    for (size_t i = 0; i < s.size();) {
        char c = s[i];
        if (is_quote(c)) {
            i = skip_quoted(s, i);
            continue;
        }
        if (c == '(') ++depth;
        if (c == ')') --depth;
        if (c == ',' && depth == 0) {
            parts.push_back(trim(s.substr(start, i - start)));
            start = i + 1;
        }
        ++i;
    }
    if (start < s.size()) parts.push_back(trim(s.substr(start)));
    return parts;
}

// Tokens: quoted identifiers/strings, parenthesised groups (kept whole), words, symbols.
std::vector<std::string> tokenize(const std::string& s) {
    std::vector<std::string> tokens;
    for (size_t i = 0; i < s.size();) {
        char c = s[i];
        if (std::isspace(static_cast<unsigned char>(c))) {
            ++i;
        } else if (is_quote(c)) {
            size_t end = skip_quoted(s, i);
            tokens.push_back(s.substr(i, end - i));
            i = end;
        } else if (c == '(') {
            size_t end = matching_paren(s, i);
            if (end == std::string::npos) end = s.size() - 1;
            tokens.push_back(s.substr(i, end - i + 1));
            i = end + 1;
        } else if (std::isalnum(static_cast<unsigned char>(c)) || c == '_') {
            // Words and numbers; '.' belongs to them so 1.5 and schema.name stay whole.
            size_t end = i;
            while (end < s.size() &&
                   (std::isalnum(static_cast<unsigned char>(s[end])) || s[end] == '_' || s[end] == '.')) {
                ++end;
            }
            tokens.push_back(s.substr(i, end - i));
            i = end;
        } else {
            tokens.push_back(std::string(1, c));
            ++i;
        }
    }
    return tokens;
}

std::string inner(const std::string& group) {
    if (group.size() >= 2 && group.front() == '(' && group.back() == ')') return trim(group.substr(1, group.size() - 2));
    return group;
}

std::vector<std::string> identifier_list(const std::string& group) {
    std::vector<std::string> names;
    for (const auto& part : split_top_level(inner(group))) {
        auto tokens = tokenize(part);
        if (!tokens.empty()) names.push_back(unquote_identifier(tokens.front()));
    }
    return names;
}

bool is_constraint_start(const std::string& word) {
    static const char* keywords[] = {"CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN"};
    std::string u = drizzle::detail::to_upper(word);
    return std::any_of(std::begin(keywords), std::end(keywords), [&](const char* k) { return u == k; });
}

// Reads one constraint body starting at tokens[i] (after any CONSTRAINT name).
void read_constraint(const std::vector<std::string>& tokens, size_t i, const std::string& name,
                     const std::string& column, ParsedTable& out) {
    if (i >= tokens.size()) return;
    std::string keyword = drizzle::detail::to_upper(tokens[i]);
    ParsedConstraint constraint;
    constraint.name = name;
    constraint.column_level = !column.empty();
    if (keyword == "PRIMARY") {
        constraint.kind = ParsedConstraint::Kind::primary_key;
        if (i + 2 < tokens.size() && tokens[i + 2].front() == '(') {
            constraint.columns = identifier_list(tokens[i + 2]);
        } else if (!column.empty()) {
            constraint.columns = {column};
        }
    } else if (keyword == "UNIQUE") {
        constraint.kind = ParsedConstraint::Kind::unique;
        if (i + 1 < tokens.size() && tokens[i + 1].front() == '(') {
            constraint.columns = identifier_list(tokens[i + 1]);
        } else if (!column.empty()) {
            constraint.columns = {column};
        }
    } else if (keyword == "CHECK") {
        constraint.kind = ParsedConstraint::Kind::check;
        if (i + 1 < tokens.size()) constraint.expression = inner(tokens[i + 1]);
    } else if (keyword == "FOREIGN") {
        constraint.kind = ParsedConstraint::Kind::foreign_key;
        if (i + 2 < tokens.size()) constraint.columns = identifier_list(tokens[i + 2]);
    } else if (keyword == "REFERENCES") {
        constraint.kind = ParsedConstraint::Kind::foreign_key;
        constraint.columns = {column};
    } else {
        return;
    }
    out.constraints.push_back(std::move(constraint));
}

void read_column(const std::string& item, ParsedTable& out) {
    auto tokens = tokenize(item);
    if (tokens.empty()) return;
    ParsedColumn column;
    column.name = unquote_identifier(tokens[0]);
    size_t i = 1;
    static const char* clause_starts[] = {"CONSTRAINT", "PRIMARY", "NOT", "NULL", "UNIQUE", "CHECK", "DEFAULT",
                                          "COLLATE", "REFERENCES", "GENERATED", "AS"};
    for (; i < tokens.size(); ++i) {
        std::string word = drizzle::detail::to_upper(tokens[i]);
        if (std::any_of(std::begin(clause_starts), std::end(clause_starts), [&](const char* k) { return word == k; })) {
            break;
        }
        // "text(256)" keeps its parenthesis attached; "double precision" keeps its space.
        if (!column.type.empty() && tokens[i].front() != '(') column.type += ' ';
        column.type += tokens[i];
    }
    std::string pending_name;
    for (; i < tokens.size(); ++i) {
        std::string word = drizzle::detail::to_upper(tokens[i]);
        if (word == "DEFAULT" && i + 1 < tokens.size()) {
            std::string value = tokens[i + 1];
            if ((value == "-" || value == "+") && i + 2 < tokens.size()) {
                value += tokens[i + 2];
                ++i;
            }
            column.default_text = value;
            ++i;
            continue;
        }
        if (word == "AUTOINCREMENT") column.autoincrement = true;
        if (word == "AS" && i + 1 < tokens.size() && tokens[i + 1].front() == '(') {
            column.generated_expression = inner(tokens[i + 1]);
            if (i + 2 < tokens.size()) column.generated_stored = drizzle::detail::to_upper(tokens[i + 2]) == "STORED";
        }
        if (word == "CONSTRAINT" && i + 1 < tokens.size()) {
            pending_name = unquote_identifier(tokens[i + 1]);
            ++i;
            continue;
        }
        if (word == "CHECK" || word == "REFERENCES" || word == "UNIQUE") {
            read_constraint(tokens, i, pending_name, column.name, out);
            pending_name.clear();
        }
    }
    out.columns.push_back(std::move(column));
}

}  // namespace

std::string unquote_identifier(const std::string& token) {
    if (token.size() >= 2) {
        char open = token.front();
        char close = token.back();
        if ((open == '`' && close == '`') || (open == '"' && close == '"') || (open == '\'' && close == '\'')) {
            std::string out;
            for (size_t i = 1; i + 1 < token.size(); ++i) {
                out += token[i];
                if (token[i] == open && i + 2 < token.size() && token[i + 1] == open) ++i;
            }
            return out;
        }
        if (open == '[' && close == ']') return token.substr(1, token.size() - 2);
    }
    return token;
}

ParsedTable parse_create_table(const std::string& sql) {
    ParsedTable out;
    size_t open = std::string::npos;
    // The column list is the first '(' outside quotes.
    for (size_t i = 0; i < sql.size();) {
        if (is_quote(sql[i])) {
            i = skip_quoted(sql, i);
            continue;
        }
        if (sql[i] == '(') {
            open = i;
            break;
        }
        ++i;
    }
    if (open == std::string::npos) return out;
    size_t close = matching_paren(sql, open);
    if (close == std::string::npos) return out;
    for (const auto& item : split_top_level(sql.substr(open + 1, close - open - 1))) {
        auto tokens = tokenize(item);
        if (tokens.empty()) continue;
        if (!is_constraint_start(tokens[0])) {
            read_column(item, out);
            continue;
        }
        std::string name;
        size_t i = 0;
        if (drizzle::detail::to_upper(tokens[0]) == "CONSTRAINT" && tokens.size() > 1) {
            name = unquote_identifier(tokens[1]);
            i = 2;
        }
        read_constraint(tokens, i, name, "", out);
    }
    return out;
}

ParsedIndex parse_create_index(const std::string& sql) {
    ParsedIndex out;
    auto tokens = tokenize(sql);
    for (size_t i = 0; i < tokens.size(); ++i) {
        if (drizzle::detail::to_upper(tokens[i]) != "ON" || i + 2 >= tokens.size() || tokens[i + 2].front() != '(') continue;
        for (const auto& part : split_top_level(inner(tokens[i + 2]))) {
            auto element_tokens = tokenize(part);
            bool plain_column = element_tokens.size() == 1 &&
                                (element_tokens[0].front() == '`' || element_tokens[0].front() == '"' ||
                                 element_tokens[0].front() == '[' ||
                                 std::isalpha(static_cast<unsigned char>(element_tokens[0].front())) ||
                                 element_tokens[0].front() == '_');
            if (plain_column) {
                out.elements.push_back({unquote_identifier(element_tokens[0]), false});
            } else {
                out.elements.push_back({part, true});
            }
        }
        // Everything after the element list's WHERE keyword is the predicate, as written.
        size_t list_end = sql.find(tokens[i + 2]) + tokens[i + 2].size();
        std::string rest = trim(sql.substr(list_end));
        if (drizzle::detail::to_upper(rest.substr(0, 5)) == "WHERE") out.where = trim(rest.substr(5));
        break;
    }
    return out;
}

}  // namespace drizzle::sqlite::detail
