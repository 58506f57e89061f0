// Turns what a dialect's DSL collected (columns, table-level declarations) into a model table and
// registers it. Each dialect's DSL says how through its DslRules; nothing here names a dialect.
#pragma once

#include "drizzle/dsl/common.hpp"

#include <initializer_list>
#include <string>
#include <vector>

namespace drizzle::dsl::detail {

/// How one dialect's DSL builds its tables; the dialect passes its own.
struct DslRules {
    /// The dialect the declared objects are registered under (and named in).
    Dialect dialect;
    /// Unnamed constraints get drizzle-kit 1.0's default name when declared (true), or keep an
    /// empty name, so generate names them in the convention of the folder they go to (false).
    bool name_unnamed_constraints = false;
    /// `index("name")` records its name as explicit, as drizzle-kit 1.0 does.
    bool index_names_explicit = false;
    /// The columns of a table-level primary key become NOT NULL.
    bool key_columns_not_null = false;
};

/// The model table `schema`.`name` declared with `columns` and `extras`.
Table build_table(const DslRules& rules, const std::string& schema, const std::string& name,
                  const std::vector<const ColumnState*>& columns, const std::vector<const ExtraSpec*>& extras);

/// Builds the table and registers it under `rules.dialect`.
void declare_table(const DslRules& rules, const std::string& schema, const std::string& name,
                   const std::vector<const ColumnState*>& columns, const std::vector<const ExtraSpec*>& extras);

/// The same, for a dialect's own builder and extra types.
template <class Builder, class Extra>
void declare_table(const DslRules& rules, const std::string& schema, const std::string& name,
                   std::initializer_list<Builder> columns, std::initializer_list<Extra> extras) {
    std::vector<const ColumnState*> column_states;
    for (const auto& column : columns)
        column_states.push_back(&column);
    std::vector<const ExtraSpec*> extra_specs;
    for (const auto& extra : extras)
        extra_specs.push_back(&extra);
    declare_table(rules, schema, name, column_states, extra_specs);
}

} // namespace drizzle::dsl::detail
