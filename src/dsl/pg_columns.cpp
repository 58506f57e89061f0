// Column builders of the PostgreSQL DSL.
#include "drizzle/dsl/pg.hpp"
#include "dsl/literal_defaults.hpp"

namespace drizzle::pg::dsl {

namespace {

SequenceOptions options_from(const SequenceParams& params) {
    SequenceOptions options;
    auto text = [](const std::optional<std::int64_t>& v) -> std::optional<std::string> {
        if (!v) return std::nullopt;
        return std::to_string(*v);
    };
    options.increment = text(params.increment);
    options.min_value = text(params.min_value);
    options.max_value = text(params.max_value);
    options.start_with = text(params.start_with);
    options.cache = text(params.cache);
    options.cycle = params.cycle;
    return options;
}

std::string with_length(const std::string& type, const LengthOptions& options) {
    return options.length ? type + "(" + std::to_string(*options.length) + ")" : type;
}

std::string time_type(const std::string& base, const TimeOptions& options) {
    std::string type = base;
    if (options.precision) type += "(" + std::to_string(*options.precision) + ")";
    if (options.with_timezone) type += " with time zone";
    return type;
}
}  // namespace

ColumnBuilder::ColumnBuilder(std::string name, std::string type, std::string type_schema) {
    column_.name = std::move(name);
    column_.type = std::move(type);
    column_.type_schema = std::move(type_schema);
}

ColumnBuilder& ColumnBuilder::primary_key() {
    column_.primary_key = true;
    return *this;
}

ColumnBuilder& ColumnBuilder::not_null() {
    column_.not_null = true;
    return *this;
}

ColumnBuilder& ColumnBuilder::default_(bool value) {
    column_.default_value = drizzle::dsl::detail::boolean_default(value);
    return *this;
}

ColumnBuilder& ColumnBuilder::default_(int value) { return default_(static_cast<std::int64_t>(value)); }

ColumnBuilder& ColumnBuilder::default_(std::int64_t value) {
    column_.default_value = drizzle::dsl::detail::integer_default(value);
    return *this;
}

ColumnBuilder& ColumnBuilder::default_(double value) {
    column_.default_value = drizzle::dsl::detail::number_default(value);
    return *this;
}

ColumnBuilder& ColumnBuilder::default_(const char* value) { return default_(std::string(value)); }

ColumnBuilder& ColumnBuilder::default_(const std::string& value) {
    column_.default_value = drizzle::dsl::detail::string_default(value);
    return *this;
}

ColumnBuilder& ColumnBuilder::default_(const Sql& expression) {
    column_.default_value = drizzle::dsl::detail::sql_default(expression.text);
    return *this;
}

ColumnBuilder& ColumnBuilder::default_sql(const std::string& text) { return default_(Sql{text}); }
ColumnBuilder& ColumnBuilder::default_now() { return default_(Sql{"now()"}); }
ColumnBuilder& ColumnBuilder::default_random() { return default_(Sql{"gen_random_uuid()"}); }

ColumnBuilder& ColumnBuilder::unique(std::string name, bool nulls_not_distinct) {
    unique_ = std::make_pair(std::move(name), nulls_not_distinct);
    return *this;
}

ColumnBuilder& ColumnBuilder::references(const ColumnRef& target, ReferenceOptions options) {
    reference_ = std::make_pair(target, std::move(options));
    return *this;
}

ColumnBuilder& ColumnBuilder::generated_always_as(const std::string& expression) {
    column_.generated = GeneratedColumn{expression, true};
    return *this;
}

ColumnBuilder& ColumnBuilder::generated_always_as_identity(SequenceParams params) {
    column_.identity = IdentityColumn{IdentityColumn::Kind::always, params.name, options_from(params)};
    column_.not_null = true;  // identity columns are NOT NULL in PostgreSQL
    return *this;
}

ColumnBuilder& ColumnBuilder::generated_by_default_as_identity(SequenceParams params) {
    column_.identity = IdentityColumn{IdentityColumn::Kind::by_default, params.name, options_from(params)};
    column_.not_null = true;
    return *this;
}

ColumnBuilder& ColumnBuilder::array() {
    ++column_.dimensions;
    return *this;
}

ColumnBuilder serial(std::string name) { return {std::move(name), "serial"}; }
ColumnBuilder smallserial(std::string name) { return {std::move(name), "smallserial"}; }
ColumnBuilder bigserial(std::string name) { return {std::move(name), "bigserial"}; }
ColumnBuilder integer(std::string name) { return {std::move(name), "integer"}; }
ColumnBuilder smallint(std::string name) { return {std::move(name), "smallint"}; }
ColumnBuilder bigint(std::string name) { return {std::move(name), "bigint"}; }
ColumnBuilder text(std::string name) { return {std::move(name), "text"}; }
ColumnBuilder varchar(std::string name, LengthOptions options) { return {std::move(name), with_length("varchar", options)}; }
ColumnBuilder char_(std::string name, LengthOptions options) { return {std::move(name), with_length("char", options)}; }
ColumnBuilder boolean(std::string name) { return {std::move(name), "boolean"}; }
ColumnBuilder numeric(std::string name, NumericOptions options) {
    std::string type = "numeric";
    if (options.precision) {
        type += "(" + std::to_string(*options.precision);
        if (options.scale) type += "," + std::to_string(*options.scale);
        type += ")";
    }
    return {std::move(name), type};
}
ColumnBuilder real(std::string name) { return {std::move(name), "real"}; }
ColumnBuilder double_precision(std::string name) { return {std::move(name), "double precision"}; }
ColumnBuilder date(std::string name) { return {std::move(name), "date"}; }
ColumnBuilder time(std::string name, TimeOptions options) { return {std::move(name), time_type("time", options)}; }
ColumnBuilder timestamp(std::string name, TimeOptions options) {
    return {std::move(name), time_type("timestamp", options)};
}
ColumnBuilder interval(std::string name) { return {std::move(name), "interval"}; }
ColumnBuilder json(std::string name) { return {std::move(name), "json"}; }
ColumnBuilder jsonb(std::string name) { return {std::move(name), "jsonb"}; }
ColumnBuilder uuid(std::string name) { return {std::move(name), "uuid"}; }
ColumnBuilder inet(std::string name) { return {std::move(name), "inet"}; }
ColumnBuilder cidr(std::string name) { return {std::move(name), "cidr"}; }
ColumnBuilder macaddr(std::string name) { return {std::move(name), "macaddr"}; }
ColumnBuilder custom_type(std::string name, std::string sql_type) { return {std::move(name), std::move(sql_type)}; }

}  // namespace drizzle::pg::dsl
