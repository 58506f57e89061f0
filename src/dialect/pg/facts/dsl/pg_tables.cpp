// Tables, enums, sequences, views, schemas, roles and table extras of the PostgreSQL DSL; the
// shared table building is dsl/table_build.
#include "drizzle/dsl/pg.hpp"
#include "drizzle/dsl/registry.hpp"
#include "dsl/table_build.hpp"
#include "util/text.hpp"

#include <cstdint>

namespace drizzle::pg::dsl {

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
namespace {

// Unnamed constraints keep an empty name: generate names them in the convention of the
// migrations folder they go to (drizzle-kit 0.31 and 1.0 differ).
constexpr drizzle::dsl::detail::DslRules rules{
    .dialect = Dialect::postgresql, .index_names_explicit = true, .key_columns_not_null = true};

TableHandle declare_table(const std::string& schema, std::string name, std::initializer_list<ColumnBuilder> columns,
                          std::initializer_list<TableExtra> extras) {
    drizzle::dsl::detail::declare_table(rules, schema, name, columns, extras);
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
    for (const auto& [key, value] : options.with)
        view.with.emplace_back(detail::camel_to_snake(key), value);
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

} // namespace

TableExtra pg_policy(std::string name, PolicyOptions options) {
    auto extra = drizzle::dsl::make_extra<TableExtra>(drizzle::dsl::ExtraKind::policy, name);
    extra.policy_value.name = std::move(name);
    extra.policy_value.as = options.as;
    extra.policy_value.for_ = options.for_;
    extra.policy_value.to = options.to;
    extra.policy_value.using_ = options.using_;
    extra.policy_value.with_check = options.with_check;
    return extra;
}

const TableHandle& TableHandle::enable_rls() const {
    drizzle::dsl::enable_rls(rules.dialect, schema_, name_);
    return *this;
}

TableHandle pg_table(std::string name, std::initializer_list<ColumnBuilder> columns,
                     std::initializer_list<TableExtra> extras) {
    return declare_table("", std::move(name), columns, extras);
}

ColumnBuilder EnumHandle::operator()(std::string column) const {
    return ColumnBuilder(std::move(column), name_, schema_.empty() ? "public" : schema_);
}

SchemaHandle::SchemaHandle(std::string name) : name_(std::move(name)) {
    drizzle::dsl::register_schema(rules.dialect, name_);
}

TableHandle SchemaHandle::table(std::string name, std::initializer_list<ColumnBuilder> columns,
                                std::initializer_list<TableExtra> extras) const {
    return declare_table(name_, std::move(name), columns, extras);
}

EnumHandle SchemaHandle::enum_(std::string name, std::initializer_list<std::string> values) const {
    drizzle::dsl::register_enum(rules.dialect, {name_, name, std::vector<std::string>(values)});
    return EnumHandle(name_, std::move(name));
}

Declared SchemaHandle::sequence(std::string name, SequenceParams params) const {
    drizzle::dsl::register_sequence(rules.dialect, make_sequence(name_, name, params));
    return {std::move(name)};
}

Declared SchemaHandle::view(std::string name, std::string definition, ViewOptions options) const {
    drizzle::dsl::register_view(rules.dialect, make_view(name_, name, std::move(definition), options, false));
    return {std::move(name)};
}

Declared SchemaHandle::materialized_view(std::string name, std::string definition, ViewOptions options) const {
    drizzle::dsl::register_view(rules.dialect, make_view(name_, name, std::move(definition), options, true));
    return {std::move(name)};
}

SchemaHandle pg_schema(std::string name) {
    return SchemaHandle(std::move(name));
}

EnumHandle pg_enum(std::string name, std::initializer_list<std::string> values) {
    drizzle::dsl::register_enum(rules.dialect, {"", name, std::vector<std::string>(values)});
    return EnumHandle("", std::move(name));
}

Declared pg_sequence(std::string name, SequenceParams params) {
    drizzle::dsl::register_sequence(rules.dialect, make_sequence("", name, params));
    return {std::move(name)};
}

Declared pg_view(std::string name, std::string definition, ViewOptions options) {
    drizzle::dsl::register_view(rules.dialect, make_view("", name, std::move(definition), options, false));
    return {std::move(name)};
}

Declared pg_materialized_view(std::string name, std::string definition, ViewOptions options) {
    drizzle::dsl::register_view(rules.dialect, make_view("", name, std::move(definition), options, true));
    return {std::move(name)};
}

Declared pg_role(std::string name, RoleOptions options) {
    Role role;
    role.name = name;
    role.create_db = options.create_db;
    role.create_role = options.create_role;
    role.inherit = options.inherit;
    drizzle::dsl::register_role(rules.dialect, std::move(role));
    return {std::move(name)};
}

} // namespace drizzle::pg::dsl
