// Settling what needs the whole script: enum columns and foreign keys to a primary key.
#include "dialect/pg/ddl/builder.hpp"

#include <algorithm>

namespace drizzle::pg::ddl {

namespace {

const Enum* find_enum(const Schema& schema, const std::string& type_schema, const std::string& name) {
    for (const auto& type : schema.enums) {
        if (type.schema == type_schema && type.name == name) return &type;
    }
    return nullptr;
}

Column* find_column(Table& table, const std::string& name) {
    for (auto& column : table.columns) {
        if (column.name == name) return &column;
    }
    return nullptr;
}

// The columns of a table's primary key, declared on a column or at table level.
std::vector<std::string> primary_key_columns(const Table& table) {
    for (const auto& column : table.columns) {
        if (column.primary_key) return {column.name};
    }
    return table.primary_keys.empty() ? std::vector<std::string>{} : table.primary_keys.front().columns;
}

}  // namespace

std::string model_schema(const std::string& schema) {
    return schema == "public" ? "" : schema;
}

std::string display_name(const std::string& schema, const std::string& name) {
    return schema.empty() ? "\"" + name + "\"" : "\"" + schema + "\".\"" + name + "\"";
}

Table* Builder::find_table(const std::string& table_schema, const std::string& name) {
    for (auto& table : schema.tables) {
        if (table.schema == table_schema && table.name == name) return &table;
    }
    return nullptr;
}

Table* Builder::table_for(const PgQuery__RangeVar& relation, const std::string& what) {
    const std::string table_schema = model_schema(relation.schemaname);
    Table* table = find_table(table_schema, relation.relname);
    if (table == nullptr) {
        problem(relation.location,
                what + ": table " + display_name(table_schema, relation.relname) + " is not created in this file");
    }
    return table;
}

Schema Builder::finish() {
    for (const auto& use : type_uses) {
        Table* table = find_table(use.table_schema, use.table);
        Column* column = table ? find_column(*table, use.column) : nullptr;
        if (column == nullptr) continue;
        // An unqualified type name resolves through the default search_path, i.e. to public.
        const std::string type_schema = model_schema(use.schema);
        if (const Enum* type = find_enum(schema, type_schema, use.name)) {
            column->type = type->name;
            column->type_schema = type->schema.empty() ? "public" : type->schema;
        } else {
            column->type = use.written;
        }
    }
    for (const auto& reference : key_references) {
        Table* table = find_table(reference.table_schema, reference.table);
        if (table == nullptr) continue;
        ForeignKey& fk = table->foreign_keys[reference.foreign_key];
        const Table* target = find_table(fk.schema_to, fk.table_to);
        const auto key = target ? primary_key_columns(*target) : std::vector<std::string>{};
        if (key.empty()) {
            problem(reference.offset, "REFERENCES " + display_name(fk.schema_to, fk.table_to) +
                                          " without columns needs that table and its primary key in this file");
        }
        fk.columns_to = key;
    }
    if (!problems.empty()) source.fail(std::move(problems));
    return std::move(schema);
}

}  // namespace drizzle::pg::ddl
