// Reads a live SQLite schema into the model with a fixed number of catalog queries.
#include "create_table_parser.hpp"
#include "drizzle/dialect/sqlite.hpp"
#include "drizzle/schema/naming.hpp"
#include "util/text.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <regex>

namespace drizzle::sqlite {

namespace {

using detail::ParsedConstraint;

std::string text(const std::optional<std::string>& cell) { return cell.value_or(""); }
long long number(const std::optional<std::string>& cell) { return cell ? std::stoll(*cell) : 0; }

bool is_number_literal(const std::string& value) {
    if (value.empty()) return false;
    size_t i = (value[0] == '-' || value[0] == '+') ? 1 : 0;
    bool digits = false;
    bool dot = false;
    for (; i < value.size(); ++i) {
        if (std::isdigit(static_cast<unsigned char>(value[i]))) {
            digits = true;
        } else if (value[i] == '.' && !dot) {
            dot = true;
        } else {
            return false;
        }
    }
    return digits;
}

ColumnDefault default_from(const std::string& sql) {
    std::string l = drizzle::detail::to_lower(sql);
    if (l == "true" || l == "false") return {ColumnDefault::Kind::boolean, sql};
    if (is_number_literal(sql)) return {ColumnDefault::Kind::number, sql};
    return {ColumnDefault::Kind::expression, sql};
}

std::string action_from(const std::string& pragma_action) {
    std::string action = drizzle::detail::to_lower(pragma_action);
    return action.empty() ? "no action" : action;
}

struct TableRows {
    std::string sql;
    std::vector<Row> columns;      // table_xinfo: cid, name, type, notnull, dflt_value, pk, hidden
    std::vector<Row> foreign_keys; // id, seq, table, from, to, on_update, on_delete, match
    std::vector<Row> indexes;      // seq, name, unique, origin, partial
};

Table build_table(const std::string& name, const TableRows& rows, const std::map<std::string, std::string>& index_sql,
                  std::map<std::string, std::vector<std::string>>& index_columns_by_name) {
    Table table;
    table.name = name;
    auto parsed = detail::parse_create_table(rows.sql);
    auto parsed_column = [&](const std::string& column) -> const detail::ParsedColumn* {
        for (const auto& c : parsed.columns) {
            if (c.name == column) return &c;
        }
        return nullptr;
    };
    auto parsed_constraint = [&](ParsedConstraint::Kind kind,
                                 const std::vector<std::string>& columns) -> const ParsedConstraint* {
        for (const auto& c : parsed.constraints) {
            if (c.kind == kind && c.columns == columns) return &c;
        }
        return nullptr;
    };
    auto named = [&](ParsedConstraint::Kind kind, const std::vector<std::string>& columns) -> std::string {
        const ParsedConstraint* c = parsed_constraint(kind, columns);
        return c == nullptr ? "" : c->name;
    };

    std::vector<std::pair<long long, std::string>> pk_columns;
    for (const auto& row : rows.columns) {
        Column column;
        column.name = text(row[1]);
        column.type = text(row[2]);
        column.not_null = number(row[3]) != 0;
        long long hidden = number(row[6]);
        if (row[4] && hidden == 0) column.default_value = default_from(*row[4]);
        if (number(row[5]) > 0) pk_columns.emplace_back(number(row[5]), column.name);
        if (const auto* p = parsed_column(column.name)) {
            if (!p->type.empty()) column.type = p->type;
            if (p->default_text && column.default_value) column.default_value = default_from(*p->default_text);
            column.autoincrement = p->autoincrement;
            if (p->generated_expression && (hidden == 2 || hidden == 3)) {
                column.generated = GeneratedColumn{*p->generated_expression, hidden == 3};
            }
        }
        table.columns.push_back(std::move(column));
    }
    std::sort(pk_columns.begin(), pk_columns.end());
    // Every key column but the rowid accepts NULL unless declared NOT NULL (a SQLite quirk).
    // The rowid is the one key column whose declared type is exactly INTEGER.
    for (auto& column : table.columns) {
        const bool key = std::any_of(pk_columns.begin(), pk_columns.end(),
                                     [&](const auto& entry) { return entry.second == column.name; });
        const bool rowid = pk_columns.size() == 1 && drizzle::detail::iequals(column.type, "integer");
        column.primary_key_nullable = key && !rowid && !column.not_null;
    }
    if (pk_columns.size() == 1) {
        for (auto& column : table.columns) {
            if (column.name == pk_columns[0].second) column.primary_key = true;
        }
    } else if (pk_columns.size() > 1) {
        PrimaryKey pk;
        for (const auto& [order, column] : pk_columns) pk.columns.push_back(column);
        pk.name = named(ParsedConstraint::Kind::primary_key, pk.columns);
        pk.name_explicit = !pk.name.empty() &&
                           pk.name != default_primary_key_name(NamingStyle::v1, Dialect::sqlite, name, pk.columns);
        table.primary_keys.push_back(std::move(pk));
    }

    // pragma_foreign_key_list numbers constraints in reverse declaration order.
    std::map<long long, ForeignKey> by_id;
    for (const auto& row : rows.foreign_keys) {
        auto& fk = by_id[number(row[0])];
        fk.table_to = text(row[2]);
        fk.columns.push_back(text(row[3]));
        fk.columns_to.push_back(text(row[4]));
        fk.on_update = action_from(text(row[5]));
        fk.on_delete = action_from(text(row[6]));
    }
    for (auto it = by_id.rbegin(); it != by_id.rend(); ++it) {
        ForeignKey fk = it->second;
        std::string default_name = default_foreign_key_name(NamingStyle::v1, Dialect::sqlite, name, fk);
        fk.name = named(ParsedConstraint::Kind::foreign_key, fk.columns);
        fk.name_explicit = !fk.name.empty() && fk.name != default_name;
        if (fk.name.empty()) fk.name = default_name;
        table.foreign_keys.push_back(std::move(fk));
    }

    for (const auto& c : parsed.constraints) {
        if (c.kind == ParsedConstraint::Kind::check) table.checks.push_back({c.name, c.expression});
    }

    // pragma_index_list is newest first; declaration order is oldest first.
    for (auto it = rows.indexes.rbegin(); it != rows.indexes.rend(); ++it) {
        const auto& row = *it;
        std::string index_name = text(row[1]);
        std::string origin = text(row[3]);
        if (origin == "pk") continue;
        if (origin == "u") {
            UniqueConstraint unique;
            unique.columns = index_columns_by_name[index_name];
            const ParsedConstraint* written = parsed_constraint(ParsedConstraint::Kind::unique, unique.columns);
            unique.name = written == nullptr ? "" : written->name;
            unique.column_level = written != nullptr && written->column_level;
            if (unique.name.empty()) {
                unique.name = default_unique_name(NamingStyle::v1, Dialect::sqlite, name, unique.columns);
            }
            unique.name_explicit =
                unique.name != default_unique_name(NamingStyle::v1, Dialect::sqlite, name, unique.columns);
            table.uniques.push_back(std::move(unique));
            continue;
        }
        Index index;
        index.name = index_name;
        index.unique = number(row[2]) != 0;
        auto sql = index_sql.find(index_name);
        if (sql != index_sql.end()) {
            auto parsed_index = detail::parse_create_index(sql->second);
            for (const auto& element : parsed_index.elements) index.columns.push_back(index_column(element.text, element.is_expression));
            index.where = parsed_index.where;
        }
        table.indexes.push_back(std::move(index));
    }
    return table;
}

}  // namespace

Schema introspect(Connection& connection, const std::string& migrations_table) {
    Schema schema;
    schema.dialect = Dialect::sqlite;

    // Four queries in all, whatever the number of tables: the catalog, then each pragma
    // table-valued function joined against it.
    auto objects = connection.query(
        "SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
        "AND name <> ? ORDER BY name",
        {migrations_table});
    std::map<std::string, TableRows> tables;
    std::map<std::string, std::string> index_sql;
    for (const auto& row : objects) {
        std::string type = text(row[0]);
        std::string name = text(row[1]);
        if (type == "table") tables[name].sql = text(row[3]);
        if (type == "index" && row[3]) index_sql[name] = *row[3];
        if (type == "view") {
            View view;
            view.name = name;
            // The stored text is `CREATE [TEMP] VIEW [IF NOT EXISTS] name [(columns)] AS <definition>`,
            // spelled and spaced as the user wrote it.
            static const std::regex header(
                R"(^\s*create\s+(?:temp(?:orary)?\s+)?view\s+(?:if\s+not\s+exists\s+)?)"
                R"((?:"(?:[^"]|"")*"|`(?:[^`]|``)*`|\[[^\]]*\]|[^\s(]+)\s*(?:\([^)]*\)\s*)?as\s+)",
                std::regex::icase);
            std::smatch match;
            const std::string sql = text(row[3]);
            if (std::regex_search(sql, match, header)) view.definition = match.suffix().str();
            schema.views.push_back(std::move(view));
        }
    }
    auto per_table = [&](const std::string& pragma, const std::string& columns) {
        return connection.query("SELECT m.name, " + columns + " FROM sqlite_schema m, " + pragma +
                                    "(m.name) p WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
                                    "AND m.name <> ? ORDER BY m.name",
                                {migrations_table});
    };
    for (const auto& row : per_table("pragma_table_xinfo",
                                     "p.cid, p.name, p.type, p.\"notnull\", p.dflt_value, p.pk, p.hidden")) {
        auto it = tables.find(text(row[0]));
        if (it != tables.end()) it->second.columns.push_back(Row(row.begin() + 1, row.end()));
    }
    for (const auto& row : per_table("pragma_foreign_key_list",
                                     "p.id, p.seq, p.\"table\", p.\"from\", p.\"to\", p.on_update, p.on_delete, p.match")) {
        auto it = tables.find(text(row[0]));
        if (it != tables.end()) it->second.foreign_keys.push_back(Row(row.begin() + 1, row.end()));
    }
    for (const auto& row : per_table("pragma_index_list", "p.seq, p.name, p.\"unique\", p.origin, p.partial")) {
        auto it = tables.find(text(row[0]));
        if (it != tables.end()) it->second.indexes.push_back(Row(row.begin() + 1, row.end()));
    }
    // Columns of automatic (UNIQUE constraint) indexes, whose SQL is NULL.
    std::map<std::string, std::vector<std::string>> index_columns;
    for (const auto& row : connection.query(
             "SELECT il.name, ii.name FROM sqlite_schema m, pragma_index_list(m.name) il, pragma_index_info(il.name) ii "
             "WHERE m.type = 'table' AND il.origin = 'u' ORDER BY il.name, ii.seqno")) {
        index_columns[text(row[0])].push_back(text(row[1]));
    }
    for (const auto& [name, rows] : tables) schema.tables.push_back(build_table(name, rows, index_sql, index_columns));
    return schema;
}

}  // namespace drizzle::sqlite
