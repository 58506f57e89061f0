// Text pieces shared by the SQLite and PostgreSQL header writers.
#include "pull/header_text.hpp"

#include "pull/cpp_literal.hpp"

namespace drizzle::pull::detail {

std::string string_list(const std::vector<std::string>& values) {
    std::string out = "{";
    for (std::size_t i = 0; i < values.size(); ++i)
        out += (i ? ", " : "") + cpp_string(values[i]);
    return out + "}";
}

std::string action_constant(const std::string& action) {
    if (action == "cascade") return "action::cascade";
    if (action == "set null") return "action::set_null";
    if (action == "set default") return "action::set_default";
    if (action == "restrict") return "action::restrict_";
    return "";
}

std::string header_banner(const HeaderPlan& plan, const std::string& source, bool count_enums) {
    const Schema& s = plan.declared;
    auto count = [](std::size_t n, const std::string& what) {
        return std::to_string(n) + " " + what + (n == 1 ? "" : "s");
    };
    std::string what = count(s.tables.size(), "table") + ", " + count(s.views.size(), "view");
    if (count_enums) what += ", " + count(s.enums.size(), "enum");
    return "// Pulled by drizzle-kit from " + (source.empty() ? std::string("the database") : source) + " (" + what +
           "); this header is your schema now: edit it and run `drizzle-kit generate`.\n";
}

std::string table_declaration(const std::string& variable, const std::string& call, const std::string& name,
                              const std::vector<std::string>& columns, const std::vector<std::string>& extras,
                              const std::string& suffix) {
    // Each table is built in a function of its own: one static initialiser holding a thousand
    // tables' temporaries made GCC's compile time grow faster than the table count.
    std::string out = "inline const auto " + variable + " = [] { return " + call + "(" + cpp_string(name) + ", {\n";
    for (const auto& column : columns)
        out += "    " + column + ",\n";
    out += "}";
    if (!extras.empty()) {
        out += ", {\n";
        for (const auto& extra : extras)
            out += "    " + extra + ",\n";
        out += "}";
    }
    return out + ")" + suffix + "; }();\n";
}

std::string reference_target(const HeaderPlan& plan, std::size_t position, const ForeignKey& fk, bool with_schema) {
    const std::string schema = fk.schema_to == "public" ? "" : fk.schema_to;
    for (std::size_t i = 0; i < position && i < plan.tables.size(); ++i) {
        const Table& table = plan.declared.tables[plan.tables[i].index];
        if (table.schema == schema && table.name == fk.table_to) {
            return plan.tables[i].variable + "[" + cpp_string(fk.columns_to.at(0)) + "]";
        }
    }
    std::string out = "ref(";
    if (with_schema && !schema.empty()) out += cpp_string(schema) + ", ";
    return out + cpp_string(fk.table_to) + ", " + cpp_string(fk.columns_to.at(0)) + ")";
}

std::vector<std::string> key_and_check_extras(const Table& table, const TablePlan& table_plan,
                                              const std::function<std::string(const ForeignKey&)>& target_schema) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < table.foreign_keys.size(); ++i) {
        bool on_column = false;
        for (const auto& c : table_plan.columns)
            on_column = on_column || c.reference == i;
        if (on_column) continue;
        const auto& fk = table.foreign_keys[i];
        const std::string schema = target_schema(fk);
        std::string line = "foreign_key(" + string_list(fk.columns) +
                           (fk.name_explicit ? ", " + cpp_string(fk.name) : "") + ").references(" +
                           cpp_string(fk.table_to) + ", " + string_list(fk.columns_to) +
                           (schema.empty() ? "" : ", " + cpp_string(schema)) + ")";
        if (auto a = action_constant(fk.on_delete); !a.empty()) line += ".on_delete(" + a + ")";
        if (auto a = action_constant(fk.on_update); !a.empty()) line += ".on_update(" + a + ")";
        out.push_back(line);
    }
    for (const auto& check : table.checks) {
        out.push_back("check(" + cpp_string(check.name) + ", " + cpp_string(check.value) + ")");
    }
    return out;
}

} // namespace drizzle::pull::detail
