// Writes drizzle-kit 0.31 SQLite snapshots ("version": "6") with 0.31's exact key order.
//
// Two code paths of 0.31 write these files and order keys differently:
//  - generate: the object built by generateSqliteSnapshot (serializer/sqliteSerializer.ts),
//  - custom: the previous snapshot after zod's parse (serializer/sqliteSchema.ts), which emits
//    keys in schema-declaration order, plus writeResult's default `_meta`.
#include "dialect/sqlite/facts/snapshot/sqlite_common.hpp"
#include "dialect/sqlite/facts/snapshot/sqlite_formats.hpp"
#include "drizzle/error.hpp"
#include "drizzle/schema/naming.hpp"
#include "snapshot/model_json.hpp"
#include "snapshot/renames.hpp"

namespace drizzle::snapshot_detail {

namespace {

struct LegacyWriter {
    bool custom = false;  // zod order instead of generate's order

    Json column(const Column& c, bool primary_key, bool not_null) const {
        Json out = Json::object();
        out["name"] = c.name;
        out["type"] = c.type;
        out["primaryKey"] = primary_key;
        out["notNull"] = not_null;
        out["autoincrement"] = c.autoincrement;
        // generate assigns `generated` in the literal and `default` afterwards; zod's column
        // schema lists default first, and its generated object is {type, as}.
        if (!custom && c.generated) {
            out["generated"] = {{"as", generated_as_text(*c.generated)},
                                {"type", c.generated->stored ? "stored" : "virtual"}};
        }
        if (c.default_value) out["default"] = legacy_default_json(*c.default_value);
        if (custom && c.generated) {
            out["generated"] = {{"type", c.generated->stored ? "stored" : "virtual"},
                                {"as", generated_as_text(*c.generated)}};
        }
        return out;
    }

    Json index(const std::string& name, const Json& columns, bool unique,
               const std::optional<std::string>& where) const {
        Json out = Json::object();
        out["name"] = name;
        out["columns"] = columns;
        if (custom && where) out["where"] = *where;
        out["isUnique"] = unique;
        if (!custom && where) out["where"] = *where;
        return out;
    }

    Json foreign_key(const Table& table, const ForeignKey& fk) const {
        Json out = Json::object();
        out["name"] = fk.name_explicit && !fk.name.empty()
                          ? fk.name
                          : default_foreign_key_name(NamingStyle::legacy, Dialect::sqlite, table.name, fk);
        out["tableFrom"] = table.name;
        if (custom) {
            out["columnsFrom"] = fk.columns;
            out["tableTo"] = fk.table_to;
            out["columnsTo"] = fk.columns_to;
            out["onUpdate"] = fk.on_update;
            out["onDelete"] = fk.on_delete;
        } else {
            out["tableTo"] = fk.table_to;
            out["columnsFrom"] = fk.columns;
            out["columnsTo"] = fk.columns_to;
            out["onDelete"] = fk.on_delete;
            out["onUpdate"] = fk.on_update;
        }
        return out;
    }

    static std::string unique_name(const Table& table, const UniqueConstraint& unique) {
        return unique.name_explicit && !unique.name.empty()
                   ? unique.name
                   : default_unique_name(NamingStyle::legacy, Dialect::sqlite, table.name, unique.columns);
    }

    // 0.31 has no unique constraints for SQLite: `.unique()` and table-level `unique()` both
    // land in `indexes` as unique indexes. Column ones are added while reading the columns,
    // before the table's indexes; table-level ones after them.
    Json indexes(const Table& table, Json& internal_indexes) const {
        Json out = Json::object();
        auto add_unique = [&](const UniqueConstraint& unique) {
            const std::string name = unique_name(table, unique);
            out[name] = index(name, unique.columns, true, std::nullopt);
        };
        for (const auto& unique : table.uniques) {
            if (unique.column_level) add_unique(unique);
        }
        for (const auto& idx : table.indexes) {
            Json columns = Json::array();
            for (const auto& column : idx.columns) {
                columns.push_back(column.expression);
                // Expressions are told apart from column names only through `internal`.
                if (column.is_expression) {
                    internal_indexes[idx.name]["columns"][column.expression]["isExpression"] = true;
                }
            }
            out[idx.name] = index(idx.name, columns, idx.unique, idx.where);
        }
        for (const auto& unique : table.uniques) {
            if (!unique.column_level) add_unique(unique);
        }
        return out;
    }

