// Helpers shared by the 0.31 and 1.0 SQLite snapshot readers and writers.
#include "dialect/sqlite/facts/snapshot/sqlite_common.hpp"

#include <algorithm>
#include <cctype>

namespace drizzle::snapshot_detail {

namespace {

std::string mapped(const std::string& text, int (*convert)(int)) {
    std::string out = text;
    std::transform(out.begin(), out.end(), out.begin(),
                   [convert](unsigned char c) { return static_cast<char>(convert(c)); });
    return out;
}

// True when the '(' at position 0 is closed by the very last character. Quoted SQL strings and
// identifiers may hold parentheses, so those are skipped.
bool outer_parentheses_enclose_all(const std::string& text) {
    if (text.size() < 2 || text.front() != '(' || text.back() != ')') return false;
    int depth = 0;
    char quote = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quote != 0) {
            if (c == quote) quote = 0;
            continue;
        }
        if (c == '\'' || c == '"' || c == '`') {
            quote = c;
        } else if (c == '[') {
            quote = ']';
        } else if (c == '(') {
            ++depth;
        } else if (c == ')') {
            --depth;
            if (depth == 0) return i == text.size() - 1;
        }
    }
    return false;
}

}  // namespace

std::string generated_as_text(const GeneratedColumn& generated) { return "(" + generated.expression + ")"; }

std::string generated_expression_from_text(const std::string& as) {
    if (!outer_parentheses_enclose_all(as)) return as;
    return as.substr(1, as.size() - 2);
}

std::string upper_action(const ReferentialAction& action) {
    return mapped(action, [](int c) { return std::toupper(c); });
}

ReferentialAction lower_action(const std::string& action) {
    return mapped(action, [](int c) { return std::tolower(c); });
}

Column* find_column(Table& table, const std::string& name) {
    auto it = std::find_if(table.columns.begin(), table.columns.end(),
                           [&](const Column& column) { return column.name == name; });
    return it == table.columns.end() ? nullptr : &*it;
}

}  // namespace drizzle::snapshot_detail
