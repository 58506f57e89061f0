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
#include "snapshot/renames.hpp"

#include <set>

namespace drizzle::snapshot_detail {

namespace {

ColumnDefault read_default(const JsonNode& node) {
    const Json& value = node.json();
    ColumnDefault out;
    if (value.is_string()) {
        out.sql = value.get<std::string>();
    } else if (value.is_boolean()) {
        out.kind = ColumnDefault::Kind::boolean;
        out.sql = value.get<bool>() ? "true" : "false";
    } else if (value.is_number()) {
        out.kind = ColumnDefault::Kind::number;
        out.sql = *js_number_text(value);
    } else {
        node.fail("must be a string, number or boolean");
    }
    return out;
}

Column read_column(const JsonNode& node) {
    node.expect_object();
    Column column;
    column.name = node.string("name");
    column.type = node.string("type");
    column.primary_key = node.boolean("primaryKey");
    column.not_null = node.boolean("notNull") && !column.primary_key;
    column.autoincrement = node.optional_boolean("autoincrement").value_or(false);
    if (auto value = node.optional_member("default"); value && !value->json().is_null()) {
        column.default_value = read_default(*value);
    }
    if (auto generated = node.optional_member("generated"); generated && !generated->json().is_null()) {
        generated->expect_object();
        const std::string type = generated->string("type");
        if (type != "stored" && type != "virtual") {
            generated->fail("\"type\" must be \"stored\" or \"virtual\"");
        }
        column.generated =
            GeneratedColumn{generated_expression_from_text(generated->string("as")), type == "stored"};
    }
    return column;
}

// `internal.indexes.<name>.columns.<text>.isExpression` marks expression elements.
std::set<std::pair<std::string, std::string>> expression_columns(const JsonNode& root) {
    std::set<std::pair<std::string, std::string>> out;
    auto internal = root.optional_member("internal");
    if (!internal || internal->json().is_null()) return out;
    internal->expect_object();
    if (!internal->has("indexes") || internal->member("indexes").json().is_null()) return out;
    for (const auto& [index_name, index] : internal->entries("indexes")) {
        if (index.json().is_null()) continue;
        index.expect_object();
        if (!index.has("columns")) continue;
        for (const auto& [column_text, column] : index.entries("columns")) {
            if (column.json().is_null()) continue;
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
        value.expect_object();
        ForeignKey fk;
        fk.name = value.string("name");
        value.string("tableFrom");  // required by 0.31's schema; always the owning table
        fk.columns = value.strings("columnsFrom");
        fk.table_to = value.string("tableTo");
        fk.columns_to = value.strings("columnsTo");
        fk.on_update = value.optional_string("onUpdate").value_or("no action");
        fk.on_delete = value.optional_string("onDelete").value_or("no action");
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
        value.expect_object();
        table.checks.push_back({value.string("name"), value.string("value")});
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

SnapshotRenames read_meta(const JsonNode& root) {
    SnapshotRenames renames;
    JsonNode meta = root.object_member("_meta");
    for (const auto& [from, to] : meta.entries("tables")) {
        if (!to.json().is_string()) to.fail("must be a string");
        auto from_parts = split_quoted_key(from);
        auto to_parts = split_quoted_key(to.json().get<std::string>());
        if (!from_parts || !to_parts || from_parts->size() != 1 || to_parts->size() != 1) {
            to.fail("a table rename must map a quoted name to a quoted name, e.g. \"t\" to \"t2\"");
        }
        renames.tables.push_back({"", from_parts->at(0), to_parts->at(0)});
    }
    for (const auto& [from, to] : meta.entries("columns")) {
        if (!to.json().is_string()) to.fail("must be a string");
        auto from_parts = split_quoted_key(from);
        auto to_parts = split_quoted_key(to.json().get<std::string>());
        if (!from_parts || !to_parts || from_parts->size() != 2 || to_parts->size() != 2) {
            to.fail("a column rename must map \"table\".\"column\" to \"table\".\"column\"");
        }
        renames.columns.push_back({"", to_parts->at(0), from_parts->at(1), to_parts->at(1)});
    }
    return renames;
}

}  // namespace

Snapshot read_sqlite_legacy(const JsonNode& root) {
    Snapshot snapshot;
    snapshot.format = SnapshotFormat::legacy;
    snapshot.schema.dialect = Dialect::sqlite;
    // generate starts with "version"; custom re-serialises a zod parse and starts with "id".
    snapshot.layout = root.first_key() == "id" ? SnapshotLayout::custom : SnapshotLayout::generate;
    snapshot.id = root.string("id");
    snapshot.prev_ids = {root.string("prevId")};

    const auto expressions = expression_columns(root);
    for (const auto& [key, value] : root.entries("tables")) {
        snapshot.schema.tables.push_back(read_table(value, expressions));
    }
    for (const auto& [key, value] : root.entries("views", true)) {
        snapshot.schema.views.push_back(read_view(value));
    }
    root.object_member("enums");
    snapshot.renames = read_meta(root);
    return snapshot;
}

}  // namespace drizzle::snapshot_detail