    Json table(const Table& t, Json& internal_indexes) const {
        // A table-level key on one column is a column flag in 0.31 (it does not imply notNull).
        auto single_table_key = [&](const std::string& column_name) {
            for (const auto& pk : t.primary_keys) {
                if (pk.columns.size() == 1 && pk.columns[0] == column_name) return true;
            }
            return false;
        };
        Json columns = Json::object();
        for (const auto& c : t.columns) {
            columns[c.name] = column(c, c.primary_key || single_table_key(c.name), c.effective_not_null());
        }
        Json foreign_keys = Json::object();
        for (const auto& fk : t.foreign_keys) {
            Json entry = foreign_key(t, fk);
            const std::string name = entry["name"].get<std::string>();
            foreign_keys[name] = std::move(entry);
        }
        Json composite = Json::object();
        for (const auto& pk : t.primary_keys) {
            if (pk.columns.size() < 2) continue;
            const std::string name =
                pk.name_explicit && !pk.name.empty()
                    ? pk.name
                    : default_primary_key_name(NamingStyle::legacy, Dialect::sqlite, t.name, pk.columns);
            composite[name] = {{"columns", pk.columns}, {"name", name}};
        }
        Json checks = Json::object();
        for (const auto& check : t.checks) {
            checks[check.name] = {{"name", check.name}, {"value", check.value}};
        }

        Json out = Json::object();
        out["name"] = t.name;
        out["columns"] = std::move(columns);
        out["indexes"] = indexes(t, internal_indexes);
        out["foreignKeys"] = std::move(foreign_keys);
        out["compositePrimaryKeys"] = std::move(composite);
        out["uniqueConstraints"] = Json::object();
        out["checkConstraints"] = std::move(checks);
        return out;
    }

    Json view(const View& v) const {
        Json columns = Json::object();
        for (const auto& c : v.columns) columns[c.name] = column(c, c.primary_key, c.effective_not_null());
        Json out = Json::object();
        if (custom) {
            out["name"] = v.name;
            out["columns"] = std::move(columns);
            if (v.definition) out["definition"] = *v.definition;
            out["isExisting"] = v.is_existing;
        } else {
            out["columns"] = std::move(columns);
            out["name"] = v.name;
            out["isExisting"] = v.is_existing;
            if (v.definition) out["definition"] = *v.definition;
        }
        return out;
    }

    Json meta(const SnapshotRenames& renames) const {
        Json tables = Json::object();
        for (const auto& r : renames.tables) {
            tables[quoted_table_key(r.schema, r.from)] = quoted_table_key(r.schema, r.to);
        }
        Json columns = Json::object();
        for (const auto& r : renames.columns) {
            columns[quoted_column_key(r.schema, r.table, r.from)] =
                quoted_column_key(r.schema, r.table, r.to);
        }
        // generate: prepareMigrationMeta's {schemas, tables, columns}; custom: writeResult's
        // default {columns, schemas, tables}.
        Json out = Json::object();
        if (custom) out["columns"] = std::move(columns);
        out["schemas"] = Json::object();
        out["tables"] = std::move(tables);
        if (!custom) out["columns"] = std::move(columns);
        return out;
    }
};

}  // namespace

Json write_sqlite_legacy(const Snapshot& snapshot) {
    if (snapshot.prev_ids.size() > 1) {
        throw Error("a drizzle-kit 0.31 snapshot has exactly one parent, got " +
                    std::to_string(snapshot.prev_ids.size()));
    }
    LegacyWriter writer;
    writer.custom = snapshot.layout == SnapshotLayout::custom;
    const std::string prev_id =
        snapshot.prev_ids.empty() ? std::string(kRootSnapshotId) : snapshot.prev_ids[0];

    Json internal_indexes = Json::object();
    Json tables = Json::object();
    for (const auto& table : snapshot.schema.tables) {
        tables[table.name] = writer.table(table, internal_indexes);
    }
    Json views = Json::object();
    for (const auto& view : snapshot.schema.views) views[view.name] = writer.view(view);

    Json out = Json::object();
    if (writer.custom) {
        out["id"] = snapshot.id;
        out["prevId"] = prev_id;
    }
    out["version"] = "6";
    out["dialect"] = "sqlite";
    if (!writer.custom) {
        out["id"] = snapshot.id;
        out["prevId"] = prev_id;
    }
    out["tables"] = std::move(tables);
    out["views"] = std::move(views);
    out["enums"] = Json::object();
    out["_meta"] = writer.meta(snapshot.renames);
    out["internal"] = {{"indexes", std::move(internal_indexes)}};
    return out;
}

}  // namespace drizzle::snapshot_detail
