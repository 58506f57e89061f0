// Parsing PostgreSQL type text into a canonical name and modifiers.
#include "dialect/pg/facts/pg_type_text.hpp"

#include "util/text.hpp"

#include <map>

namespace drizzle::pg {

namespace {

std::string trimmed(const std::string& text) {
    const auto a = text.find_first_not_of(" \t");
    if (a == std::string::npos) return "";
    return text.substr(a, text.find_last_not_of(" \t") - a + 1);
}

} // namespace

TypeText parse_type(const Column& column) {
    TypeText out;
    out.user_defined = !column.type_schema.empty();
    const std::string type = drizzle::detail::to_lower(column.type);
    std::string base = trimmed(type);
    const auto open = type.find('(');
    const auto close = open == std::string::npos ? std::string::npos : type.find(')', open);
    if (close != std::string::npos) {
        // "varchar(100)", "numeric(10, 2)", "timestamp (3) with time zone"
        base = trimmed(type.substr(0, open));
        const std::string rest = trimmed(type.substr(close + 1));
        if (!rest.empty()) base += " " + rest;
        const std::string params = type.substr(open + 1, close - open - 1);
        const auto comma = params.find(',');
        try {
            out.length = std::stol(params.substr(0, comma));
            if (comma != std::string::npos) out.scale = std::stol(params.substr(comma + 1));
        } catch (const std::exception&) {
            // not numeric modifiers: compared as written
        }
    }
    static const std::map<std::string, std::string, std::less<>> aliases = {
        {"character varying", "varchar"},
        {"character", "char"},
        {"bpchar", "char"},
        {"int", "integer"},
        {"int4", "integer"},
        {"serial", "integer"},
        {"serial4", "integer"},
        {"int8", "bigint"},
        {"bigserial", "bigint"},
        {"serial8", "bigint"},
        {"int2", "smallint"},
        {"smallserial", "smallint"},
        {"serial2", "smallint"},
        {"decimal", "numeric"},
        {"float8", "double precision"},
        {"float4", "real"},
        {"bool", "boolean"},
        {"timestamptz", "timestamp with time zone"},
        {"timestamp without time zone", "timestamp"},
        {"timetz", "time with time zone"},
        {"time without time zone", "time"}};
    if (auto it = aliases.find(base); it != aliases.end()) base = it->second;
    out.base = base;
    return out;
}

bool is_text(const TypeText& t) {
    return t.base == "text" || t.base == "varchar" || t.base == "char" || t.base == "citext";
}

int integer_rank(const TypeText& t) {
    if (t.base == "smallint") return 1;
    if (t.base == "integer") return 2;
    if (t.base == "bigint") return 3;
    return 0;
}

} // namespace drizzle::pg
