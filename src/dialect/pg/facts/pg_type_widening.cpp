// Which PostgreSQL column type changes keep every value (DialectFacts::type_change_keeps_values).
#include "dialect/pg/facts/pg_type_widening.hpp"

#include "dialect/pg/facts/pg_type_text.hpp"

#include <cctype>
#include <optional>
#include <string>

namespace drizzle::pg {

namespace {

bool unbounded_text(const TypeText& t) {
    return t.base == "text" || (t.base == "varchar" && !t.length);
}

} // namespace

bool pg_type_change_keeps_values(const Column& from, const Column& to) {
    if (from.dimensions != to.dimensions) return false;
    const TypeText a = parse_type(from);
    const TypeText b = parse_type(to);
    if (a.user_defined || b.user_defined) {
        // Enum labels and their text: the cast either way keeps the string or fails.
        const auto texty = [](const TypeText& t) { return t.base == "text" || t.base == "varchar"; };
        return (a.user_defined && !b.user_defined && texty(b) && !b.length) ||
               (!a.user_defined && b.user_defined && texty(a));
    }
    if (a.base == b.base && a.length == b.length && a.scale == b.scale) return true;
    if (integer_rank(a) > 0) {
        if (integer_rank(b) >= integer_rank(a)) return true;
        return unbounded_text(b) || (b.base == "numeric" && !b.length);
    }
    if (a.base == "varchar" || a.base == "text") {
        if (unbounded_text(b)) return true;
        return a.base == "varchar" && b.base == "varchar" && a.length && b.length && *b.length >= *a.length;
    }
    if (a.base == "numeric" && b.base == "numeric") {
        if (!b.length) return true;
        if (!a.length) return false;
        const long a_scale = a.scale.value_or(0);
        const long b_scale = b.scale.value_or(0);
        return b_scale >= a_scale && *b.length - b_scale >= *a.length - a_scale;
    }
    return a.base == "real" && b.base == "double precision";
}

} // namespace drizzle::pg
