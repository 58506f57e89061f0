// Model tables from the DSL's column and table-level specs, for every dialect.
#include "dsl/table_build.hpp"

#include "drizzle/dialect/dialect_facts.hpp"
#include "drizzle/dialect/registry.hpp"
#include "drizzle/dsl/registry.hpp"
#include "dsl/literal_defaults.hpp"

namespace drizzle::dsl::detail {

namespace {

std::optional<std::string> decimal(const IdentitySpec& params, int bit, std::int64_t value) {
    if ((params.set & (1u << bit)) == 0) return std::nullopt;
    return std::to_string(value);
}

std::string column_type(const ColumnSpec& spec) {
    std::string type = str(spec.type);
    if (spec.type_arg >= 0) {
        type += "(" + std::to_string(spec.type_arg);
        if (spec.type_arg2 >= 0) type += "," + std::to_string(spec.type_arg2);
        type += ")";
    }
    return type + str(spec.type_suffix);
}

std::optional<ColumnDefault> column_default(const DefaultSpec& value) {
    switch (value.kind) {
    case DefaultSpec::Kind::none:
        return std::nullopt;
    case DefaultSpec::Kind::boolean:
        return boolean_default(value.boolean);
    case DefaultSpec::Kind::integer:
        return integer_default(value.integer);
    case DefaultSpec::Kind::number:
        return number_default(value.number);
    case DefaultSpec::Kind::string:
        return string_default(str(value.text));
    case DefaultSpec::Kind::sql:
        return sql_default(str(value.text));
    }
    return std::nullopt;
}

/// The columns a key or constraint lists: `primary_key({...})`, or `.on({...})`.
std::vector<std::string> target_names(const ExtraSpec& extra) {
    std::vector<std::string> names;
    for (Text column : extra.key_columns)
        names.push_back(str(column));
    for (const IndexTarget& target : extra.targets)
        names.push_back(str(target.value));
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
    index.name = str(extra.name);
    index.name_explicit = rules.index_names_explicit && !extra.name.empty();
    index.unique = extra.kind == ExtraKind::unique_index;
    for (const IndexElement& t : extra.targets) {
        index.columns.push_back({.expression = str(t.value),
                                 .is_expression = t.is_expression,
                                 .asc = t.asc,
                                 .nulls = str(t.nulls),
                                 .opclass = str(t.opclass)});
    }
    if (extra.has_predicate) index.where = str(extra.predicate);
    const std::string method = str(extra.method);
    index.method = method == "btree" ? "" : method;
    index.concurrently = extra.build_concurrently;
    for (const Option& option : extra.options)
        index.with.emplace_back(str(option.key), str(option.value));
    return index;
}

Policy make_policy(const ExtraSpec& extra) {
    Policy policy;
    policy.name = str(extra.name);
    policy.as = str(extra.policy.as);
    policy.for_ = str(extra.policy.for_);
    policy.to.clear();
    for (Text role : extra.policy.to)
        policy.to.push_back(str(role));
    if (policy.to.empty()) policy.to.push_back("public");
    if (extra.policy.has_using) policy.using_ = str(extra.policy.using_);
    if (extra.policy.has_with_check) policy.with_check = str(extra.policy.with_check);
    return policy;
}

void add_primary_key(const DslRules& rules, Table& table, const ExtraSpec& extra) {
    PrimaryKey pk;
    pk.columns = target_names(extra);
    pk.name_explicit = !extra.name.empty();
    pk.name = str(extra.name);
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
    case ExtraKind::foreign_key: {
        std::vector<std::string> columns_to;
        for (Text column : extra.columns_to)
            columns_to.push_back(str(column));
        table.foreign_keys.push_back(make_foreign_key(rules, table.name, target_names(extra), str(extra.schema_to),
                                                      str(extra.table_to), std::move(columns_to), str(extra.name),
                                                      str(extra.delete_action), str(extra.update_action)));
        break;
    }
    case ExtraKind::unique:
        table.uniques.push_back(
            make_unique(rules, table.name, target_names(extra), str(extra.name), !extra.distinct_nulls));
        break;
    case ExtraKind::check:
        table.checks.push_back({str(extra.name), str(extra.predicate)});
        break;
    case ExtraKind::policy:
        table.policies.push_back(make_policy(extra));
        table.rls_enabled = true; // declaring a policy enables RLS, as drizzle does
        break;
    }
}

} // namespace

SequenceOptions sequence_options(const IdentitySpec& params) {
    SequenceOptions options;
    options.increment = decimal(params, 0, params.increment);
    options.min_value = decimal(params, 1, params.min_value);
    options.max_value = decimal(params, 2, params.max_value);
    options.start_with = decimal(params, 3, params.start_with);
    options.cache = decimal(params, 4, params.cache);
    options.cycle = params.cycle;
    return options;
}

Column build_column(const ColumnSpec& spec) {
    Column column;
    column.name = str(spec.name);
    column.type = column_type(spec);
    if (spec.type_owner != nullptr) {
        const DeclaredName& type = spec.type_owner->declared();
        column.type = str(type.name);
        column.type_schema = type.schema.empty() ? "public" : str(type.schema);
    }
    column.dimensions = spec.dimensions;
    column.not_null = spec.not_null;
    column.primary_key = spec.primary_key;
    column.autoincrement = spec.autoincrement;
    column.default_value = column_default(spec.default_value);
    if (spec.generated) column.generated = GeneratedColumn{str(spec.generated_expression), spec.generated_stored};
    if (spec.identity != ColumnSpec::Identity::none) {
        column.identity =
            IdentityColumn{spec.identity == ColumnSpec::Identity::always ? IdentityColumn::Kind::always
                                                                         : IdentityColumn::Kind::by_default,
                           str(spec.identity_params.name), sequence_options(spec.identity_params)};
    }
    return column;
}

Table build_table(const DslRules& rules, const std::string& schema, const std::string& name,
                  const std::vector<const ColumnSpec*>& columns, const std::vector<const ExtraSpec*>& extras) {
    Table table;
    table.schema = schema;
    table.name = name;
    for (const ColumnSpec* spec : columns) {
        table.columns.push_back(build_column(*spec));
        const auto& column_name = table.columns.back().name;
        if (spec->unique) {
            table.uniques.push_back(
                make_unique(rules, name, {column_name}, str(spec->unique_name), spec->unique_nulls_not_distinct));
            table.uniques.back().column_level = true;
        }
        if (spec->has_reference) {
            const ColumnRef& target = spec->reference_target;
            const DeclaredName target_table =
                target.owner != nullptr ? target.owner->declared() : DeclaredName{target.schema, target.table};
            const ReferenceOptions& options = spec->reference_options;
            table.foreign_keys.push_back(make_foreign_key(
                rules, name, {column_name}, str(target_table.schema), str(target_table.name), {str(target.column)},
                str(options.name), str(options.on_delete), str(options.on_update)));
        }
    }
    for (const ExtraSpec* extra : extras)
        add_extra(rules, table, *extra);
    return table;
}

DeclaredName declare_table(const DslRules& rules, Text schema, Text name, const std::vector<const ColumnSpec*>& columns,
                           const std::vector<const ExtraSpec*>& extras) {
    register_table(rules.dialect, build_table(rules, str(schema), str(name), columns, extras));
    return keep_names(schema, name);
}

DeclaredName keep_names(Text schema, Text name) {
    return {intern(str(schema)), intern(str(name))};
}

} // namespace drizzle::dsl::detail

namespace drizzle::dsl {
Column to_column(const ColumnSpec& spec) {
    return detail::build_column(spec);
}
} // namespace drizzle::dsl
