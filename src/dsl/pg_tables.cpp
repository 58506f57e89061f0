// Tables, enums, sequences, views, schemas, roles and table extras of the PostgreSQL DSL.
#include "drizzle/dsl/pg.hpp"
#include "util/text.hpp"

#include <cstdint>

namespace drizzle::pg::dsl {

TableExtra& TableExtra::on(std::initializer_list<IndexTarget> new_targets) {
    targets.assign(new_targets.begin(), new_targets.end());
    return *this;
}
TableExtra& TableExtra::where(const std::string& new_predicate) {
    predicate = new_predicate;
    return *this;
}
TableExtra& TableExtra::using_(const std::string& new_method) {
    method = new_method;
    return *this;
}
TableExtra& TableExtra::concurrently() {
    build_concurrently = true;
    return *this;
}
TableExtra& TableExtra::with(std::initializer_list<std::pair<std::string, std::string>> new_options) {
    options.assign(new_options.begin(), new_options.end());
    return *this;
}
TableExtra& TableExtra::nulls_not_distinct() {
    distinct_nulls = false;
    return *this;
}
TableExtra& TableExtra::references(const std::string& table, std::initializer_list<std::string> columns,
                                   const std::string& schema) {
    table_to = table;
    schema_to = schema;
    columns_to.assign(columns.begin(), columns.end());
    return *this;
}
TableExtra& TableExtra::on_delete(const std::string& new_action) {
    delete_action = new_action;
    return *this;
}
TableExtra& TableExtra::on_update(const std::string& new_action) {
    update_action = new_action;
    return *this;
}

namespace {

TableExtra make_extra(TableExtra::Kind kind, std::string name) {
    TableExtra extra;
    extra.kind = kind;
    extra.name = std::move(name);
    return extra;
}

std::vector<std::string> target_names(const TableExtra& extra) {
    std::vector<std::string> names;
    for (const auto& target : extra.targets) names.push_back(target.value);
    return names;
}

// Unnamed constraints keep an empty name: generate names them in the convention of the
// migrations folder they go to (drizzle-kit 0.31 and 1.0 differ).
ForeignKey make_foreign_key(std::vector<std::string> columns, const std::string& table_to,
                            std::vector<std::string> columns_to, const std::string& name, const std::string& on_delete,
                            const std::string& on_update) {
    ForeignKey fk;
    fk.name = name;
    fk.name_explicit = !name.empty();
    fk.columns = std::move(columns);
    fk.table_to = table_to;
    fk.columns_to = std::move(columns_to);
    fk.on_delete = on_delete;
    fk.on_update = on_update;
    return fk;
}

void add_extra(Table& table, const TableExtra& extra) {
    switch (extra.kind) {
    case TableExtra::Kind::index:
    case TableExtra::Kind::unique_index: {
        Index index;
        index.name = extra.name;
        index.name_explicit = !extra.name.empty();  // drizzle-kit 1.0 records a given name as explicit
        index.unique = extra.kind == TableExtra::Kind::unique_index;
        for (const auto& t : extra.targets) {
            index.columns.push_back({.expression = t.value, .is_expression = t.is_expression, .asc = t.asc,
                                     .nulls = t.nulls, .opclass = t.opclass});
        }
        index.where = extra.predicate;
        index.method = extra.method == "btree" ? "" : extra.method;
        index.concurrently = extra.build_concurrently;
        index.with = extra.options;
        table.indexes.push_back(std::move(index));
        break;
    }
    case TableExtra::Kind::primary_key:
        table.primary_keys.push_back({extra.name, !extra.name.empty(), target_names(extra)});
        for (auto& column : table.columns) {
            for (const auto& name : target_names(extra)) {
                if (column.name == name) column.not_null = true;  // PostgreSQL makes key columns NOT NULL
            }
        }
        break;
    case TableExtra::Kind::foreign_key:
        table.foreign_keys.push_back(make_foreign_key(target_names(extra), extra.table_to, extra.columns_to, extra.name,
                                                      extra.delete_action, extra.update_action));
        table.foreign_keys.back().schema_to = extra.schema_to;
        break;
    case TableExtra::Kind::unique: {
        UniqueConstraint unique;
        unique.name = extra.name;
        unique.name_explicit = !extra.name.empty();
        unique.columns = target_names(extra);
        unique.nulls_not_distinct = !extra.distinct_nulls;
        table.uniques.push_back(std::move(unique));
        break;
    }
    case TableExtra::Kind::check:
        table.checks.push_back({extra.name, extra.predicate.value_or("")});
        break;
    case TableExtra::Kind::policy:
        table.policies.push_back(extra.policy_value);
        table.rls_enabled = true;
        break;
    }
}

TableHandle declare_table(const std::string& schema, std::string name, std::initializer_list<ColumnBuilder> columns,
                          std::initializer_list<TableExtra> extras) {
    Table table;
    table.schema = schema;
    table.name = name;
    for (const auto& builder : columns) {
        table.columns.push_back(builder.column());
        const auto& column_name = builder.column().name;
        if (builder.unique_spec()) {
            UniqueConstraint unique;
            unique.name = builder.unique_spec()->first;
            unique.name_explicit = !unique.name.empty();
            unique.columns = {column_name};
            unique.column_level = true;
            unique.nulls_not_distinct = builder.unique_spec()->second;
            table.uniques.push_back(std::move(unique));
        }
        if (builder.reference()) {
            const auto& [target, options] = *builder.reference();
            table.foreign_keys.push_back(make_foreign_key({column_name}, target.table, {target.column}, options.name,
                                                          options.on_delete, options.on_update));
            table.foreign_keys.back().schema_to = target.schema;
        }
    }
    for (const auto& extra : extras) add_extra(table, extra);
    drizzle::dsl::register_table(Dialect::postgresql, std::move(table));
    return TableHandle(schema, std::move(name));
}

View make_view(const std::string& schema, std::string name, std::string definition, const ViewOptions& options,
               bool materialized) {
    View view;
    view.schema = schema;
    view.name = std::move(name);
    view.definition = std::move(definition);
    view.materialized = materialized;
    // drizzle-orm spells options in camelCase; the model keeps PostgreSQL's names.
    for (const auto& [key, value] : options.with) view.with.emplace_back(detail::camel_to_snake(key), value);
    view.with_no_data = options.with_no_data;
    view.using_ = options.using_;
    view.tablespace = options.tablespace;
    return view;
}

Sequence make_sequence(const std::string& schema, std::string name, const SequenceParams& params) {
    // drizzle-kit records every parameter of a standalone sequence, defaults included.
    auto or_default = [](const std::optional<std::int64_t>& v, std::int64_t fallback) {
        return std::to_string(v.value_or(fallback));
    };
    Sequence sequence;
    sequence.schema = schema;
    sequence.name = std::move(name);
    const std::int64_t increment = params.increment.value_or(1);
    sequence.options.increment = std::to_string(increment);
    sequence.options.min_value = or_default(params.min_value, increment > 0 ? 1 : INT64_MIN);
    sequence.options.max_value = or_default(params.max_value, increment > 0 ? INT64_MAX : -1);
    sequence.options.start_with =
        or_default(params.start_with, increment > 0 ? params.min_value.value_or(1) : params.max_value.value_or(-1));
    sequence.options.cache = or_default(params.cache, 1);
    sequence.options.cycle = params.cycle;
    return sequence;
}

}  // namespace

TableExtra index(std::string name) { return make_extra(TableExtra::Kind::index, std::move(name)); }
TableExtra unique_index(std::string name) { return make_extra(TableExtra::Kind::unique_index, std::move(name)); }

TableExtra primary_key(std::initializer_list<std::string> columns, std::string name) {
    auto extra = make_extra(TableExtra::Kind::primary_key, std::move(name));
    for (const auto& column : columns) extra.targets.emplace_back(column);
    return extra;
}

TableExtra foreign_key(std::initializer_list<std::string> columns, std::string name) {
    auto extra = make_extra(TableExtra::Kind::foreign_key, std::move(name));
    for (const auto& column : columns) extra.targets.emplace_back(column);
    return extra;
}

TableExtra unique(std::string name) { return make_extra(TableExtra::Kind::unique, std::move(name)); }

TableExtra check(std::string name, std::string expression) {
    auto extra = make_extra(TableExtra::Kind::check, std::move(name));
    extra.predicate = std::move(expression);
    return extra;
}

TableExtra pg_policy(std::string name, PolicyOptions options) {
    auto extra = make_extra(TableExtra::Kind::policy, name);
    extra.policy_value.name = std::move(name);
    extra.policy_value.as = options.as;
    extra.policy_value.for_ = options.for_;
    extra.policy_value.to = options.to;
    extra.policy_value.using_ = options.using_;
    extra.policy_value.with_check = options.with_check;
    return extra;
}

const TableHandle& TableHandle::enable_rls() const {
    drizzle::dsl::enable_rls(schema_, name_);
    return *this;
}

TableHandle pg_table(std::string name, std::initializer_list<ColumnBuilder> columns,
                     std::initializer_list<TableExtra> extras) {
    return declare_table("", std::move(name), columns, extras);
}

ColumnBuilder EnumHandle::operator()(std::string column) const {
    return ColumnBuilder(std::move(column), name_, schema_.empty() ? "public" : schema_);
}

SchemaHandle::SchemaHandle(std::string name) : name_(std::move(name)) { drizzle::dsl::register_schema(name_); }

TableHandle SchemaHandle::table(std::string name, std::initializer_list<ColumnBuilder> columns,
                                std::initializer_list<TableExtra> extras) const {
    return declare_table(name_, std::move(name), columns, extras);
}

EnumHandle SchemaHandle::enum_(std::string name, std::initializer_list<std::string> values) const {
    drizzle::dsl::register_enum({name_, name, std::vector<std::string>(values)});
    return EnumHandle(name_, std::move(name));
}

Declared SchemaHandle::sequence(std::string name, SequenceParams params) const {
    drizzle::dsl::register_sequence(make_sequence(name_, name, params));
    return {std::move(name)};
}

Declared SchemaHandle::view(std::string name, std::string definition, ViewOptions options) const {
    drizzle::dsl::register_view(Dialect::postgresql, make_view(name_, name, std::move(definition), options, false));
    return {std::move(name)};
}

Declared SchemaHandle::materialized_view(std::string name, std::string definition, ViewOptions options) const {
    drizzle::dsl::register_view(Dialect::postgresql, make_view(name_, name, std::move(definition), options, true));
    return {std::move(name)};
}

SchemaHandle pg_schema(std::string name) { return SchemaHandle(std::move(name)); }

EnumHandle pg_enum(std::string name, std::initializer_list<std::string> values) {
    drizzle::dsl::register_enum({"", name, std::vector<std::string>(values)});
    return EnumHandle("", std::move(name));
}

Declared pg_sequence(std::string name, SequenceParams params) {
    drizzle::dsl::register_sequence(make_sequence("", name, params));
    return {std::move(name)};
}

Declared pg_view(std::string name, std::string definition, ViewOptions options) {
    drizzle::dsl::register_view(Dialect::postgresql, make_view("", name, std::move(definition), options, false));
    return {std::move(name)};
}

Declared pg_materialized_view(std::string name, std::string definition, ViewOptions options) {
    drizzle::dsl::register_view(Dialect::postgresql, make_view("", name, std::move(definition), options, true));
    return {std::move(name)};
}

Declared pg_role(std::string name, RoleOptions options) {
    Role role;
    role.name = name;
    role.create_db = options.create_db;
    role.create_role = options.create_role;
    role.inherit = options.inherit;
    drizzle::dsl::register_role(std::move(role));
    return {std::move(name)};
}

}  // namespace drizzle::pg::dsl
