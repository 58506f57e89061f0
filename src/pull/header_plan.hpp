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

/// Decides everything the header writers need; they only print it.
HeaderPlan plan_header(const Schema& schema, Casing casing);

}  // namespace drizzle::pull::detail
