// Turns what a dialect's DSL collected (column and table-level specs, all plain data) into model
// tables and registers them. Each dialect's DSL says how through its DslRules; nothing here names a
// dialect.
#pragma once

#include "drizzle/dsl/common.hpp"
#include "drizzle/schema/model.hpp"

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

/// The DSL's text as a std::string.
inline std::string str(Text text) {
    return text.data;
}

/// A declared object's names, kept by the registry for the life of the process (for its handle).
DeclaredName keep_names(Text schema, Text name);

/// The model column a column spec describes (its type spelled with arguments and suffix).
Column build_column(const ColumnSpec& spec);

/// Sequence options as drizzle-kit records them: the parameters given, as decimal text.
SequenceOptions sequence_options(const IdentitySpec& params);

/// The model table `schema`.`name` declared with `columns` and `extras`.
Table build_table(const DslRules& rules, const std::string& schema, const std::string& name,
                  const std::vector<const ColumnSpec*>& columns, const std::vector<const ExtraSpec*>& extras);

/// Builds the table, registers it under `rules.dialect` and returns its names as kept by the
/// registry (they outlive the declaration, for `users["id"]`).
DeclaredName declare_table(const DslRules& rules, Text schema, Text name, const std::vector<const ColumnSpec*>& columns,
                           const std::vector<const ExtraSpec*>& extras);

/// The same, for a dialect's own builder and extra types.
template <class Builder, class Extra>
DeclaredName declare_table(const DslRules& rules, Text schema, Text name, std::initializer_list<Builder> columns,
                           std::initializer_list<Extra> extras) {
    std::vector<const ColumnSpec*> column_specs;
    column_specs.reserve(columns.size());
    for (const auto& column : columns)
        column_specs.push_back(&column);
    std::vector<const ExtraSpec*> extra_specs;
    extra_specs.reserve(extras.size());
    for (const auto& extra : extras)
        extra_specs.push_back(&extra);
    return declare_table(rules, schema, name, column_specs, extra_specs);
}

} // namespace drizzle::dsl::detail
