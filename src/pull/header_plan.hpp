// What a pulled header declares and how: the schema as the DSL will build it, plus variable names.
#pragma once

#include "drizzle/pull/cpp_header.hpp"

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace drizzle::pull::detail {

/// How one column is written, beyond its type.
struct ColumnPlan {
    std::string default_call;             ///< e.g. `.default_(42)`; "" = no default
    std::optional<std::size_t> unique;    ///< index into Table::uniques declared on the column
    std::optional<std::size_t> reference; ///< index into Table::foreign_keys declared on the column
};

struct TablePlan {
    std::size_t index = 0; ///< into HeaderPlan::declared.tables
    std::string variable;
    std::vector<ColumnPlan> columns; ///< parallel to the table's columns
};

struct HeaderPlan {
    /// What the header declares, in the exporter's order (tables, views, enums and sequences
    /// sorted by schema and name, as the DSL registry sorts them).
    Schema declared;
    /// Tables in declaration order: a table comes after the tables its columns reference.
    std::vector<TablePlan> tables;
    std::map<std::pair<std::string, std::string>, std::string> table_variables; ///< (schema, name)
    std::map<std::pair<std::string, std::string>, std::string> enum_variables;  ///< (schema, name)
    std::map<std::string, std::string> schema_variables;                        ///< PostgreSQL schemas
    std::vector<std::string> sequence_variables;                                ///< parallel to declared.sequences
    std::vector<std::string> view_variables;                                    ///< parallel to declared.views
    std::map<std::string, std::string> role_variables;
    std::vector<std::string> warnings;
};

/// What one dialect's pulled header differs in: how its DSL spells some objects, and the text.
/// Each dialect's ops implement it next to their header writer (src/dialect/<name>/).
class HeaderDialect {
public:
    virtual ~HeaderDialect() = default;

    /// The DSL call this dialect's builders have for the default `sql` (e.g. `.default_now()`
    /// for `now()`), or "" when it is written with the shared `.default_...` forms.
    virtual std::string special_default_call(const std::string& sql) const = 0;
    /// Whether the DSL declares schemas: then every schema an object lives in is declared.
    virtual bool declares_schemas() const = 0;
    /// Brings a pulled column to the form the DSL builds it in (e.g. a type's spelling).
    virtual void settle_column(Column& column) const = 0;
    /// Brings a pulled table's constraints and indexes to the form the DSL builds them in
    /// (names it gives, or records as explicit); says what it changed in `warnings`.
    virtual void settle_table(Dialect dialect, Table& table, std::vector<std::string>& warnings) const = 0;
    /// Prints the planned header; `source` is where the schema came from.
    virtual std::string write_text(const HeaderPlan& plan, const std::string& source) const = 0;
};

/// Decides everything the header writers need; they only print it.
HeaderPlan plan_header(const Schema& schema, Casing casing, const HeaderDialect& dialect);

/// Names the unnamed checks of `table` (the DSL names every check): `<table>_check` for a lone
/// one, else `<table>_check_1`, `_2`, ... skipping names in use; each one named is a warning.
void name_unnamed_checks(Table& table, std::vector<std::string>& warnings);

} // namespace drizzle::pull::detail
