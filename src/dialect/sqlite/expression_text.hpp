// SQLite expression text as tokens: re-pointing table qualifiers and a canonical form for comparing.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace drizzle::sqlite::detail {

/// One lexical token of SQLite expression text; `text` is the token exactly as written.
struct ExpressionToken {
    enum class Kind { space, comment, string, blob, number, identifier, quoted_identifier, symbol };
    Kind kind = Kind::symbol;
    std::string text;
};

/// Splits SQL expression text into tokens following SQLite's lexer (tokenize.c): '...' strings,
/// "..." / `...` / [...] identifiers, X'..' blobs, numbers, words, -- and /* */ comments, and
/// single- or two-character operators. Concatenating every token's text gives `sql` back.
std::vector<ExpressionToken> tokenize_expression(std::string_view sql);

/// The identifier a token names (quotes removed, doubled quotes undone); "" for non-identifiers.
std::string identifier_of(const ExpressionToken& token);

/// `sql` with every column qualifier naming `table` (any quoting, ASCII case-insensitive, also
/// `main.table.column`) replaced by `"replacement"`. Strings, comments and other names are left
/// exactly as written. Used when a table's expressions move to another table name, e.g. the
/// `__new_<table>` of a rebuild (SQLite's RENAME TO then points them back at the final name).
std::string requalify(std::string_view sql, std::string_view table, std::string_view replacement);

/// A form of `sql` for comparing expressions of one table known by the names `tables` (its name
/// before and after a rename): qualifiers naming it dropped (inside its own CHECK or index
/// predicate `t.x` is `x`), identifiers unquoted and, like keywords, folded to lower case,
/// whitespace and comments removed. String literals are kept as written.
std::string canonical_expression(std::string_view sql, const std::vector<std::string>& tables);

}  // namespace drizzle::sqlite::detail
