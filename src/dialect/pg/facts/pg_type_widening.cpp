// Which PostgreSQL column type changes keep every value (DialectFacts::type_change_keeps_values).
#include "dialect/pg/facts/pg_type_widening.hpp"

#include <cctype>
#include <optional>
#include <string>

namespace drizzle::pg {

namespace {

struct TypeShape {
    std::string base;          ///< lower-case name without modifiers, serials as their integers
    std::optional<int> length; ///< varchar(n) / numeric(p,...) first modifier
    std::optional<int> scale;  ///< numeric(p,s) second modifier
    bool user_type = false;    ///< an enum (the column names its schema)
};

TypeShape shape_of(const Column& column) {
    TypeShape shape;
    shape.user_type = !column.type_schema.empty();
    std::string type;
    for (char c : column.type)
        type += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const auto paren = type.find('(');
    std::string base = type.substr(0, paren);
    while (!base.empty() && base.back() == ' ')
        base.pop_back();
    if (paren != std::string::npos) {
        try {
            const std::string args = type.substr(paren + 1);
            std::size_t used = 0;
            shape.length = std::stoi(args, &used);
            if (const auto comma = args.find(','); comma != std::string::npos)
                shape.scale = std::stoi(args.substr(comma + 1));
        } catch (const std::exception&) {
            shape.length.reset();
        }
    }
    if (base == "serial" || base == "int" || base == "int4" || base == "serial4") base = "integer";
    if (base == "bigserial" || base == "int8" || base == "serial8") base = "bigint";
    if (base == "smallserial" || base == "int2" || base == "serial2") base = "smallint";
    if (base == "character varying") base = "varchar";
    if (base == "decimal") base = "numeric";
    if (base == "float8") base = "double precision";
    if (base == "float4") base = "real";
    shape.base = base;
    return shape;
}

int integer_rank(const std::string& base) {
    if (base == "smallint") return 1;
    if (base == "integer") return 2;
    if (base == "bigint") return 3;
    return 0;
}

bool unbounded_text(const TypeShape& t) {
    return t.base == "text" || (t.base == "varchar" && !t.length);
}

} // namespace

bool pg_type_change_keeps_values(const Column& from, const Column& to) {
    if (from.dimensions != to.dimensions) return false;
    const TypeShape a = shape_of(from);
    const TypeShape b = shape_of(to);
    if (a.user_type || b.user_type) {
        // Enum labels and their text: the cast either way keeps the string or fails.
        const auto texty = [](const TypeShape& t) { return t.base == "text" || t.base == "varchar"; };
        return (a.user_type && !b.user_type && texty(b) && !b.length) || (!a.user_type && b.user_type && texty(a));
    }
    if (a.base == b.base && a.length == b.length && a.scale == b.scale) return true;
    if (integer_rank(a.base) > 0) {
        if (integer_rank(b.base) >= integer_rank(a.base)) return true;
        return unbounded_text(b) || (b.base == "numeric" && !b.length);
    }
    if (a.base == "varchar" || a.base == "text") {
        if (unbounded_text(b)) return true;
        return a.base == "varchar" && b.base == "varchar" && a.length && b.length && *b.length >= *a.length;
    }
    if (a.base == "numeric" && b.base == "numeric") {
        if (!b.length) return true;
        if (!a.length) return false;
        const int a_scale = a.scale.value_or(0);
        const int b_scale = b.scale.value_or(0);
        return b_scale >= a_scale && *b.length - b_scale >= *a.length - a_scale;
    }
    return a.base == "real" && b.base == "double precision";
}

} // namespace drizzle::pg
