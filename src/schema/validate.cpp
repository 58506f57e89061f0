// Schema validation with collected diagnostics.
#include "drizzle/schema/validate.hpp"

#include "drizzle/dialect/registry.hpp"
#include "util/utf8.hpp"

#include <cstdio>

#include <set>
#include <string>

namespace drizzle {

namespace {

std::string table_label(const Table& table) {
    return "table \"" + (table.schema.empty() ? table.name : table.schema + "." + table.name) + "\"";
}

class Validator {
public:
    explicit Validator(const Schema& schema) : schema_(schema) {}

    std::vector<Diagnostic> run() {
        std::set<std::string> relation_names;
        std::set<std::string> index_names;  // SQLite and PostgreSQL index names are per schema
        for (const auto& table : schema_.tables) {
            if (!relation_names.insert(table.schema + "." + table.name).second) {
                add(table_label(table), "declared twice");
            }
            check_table(table, index_names);
        }
        check_utf8_everywhere();
        for (const auto& view : schema_.views) {
            std::string label = "view \"" + view.name + "\"";
            if (!relation_names.insert(view.schema + "." + view.name).second) {
                add(label, "a table or view with this name is declared already");
            }
            if (!view.is_existing && (!view.definition || view.definition->empty())) {
                add(label, "has no definition (give one, or declare it as an existing view)");
            }
        }
        return std::move(diagnostics_);
    }

private:
    void add(std::string where, std::string message) { diagnostics_.push_back({std::move(where), std::move(message)}); }

    // The dialect's own rules on a column, looked up when the first column is checked.
    const DialectFacts& facts() {
        if (facts_ == nullptr) facts_ = &dialect_facts(schema_.dialect);
        return *facts_;
    }

    // Snapshots are UTF-8 JSON: bytes that are not UTF-8 would be stored as U+FFFD, never match
    // the source again, and make every later generate re-emit the object.
    void utf8(const std::string& where, const std::string& what, const std::string& text) {
        const std::size_t at = detail::invalid_utf8_offset(text);
        if (at == std::string_view::npos) return;
        char byte[8];
        std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(text[at])));
        add(where, what + " holds bytes that are not UTF-8 (" + byte + " at byte " + std::to_string(at + 1) +
                       "); save the schema source as UTF-8 (snapshots store text as UTF-8, so these bytes "
                       "would never match again and every generate would re-emit it)");
    }

    void utf8(const std::string& where, const std::string& what, const std::optional<std::string>& text) {
        if (text) utf8(where, what, *text);
    }

    void check_utf8_everywhere() {
        for (const auto& name : schema_.schemas) utf8("schema \"" + name + "\"", "the name", name);
        for (const auto& e : schema_.enums) {
            const std::string where = "enum \"" + e.name + "\"";
            utf8(where, "the name", e.schema + e.name);
            for (const auto& value : e.values) utf8(where, "a value", value);
        }
        for (const auto& sequence : schema_.sequences) utf8("sequence \"" + sequence.name + "\"", "the name", sequence.schema + sequence.name);
        for (const auto& role : schema_.roles) utf8("role \"" + role.name + "\"", "the name", role.name);
        for (const auto& view : schema_.views) {
            const std::string where = "view \"" + view.name + "\"";
            utf8(where, "the name", view.schema + view.name);
            utf8(where, "the definition", view.definition);
        }
        auto policy = [&](const std::string& where, const Policy& p) {
            utf8(where, "the name", p.name);
            utf8(where, "USING", p.using_);
            utf8(where, "WITH CHECK", p.with_check);
            for (const auto& role : p.to) utf8(where, "a role", role);
        };
        for (const auto& external : schema_.policies) {
            policy("policy \"" + external.policy.name + "\" on \"" + external.table + "\"", external.policy);
        }
        for (const auto& table : schema_.tables) {
            const std::string label = table_label(table);
            utf8(label, "the name", table.schema + table.name);
            for (const auto& column : table.columns) {
                const std::string where = label + ", column \"" + column.name + "\"";
                utf8(where, "the name", column.name);
                utf8(where, "the type", column.type);
                if (column.default_value) utf8(where, "the default", column.default_value->sql);
                if (column.generated) utf8(where, "the generated expression", column.generated->expression);
            }
            for (const auto& index : table.indexes) {
                const std::string where = label + ", index \"" + index.name + "\"";
                utf8(where, "the name", index.name);
                for (const auto& element : index.columns) utf8(where, "an expression", element.expression);
                utf8(where, "the WHERE clause", index.where);
            }
            for (const auto& fk : table.foreign_keys) utf8(label + ", foreign key \"" + fk.name + "\"", "the name", fk.name);
            for (const auto& pk : table.primary_keys) utf8(label + ", primary key \"" + pk.name + "\"", "the name", pk.name);
            for (const auto& unique : table.uniques) utf8(label + ", unique constraint \"" + unique.name + "\"", "the name", unique.name);
            for (const auto& check : table.checks) {
                const std::string where = label + ", check \"" + check.name + "\"";
                utf8(where, "the name", check.name);
                utf8(where, "the expression", check.value);
            }
            for (const auto& p : table.policies) policy(label + ", policy \"" + p.name + "\"", p);
        }
    }

