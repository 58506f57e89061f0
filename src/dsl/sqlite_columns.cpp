// Column builders of the SQLite DSL.
#include "drizzle/dsl/sqlite.hpp"

#include <cmath>
#include <sstream>

namespace drizzle::sqlite {

namespace {
std::string quote_literal(const std::string& value) {
    std::string out = "'";
    for (char c : value) {
        out += c;
        if (c == '\'') out += '\'';  // SQL escapes a quote by doubling it
    }
    return out + "'";
}

// Numbers are kept as JavaScript would print them, so snapshots match drizzle-kit's.
std::string number_text(double value) {
    if (std::isfinite(value) && value == std::floor(value) && std::fabs(value) < 1e15) {
        return std::to_string(static_cast<long long>(value));
    }
    std::ostringstream out;
    out.precision(17);
    out << value;
    return out.str();
}
}  // namespace

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
    column_.default_value = ColumnDefault{ColumnDefault::Kind::boolean, value ? "true" : "false"};
    return *this;
}

ColumnBuilder& ColumnBuilder::default_(int value) { return default_(static_cast<std::int64_t>(value)); }

ColumnBuilder& ColumnBuilder::default_(std::int64_t value) {
    column_.default_value = ColumnDefault{ColumnDefault::Kind::number, std::to_string(value)};
    return *this;
}

ColumnBuilder& ColumnBuilder::default_(double value) {
    column_.default_value = ColumnDefault{ColumnDefault::Kind::number, number_text(value)};
    return *this;
}

ColumnBuilder& ColumnBuilder::default_(const char* value) { return default_(std::string(value)); }

ColumnBuilder& ColumnBuilder::default_(const std::string& value) {
    column_.default_value = ColumnDefault{ColumnDefault::Kind::expression, quote_literal(value)};
    return *this;
}

ColumnBuilder& ColumnBuilder::default_(const Sql& expression) {
    column_.default_value = ColumnDefault{ColumnDefault::Kind::expression, expression.text};
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

}  // namespace drizzle::sqlite
