// Plans a pulled header: the DSL form of every object, declaration order and variable names.
#include "pull/header_plan.hpp"

#include "drizzle/error.hpp"
#include "drizzle/schema/naming.hpp"
#include "dsl/literal_defaults.hpp"
#include "pull/cpp_literal.hpp"
#include "pull/identifiers.hpp"
#include "util/text.hpp"

#include <algorithm>
#include <charconv>
#include <climits>
#include <cstdlib>
#include <functional>
#include <regex>
#include <set>
#include <tuple>

namespace drizzle::pull::detail {

namespace {

namespace literal = drizzle::dsl::detail;

std::string label(const Table& table) {
    return "table \"" + (table.schema.empty() ? table.name : table.schema + "." + table.name) + "\"";
}

struct DefaultChoice {
    std::string call;
    ColumnDefault value;
};

// The DSL call that gives this default, and the default it gives: the same SQL text, though the
// kind (number, boolean, expression) may differ from what the database reported, as it does
// between a literal and raw SQL in the DSL itself.
DefaultChoice plan_default(const ColumnDefault& current, const HeaderDialect& dialect) {
    const std::string& sql = current.sql;
    if (sql == "true" || sql == "false") return {".default_(" + sql + ")", literal::boolean_default(sql == "true")};
    if (auto call = dialect.special_default_call(sql); !call.empty())
        return {std::move(call), literal::sql_default(sql)};
    static const std::regex integer(R"(-?[0-9]+)");
    static const std::regex decimal(R"(-?[0-9]+\.[0-9]+)");
    static const std::regex quoted(R"('(?:[^']|'')*')");
    if (std::regex_match(sql, integer)) {
        std::int64_t value = 0;
        auto [end, error] = std::from_chars(sql.data(), sql.data() + sql.size(), value);
        if (error == std::errc() && end == sql.data() + sql.size() && std::to_string(value) == sql) {
            const bool fits_int = value >= INT_MIN && value <= INT_MAX;
            return {fits_int ? ".default_(" + sql + ")" : ".default_(std::int64_t{" + cpp_int64(value) + "})",
                    literal::integer_default(value)};
        }
    } else if (std::regex_match(sql, decimal)) {
        ColumnDefault value = literal::number_default(std::strtod(sql.c_str(), nullptr));
        if (value.sql == sql) return {".default_(" + sql + ")", value};
    } else if (std::regex_match(sql, quoted)) {
        std::string text;
        for (std::size_t i = 1; i + 1 < sql.size(); ++i) {
            text += sql[i];
            if (sql[i] == '\'') ++i; // '' stands for one quote
        }
        return {".default_(" + cpp_string(text) + ")", literal::string_default(text)};
    }
    return {".default_sql(" + cpp_string(sql) + ")", literal::sql_default(sql)};
}

// The key a foreign key's target is found by: PostgreSQL schema ("" = public) and table.
const Table* target_of(const Schema& schema, const ForeignKey& fk) {
    return schema.find_table(fk.table_to, fk.schema_to == "public" ? "" : fk.schema_to);
}

std::vector<std::string> primary_key_columns(const Table& table) {
    if (!table.primary_keys.empty()) return table.primary_keys.front().columns;
    for (const auto& column : table.columns) {
        if (column.primary_key) return {column.name};
    }
    return {};
}

// Foreign keys the header can declare: the target must be declared too (a table outside
// tablesFilter/schemaFilter is not), and SQLite's `REFERENCES parent` without columns means the
// parent's primary key.
void settle_foreign_keys(const Schema& all, Table& table, std::vector<std::string>& warnings) {
    std::vector<ForeignKey> kept;
    for (auto fk : table.foreign_keys) {
        const Table* target = target_of(all, fk);
        std::string problem;
        if (target == nullptr) {
            problem = "references table \"" + fk.table_to + "\", which was not pulled";
        } else {
            if (std::all_of(fk.columns_to.begin(), fk.columns_to.end(),
                            [](const std::string& c) { return c.empty(); })) {
                auto key = primary_key_columns(*target);
                if (key.size() == fk.columns.size()) {
                    fk.columns_to = key;
                    // The default name spells the target columns (and the DSL derives it so).
                    if (!fk.name_explicit)
                        fk.name = default_foreign_key_name(NamingStyle::v1, all.dialect, table.name, fk);
                }
            }
            for (const auto& column : fk.columns_to) {
                if (target->find_column(column) == nullptr) {
                    problem = "references column \"" + column + "\" of \"" + fk.table_to + "\", which does not exist";
                }
            }
        }
        if (!problem.empty()) {
            warnings.push_back(label(table) + ": foreign key \"" + fk.name + "\" " + problem +
                               "; it is left out of the header");
            continue;
        }
        kept.push_back(std::move(fk));
    }
    table.foreign_keys = std::move(kept);
}

// Moves the constraints written on a column to the front, in column order, as the DSL builds
// them (a column holds one `.unique()` and one `.references()`), and records where they went.
template <class Constraint, class Assign>
void move_to_columns(const Table& table, std::vector<Constraint>& constraints, Assign assign) {
    std::vector<bool> inline_(constraints.size(), false);
    std::vector<Constraint> ordered;
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
        for (std::size_t i = 0; i < constraints.size(); ++i) {
            if (inline_[i] || constraints[i].columns != std::vector<std::string>{table.columns[c].name}) continue;
            inline_[i] = true;
            assign(c, ordered.size());
            ordered.push_back(constraints[i]);
            break;
        }
    }
    for (std::size_t i = 0; i < constraints.size(); ++i) {
        if (!inline_[i]) ordered.push_back(constraints[i]);
    }
    constraints = std::move(ordered);
}

template <class T> void sort_by_schema_and_name(std::vector<T>& items) {
    std::sort(items.begin(), items.end(),
              [](const T& a, const T& b) { return std::tie(a.schema, a.name) < std::tie(b.schema, b.name); });
}

} // namespace