    void require_columns(const Table& table, const std::string& where, const std::vector<std::string>& columns) {
        if (columns.empty()) add(where, "lists no columns");
        for (const auto& column : columns) {
            if (table.find_column(column) == nullptr) {
                add(where, "names column \"" + column + "\", which " + table_label(table) + " does not have");
            }
        }
    }

    void check_table(const Table& table, std::set<std::string>& index_names) {
        const std::string label = table_label(table);
        if (table.name.empty()) add("table", "has an empty name");
        if (table.columns.empty()) add(label, "has no columns");
        std::set<std::string> column_names;
        int column_primary_keys = 0;
        for (const auto& column : table.columns) {
            std::string where = label + ", column \"" + column.name + "\"";
            if (column.name.empty()) add(label, "has a column with an empty name");
            if (!column_names.insert(column.name).second) add(where, "declared twice");
            if (column.type.empty()) add(where, "has no type");
            if (column.primary_key) ++column_primary_keys;
            if (column.autoincrement && !column.primary_key) add(where, "AUTOINCREMENT needs a primary key column");
            for (auto& problem : facts().column_problems(column))
                add(where, std::move(problem));
            if (column.generated && column.default_value) add(where, "a generated column cannot have a default");
        }
        if (column_primary_keys > 1) {
            add(label, "has " + std::to_string(column_primary_keys) +
                           " columns marked primary_key(); use a composite primary_key({...}) instead");
        }
        if (column_primary_keys > 0 && !table.primary_keys.empty()) {
            add(label, "has both a column primary key and a composite primary key");
        }
        if (table.primary_keys.size() > 1) add(label, "has more than one composite primary key");

        std::set<std::string> constraint_names;
        // An empty name is fine: the constraint gets drizzle-kit's default name when generated.
        auto unique_constraint_name = [&](const std::string& kind, const std::string& name) {
            std::string where = label + ", " + kind + (name.empty() ? "" : " \"" + name + "\"");
            if (!name.empty() && !constraint_names.insert(name).second) add(where, "name used twice in this table");
            return where;
        };
        for (const auto& index : table.indexes) {
            std::string where = label + ", index \"" + index.name + "\"";
            if (index.name.empty()) add(label, "an index has an empty name");
            if (!index_names.insert(table.schema + "." + index.name).second) add(where, "index name used twice");
            if (index.columns.empty()) add(where, "lists no columns");
            for (const auto& element : index.columns) {
                if (!element.is_expression && table.find_column(element.expression) == nullptr) {
                    add(where, "names column \"" + element.expression + "\", which " + label + " does not have");
                }
            }
        }
        for (const auto& pk : table.primary_keys) require_columns(table, unique_constraint_name("primary key", pk.name), pk.columns);
        for (const auto& unique : table.uniques) {
            require_columns(table, unique_constraint_name("unique constraint", unique.name), unique.columns);
        }
        for (const auto& check : table.checks) {
            auto where = unique_constraint_name("check", check.name);
            if (check.name.empty()) add(label, "a check constraint needs a name");
            if (check.value.empty()) add(where, "has an empty expression");
        }
        for (const auto& fk : table.foreign_keys) check_foreign_key(table, fk, unique_constraint_name("foreign key", fk.name));
    }

    void check_foreign_key(const Table& table, const ForeignKey& fk, const std::string& where) {
        require_columns(table, where, fk.columns);
        if (fk.columns.size() != fk.columns_to.size()) {
            add(where, "has " + std::to_string(fk.columns.size()) + " columns but references " +
                           std::to_string(fk.columns_to.size()));
        }
        const Table* target = schema_.find_table(fk.table_to, fk.schema_to == "public" ? "" : fk.schema_to);
        if (target == nullptr) {
            add(where, "references table \"" + fk.table_to + "\", which is not declared");
            return;
        }
        for (const auto& column : fk.columns_to) {
            if (target->find_column(column) == nullptr) {
                add(where, "references column \"" + fk.table_to + "\".\"" + column + "\", which does not exist");
            }
        }
        static const std::set<std::string> actions = {"no action", "cascade", "set null", "set default", "restrict"};
        for (const auto& action : {fk.on_delete, fk.on_update}) {
            if (!actions.count(action)) {
                add(where, "unknown action \"" + action + "\" (no action, cascade, set null, set default, restrict)");
            }
        }
    }

    const Schema& schema_;
    const DialectFacts* facts_ = nullptr;
    std::vector<Diagnostic> diagnostics_;
};

}  // namespace

std::vector<Diagnostic> validate_schema(const Schema& schema) { return Validator(schema).run(); }

void require_valid(const Schema& schema) {
    auto diagnostics = validate_schema(schema);
    if (!diagnostics.empty()) throw DiagnosticsError(std::move(diagnostics));
}

}  // namespace drizzle
