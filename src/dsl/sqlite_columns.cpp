// Column builders of the SQLite DSL.
#include "drizzle/dsl/sqlite.hpp"
#include "dsl/literal_defaults.hpp"

namespace drizzle::sqlite {

ColumnBuilder::ColumnBuilder(std::string name, std::string type) {
    column_.name = std::move(name);
    column_.type = std::move(type);
}

ColumnBuilder& ColumnBuilder::primary_key(PrimaryKeyOptions options) {
    column_.primary_key = true;
    column_.autoincrement = options.auto_increment;
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

ColumnBuilder& ColumnBuilder::unique(std::string name) {
    unique_ = std::move(name);
    return *this;
}

ColumnBuilder& ColumnBuilder::references(const ColumnRef& target, ReferenceOptions options) {
    reference_ = std::make_pair(target, std::move(options));
    return *this;
}

ColumnBuilder& ColumnBuilder::generated_always_as(const std::string& expression, GeneratedOptions options) {
    column_.generated = GeneratedColumn{expression, options.mode == GeneratedMode::stored};
    return *this;
}

ColumnBuilder integer(std::string name, IntegerOptions) { return {std::move(name), "integer"}; }

ColumnBuilder text(std::string name, TextOptions options) {
    std::string type = options.length ? "text(" + std::to_string(*options.length) + ")" : "text";
    return {std::move(name), std::move(type)};
}

ColumnBuilder real(std::string name) { return {std::move(name), "real"}; }
ColumnBuilder blob(std::string name, BlobOptions) { return {std::move(name), "blob"}; }
ColumnBuilder numeric(std::string name) { return {std::move(name), "numeric"}; }
ColumnBuilder custom_type(std::string name, std::string sql_type) { return {std::move(name), std::move(sql_type)}; }

}  // namespace drizzle::sqlite