void name_unnamed_checks(Table& table, std::vector<std::string>& warnings) {
    std::set<std::string> taken;
    std::size_t unnamed = 0;
    for (const auto& check : table.checks) {
        if (check.name.empty()) {
            ++unnamed;
        } else {
            taken.insert(check.name);
        }
    }
    std::size_t n = unnamed == 1 ? 0 : 1;
    for (auto& check : table.checks) {
        if (!check.name.empty()) continue;
        std::string name;
        for (;; ++n) {
            name = table.name + "_check" + (n == 0 ? "" : "_" + std::to_string(n));
            if (taken.count(name) == 0) break;
        }
        taken.insert(name);
        check.name = name;
        warnings.push_back(label(table) + ": the unnamed CHECK (" + check.value + ") is declared as \"" + name +
                           "\" (the DSL names every check)");
    }
}

HeaderPlan plan_header(const Schema& schema, Casing casing, const HeaderDialect& header_dialect) {
    HeaderPlan plan;
    Schema& declared = plan.declared;
    declared = schema;
    const Dialect dialect = schema.dialect;
    // The DSL registry hands out objects in this order, whatever order they are declared in.
    sort_by_schema_and_name(declared.tables);
    sort_by_schema_and_name(declared.views);
    sort_by_schema_and_name(declared.enums);
    sort_by_schema_and_name(declared.sequences);
    if (header_dialect.declares_schemas()) {
        // Objects of a schema are declared through its handle, which registers the schema.
        std::set<std::string> schemas(declared.schemas.begin(), declared.schemas.end());
        for (const auto& t : declared.tables)
            schemas.insert(t.schema);
        for (const auto& v : declared.views)
            schemas.insert(v.schema);
        for (const auto& e : declared.enums)
            schemas.insert(e.schema);
        for (const auto& s : declared.sequences)
            schemas.insert(s.schema);
        schemas.erase("");
        schemas.erase("public");
        declared.schemas.assign(schemas.begin(), schemas.end());
    }

    // What the DSL cannot declare is left out, and said so.
    if (!declared.policies.empty()) {
        plan.warnings.push_back(std::to_string(declared.policies.size()) +
                                " policies on tables that were not pulled are left out of the header");
        declared.policies.clear();
    }
    for (auto& role : declared.roles) {
        Role plain;
        plain.name = role.name;
        plain.create_db = role.create_db;
        plain.create_role = role.create_role;
        plain.inherit = role.inherit;
        if (!(role == plain)) {
            plan.warnings.push_back("role \"" + role.name +
                                    "\": only createDb, createRole and inherit can be declared; its other "
                                    "attributes are left out of the header");
            role = plain;
        }
    }

    std::vector<TablePlan> by_index(declared.tables.size());
    for (std::size_t t = 0; t < declared.tables.size(); ++t) {
        Table& table = declared.tables[t];
        TablePlan& table_plan = by_index[t];
        table_plan.index = t;
        table_plan.columns.resize(table.columns.size());
        settle_foreign_keys(schema, table, plan.warnings);
        for (std::size_t c = 0; c < table.columns.size(); ++c) {
            Column& column = table.columns[c];
            header_dialect.settle_column(column);
            if (column.identity) column.not_null = true; // the identity builders say NOT NULL
            if (column.default_value) {
                auto choice = plan_default(*column.default_value, header_dialect);
                table_plan.columns[c].default_call = std::move(choice.call);
                column.default_value = std::move(choice.value);
            }
        }
        header_dialect.settle_table(dialect, table, plan.warnings);
        if (!table.policies.empty() && !table.rls_enabled) {
            plan.warnings.push_back(label(table) +
                                    " has policies but row-level security is disabled; the header declares the "
                                    "policies, which enables it");
            table.rls_enabled = true;
        }
        move_to_columns(table, table.uniques,
                        [&](std::size_t column, std::size_t at) { table_plan.columns[column].unique = at; });
        for (std::size_t i = 0; i < table.uniques.size(); ++i) {
            table.uniques[i].column_level = std::any_of(table_plan.columns.begin(), table_plan.columns.end(),
                                                        [&](const ColumnPlan& p) { return p.unique == i; });
        }
        move_to_columns(table, table.foreign_keys,
                        [&](std::size_t column, std::size_t at) { table_plan.columns[column].reference = at; });
    }

    // Referenced tables first, so references on columns use the table's variable (and the header
    // reads top-down); what a cycle or a self-reference leaves over is written with ref(...).
    std::map<std::pair<std::string, std::string>, std::size_t> position_of;
    for (std::size_t t = 0; t < declared.tables.size(); ++t) {
        position_of[{declared.tables[t].schema, declared.tables[t].name}] = t;
    }
    std::vector<int> state(declared.tables.size(), 0); // 0 new, 1 being declared, 2 declared
    std::function<void(std::size_t)> visit = [&](std::size_t t) {
        if (state[t] != 0) return;
        state[t] = 1;
        const Table& table = declared.tables[t];
        for (const auto& fk : table.foreign_keys) {
            auto target = position_of.find({fk.schema_to == "public" ? "" : fk.schema_to, fk.table_to});
            if (target != position_of.end()) visit(target->second);
        }
        state[t] = 2;
        plan.tables.push_back(std::move(by_index[t]));
    };
    for (std::size_t t = 0; t < declared.tables.size(); ++t)
        visit(t);

    // Names: schemas, then types, sequences, tables and views; public objects before the others
    // of the same name, so they keep the plain name.
    IdentifierPool pool(casing);
    for (const auto& name : declared.schemas)
        plan.schema_variables[name] = pool.take(name + "_schema", "", "schema");
    for (const auto& role : declared.roles)
        plan.role_variables[role.name] = pool.take(role.name + "_role", "", "role");
    for (const auto& e : declared.enums)
        plan.enum_variables[{e.schema, e.name}] = pool.take(e.name, e.schema, "enum");
    for (const auto& s : declared.sequences)
        plan.sequence_variables.push_back(pool.take(s.name, s.schema, "sequence"));
    for (const auto& t : declared.tables)
        plan.table_variables[{t.schema, t.name}] = pool.take(t.name, t.schema, "table");
    for (auto& table_plan : plan.tables) {
        const Table& table = declared.tables[table_plan.index];
        table_plan.variable = plan.table_variables.at({table.schema, table.name});
    }
    for (const auto& v : declared.views)
        plan.view_variables.push_back(pool.take(v.name, v.schema, "view"));
    return plan;
}

} // namespace drizzle::pull::detail
