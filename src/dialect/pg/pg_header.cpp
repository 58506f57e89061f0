// Writes a pulled PostgreSQL schema as a header using <drizzle/dsl/pg.hpp>.
#include "dialect/pg/pg_header.hpp"

#include "drizzle/error.hpp"
#include "pull/cpp_literal.hpp"
#include "pull/header_text.hpp"
#include "util/text.hpp"

#include <charconv>
#include <regex>
#include <set>

namespace drizzle::pg {

using namespace drizzle::pull::detail;

namespace {

std::string model_schema(const std::string& schema) {
    return schema == "public" ? "" : schema;
}

std::string column_builder(const HeaderPlan& plan, const Column& column) {
    const std::string name = cpp_string(column.name);
    const std::string& type = column.type;
    if (!column.type_schema.empty()) {
        auto it = plan.enum_variables.find({model_schema(column.type_schema), type});
        if (it != plan.enum_variables.end()) return it->second + "(" + name + ")";
        // A type of a schema that was not pulled: named without declaring (registering) it.
        return "EnumHandle(" + cpp_string(model_schema(column.type_schema)) + ", " + cpp_string(type) + ")(" + name +
               ")";
    }
    static const std::set<std::string> plain = {"serial", "smallserial", "bigserial", "integer", "smallint", "bigint",
                                                "text",   "boolean",     "real",      "date",    "interval", "json",
                                                "jsonb",  "uuid",        "inet",      "cidr",    "macaddr"};
    if (plain.count(type) > 0) return type + "(" + name + ")";
    if (type == "double precision") return "double_precision(" + name + ")";
    static const std::regex varchar(R"(varchar(?:\(([0-9]+)\))?)");
    static const std::regex character(R"(char\(([0-9]+)\))");
    static const std::regex numeric(R"(numeric(?:\(([0-9]+)(?:,([0-9]+))?\))?)");
    static const std::regex datetime(R"((time|timestamp)(?:\(([0-9]+)\))?( with time zone)?)");
    std::smatch m;
    if (std::regex_match(type, m, varchar)) {
        return "varchar(" + name + (m[1].matched ? ", {.length = " + m[1].str() + "}" : "") + ")";
    }
    if (std::regex_match(type, m, character)) return "char_(" + name + ", {.length = " + m[1].str() + "})";
    if (std::regex_match(type, m, numeric)) {
        if (!m[1].matched) return "numeric(" + name + ")";
        return "numeric(" + name + ", {.precision = " + m[1].str() + (m[2].matched ? ", .scale = " + m[2].str() : "") +
               "})";
    }
    if (std::regex_match(type, m, datetime)) {
        std::vector<std::string> fields;
        if (m[2].matched) fields.push_back(".precision = " + m[2].str());
        if (m[3].matched) fields.push_back(".with_timezone = true");
        std::string options;
        for (std::size_t i = 0; i < fields.size(); ++i)
            options += (i ? ", " : "") + fields[i];
        return m[1].str() + "(" + name + (options.empty() ? "" : ", {" + options + "}") + ")";
    }
    return "custom_type(" + name + ", " + cpp_string(type) + ")";
}

std::int64_t to_int64(const std::string& text, const std::string& what) {
    std::int64_t value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size()) {
        throw Error(what + ": \"" + text + "\" is not a 64-bit integer");
    }
    return value;
}

std::string braced(const std::vector<std::string>& fields) {
    std::string out = "{";
    for (std::size_t i = 0; i < fields.size(); ++i)
        out += (i ? ", " : "") + fields[i];
    return out + "}";
}

// SequenceParams for an identity column: the DSL keeps only the options given, as the
// introspector keeps only those that differ from PostgreSQL's defaults.
std::string identity_params(const IdentityColumn& identity, const std::string& what) {
    std::vector<std::string> fields;
    const SequenceOptions& o = identity.options;
    auto add = [&](const char* field, const std::optional<std::string>& value) {
        if (value) fields.push_back(std::string(".") + field + " = " + cpp_int64(to_int64(*value, what)));
    };
    add("increment", o.increment);
    add("min_value", o.min_value);
    add("max_value", o.max_value);
    add("start_with", o.start_with);
    add("cache", o.cache);
    if (o.cycle) fields.push_back(".cycle = true");
    if (!identity.sequence_name.empty()) fields.push_back(".name = " + cpp_string(identity.sequence_name));
    return fields.empty() ? "" : braced(fields);
}

// SequenceParams for a standalone sequence: pg_sequence fills what is not given as written here
// (src/dsl/pg_tables.cpp make_sequence), so only the values that differ are spelled out.
std::string sequence_params(const Sequence& sequence) {
    const std::string what = "sequence \"" + sequence.name + "\"";
    const SequenceOptions& o = sequence.options;
    auto value = [&](const std::optional<std::string>& text, std::int64_t fallback) {
        return text ? to_int64(*text, what) : fallback;
    };
    const std::int64_t increment = value(o.increment, 1);
    const bool ascending = increment > 0;
    const std::int64_t min = value(o.min_value, ascending ? 1 : INT64_MIN);
    const std::int64_t max = value(o.max_value, ascending ? INT64_MAX : -1);
    const std::int64_t start = value(o.start_with, ascending ? min : max);
    const std::int64_t cache = value(o.cache, 1);
    std::vector<std::string> fields;
    if (increment != 1) fields.push_back(".increment = " + cpp_int64(increment));
    if (min != (ascending ? 1 : INT64_MIN)) fields.push_back(".min_value = " + cpp_int64(min));
    if (max != (ascending ? INT64_MAX : -1)) fields.push_back(".max_value = " + cpp_int64(max));
    if (start != (ascending ? min : max)) fields.push_back(".start_with = " + cpp_int64(start));
    if (cache != 1) fields.push_back(".cache = " + cpp_int64(cache));
    if (o.cycle) fields.push_back(".cycle = true");
    return fields.empty() ? "" : ", " + braced(fields);
}

std::string reference_options(const ForeignKey& fk) {
    std::vector<std::string> fields;
    if (auto a = action_constant(fk.on_delete); !a.empty()) fields.push_back(".on_delete = " + a);
    if (auto a = action_constant(fk.on_update); !a.empty()) fields.push_back(".on_update = " + a);
    if (fk.name_explicit) fields.push_back(".name = " + cpp_string(fk.name));
    return fields.empty() ? "" : ", " + braced(fields);
}

std::string column_line(const HeaderPlan& plan, std::size_t position, const Table& table, const Column& column,
                        const ColumnPlan& column_plan) {
    std::string out = column_builder(plan, column);
    for (int d = 0; d < column.dimensions; ++d)
        out += ".array()";
    if (column.primary_key) out += ".primary_key()";
    if (column.not_null && !column.identity) out += ".not_null()";
    out += column_plan.default_call;
    if (column_plan.unique) {
        const auto& unique = table.uniques[*column_plan.unique];
        const std::string name = unique.name_explicit ? cpp_string(unique.name) : "";
        out += ".unique(" + (unique.nulls_not_distinct ? (name.empty() ? "\"\"" : name) + ", true" : name) + ")";
    }
    if (column_plan.reference) {
        const auto& fk = table.foreign_keys[*column_plan.reference];
        out += ".references(" + reference_target(plan, position, fk, true) + reference_options(fk) + ")";
    }
    if (column.generated) out += ".generated_always_as(" + cpp_string(column.generated->expression) + ")";
    if (column.identity) {
        const std::string what = "table \"" + table.name + "\" column \"" + column.name + "\" identity";
        out += column.identity->kind == IdentityColumn::Kind::always ? ".generated_always_as_identity("
                                                                     : ".generated_by_default_as_identity(";
        out += identity_params(*column.identity, what) + ")";
    }
    return out;
}

std::string index_target(const IndexColumn& element) {
    std::string base =
        element.is_expression ? "sql(" + cpp_string(element.expression) + ")" : cpp_string(element.expression);
    std::string modifiers;
    if (!element.asc) modifiers += ".desc()";
    if (element.nulls == "first") modifiers += ".nulls_first()";
    if (element.nulls == "last") modifiers += ".nulls_last()";
    if (!element.opclass.empty()) modifiers += ".op(" + cpp_string(element.opclass) + ")";
    return modifiers.empty() ? base : "IndexTarget(" + base + ")" + modifiers;
}

std::string pairs(const std::vector<std::pair<std::string, std::string>>& options) {
    std::string out = "{";
    for (std::size_t i = 0; i < options.size(); ++i) {
        out += (i ? ", {" : "{") + cpp_string(options[i].first) + ", " + cpp_string(options[i].second) + "}";
    }
    return out + "}";
}

std::string policy_line(const Policy& policy) {
    std::vector<std::string> fields;
    if (policy.as != "permissive") fields.push_back(".as = " + cpp_string(policy.as));
    if (policy.for_ != "all") fields.push_back(".for_ = " + cpp_string(policy.for_));
    if (policy.to != std::vector<std::string>{"public"}) fields.push_back(".to = " + string_list(policy.to));
    if (policy.using_) fields.push_back(".using_ = " + cpp_string(*policy.using_));
    if (policy.with_check) fields.push_back(".with_check = " + cpp_string(*policy.with_check));
    return "pg_policy(" + cpp_string(policy.name) + (fields.empty() ? "" : ", " + braced(fields)) + ")";
}

std::vector<std::string> extras(const Table& table, const TablePlan& table_plan) {
    std::vector<std::string> out;
    for (const auto& pk : table.primary_keys) {
        out.push_back("primary_key(" + string_list(pk.columns) + (pk.name_explicit ? ", " + cpp_string(pk.name) : "") +
                      ")");
    }
    for (const auto& unique : table.uniques) {
        if (unique.column_level) continue;
        out.push_back("unique(" + (unique.name_explicit ? cpp_string(unique.name) : "") + ").on(" +
                      string_list(unique.columns) + ")" + (unique.nulls_not_distinct ? ".nulls_not_distinct()" : ""));
    }
    auto target_schema = [](const ForeignKey& fk) { return model_schema(fk.schema_to); };
    for (auto& extra : key_and_check_extras(table, table_plan, target_schema)) {
        out.push_back(std::move(extra));
    }
    for (const auto& index : table.indexes) {
        std::string line = std::string(index.unique ? "unique_index(" : "index(") + cpp_string(index.name) + ").on({";
        for (std::size_t i = 0; i < index.columns.size(); ++i)
            line += (i ? ", " : "") + index_target(index.columns[i]);
        line += "})";
        if (!index.method.empty()) line += ".using_(" + cpp_string(index.method) + ")";
        if (index.where) line += ".where(" + cpp_string(*index.where) + ")";
        if (index.concurrently) line += ".concurrently()";
        if (!index.with.empty()) line += ".with(" + pairs(index.with) + ")";
        out.push_back(line);
    }
    for (const auto& policy : table.policies)
        out.push_back(policy_line(policy));
    return out;
}

// drizzle-orm spells view options in camelCase (securityBarrier), and the DSL takes them so; a
// name that would not come back the same stays as PostgreSQL spells it.
std::vector<std::pair<std::string, std::string>> view_option_names(const View& view) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& [key, value] : view.with) {
        const std::string camel = drizzle::detail::snake_to_camel(key);
        out.emplace_back(drizzle::detail::camel_to_snake(camel) == key ? camel : key, value);
    }
    return out;
}

