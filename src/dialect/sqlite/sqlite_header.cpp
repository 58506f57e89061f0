// Writes a pulled SQLite schema as a header using <drizzle/dsl/sqlite.hpp>.
#include "dialect/sqlite/sqlite_header.hpp"

#include "drizzle/dialect/dialect_facts.hpp"
#include "drizzle/dialect/registry.hpp"
#include "util/text.hpp"

#include "pull/cpp_literal.hpp"
#include "pull/header_text.hpp"

#include <regex>

namespace drizzle::sqlite {

using namespace drizzle::pull::detail;

namespace {

std::string column_builder(const Column& column) {
    const std::string name = cpp_string(column.name);
    static const std::regex sized_text(R"(text\(([0-9]+)\))");
    std::smatch match;
    if (column.type == "integer" || column.type == "text" || column.type == "real" || column.type == "blob" ||
        column.type == "numeric") {
        return column.type + "(" + name + ")";
    }
    if (std::regex_match(column.type, match, sized_text)) {
        return "text(" + name + ", {.length = " + match[1].str() + "})";
    }
    return "custom_type(" + name + ", " + cpp_string(column.type) + ")";
}

std::string reference_options(const ForeignKey& fk) {
    std::vector<std::string> fields;
    if (auto a = action_constant(fk.on_delete); !a.empty()) fields.push_back(".on_delete = " + a);
    if (auto a = action_constant(fk.on_update); !a.empty()) fields.push_back(".on_update = " + a);
    if (fk.name_explicit) fields.push_back(".name = " + cpp_string(fk.name));
    if (fields.empty()) return "";
    std::string out = ", {";
    for (std::size_t i = 0; i < fields.size(); ++i)
        out += (i ? ", " : "") + fields[i];
    return out + "}";
}

std::string column_line(const HeaderPlan& plan, std::size_t position, const Table& table, const Column& column,
                        const ColumnPlan& column_plan) {
    std::string out = column_builder(column);
    if (column.primary_key) out += column.autoincrement ? ".primary_key({.auto_increment = true})" : ".primary_key()";
    if (column.not_null) out += ".not_null()";
    out += column_plan.default_call;
    if (column_plan.unique) {
        const auto& unique = table.uniques[*column_plan.unique];
        out += unique.name_explicit ? ".unique(" + cpp_string(unique.name) + ")" : ".unique()";
    }
    if (column_plan.reference) {
        const auto& fk = table.foreign_keys[*column_plan.reference];
        out += ".references(" + reference_target(plan, position, fk, false) + reference_options(fk) + ")";
    }
    if (column.generated) {
        out += ".generated_always_as(" + cpp_string(column.generated->expression) +
               (column.generated->stored ? ", {.mode = GeneratedMode::stored}" : "") + ")";
    }
    return out;
}

std::string index_targets(const Index& index) {
    std::string out = "{";
    for (std::size_t i = 0; i < index.columns.size(); ++i) {
        const auto& element = index.columns[i];
        out += (i ? ", " : "");
        out += element.is_expression ? "sql(" + cpp_string(element.expression) + ")" : cpp_string(element.expression);
    }
    return out + "}";
}

std::vector<std::string> extras(const Table& table, const TablePlan& table_plan) {
    std::vector<std::string> out;
    for (const auto& pk : table.primary_keys) {
        out.push_back("primary_key(" + string_list(pk.columns) + (pk.name_explicit ? ", " + cpp_string(pk.name) : "") +
                      ")");
    }
    for (std::size_t i = 0; i < table.uniques.size(); ++i) {
        if (table.uniques[i].column_level) continue;
        const auto& unique = table.uniques[i];
        out.push_back("unique(" + (unique.name_explicit ? cpp_string(unique.name) : "") + ").on(" +
                      string_list(unique.columns) + ")");
    }
    for (auto& extra : key_and_check_extras(table, table_plan, [](const ForeignKey&) { return std::string(); })) {
        out.push_back(std::move(extra));
    }
    for (const auto& index : table.indexes) {
        std::string line = std::string(index.unique ? "unique_index(" : "index(") + cpp_string(index.name) + ").on(" +
                           index_targets(index) + ")";
        if (index.where) line += ".where(" + cpp_string(*index.where) + ")";
        out.push_back(line);
    }
    return out;
}

std::string write_sqlite_header(const HeaderPlan& plan, const std::string& source) {
    std::string out = header_banner(plan, source, false);
    out += "#pragma once\n\n#include <drizzle/dsl/sqlite.hpp>\n\nusing namespace drizzle::sqlite;\n";
    for (std::size_t position = 0; position < plan.tables.size(); ++position) {
        const TablePlan& table_plan = plan.tables[position];
        const Table& table = plan.declared.tables[table_plan.index];
        std::vector<std::string> columns;
        for (std::size_t c = 0; c < table.columns.size(); ++c) {
            columns.push_back(column_line(plan, position, table, table.columns[c], table_plan.columns[c]));
        }
        out += "\n" +
               table_declaration(table_plan.variable, "sqlite_table", table.name, columns, extras(table, table_plan));
    }
    if (!plan.declared.views.empty()) out += "\n";
    for (std::size_t v = 0; v < plan.declared.views.size(); ++v) {
        const View& view = plan.declared.views[v];
        out += "inline const auto " + plan.view_variables[v] + " = ";
        out += view.definition ? "sqlite_view(" + cpp_string(view.name) + ", " + cpp_string(*view.definition) + ");\n"
                               : "sqlite_existing_view(" + cpp_string(view.name) + ");\n";
    }
    return out;
}

// The SQLite DSL's spellings: builders write types in lower case, every check and composite key
// has a name.
class SqliteHeaderDialect final : public HeaderDialect {
public:
    std::string special_default_call(const std::string&) const override { return ""; }
    bool declares_schemas() const override { return false; }
    void settle_column(Column& column) const override {
        // SQLite keeps a declared type as written; the DSL's builders write lower case, which
        // SQLite (and our diff) treat as the same type.
        static const std::regex known(R"((integer|text|real|blob|numeric|text\([0-9]+\)))", std::regex::icase);
        if (std::regex_match(column.type, known)) column.type = drizzle::detail::to_lower(column.type);
    }
    void settle_table(Dialect dialect, Table& table, std::vector<std::string>& warnings) const override {
        name_unnamed_checks(table, warnings); // SQLite allows unnamed checks; the DSL does not
        for (auto& pk : table.primary_keys) {
            if (pk.name.empty())
                pk.name = dialect_facts(dialect).default_primary_key_name(NamingStyle::v1, table.name, pk.columns);
        }
    }
    std::string write_text(const HeaderPlan& plan, const std::string& source) const override {
        return write_sqlite_header(plan, source);
    }
};

} // namespace

const pull::detail::HeaderDialect& header_dialect() {
    static const SqliteHeaderDialect dialect;
    return dialect;
}

} // namespace drizzle::sqlite
