// Reads drizzle-kit 1.0 SQLite snapshots ("version": "7") into the model.
//
// A `pks` entity on one column is a column's own key (Column::primary_key) when written the way
// generate writes those (`table` before `entityType`) or by `up`; otherwise it was declared at
// table level and stays in Table::primary_keys. Names are kept as written; only a column key
// named by default (`<table>_pk`, not explicit) leaves Column::primary_key_name empty.
// The tail of one-column uniques is taken as the columns' own `.unique()` (column_level).
#include "dialect/sqlite/facts/snapshot/sqlite_common.hpp"
#include "dialect/sqlite/facts/snapshot/sqlite_formats.hpp"
#include "drizzle/schema/naming.hpp"
#include "snapshot/model_json.hpp"
#include "snapshot/renames.hpp"

#include <map>

namespace drizzle::snapshot_detail {

namespace {

class V1Reader {
public:
    explicit V1Reader(Snapshot& snapshot) : snapshot_(snapshot) {}

    void read(const std::vector<JsonNode>& entities) {
        // Tables first, then columns, then the rest: `up` interleaves entities per table and
        // keys may name columns that come later in the list.
        std::vector<std::pair<std::string, const JsonNode*>> typed;
        for (const auto& entity : entities) {
            entity.expect_object("a ddl entity");
            typed.emplace_back(entity.string("entityType"), &entity);
        }
        for (const auto& [type, entity] : typed) {
            if (type == "tables") read_table(*entity);
        }
        for (const auto& [type, entity] : typed) {
            if (type == "columns") read_column(*entity);
        }
        using Reader = void (V1Reader::*)(const JsonNode&);
        static const std::map<std::string, Reader> kReaders = {
            {"fks", &V1Reader::read_foreign_key}, {"pks", &V1Reader::read_primary_key},
            {"indexes", &V1Reader::read_index},   {"uniques", &V1Reader::read_unique},
            {"checks", &V1Reader::read_check},    {"views", &V1Reader::read_view},
        };
        for (const auto& [type, entity] : typed) {
            if (type == "tables" || type == "columns") continue;
            auto reader = kReaders.find(type);
            if (reader == kReaders.end()) entity->fail("unknown \"entityType\" \"" + type + "\"");
            (this->*reader->second)(*entity);
        }
        mark_column_uniques();
    }

private:
    Table& owner(const JsonNode& entity) {
        const std::string name = entity.string("table");
        auto it = tables_.find(name);
        if (it == tables_.end()) entity.fail("table \"" + name + "\" has no \"tables\" entity");
        return snapshot_.schema.tables[it->second];
    }

    void read_table(const JsonNode& entity) {
        Table table;
        table.name = entity.string("name");
        if (!tables_.emplace(table.name, snapshot_.schema.tables.size()).second) {
            entity.fail("table \"" + table.name + "\" is declared twice");
        }
        snapshot_.schema.tables.push_back(std::move(table));
    }

    void read_column(const JsonNode& entity) {
        Table& table = owner(entity);
        Column column;
        column.name = entity.string("name");
        column.type = entity.string("type");
        column.not_null = entity.boolean("notNull");
        column.autoincrement = entity.optional_boolean("autoincrement").value_or(false);
        if (auto value = entity.nullable_string("default")) column.default_value = ColumnDefault{{}, *value};
        if (auto generated = entity.nullable_member("generated")) {
            column.generated = read_generated(*generated, true);
            column.generated->expression = generated_expression_from_text(column.generated->expression);
        }
        table.columns.push_back(std::move(column));
    }

    void read_foreign_key(const JsonNode& entity) {
        Table& table = owner(entity);
        auto fk = read_v1_constraint<ForeignKey>(entity);
        fk.table_to = entity.string("tableTo");
        fk.columns_to = entity.strings("columnsTo");
        fk.on_update = lower_action(entity.string("onUpdate"));
        fk.on_delete = lower_action(entity.string("onDelete"));
        table.foreign_keys.push_back(std::move(fk));
    }

