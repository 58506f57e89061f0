// Model tables from the DSL's columns and table-level declarations, for every dialect.
#include "dsl/table_build.hpp"

#include "drizzle/dialect/dialect_facts.hpp"
#include "drizzle/dialect/registry.hpp"
#include "drizzle/dsl/registry.hpp"

namespace drizzle::dsl::detail {

namespace {

std::vector<std::string> target_names(const ExtraSpec& extra) {
    std::vector<std::string> names;
    for (const auto& target : extra.targets)
        names.push_back(target.value);
    return names;
}

ForeignKey make_foreign_key(const DslRules& rules, const std::string& table, std::vector<std::string> columns,
                            const std::string& schema_to, const std::string& table_to,
                            std::vector<std::string> columns_to, const std::string& name, const std::string& on_delete,
                            const std::string& on_update) {
    ForeignKey fk;
    fk.columns = std::move(columns);
    fk.table_to = table_to;
    fk.columns_to = std::move(columns_to);
    fk.on_delete = on_delete;
    fk.on_update = on_update;
    fk.name_explicit = !name.empty();
    fk.name = name;
    if (!fk.name_explicit && rules.name_unnamed_constraints) {
        fk.name = dialect_facts(rules.dialect).default_foreign_key_name(NamingStyle::v1, table, fk);
    }
    fk.schema_to = schema_to;
    return fk;
}

UniqueConstraint make_unique(const DslRules& rules, const std::string& table, std::vector<std::string> columns,
                             const std::string& name, bool nulls_not_distinct) {
    UniqueConstraint unique;
    unique.columns = std::move(columns);
    unique.name_explicit = !name.empty();
    unique.name = name;
    if (!unique.name_explicit && rules.name_unnamed_constraints) {
        unique.name = dialect_facts(rules.dialect).default_unique_name(NamingStyle::v1, table, unique.columns);
    }
    unique.nulls_not_distinct = nulls_not_distinct;
    return unique;
}

Index make_index(const DslRules& rules, const ExtraSpec& extra) {
    Index index;
    index.name = extra.name;
    index.name_explicit = rules.index_names_explicit && !extra.name.empty();
    index.unique = extra.kind == ExtraKind::unique_index;
    for (const auto& t : extra.targets) {
        index.columns.push_back({.expression = t.value,
                                 .is_expression = t.is_expression,
                                 .asc = t.asc,
                                 .nulls = t.nulls,
                                 .opclass = t.opclass});
    }
    index.where = extra.predicate;
    index.method = extra.method == "btree" ? "" : extra.method;
    index.concurrently = extra.build_concurrently;
    index.with = extra.options;
    return index;
}

void add_primary_key(const DslRules& rules, Table& table, const ExtraSpec& extra) {
    PrimaryKey pk;
    pk.columns = target_names(extra);
    pk.name_explicit = !extra.name.empty();
    pk.name = extra.name;
    if (!pk.name_explicit && rules.name_unnamed_constraints) {
        pk.name = dialect_facts(rules.dialect).default_primary_key_name(NamingStyle::v1, table.name, pk.columns);
    }
    if (rules.key_columns_not_null) {
        for (auto& column : table.columns) {
            for (const auto& name : pk.columns) {
                if (column.name == name) column.not_null = true;
            }
        }
    }
    table.primary_keys.push_back(std::move(pk));
}

void add_extra(const DslRules& rules, Table& table, const ExtraSpec& extra) {
    switch (extra.kind) {
    case ExtraKind::index:
    case ExtraKind::unique_index:
        table.indexes.push_back(make_index(rules, extra));
        break;
    case ExtraKind::primary_key:
        add_primary_key(rules, table, extra);
        break;
    case ExtraKind::foreign_key:
        table.foreign_keys.push_back(make_foreign_key(rules, table.name, target_names(extra), extra.schema_to,
                                                      extra.table_to, extra.columns_to, extra.name, extra.delete_action,
                                                      extra.update_action));
        break;
    case ExtraKind::unique:
        table.uniques.push_back(make_unique(rules, table.name, target_names(extra), extra.name, !extra.distinct_nulls));
        break;
    case ExtraKind::check:
        table.checks.push_back({extra.name, extra.predicate.value_or("")});
        break;
    case ExtraKind::policy:
        table.policies.push_back(extra.policy_value);
        table.rls_enabled = true; // declaring a policy enables RLS, as drizzle does
        break;
    }
}

} // namespace

Table build_table(const DslRules& rules, const std::string& schema, const std::string& name,
                  const std::vector<const ColumnState*>& columns, const std::vector<const ExtraSpec*>& extras) {
    Table table;
    table.schema = schema;
    table.name = name;
    for (const ColumnState* builder : columns) {
        table.columns.push_back(builder->column());
        const auto& column_name = builder->column().name;
        if (const auto& unique = builder->column_unique()) {
            table.uniques.push_back(make_unique(rules, name, {column_name}, unique->name, unique->nulls_not_distinct));
            table.uniques.back().column_level = true;
        }
        if (builder->reference()) {
            const auto& [target, options] = *builder->reference();
            table.foreign_keys.push_back(make_foreign_key(rules, name, {column_name}, target.schema, target.table,
                                                          {target.column}, options.name, options.on_delete,
                                                          options.on_update));
        }
    }
    for (const ExtraSpec* extra : extras)
        add_extra(rules, table, *extra);
    return table;
}

void declare_table(const DslRules& rules, const std::string& schema, const std::string& name,
                   const std::vector<const ColumnState*>& columns, const std::vector<const ExtraSpec*>& extras) {
    register_table(rules.dialect, build_table(rules, schema, name, columns, extras));
}

} // namespace drizzle::dsl::detail
