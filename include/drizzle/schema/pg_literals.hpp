// PostgreSQL string and array literal text, as the snapshot readers and the diff compare it.
// Implemented with PostgreSQL's facts (src/dialect/pg/facts/pg_literals.cpp); shared code asks DialectFacts.
#pragma once

#include <optional>
#include <string>

namespace drizzle {

/// A default written as `'<body>'` followed by nothing or casts only (`::json`, `::text[]`).
struct PgLiteral {
    std::string body;   ///< between the outer quotes, as written (quotes inside not unescaped)
    std::string casts;  ///< "" or the `::type...` suffix
};

/// Splits `'...'[::type...]`; std::nullopt for anything else (expressions, numbers).
std::optional<PgLiteral> pg_split_literal(const std::string& value);

/// Whether every quote in `body` is doubled, i.e. `'<body>'` reads as one SQL string.
bool pg_literal_well_quoted(const std::string& body);

/// The value of a well-quoted body (`it''s` -> `it's`).
std::string pg_unquote_literal_body(const std::string& body);

/// An array literal's text (`{"a","b c"}`) as PostgreSQL's array_out prints it (`{a,"b c"}`):
/// elements quoted only when empty, NULL, or holding braces, commas, quotes, backslashes or
/// white space; booleans as t/f when `boolean`. std::nullopt when the text is not an array literal.
std::optional<std::string> pg_canonical_array_literal(const std::string& text, bool boolean);

}  // namespace drizzle
