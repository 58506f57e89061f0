// Reads what PRAGMAs do not tell from SQLite's stored CREATE TABLE / CREATE INDEX text.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace drizzle::sqlite::detail {

/// Facts about one column definition that only the SQL text holds.
struct ParsedColumn {
    std::string name;
    std::string type;                  ///< declared type as written (PRAGMAs upper-case some)
    std::optional<std::string> default_text;  ///< DEFAULT as written (PRAGMAs drop the parentheses)
    bool autoincrement = false;
    std::optional<std::string> generated_expression;  ///< without the outer parentheses
    bool generated_stored = false;
};

/// A named table constraint as written.
struct ParsedConstraint {
    enum class Kind { primary_key, foreign_key, unique, check };
    Kind kind = Kind::check;
    std::string name;                  ///< empty when unnamed
    std::vector<std::string> columns;  ///< key/unique/foreign-key columns
    std::string expression;            ///< CHECK expression, without the outer parentheses
    bool column_level = false;         ///< written in a column definition (`title text UNIQUE`)
};

struct ParsedTable {
    std::vector<ParsedColumn> columns;
    std::vector<ParsedConstraint> constraints;  ///< table-level and column-level, in order
};

/// Parses `CREATE TABLE name (...)`. Tolerant: unknown clauses are skipped.
ParsedTable parse_create_table(const std::string& sql);

/// One element of an index: a column, or an expression (as written).
struct ParsedIndexElement {
    std::string text;
    bool is_expression = false;
};

struct ParsedIndex {
    std::vector<ParsedIndexElement> elements;
    std::optional<std::string> where;
};

/// Parses `CREATE [UNIQUE] INDEX name ON table (elements) [WHERE predicate]`.
ParsedIndex parse_create_index(const std::string& sql);

/// Removes one level of quoting from an identifier: `x`, "x", [x] -> x.
std::string unquote_identifier(const std::string& token);

}  // namespace drizzle::sqlite::detail
