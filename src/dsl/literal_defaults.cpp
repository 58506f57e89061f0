// DEFAULT values from C++ literals, shared by every dialect's column builders (and pull).
#include "dsl/literal_defaults.hpp"
#include "util/text.hpp"

#include <array>
#include <charconv>
#include <cmath>

namespace drizzle::dsl::detail {

ColumnDefault boolean_default(bool value) {
    return {ColumnDefault::Kind::boolean, value ? "true" : "false"};
}

ColumnDefault integer_default(std::int64_t value) {
    return {ColumnDefault::Kind::number, std::to_string(value)};
}

ColumnDefault number_default(double value) {
    if (std::isfinite(value) && value == std::floor(value) && std::fabs(value) < 1e15) {
        return integer_default(static_cast<std::int64_t>(value));
    }
    // Shortest text that reads back as the same double (0.1, not 0.10000000000000001), as JS prints.
    std::array<char, 64> buffer{};
    auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    return {ColumnDefault::Kind::number, std::string(buffer.data(), result.ptr)};
}

ColumnDefault string_default(const std::string& value) {
    return {ColumnDefault::Kind::expression, drizzle::detail::quote_sql_string(value)};
}

ColumnDefault sql_default(const std::string& sql) {
    return {ColumnDefault::Kind::expression, sql};
}

} // namespace drizzle::dsl::detail
