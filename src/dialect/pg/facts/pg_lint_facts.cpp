// PostgreSQL's lint knowledge: which type changes rewrite or narrow a column, which defaults are volatile.
#include "dialect/pg/facts/pg_facts.hpp"
#include "dialect/pg/facts/pg_type_text.hpp"

#include "util/text.hpp"

#include <array>
#include <map>
#include <optional>
#include <string_view>

namespace drizzle::pg {

namespace {

bool is_number(const TypeText& t) {
    return integer_rank(t) > 0 || t.base == "numeric" || t.base == "real" || t.base == "double precision";
}

bool is_datetime(const TypeText& t) {
    return t.base == "date" || t.base.starts_with("timestamp");
}

/// Every value of `from` is stored unchanged in `to` and PostgreSQL knows it (no rewrite).
bool binary_compatible(const TypeText& from, const TypeText& to) {
    if (from.base == to.base && from.length == to.length && from.scale == to.scale) return true;
    const bool varying_from = from.base == "varchar" || from.base == "text";
    if (varying_from && (to.base == "text" || (to.base == "varchar" && !to.length))) return true;
    if (from.base == "varchar" && to.base == "varchar" && from.length && to.length) return *to.length >= *from.length;
    if (from.base == "numeric" && to.base == "numeric") {
        if (!to.length) return true;
        return from.length && *to.length >= *from.length && from.scale.value_or(0) == to.scale.value_or(0);
    }
    if (from.base == "cidr" && to.base == "inet") return true;
    return false;
}

/// Some value of `from` does not fit `to`.
bool narrowing(const TypeText& from, const TypeText& to) {
    if (is_text(to) && to.length && to.base != "text") {
        if (!is_text(from)) return false; // numbers as text: a cast, judged below
        return !from.length || from.base == "text" || *to.length < *from.length;
    }
    if (integer_rank(from) > 0 && integer_rank(to) > 0) return integer_rank(to) < integer_rank(from);
    if ((from.base == "numeric" || from.base == "real" || from.base == "double precision") && integer_rank(to) > 0)
        return true;
    if (from.base == "numeric" && to.base == "numeric" && to.length) {
        if (!from.length) return true;
        const long from_int = *from.length - from.scale.value_or(0), to_int = *to.length - to.scale.value_or(0);
        return to_int < from_int || to.scale.value_or(0) < from.scale.value_or(0);
    }
    if (from.base == "double precision" && to.base == "real") return true;
    if (from.base == "numeric" && (to.base == "real" || to.base == "double precision")) return true;
    if (from.base == "timestamp with time zone" && to.base == "date") return true;
    if (from.base == "timestamp" && to.base == "date") return true;
    return false;
}

/// PostgreSQL converts without USING (an implicit or assignment cast exists).
bool assignment_cast(const TypeText& from, const TypeText& to) {
    // Every type converts to text on assignment (I/O conversion); into an enum only with USING.
    if (from.user_defined || to.user_defined) return is_text(to);
    if (is_text(to)) return true; // every type has an output function
    if (is_text(from)) return false;
    if (is_number(from) && is_number(to)) return true;
    if (is_datetime(from) && is_datetime(to)) return true;
    if ((from.base == "json" && to.base == "jsonb") || (from.base == "jsonb" && to.base == "json")) return true;
    if (from.base == to.base) return true;
    return false;
}

} // namespace

DialectFacts::TypeChangeRisk pg_type_change_risk(const Column& from, const Column& to) {
    DialectFacts::TypeChangeRisk risk;
    const TypeText a = parse_type(from), b = parse_type(to);
    const bool same_type =
        a.base == b.base && a.length == b.length && a.scale == b.scale && from.type_schema == to.type_schema;
    if (from.dimensions != to.dimensions) {
        risk.needs_cast = true;
        risk.rewrites_table = true;
        risk.narrowing = from.dimensions > to.dimensions;
        return risk;
    }
    if (same_type) return risk;
    if (binary_compatible(a, b)) return risk;
    risk.rewrites_table = true;
    risk.narrowing = narrowing(a, b);
    risk.needs_cast = !assignment_cast(a, b);
    return risk;
}

bool pg_default_is_volatile(const std::string& expression) {
    static constexpr std::array<std::string_view, 9> kVolatile = {
        "random(",  "gen_random_uuid(", "uuid_generate_v",      "clock_timestamp(", "timeofday(",
        "nextval(", "txid_current(",    "statement_timestamp(", "setseed("};
    std::string text = drizzle::detail::to_lower(expression);
    std::erase(text, ' ');
    for (auto name : kVolatile) {
        if (text.find(name) != std::string::npos) return true;
    }
    return false;
}

} // namespace drizzle::pg
