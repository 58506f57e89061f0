// A small SQL lexer for migration files: statement boundaries and words, quotes and comments aware.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace drizzle::migrate_internal {

/// One token of SQL text. Comments and whitespace are not tokens.
struct SqlToken {
    enum class Kind { word, quoted_identifier, string, dollar_string, symbol };
    Kind kind = Kind::symbol;
    std::string_view text;  ///< as written (quotes included)
    /// word: lower-cased; quoted_identifier: the name with "" undone; string: the literal's text
    /// for plain '...' literals (E'...' and dollar strings keep their written form).
    std::string value;
};

/// One statement of a piece: its text from its first character after the previous `;` up to and
/// including its own `;` (or the end), and its tokens.
struct SqlStatement {
    std::string_view text;
    std::vector<SqlToken> tokens;
};

/// Splits `sql` at top-level semicolons, skipping `--` and nested `/* */` comments, '...' (with ''),
/// E'...' (with backslash escapes), "..." identifiers and $tag$...$tag$ strings. Statements without
/// tokens (only comments or whitespace) are kept, with no tokens, so the pieces concatenate back
/// to `sql`.
std::vector<SqlStatement> split_sql(std::string_view sql);

/// True when `sql` holds no token at all: whitespace, comments and breakpoint markers only (an
/// unedited `generate --custom` file, a pulled baseline with its SQL commented out).
bool is_comment_only(std::string_view sql);

}  // namespace drizzle::migrate_internal
