// Column builders of the SQLite DSL (the shared setters are in dsl::ColumnBuilderBase).
#include "drizzle/dsl/sqlite.hpp"

namespace drizzle::sqlite {

ColumnBuilder& ColumnBuilder::primary_key(PrimaryKeyOptions options) {
    column_.primary_key = true;
    column_.autoincrement = options.auto_increment;
    return *this;
}

ColumnBuilder& ColumnBuilder::unique(std::string name) {
    set_unique(std::move(name), false);
    return *this;
}

ColumnBuilder& ColumnBuilder::generated_always_as(const std::string& expression, GeneratedOptions options) {
    column_.generated = GeneratedColumn{expression, options.mode == GeneratedMode::stored};
    return *this;
}

ColumnBuilder integer(std::string name, IntegerOptions) {
    return {std::move(name), "integer"};
}

ColumnBuilder text(std::string name, TextOptions options) {
    std::string type = options.length ? "text(" + std::to_string(*options.length) + ")" : "text";
    return {std::move(name), std::move(type)};
}

ColumnBuilder real(std::string name) {
    return {std::move(name), "real"};
}
ColumnBuilder blob(std::string name, BlobOptions) {
    return {std::move(name), "blob"};
}
ColumnBuilder numeric(std::string name) {
    return {std::move(name), "numeric"};
}
ColumnBuilder custom_type(std::string name, std::string sql_type) {
    return {std::move(name), std::move(sql_type)};
}

} // namespace drizzle::sqlite
