// SQLite SQL text for each operation, following drizzle-kit 1.0's SQLite conventions.
#include "dialect/sqlite/expression_text.hpp"
#include "dialect/sqlite/facts/sqlite_facts.hpp"
#include "drizzle/dialect/sqlite.hpp"
#include "util/text.hpp"

#include <algorithm>
#include <cctype>
#include <stdexcept>

namespace drizzle::sqlite {

namespace {

// Table changes SQLite cannot make with ALTER TABLE: lowering folds them into RecreateTable.
using LoweredAway = OperationList<op::AlterColumn, op::AddForeignKey, op::DropForeignKey, op::AddPrimaryKey,
                                  op::DropPrimaryKey, op::AddUnique, op::DropUnique, op::AddCheck, op::DropCheck>;
// Objects SQLite has none of: a SQLite schema never yields these operations.
using NotInSqlite =
    OperationList<op::CreateSchema, op::DropSchema, op::CreateEnum, op::RenameEnum, op::DropEnum, op::AddEnumValue,
                  op::RecreateEnum, op::CreateSequence, op::DropSequence, op::AlterSequence, op::CreateRole,
                  op::DropRole, op::AlterRole, op::EnableRls, op::DisableRls, op::CreatePolicy, op::DropPolicy>;

[[noreturn]] void cannot_render(const Operation& operation) {
    throw std::logic_error("SQLite cannot render " + describe(operation) + " without lowering");
}

std::string quoted_list(const std::vector<std::string>& names, const char* separator) {
    std::string out;
    for (const auto& name : names) {
        if (!out.empty()) out += separator;
        out += quote_identifier(name);
    }
    return out;
}

// SQLite makes a key column the rowid, which can never be NULL, only when the key is that one
// column and its declared type is exactly INTEGER (`INT`, `BIGINT` ... are ordinary columns).
bool is_rowid_alias(const Column& column) {
    return column.primary_key && drizzle::detail::iequals(column.type, "integer");
}

bool in_table_key(const Table& table, const Column& column) {
    for (const auto& pk : table.primary_keys) {
        if (std::find(pk.columns.begin(), pk.columns.end(), column.name) != pk.columns.end()) return true;
    }
    return false;
}

// A one-column `.unique()` without a name of its own is written inline (` UNIQUE`), as
// drizzle-kit 1.0 does; an explicit name needs the CONSTRAINT form to be kept in the DDL.
bool is_inline_unique(const UniqueConstraint& unique) {
    return unique.column_level && unique.columns.size() == 1 && !unique.name_explicit;
}

// Column text after the name; the order of the clauses is drizzle-kit's. `table` (the column's
// table, if any) supplies the keys and inline unique constraints the column takes part in.
std::string column_definition(const Column& column, const Table* table = nullptr) {
    std::string sql = quote_identifier(column.name) + " " + column.type;
    if (column.primary_key) sql += " PRIMARY KEY";
    if (column.autoincrement) sql += " AUTOINCREMENT";
    if (column.default_value) sql += " DEFAULT " + column.default_value->sql;
    if (column.generated) {
        sql += " GENERATED ALWAYS AS (" + column.generated->expression + ") " +
               (column.generated->stored ? "STORED" : "VIRTUAL");
    }
    // SQLite accepts NULL in every key column but the rowid (a documented quirk kept for old
    // applications), so key columns are declared NOT NULL; on the rowid it is noise.
    const bool key = column.primary_key || (table != nullptr && in_table_key(*table, column));
    if ((column.not_null || key) && !is_rowid_alias(column)) sql += " NOT NULL";
    if (table != nullptr) {
        for (const auto& unique : table->uniques) {
            if (is_inline_unique(unique) && unique.columns[0] == column.name) {
                sql += " UNIQUE";
                break;
            }
        }
    }
    return sql;
}

std::string foreign_key_clause(const ForeignKey& fk) {
    std::string sql = "CONSTRAINT " + quote_identifier(fk.name) + " FOREIGN KEY (" + quoted_list(fk.columns, ",") +
                      ") REFERENCES " + quote_identifier(fk.table_to) + "(" + quoted_list(fk.columns_to, ",") + ")";
    if (fk.on_update != "no action") sql += " ON UPDATE " + drizzle::detail::to_upper(fk.on_update);
    if (fk.on_delete != "no action") sql += " ON DELETE " + drizzle::detail::to_upper(fk.on_delete);
    return sql;
}

std::vector<std::string> rebuild_statements(const op::RecreateTable& rebuild) {
    const Table& to = rebuild.to;
    const std::string temp_name = "__new_" + to.name;
    std::vector<std::string> insert_columns;
    std::vector<std::string> select_columns;
    for (const auto& column : to.columns) {
        const Column* old_column = rebuild.from.find_column(column.name);
        if (old_column == nullptr || column.generated || old_column->generated) continue;
        insert_columns.push_back(quote_identifier(column.name));
        // A column that becomes NOT NULL with a default keeps its rows: NULLs take the default.
        const bool becomes_not_null =
            column_changes(*old_column, column).has(ColumnChange::not_null) && column.effective_not_null();
        if (becomes_not_null && column.default_value) {
            select_columns.push_back("COALESCE(" + quote_identifier(column.name) + ", " + column.default_value->sql + ")");
        } else {
            select_columns.push_back(quote_identifier(column.name));
        }
    }
    auto join = [](const std::vector<std::string>& parts) {
        std::string out;
        for (const auto& part : parts) out += (out.empty() ? "" : ", ") + part;
        return out;
    };
    Table temp = to;
    temp.name = temp_name;
    // drizzle-orm qualifies CHECK columns with the table (`"products"."price"`); inside
    // `__new_products` that name is unknown. Pointed at the temporary name, the RENAME TO below
    // makes SQLite rewrite them back to the table's own name. (Generated columns and index
    // expressions cannot be qualified in SQLite; indexes and their predicates are created after
    // the rename, under the final name.)
    for (auto& check : temp.checks) check.value = detail::requalify(check.value, to.name, temp_name);
    std::vector<std::string> statements;
    // A no-op inside a transaction; the migrator turns foreign keys off around the whole
    // run instead, so dropping the old table never cascades into child rows (drizzle #1813).
    statements.push_back("PRAGMA foreign_keys=OFF;");
    statements.push_back(create_table_sql(temp));
    statements.push_back("INSERT INTO " + quote_identifier(temp_name) + "(" + join(insert_columns) + ") SELECT " +
                         join(select_columns) + " FROM " + quote_identifier(rebuild.from.name) + ";");
    statements.push_back("DROP TABLE " + quote_identifier(rebuild.from.name) + ";");
    statements.push_back("ALTER TABLE " + quote_identifier(temp_name) + " RENAME TO " + quote_identifier(to.name) + ";");
    statements.push_back("PRAGMA foreign_keys=ON;");
    for (const auto& index : to.indexes) statements.push_back(create_index_sql(to.name, index));
    return statements;
}

}  // namespace

std::string quote_identifier(std::string_view name) { return dialect_facts_object().quote_identifier(name); }

std::string create_table_sql(const Table& table) {
    std::string sql = "CREATE TABLE " + quote_identifier(table.name) + " (\n";
    for (size_t i = 0; i < table.columns.size(); ++i) {
        sql += "\t" + column_definition(table.columns[i], &table);
        if (i + 1 < table.columns.size()) sql += ",\n";
    }
    for (const auto& pk : table.primary_keys) {
        sql += ",\n\tCONSTRAINT " + quote_identifier(pk.name) + " PRIMARY KEY(" + quoted_list(pk.columns, ", ") + ")";
    }
    for (const auto& fk : table.foreign_keys) sql += ",\n\t" + foreign_key_clause(fk);
    for (const auto& unique : table.uniques) {
        if (is_inline_unique(unique)) continue;  // written on its column
        sql += ",\n\tCONSTRAINT " + quote_identifier(unique.name) + " UNIQUE(" + quoted_list(unique.columns, ",") + ")";
    }
    for (const auto& check : table.checks) {
        sql += ",\n\tCONSTRAINT " + quote_identifier(check.name) + " CHECK(" + check.value + ")";
    }
    sql += "\n);\n";
    return sql;
}

std::string create_index_sql(const std::string& table, const Index& index) {
    std::string elements;
    for (const auto& element : index.columns) {
        if (!elements.empty()) elements += ",";
        elements += element.is_expression ? element.expression : quote_identifier(element.expression);
    }
    std::string sql = std::string("CREATE ") + (index.unique ? "UNIQUE INDEX " : "INDEX ") +
                      quote_identifier(index.name) + " ON " + quote_identifier(table) + " (" + elements + ")";
    if (index.where) sql += " WHERE " + *index.where;
    return sql + ";";
}

std::vector<std::string> render(const std::vector<Operation>& operations) {
    std::vector<std::string> out;
    auto one = [&out](std::string statement) { out.push_back(std::move(statement)); };
    for (const auto& operation : operations) {
        std::visit(
            drizzle::detail::overloaded{
                [&](const op::CreateTable& o) { one(create_table_sql(o.table)); },
                [&](const op::DropTable& o) { one("DROP TABLE " + quote_identifier(o.table.name) + ";"); },
                [&](const op::RenameTable& o) {
                    one("ALTER TABLE " + quote_identifier(o.from) + " RENAME TO " + quote_identifier(o.to) + ";");
                },
                [&](const op::AddColumn& o) {
                    one("ALTER TABLE " + quote_identifier(o.table) + " ADD " + column_definition(o.column) + ";");
                },
                [&](const op::DropColumn& o) {
                    one("ALTER TABLE " + quote_identifier(o.table) + " DROP COLUMN " + quote_identifier(o.column.name) +
                        ";");
                },
                [&](const op::RenameColumn& o) {
                    one("ALTER TABLE " + quote_identifier(o.table) + " RENAME COLUMN " + quote_identifier(o.from) +
                        " TO " + quote_identifier(o.to) + ";");
                },
                [&](const op::CreateIndex& o) { one(create_index_sql(o.table, o.index)); },
                [&](const op::DropIndex& o) { one("DROP INDEX " + quote_identifier(o.index.name) + ";"); },
                [&](const op::CreateView& o) {
                    one("CREATE VIEW " + quote_identifier(o.view.name) + " AS " + o.view.definition.value_or("") + ";");
                },
                [&](const op::DropView& o) { one("DROP VIEW " + quote_identifier(o.view.name) + ";"); },
                [&](const op::RecreateTable& o) {
                    for (auto& statement : rebuild_statements(o)) one(std::move(statement));
                },
                // Lowering turns these into RecreateTable before rendering.
                [&](const OneOf<LoweredAway> auto& o) { cannot_render(o); },
                [&](const OneOf<NotInSqlite> auto& o) { cannot_render(o); },
            },
            operation);
    }
    return out;
}

std::vector<std::string> migration_statements(const DiffResult& diff) { return render(lower(diff)); }

}  // namespace drizzle::sqlite
