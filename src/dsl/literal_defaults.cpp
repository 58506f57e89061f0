// DEFAULT values from C++ literals.
#include "dsl/literal_defaults.hpp"

#include <cmath>
#include <sstream>

namespace drizzle::dsl::detail {

ColumnDefault boolean_default(bool value) {
    return {ColumnDefault::Kind::boolean, value ? "true" : "false"};
}

ColumnDefault integer_default(std::int64_t value) { return {ColumnDefault::Kind::number, std::to_string(value)}; }

ColumnDefault number_default(double value) {
    if (std::isfinite(value) && value == std::floor(value) && std::fabs(value) < 1e15) {
        return integer_default(static_cast<std::int64_t>(value));
    }
    std::ostringstream out;
    out.precision(17);
    out << value;
    return {ColumnDefault::Kind::number, out.str()};
}

ColumnDefault string_default(const std::string& value) {
    std::string out = "'";
    for (char c : value) {
        out += c;
        if (c == '\'') out += '\'';  // SQL escapes a quote by doubling it
    }
    return {ColumnDefault::Kind::expression, out + "'"};
}

ColumnDefault sql_default(const std::string& sql) { return {ColumnDefault::Kind::expression, sql}; }

}  // namespace drizzle::dsl::detail
