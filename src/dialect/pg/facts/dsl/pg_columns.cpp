// Column builders of the PostgreSQL DSL (the shared setters are in dsl::ColumnBuilderBase).
#include "drizzle/dsl/pg.hpp"

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
} // namespace

ColumnBuilder& ColumnBuilder::primary_key() {
    column_.primary_key = true;
    return *this;
}

ColumnBuilder& ColumnBuilder::unique(std::string name, bool nulls_not_distinct) {
    set_unique(std::move(name), nulls_not_distinct);
    return *this;
}

ColumnBuilder& ColumnBuilder::generated_always_as(const std::string& expression) {
    column_.generated = GeneratedColumn{expression, true};
    return *this;
}

ColumnBuilder& ColumnBuilder::generated_always_as_identity(SequenceParams params) {
    column_.identity = IdentityColumn{IdentityColumn::Kind::always, params.name, options_from(params)};
    column_.not_null = true; // identity columns are NOT NULL in PostgreSQL
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

ColumnBuilder serial(std::string name) {
    return {std::move(name), "serial"};
}
ColumnBuilder smallserial(std::string name) {
    return {std::move(name), "smallserial"};
}
ColumnBuilder bigserial(std::string name) {
    return {std::move(name), "bigserial"};
}
ColumnBuilder integer(std::string name) {
    return {std::move(name), "integer"};
}
ColumnBuilder smallint(std::string name) {
    return {std::move(name), "smallint"};
}
ColumnBuilder bigint(std::string name) {
    return {std::move(name), "bigint"};
}
ColumnBuilder text(std::string name) {
    return {std::move(name), "text"};
}
ColumnBuilder varchar(std::string name, LengthOptions options) {
    return {std::move(name), with_length("varchar", options)};
}
ColumnBuilder char_(std::string name, LengthOptions options) {
    return {std::move(name), with_length("char", options)};
}
ColumnBuilder boolean(std::string name) {
    return {std::move(name), "boolean"};
}
ColumnBuilder numeric(std::string name, NumericOptions options) {
    std::string type = "numeric";
    if (options.precision) {
        type += "(" + std::to_string(*options.precision);
        if (options.scale) type += "," + std::to_string(*options.scale);
        type += ")";
    }
    return {std::move(name), type};
}
ColumnBuilder real(std::string name) {
    return {std::move(name), "real"};
}
ColumnBuilder double_precision(std::string name) {
    return {std::move(name), "double precision"};
}
ColumnBuilder date(std::string name) {
    return {std::move(name), "date"};
}
ColumnBuilder time(std::string name, TimeOptions options) {
    return {std::move(name), time_type("time", options)};
}
ColumnBuilder timestamp(std::string name, TimeOptions options) {
    return {std::move(name), time_type("timestamp", options)};
}
ColumnBuilder interval(std::string name) {
    return {std::move(name), "interval"};
}
ColumnBuilder json(std::string name) {
    return {std::move(name), "json"};
}
ColumnBuilder jsonb(std::string name) {
    return {std::move(name), "jsonb"};
}
ColumnBuilder uuid(std::string name) {
    return {std::move(name), "uuid"};
}
ColumnBuilder inet(std::string name) {
    return {std::move(name), "inet"};
}
ColumnBuilder cidr(std::string name) {
    return {std::move(name), "cidr"};
}
ColumnBuilder macaddr(std::string name) {
    return {std::move(name), "macaddr"};
}
ColumnBuilder custom_type(std::string name, std::string sql_type) {
    return {std::move(name), std::move(sql_type)};
}

} // namespace drizzle::pg::dsl
