// Column types: PostgreSQL's parsed type names back to the spelling the C++ DSL gives them.
#include "dialect/pg/ddl/parse_tree.hpp"
#include "dialect/pg/ddl/readers.hpp"

#include <cctype>
#include <map>
#include <optional>

namespace drizzle::pg::ddl {

namespace {

struct Modifiers {
    std::vector<std::string> values;
    bool implicit = false; ///< supplied by the grammar (`char` means char(1)), not written
};

Modifiers modifiers_of(const PgQuery__TypeName& type) {
    Modifiers out;
    for (std::size_t i = 0; i < type.n_typmods; ++i) {
        const PgQuery__Node* node = type.typmods[i];
        out.values.push_back(value_text(node));
        if (node->node_case == PG_QUERY__NODE__NODE_A_CONST && node->a_const->location < 0) out.implicit = true;
    }
    return out;
}

std::string parenthesized_list(const std::vector<std::string>& values, const std::string& separator = ",") {
    std::string out;
    for (const auto& value : values)
        out += (out.empty() ? "(" : separator) + value;
    return out.empty() ? out : out + ")";
}

// The catalog name (int4, timestamptz, ...) as the DSL spells it; std::nullopt when the DSL has
// no builder for it (the type is then kept as written).
std::optional<std::string> dsl_spelling(const std::string& name, const Modifiers& mods) {
    static const std::map<std::string, std::string> plain = {
        {"int2", "smallint"},
        {"int4", "integer"},
        {"int8", "bigint"},
        {"serial2", "smallserial"},
        {"smallserial", "smallserial"},
        {"serial4", "serial"},
        {"serial", "serial"},
        {"serial8", "bigserial"},
        {"bigserial", "bigserial"},
        {"float4", "real"},
        {"float8", "double precision"},
        {"bool", "boolean"},
        {"text", "text"},
        {"json", "json"},
        {"jsonb", "jsonb"},
        {"uuid", "uuid"},
        {"inet", "inet"},
        {"cidr", "cidr"},
        {"macaddr", "macaddr"},
        {"date", "date"},
        {"interval", "interval"},
    };
    if (auto it = plain.find(name); it != plain.end()) {
        if (!mods.values.empty()) return std::nullopt;  // `interval day to second` and the like
        return it->second;
    }
    if (name == "varchar") return "varchar" + parenthesized_list(mods.values, ",");
    // The model keeps drizzle-orm's `numeric(10, 2)`, which is what a C++ header gives once the
    // exporter's snapshot is read back (the DSL builder alone writes `numeric(10,2)`).
    if (name == "numeric") return "numeric" + parenthesized_list(mods.values, ", ");
    if (name == "bpchar") return "char" + (mods.implicit ? std::string() : parenthesized_list(mods.values));
    if (name == "time" || name == "timetz" || name == "timestamp" || name == "timestamptz") {
        const bool zoned = name.back() == 'z';
        const std::string base = zoned ? name.substr(0, name.size() - 2) : name;
        return base + parenthesized_list(mods.values) + (zoned ? " with time zone" : "");
    }
    return std::nullopt;
}

// Lower case outside double quotes, runs of white space as one space: `Vector (3)` -> `vector (3)`.
std::string canonical_written(const std::string& text) {
    std::string out;
    bool quoted = false;
    for (char c : text) {
        if (c == '"') quoted = !quoted;
        if (!quoted && std::isspace(static_cast<unsigned char>(c))) {
            if (!out.empty() && out.back() != ' ') out += ' ';
            continue;
        }
        out += quoted ? c : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    while (!out.empty() && out.back() == ' ')
        out.pop_back();
    return out;
}

// The type's own tokens, without a trailing array suffix (`[]`, `[3]`, `ARRAY`, `ARRAY[3]`).
std::string written_type(const Source& source, const PgQuery__TypeName& type, int end_offset) {
    const std::size_t first = source.token_at(type.location);
    std::size_t last = source.expression_last(first, end_offset);
    while (last > first && source.token_text(last) == "]") {
        while (last > first && source.token_text(last) != "[")
            --last;
        --last;
    }
    if (last > first && source.is(last, "array")) --last;
    return canonical_written(source.slice(first, last));
}

}  // namespace

void read_column_type(Builder& b, Table& table, Column& column, const PgQuery__TypeName& type, int end_offset) {
    column.dimensions = static_cast<int>(type.n_array_bounds);
    if (type.setof || type.pct_type) {
        b.problem(type.location, "column \"" + column.name + "\": SETOF and %TYPE are not supported");
        return;
    }
    std::string type_schema;
    std::string name = string_of(type.names[type.n_names - 1]);
    if (type.n_names == 2) type_schema = string_of(type.names[0]);
    if (type.n_names > 2) {
        b.problem(type.location, "column \"" + column.name + "\": a type name has at most a schema and a name");
        return;
    }
    if (type_schema.empty() || type_schema == "pg_catalog") {
        if (auto spelled = dsl_spelling(name, modifiers_of(type))) {
            column.type = *spelled;
            return;
        }
    }
    // Not built in: an enum of this script (settled once every statement is read), or a type
    // drizzle has no builder for, kept as written.
    column.type = written_type(b.source, type, end_offset);
    b.type_uses.push_back({table.schema, table.name, column.name, type_schema, name, column.type, type.location});
}

}  // namespace drizzle::pg::ddl