std::string view_options(const View& view) {
    std::vector<std::string> fields;
    if (!view.with.empty()) fields.push_back(".with = " + pairs(view_option_names(view)));
    if (view.with_no_data) fields.push_back(".with_no_data = true");
    if (!view.using_.empty()) fields.push_back(".using_ = " + cpp_string(view.using_));
    if (!view.tablespace.empty()) fields.push_back(".tablespace = " + cpp_string(view.tablespace));
    return fields.empty() ? "" : ", " + braced(fields);
}

// `pg_x(` for the public schema, `<schema variable>.x(` for another.
std::string in_schema(const HeaderPlan& plan, const std::string& schema, const std::string& public_call,
                      const std::string& member) {
    if (schema.empty()) return public_call;
    return plan.schema_variables.at(schema) + "." + member;
}

std::string write_pg_header(const HeaderPlan& plan, const std::string& source) {
    const Schema& s = plan.declared;
    std::string out = header_banner(plan, source, true);
    out += "#pragma once\n\n#include <drizzle/dsl/pg.hpp>\n\nusing namespace drizzle::pg::dsl;\n";
    if (!s.schemas.empty()) out += "\n";
    for (const auto& name : s.schemas) {
        out += "inline const auto " + plan.schema_variables.at(name) + " = pg_schema(" + cpp_string(name) + ");\n";
    }
    if (!s.roles.empty()) out += "\n";
    for (const auto& role : s.roles) {
        std::vector<std::string> fields;
        if (role.create_db) fields.push_back(".create_db = true");
        if (role.create_role) fields.push_back(".create_role = true");
        if (!role.inherit) fields.push_back(".inherit = false");
        out += "inline const auto " + plan.role_variables.at(role.name) + " = pg_role(" + cpp_string(role.name) +
               (fields.empty() ? "" : ", " + braced(fields)) + ");\n";
    }
    if (!s.enums.empty()) out += "\n";
    for (const auto& e : s.enums) {
        out += "inline const auto " + plan.enum_variables.at({e.schema, e.name}) + " = " +
               in_schema(plan, e.schema, "pg_enum", "enum_") + "(" + cpp_string(e.name) + ", " + string_list(e.values) +
               ");\n";
    }
    if (!s.sequences.empty()) out += "\n";
    for (std::size_t i = 0; i < s.sequences.size(); ++i) {
        const Sequence& sequence = s.sequences[i];
        out += "inline const auto " + plan.sequence_variables[i] + " = " +
               in_schema(plan, sequence.schema, "pg_sequence", "sequence") + "(" + cpp_string(sequence.name) +
               sequence_params(sequence) + ");\n";
    }
    for (std::size_t position = 0; position < plan.tables.size(); ++position) {
        const TablePlan& table_plan = plan.tables[position];
        const Table& table = s.tables[table_plan.index];
        std::vector<std::string> columns;
        for (std::size_t c = 0; c < table.columns.size(); ++c) {
            columns.push_back(column_line(plan, position, table, table.columns[c], table_plan.columns[c]));
        }
        // RLS without policies; declaring a policy turns it on by itself.
        const std::string suffix = table.rls_enabled && table.policies.empty() ? ".enable_rls()" : "";
        out += "\n" + table_declaration(table_plan.variable, in_schema(plan, table.schema, "pg_table", "table"),
                                        table.name, columns, extras(table, table_plan), suffix);
    }
    if (!s.views.empty()) out += "\n";
    for (std::size_t v = 0; v < s.views.size(); ++v) {
        const View& view = s.views[v];
        const std::string call = view.materialized
                                     ? in_schema(plan, view.schema, "pg_materialized_view", "materialized_view")
                                     : in_schema(plan, view.schema, "pg_view", "view");
        out += "inline const auto " + plan.view_variables[v] + " = " + call + "(" + cpp_string(view.name) + ", " +
               cpp_string(view.definition.value_or("")) + view_options(view) + ");\n";
    }
    return out;
}

// The PostgreSQL DSL's spellings: now() and gen_random_uuid() have builders of their own,
// objects of a schema go through its handle, index("name") records the name as given.
class PgHeaderDialect final : public HeaderDialect {
public:
    std::string special_default_call(const std::string& sql) const override {
        if (sql == "now()") return ".default_now()";
        if (sql == "gen_random_uuid()") return ".default_random()";
        return "";
    }
    bool declares_schemas() const override { return true; }
    void settle_column(Column&) const override {}
    void settle_table(Dialect, Table& table, std::vector<std::string>&) const override {
        // index("name") records its name as given, as drizzle-kit 1.0 does.
        for (auto& index : table.indexes)
            index.name_explicit = !index.name.empty();
    }
    std::string write_text(const HeaderPlan& plan, const std::string& source) const override {
        return write_pg_header(plan, source);
    }
};

} // namespace

const pull::detail::HeaderDialect& header_dialect() {
    static const PgHeaderDialect dialect;
    return dialect;
}

} // namespace drizzle::pg
