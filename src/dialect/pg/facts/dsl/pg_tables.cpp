// Tables, enums, sequences, views, schemas and roles of the PostgreSQL DSL: each declaration's
// plain data becomes the model and is registered (the shared table building is dsl/table_build).
#include "dialect/pg/facts/dsl/pg_declare.hpp"
#include "drizzle/dsl/pg.hpp"
#include "drizzle/dsl/registry.hpp"
#include "dsl/table_build.hpp"
#include "util/text.hpp"

#include <cstdint>

namespace drizzle::pg::dsl {

namespace {

using ::drizzle::dsl::detail::str;

// Unnamed constraints keep an empty name: generate names them in the convention of the
// migrations folder they go to (drizzle-kit 0.31 and 1.0 differ).
constexpr drizzle::dsl::detail::DslRules rules{
    .dialect = Dialect::postgresql, .index_names_explicit = true, .key_columns_not_null = true};

TableHandle declare_table(Text schema, Text name, std::initializer_list<ColumnBuilder> columns,
                          std::initializer_list<TableExtra> extras) {
    return TableHandle(drizzle::dsl::detail::declare_table(rules, schema, name, columns, extras));
}

EnumHandle declare_enum(Text schema, Text name, std::initializer_list<Text> values) {
    return detail::declare_enum(schema, name, ::drizzle::dsl::ListView<Text>(values));
}

View make_view(Text schema, Text name, Text definition, const ViewOptions& options, bool materialized) {
    View view;
    view.schema = str(schema);
    view.name = str(name);
    view.definition = str(definition);
    view.materialized = materialized;
    // drizzle-orm spells options in camelCase; the model keeps PostgreSQL's names.
    for (const auto& option : options.with)
        view.with.emplace_back(drizzle::detail::camel_to_snake(str(option.key)), str(option.value));
    view.with_no_data = options.with_no_data;
    view.using_ = str(options.using_);
    view.tablespace = str(options.tablespace);
    return view;
}

Sequence make_sequence(Text schema, Text name, const SequenceParams& params) {
    // drizzle-kit records every parameter of a standalone sequence, defaults included.
    auto or_default = [](const drizzle::dsl::OptionalInt& v, std::int64_t fallback) {
        return std::to_string(v.set ? v.value : fallback);
    };
    Sequence sequence;
    sequence.schema = str(schema);
    sequence.name = str(name);
    const std::int64_t increment = params.increment.set ? params.increment.value : 1;
    sequence.options.increment = std::to_string(increment);
    sequence.options.min_value = or_default(params.min_value, increment > 0 ? 1 : INT64_MIN);
    sequence.options.max_value = or_default(params.max_value, increment > 0 ? INT64_MAX : -1);
    const std::int64_t min_value = params.min_value.set ? params.min_value.value : 1;
    const std::int64_t max_value = params.max_value.set ? params.max_value.value : -1;
    sequence.options.start_with = or_default(params.start_with, increment > 0 ? min_value : max_value);
    sequence.options.cache = or_default(params.cache, 1);
    sequence.options.cycle = params.cycle;
    return sequence;
}

Declared declare_view(Text schema, Text name, Text definition, const ViewOptions& options, bool materialized) {
    drizzle::dsl::register_view(rules.dialect, make_view(schema, name, definition, options, materialized));
    return {drizzle::dsl::intern(str(name))};
}

} // namespace

TableHandle detail::declare_table(Text schema, Text name, const std::vector<const ::drizzle::dsl::ColumnSpec*>& columns,
                                  const std::vector<const ::drizzle::dsl::ExtraSpec*>& extras) {
    return TableHandle(drizzle::dsl::detail::declare_table(rules, schema, name, columns, extras));
}

EnumHandle detail::declare_enum(Text schema, Text name, ::drizzle::dsl::ListView<Text> values) {
    Enum type{str(schema), str(name), {}};
    for (Text value : values)
        type.values.push_back(str(value));
    drizzle::dsl::register_enum(rules.dialect, std::move(type));
    return EnumHandle(drizzle::dsl::detail::keep_names(schema, name));
}

const TableHandle& TableHandle::enable_rls() const {
    drizzle::dsl::enable_rls(rules.dialect, str(declared_.schema), str(declared_.name));
    return *this;
}

// In parentheses: pg_table is also the checking macro (dsl/pg.hpp).
TableHandle(pg_table)(Text name, std::initializer_list<ColumnBuilder> columns,
                      std::initializer_list<TableExtra> extras) {
    return declare_table({}, name, columns, extras);
}

SchemaHandle::SchemaHandle(Text name) : name_(drizzle::dsl::intern(str(name))) {
    drizzle::dsl::register_schema(rules.dialect, str(name_));
}

TableHandle SchemaHandle::table(Text name, std::initializer_list<ColumnBuilder> columns,
                                std::initializer_list<TableExtra> extras) const {
    return declare_table(name_, name, columns, extras);
}

EnumHandle SchemaHandle::enum_(Text name, std::initializer_list<Text> values) const {
    return declare_enum(name_, name, values);
}

Declared SchemaHandle::sequence(Text name, SequenceParams params) const {
    drizzle::dsl::register_sequence(rules.dialect, make_sequence(name_, name, params));
    return {drizzle::dsl::intern(str(name))};
}

Declared SchemaHandle::view(Text name, Text definition, ViewOptions options) const {
    return declare_view(name_, name, definition, options, false);
}

Declared SchemaHandle::materialized_view(Text name, Text definition, ViewOptions options) const {
    return declare_view(name_, name, definition, options, true);
}

SchemaHandle pg_schema(Text name) {
    return SchemaHandle(name);
}

EnumHandle pg_enum(Text name, std::initializer_list<Text> values) {
    return declare_enum({}, name, values);
}

Declared pg_sequence(Text name, SequenceParams params) {
    drizzle::dsl::register_sequence(rules.dialect, make_sequence({}, name, params));
    return {drizzle::dsl::intern(str(name))};
}

Declared pg_view(Text name, Text definition, ViewOptions options) {
    return declare_view({}, name, definition, options, false);
}

Declared pg_materialized_view(Text name, Text definition, ViewOptions options) {
    return declare_view({}, name, definition, options, true);
}

Declared pg_role(Text name, RoleOptions options) {
    Role role;
    role.name = str(name);
    role.create_db = options.create_db;
    role.create_role = options.create_role;
    role.inherit = options.inherit;
    drizzle::dsl::register_role(rules.dialect, std::move(role));
    return {drizzle::dsl::intern(str(name))};
}

bool detail::note_pg_dsl() {
    drizzle::dsl::note_dialect(rules.dialect);
    return true;
}

} // namespace drizzle::pg::dsl
