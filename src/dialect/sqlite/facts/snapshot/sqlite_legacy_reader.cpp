// Reads drizzle-kit 0.31 SQLite snapshots ("version": "6") into the model.
//
// Mapping (the inverse of sqlite_legacy_writer.cpp, and what v1 `up` assumes):
//  - `primaryKey` + `notNull` is a column key; its not_null is left false, as drizzle-kit 1.0
//    records it (`notNull && !primaryKey`). `primaryKey` without `notNull` can only come from a
//    table-level key on one column, so it becomes a one-column Table::primary_keys entry.
//  - `indexes` stay indexes (0.31 cannot tell `.unique()` from a unique index); the rarely
//    seen `uniqueConstraints` become uniques.
//  - FK / composite PK / unique names are kept; name_explicit = the name is not 0.31's default.
#include "dialect/sqlite/facts/snapshot/sqlite_common.hpp"
#include "dialect/sqlite/facts/snapshot/sqlite_formats.hpp"
#include "drizzle/schema/naming.hpp"
#include "snapshot/model_json.hpp"

#include <set>

namespace drizzle::snapshot_detail {

namespace {

Column read_column(const JsonNode& node) {
    node.expect_object();
    Column column;
    column.name = node.string("name");
    column.type = node.string("type");
    column.primary_key = node.boolean("primaryKey");
    column.not_null = node.boolean("notNull") && !column.primary_key;
    column.autoincrement = node.optional_boolean("autoincrement").value_or(false);
    if (auto value = node.present_member("default")) column.default_value = read_legacy_default(*value);
    if (auto generated = node.present_member("generated")) {
        column.generated = read_generated(*generated, true);
        column.generated->expression = generated_expression_from_text(column.generated->expression);
    }
    return column;
}

// `internal.indexes.<name>.columns.<text>.isExpression` marks expression elements.
std::set<std::pair<std::string, std::string>> expression_columns(const JsonNode& root) {
    std::set<std::pair<std::string, std::string>> out;
    auto internal = root.present_member("internal");
    if (!internal) return out;
    internal->expect_object();
    if (!internal->present_member("indexes")) return out;
    for (const auto& [index_name, index] : internal->entries("indexes")) {
        if (index.is_null()) continue;
        index.expect_object();
        if (!index.has("columns")) continue;
        for (const auto& [column_text, column] : index.entries("columns")) {
            if (column.is_null()) continue;
            column.expect_object();
            if (column.optional_boolean("isExpression").value_or(false)) out.emplace(index_name, column_text);
        }
    }
    return out;
}

Table read_table(const JsonNode& node, const std::set<std::pair<std::string, std::string>>& expressions) {
    node.expect_object();
    Table table;
    table.name = node.string("name");

    for (const auto& [key, value] : node.entries("columns")) {
        Column column = read_column(value);
        if (column.primary_key && !value.boolean("notNull")) {
            column.primary_key = false;
            table.primary_keys.push_back({"", false, {column.name}});
        }
        table.columns.push_back(std::move(column));
    }

    for (const auto& [key, value] : node.entries("indexes")) {
        value.expect_object();
        Index index;
        index.name = value.string("name");
        for (const auto& text : value.strings("columns")) {
            index.columns.push_back(index_column(text, expressions.count({index.name, text}) > 0));
        }
        index.unique = value.boolean("isUnique");
        index.where = value.optional_string("where");
        table.indexes.push_back(std::move(index));
    }

    for (const auto& [key, value] : node.entries("foreignKeys")) {
        ForeignKey fk = read_legacy_foreign_key(value, nullptr);
        fk.name_explicit =
            fk.name != default_foreign_key_name(NamingStyle::legacy, Dialect::sqlite, table.name, fk);
        table.foreign_keys.push_back(std::move(fk));
    }

    for (const auto& [key, value] : node.entries("compositePrimaryKeys")) {
        value.expect_object();
        PrimaryKey pk;
        pk.columns = value.strings("columns");
        pk.name = value.optional_string("name").value_or("");
        pk.name_explicit =
            !pk.name.empty() &&
            pk.name != default_primary_key_name(NamingStyle::legacy, Dialect::sqlite, table.name, pk.columns);
        table.primary_keys.push_back(std::move(pk));
    }

    for (const auto& [key, value] : node.entries("uniqueConstraints", true)) {
        value.expect_object();
        UniqueConstraint unique;
        unique.name = value.string("name");
        unique.columns = value.strings("columns");
        unique.name_explicit = unique.name != default_unique_name(NamingStyle::legacy, Dialect::sqlite,
                                                                  table.name, unique.columns);
        table.uniques.push_back(std::move(unique));
    }

    for (const auto& [key, value] : node.entries("checkConstraints", true)) {
        table.checks.push_back(read_check(value));
    }
    return table;
}

View read_view(const JsonNode& node) {
    node.expect_object();
    View view;
    view.name = node.string("name");
    for (const auto& [key, value] : node.entries("columns")) view.columns.push_back(read_column(value));
    view.definition = node.optional_string("definition");
    view.is_existing = node.boolean("isExisting");
    return view;
}

}  // namespace

Snapshot read_sqlite_legacy(const JsonNode& root) {
    Snapshot snapshot = read_snapshot_header(root, SnapshotFormat::legacy, Dialect::sqlite);
    // generate starts with "version"; custom re-serialises a zod parse and starts with "id".
    snapshot.layout = root.first_key() == "id" ? SnapshotLayout::custom : SnapshotLayout::generate;

    const auto expressions = expression_columns(root);
    for (const auto& [key, value] : root.entries("tables")) {
        snapshot.schema.tables.push_back(read_table(value, expressions));
    }
    for (const auto& [key, value] : root.entries("views", true)) {
        snapshot.schema.views.push_back(read_view(value));
    }
    root.object_member("enums");
    snapshot.renames = read_legacy_meta_renames(root.object_member("_meta"), nullptr);
    return snapshot;
}

}  // namespace drizzle::snapshot_detail
