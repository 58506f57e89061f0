// A DDL script's text, its tokens (pg_query_scan) and its lines: cuts clauses out verbatim and
// turns byte offsets into `file:line:column`.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace drizzle::pg::ddl {

/// One token of the script, comments excluded. Offsets are bytes into the whole script.
struct Token {
    int start = 0;
    int end = 0;          ///< one past the last byte
    bool keyword = false; ///< an SQL keyword (reserved or not)
};

/// Something wrong with the script, at a byte offset.
struct Problem {
    int offset = 0;
    std::string message;
};

/// The script being read. Parse trees only carry where a node starts (and not even that for
/// every node), so where a clause ends is found here, from the tokens around it.
class Source {
public:
    static constexpr std::size_t npos = static_cast<std::size_t>(-1);

    Source(std::string_view text, std::string file_name);

    std::string_view text() const { return text_; }
    const std::string& file_name() const { return file_name_; }
    std::size_t size() const { return tokens_.size(); }
    const Token& token(std::size_t i) const { return tokens_[i]; }
    std::string_view token_text(std::size_t i) const;

    /// `file:line:column` of a byte offset (line and column from 1, columns in characters).
    std::string where(int offset) const;
    /// Throws DiagnosticsError with every problem, in script order, each at `file:line:column`.
    [[noreturn]] void fail(std::vector<Problem> problems) const;
    /// The byte offset of the `character`-th character (from 1) after `from`, as the parser's
    /// error cursor counts them.
    int offset_of_character(int from, int character) const;

    /// The first token starting at or after `offset` (size() when none).
    std::size_t token_at(int offset) const;
    /// True when token `i` exists and is `word` (case-insensitive; punctuation compares as is).
    bool is(std::size_t i, std::string_view word) const;
    /// The `)` or `]` closing the bracket token `open`; npos when unbalanced.
    std::size_t closing(std::size_t open) const;
    /// The first token from `from` on that is `word` outside any brackets opened after `from`,
    /// before token `limit`; npos when none.
    std::size_t find_outside_brackets(std::size_t from, std::string_view word, std::size_t limit) const;
    /// The last token of the expression starting at token `first`: it stops before a `,`, `;` or
    /// unmatched closing bracket, and before the token starting at `limit_offset` (-1: none).
    std::size_t expression_last(std::size_t first, int limit_offset = -1) const;

    /// Source text from the start of token `first` to the end of token `last`, as written.
    std::string slice(std::size_t first, std::size_t last) const;
    /// slice() without one pair of parentheses around all of it: `(a > 0)` -> `a > 0`, the form
    /// the DSL's strings take (its renderer adds parentheses where SQL needs them).
    std::string slice_unwrapped(std::size_t first, std::size_t last) const;
    /// The text inside the first parenthesised group starting at or after token `from`; sets
    /// `after` to the token following its `)`. Empty with `after` = npos when there is none.
    std::string parenthesized(std::size_t from, std::size_t& after) const;

private:
    std::string_view text_;
    std::string file_name_;
    std::vector<Token> tokens_;
    std::vector<int> line_starts_;
};

}  // namespace drizzle::pg::ddl