    void read_primary_key(const JsonNode& entity) {
        Table& table = owner(entity);
        auto pk = read_v1_constraint<PrimaryKey>(entity);
        const bool column_key = pk.columns.size() == 1 && (snapshot_.ddl_layout == SnapshotLayout::up ||
                                                           entity.key_before("table", "entityType"));
        if (!column_key) {
            table.primary_keys.push_back(std::move(pk));
            return;
        }
        Column* column = find_column(table, pk.columns[0]);
        if (column == nullptr) {
            entity.fail("primary key column \"" + pk.columns[0] + "\" is not a column of table \"" +
                        table.name + "\"");
        }
        column->primary_key = true;
        const bool default_name =
            !pk.name_explicit &&
            pk.name == default_primary_key_name(NamingStyle::v1, Dialect::sqlite, table.name, {});
        column->primary_key_name = default_name ? "" : pk.name;
        column->primary_key_name_explicit = pk.name_explicit;
    }

    void read_index(const JsonNode& entity) {
        Table& table = owner(entity);
        Index index;
        index.name = entity.string("name");
        for (const auto& element : entity.elements("columns")) {
            element.expect_object("an index column");
            index.columns.push_back(index_column(element.string("value"), element.boolean("isExpression")));
        }
        index.unique = entity.boolean("isUnique");
        index.where = entity.nullable_string("where");
        const std::string origin = entity.string("origin");
        if (origin != "manual" && origin != "auto") entity.fail("\"origin\" must be \"manual\" or \"auto\"");
        index.origin_auto = origin == "auto";
        table.indexes.push_back(std::move(index));
    }

    void read_unique(const JsonNode& entity) {
        Table& table = owner(entity);
        auto unique = read_v1_constraint<UniqueConstraint>(entity);
        table.uniques.push_back(std::move(unique));
        unique_order_.emplace_back(tables_.at(table.name), table.uniques.size() - 1);
    }

    // drizzle-kit lists table-level uniques first, then every column's `.unique()`, both in table
    // order, with the same keys. The column ones are taken to be the longest tail of one-column
    // uniques in table order: then writing the model back keeps the file's order, and the rebuild
    // SQL writes them on their column as drizzle-kit 1.0 does (an unnamed one-column
    // `unique().on(c)` at the end of the table-level ones is the same constraint either way).
    void mark_column_uniques() {
        std::size_t start = unique_order_.size();
        while (start > 0) {
            const auto [table, index] = unique_order_[start - 1];
            if (snapshot_.schema.tables[table].uniques[index].columns.size() != 1) break;
            if (start < unique_order_.size() && unique_order_[start].first < table) break;
            --start;
        }
        for (std::size_t i = start; i < unique_order_.size(); ++i) {
            const auto [table, index] = unique_order_[i];
            snapshot_.schema.tables[table].uniques[index].column_level = true;
        }
    }

    void read_check(const JsonNode& entity) {
        Table& table = owner(entity);
        table.checks.push_back(snapshot_detail::read_check(entity));
    }

    void read_view(const JsonNode& entity) {
        View view;
        view.name = entity.string("name");
        view.definition = entity.nullable_string("definition");
        view.is_existing = entity.boolean("isExisting");
        entity.optional_string("error", true);  // introspection-only diagnostics; not modelled
        snapshot_.schema.views.push_back(std::move(view));
    }

    Snapshot& snapshot_;
    std::map<std::string, std::size_t> tables_;
    std::vector<std::pair<std::size_t, std::size_t>> unique_order_;  ///< (table, unique) in file order
};

SnapshotLayout top_level_layout(const JsonNode& root) {
    const std::string first = root.first_key();
    if (first == "id") return SnapshotLayout::custom;
    if (first == "dialect") return SnapshotLayout::up;
    return SnapshotLayout::generate;
}

}  // namespace

Snapshot read_sqlite_v1(const JsonNode& root) {
    Snapshot snapshot = read_snapshot_header(root, SnapshotFormat::v1, Dialect::sqlite);
    snapshot.layout = top_level_layout(root);

    const auto entities = root.elements("ddl");
    // Column entities tell the two entity layouts apart: generate ends `entityType, table`,
    // up ends `table, entityType`.
    snapshot.ddl_layout = v1_entity_layout(entities, {"columns"}, "table");
    V1Reader(snapshot).read(entities);

    JsonNode renames = root.member("renames");
    const auto texts = root.strings("renames");
    for (std::size_t i = 0; i < texts.size(); ++i) {
        if (!parse_rename_string(texts[i], snapshot.renames)) {
            renames.fail("element " + std::to_string(i) + " \"" + texts[i] +
                         "\" is not a rename (\"old->new\" or \"table.old->table.new\")");
        }
    }
    return snapshot;
}

}  // namespace drizzle::snapshot_detail
