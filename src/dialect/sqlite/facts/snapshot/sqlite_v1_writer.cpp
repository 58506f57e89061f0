// Writes drizzle-kit 1.0 SQLite snapshots ("version": "7": a flat `ddl` list of entities).
//
// drizzle-kit builds each entity as {...nulls of the entity's declared fields, ...input, entityType}
// (dialects/dialect.ts), so key order = declared fields (dialects/sqlite/ddl.ts) minus `table`,
// then `name`, then whatever the caller's object literal adds, in its order. Two callers matter:
//  - generate (dialects/sqlite/drizzle.ts + interimToDDL): inputs start with entityType, so most
//    entities end `name, entityType, table`; column primary keys end `name, table, entityType`.
//    Entity order: tables, columns, fks, table-level pks, column pks, indexes, uniques
//    (table-level, then column `.unique()`), checks, views.
//  - up (cli/commands/up-sqlite.ts): inputs have no entityType, so entities end
//    `name, table, entityType`; entities are grouped per table.
#include "dialect/sqlite/facts/snapshot/sqlite_common.hpp"
#include "dialect/sqlite/facts/snapshot/sqlite_formats.hpp"
#include "drizzle/schema/naming.hpp"
#include "snapshot/renames.hpp"

namespace drizzle::snapshot_detail {

namespace {

Json nullable(const std::optional<std::string>& value) { return value ? Json(*value) : Json(nullptr); }

class V1Writer {
public:
    explicit V1Writer(bool up) : up_(up) {}

    Json table(const Table& t) const { return {{"name", t.name}, {"entityType", "tables"}}; }

    Json column(const Table& t, const Column& c) const {
        Json out = Json::object();
        out["type"] = c.type;
        out["notNull"] = c.not_null;
        out["autoincrement"] = c.autoincrement;
        out["default"] = c.default_value ? Json(c.default_value->sql) : Json(nullptr);
        if (!c.generated) {
            out["generated"] = nullptr;
        } else if (up_) {  // up copies zod's parse of the 0.31 object: {type, as}
            out["generated"] = {{"type", c.generated->stored ? "stored" : "virtual"},
                                {"as", generated_as_text(*c.generated)}};
        } else {
            out["generated"] = {{"as", generated_as_text(*c.generated)},
                                {"type", c.generated->stored ? "stored" : "virtual"}};
        }
        out["name"] = c.name;
        return finish(out, "columns", t.name, false);
    }

    Json foreign_key(const Table& t, const ForeignKey& fk) const {
        Json out = Json::object();
        out["columns"] = fk.columns;
        out["tableTo"] = fk.table_to;
        out["columnsTo"] = fk.columns_to;
        out["onUpdate"] = upper_action(fk.on_update);
        out["onDelete"] = upper_action(fk.on_delete);
        out["nameExplicit"] = fk.name_explicit;
        // `up` keeps 0.31's names, so its default is 0.31's.
        out["name"] = !fk.name.empty() ? fk.name
                                       : default_foreign_key_name(up_ ? NamingStyle::legacy : NamingStyle::v1,
                                                                  Dialect::sqlite, t.name, fk);
        return finish(out, "fks", t.name, false);
    }

    // `column_key`: a column's own key (generate puts `table` before entityType for those).
    Json primary_key(const Table& t, const std::vector<std::string>& columns, const std::string& name,
                     bool name_explicit, bool column_key) const {
        Json out = Json::object();
        out["columns"] = columns;
        out["nameExplicit"] = name_explicit;
        out["name"] = name;
        return finish(out, "pks", t.name, column_key);
    }

    Json table_primary_key(const Table& t, const PrimaryKey& pk) const {
        std::string name = pk.name;
        if (name.empty()) {
            name = default_primary_key_name(up_ ? NamingStyle::legacy : NamingStyle::v1, Dialect::sqlite,
                                            t.name, pk.columns);
        }
        return primary_key(t, pk.columns, name, pk.name_explicit, false);
    }

    Json column_primary_key(const Table& t, const Column& c) const {
        const std::string name =
            c.primary_key_name.empty()
                ? default_primary_key_name(NamingStyle::v1, Dialect::sqlite, t.name, {c.name})
                : c.primary_key_name;
        return primary_key(t, {c.name}, name, c.primary_key_name_explicit, true);
    }

    Json index(const Table& t, const Index& idx) const {
        Json columns = Json::array();
        for (const auto& column : idx.columns) {
            // up ignores 0.31's `internal` expression flags and marks every element a column.
            columns.push_back({{"value", column.expression}, {"isExpression", !up_ && column.is_expression}});
        }
        Json out = Json::object();
        out["columns"] = std::move(columns);
        out["isUnique"] = idx.unique;
        out["where"] = nullable(idx.where);
        out["origin"] = idx.origin_auto ? "auto" : "manual";
        out["name"] = idx.name;
        return finish(out, "indexes", t.name, false);
    }

    Json unique(const Table& t, const UniqueConstraint& u) const {
        Json out = Json::object();
        out["columns"] = u.columns;
        out["nameExplicit"] = u.name_explicit;
        out["name"] = !u.name.empty()
                          ? u.name
                          : default_unique_name(NamingStyle::v1, Dialect::sqlite, t.name, u.columns);
        return finish(out, "uniques", t.name, false);
    }

    Json check(const Table& t, const CheckConstraint& c) const {
        Json out = Json::object();
        out["value"] = c.value;
        out["name"] = c.name;
        return finish(out, "checks", t.name, false);
    }

    Json view(const View& v) const {
        Json out = Json::object();
        out["definition"] = nullable(v.definition);
        out["isExisting"] = v.is_existing;
        out["error"] = nullptr;
        out["name"] = v.name;
        out["entityType"] = "views";
        return out;
    }

private:
    Json finish(Json& out, const char* entity_type, const std::string& table, bool table_first) const {
        if (up_ || table_first) {
            out["table"] = table;
            out["entityType"] = entity_type;
        } else {
            out["entityType"] = entity_type;
            out["table"] = table;
        }
        return std::move(out);
    }

    bool up_;
};

/// The `ddl` array as text, each entity written as JSON.stringify(document, null, 2) places it
/// (depth 2) as soon as it is built: no array of a thousand tables' entities held as a DOM.
class DdlText {
public:
    explicit DdlText(std::string& out) : out_(out) {}
    void push_back(const Json& entity) {
        out_ += count_++ == 0 ? "\n    " : ",\n    ";
        append_js(out_, entity, 2);
    }
    bool empty() const { return count_ == 0; }

private:
    std::string& out_;
    std::size_t count_ = 0;
};

// drizzle-kit keeps one key per table: a column key is added only when none exists yet.
const Column* column_key(const Table& t) {
    if (!t.primary_keys.empty()) return nullptr;
    for (const auto& c : t.columns) {
        if (c.primary_key) return &c;
    }
    return nullptr;
}

void generate_ddl(const Schema& schema, DdlText& ddl) {
    const V1Writer w(false);
    for (const auto& t : schema.tables) ddl.push_back(w.table(t));
    for (const auto& t : schema.tables) {
        for (const auto& c : t.columns) ddl.push_back(w.column(t, c));
    }
    for (const auto& t : schema.tables) {
        for (const auto& fk : t.foreign_keys) ddl.push_back(w.foreign_key(t, fk));
    }
    for (const auto& t : schema.tables) {
        for (const auto& pk : t.primary_keys) ddl.push_back(w.table_primary_key(t, pk));
    }
    for (const auto& t : schema.tables) {
        if (const Column* c = column_key(t)) ddl.push_back(w.column_primary_key(t, *c));
    }
    for (const auto& t : schema.tables) {
        for (const auto& idx : t.indexes) ddl.push_back(w.index(t, idx));
    }
    for (bool column_level : {false, true}) {
        for (const auto& t : schema.tables) {
            for (const auto& u : t.uniques) {
                if (u.column_level == column_level) ddl.push_back(w.unique(t, u));
            }
        }
    }
    for (const auto& t : schema.tables) {
        for (const auto& c : t.checks) ddl.push_back(w.check(t, c));
    }
    for (const auto& v : schema.views)
        ddl.push_back(w.view(v));
}

// up walks each 0.31 table: its columns (a key column followed by its key), composite keys,
// indexes, unique constraints, checks, foreign keys.
void up_ddl(const Schema& schema, DdlText& ddl) {
    const V1Writer w(true);
    for (const auto& t : schema.tables) {
        ddl.push_back(w.table(t));
        bool has_key = false;
        for (const auto& c : t.columns) {
            ddl.push_back(w.column(t, c));
            const PrimaryKey* table_key = nullptr;
            for (const auto& pk : t.primary_keys) {
                if (pk.columns.size() == 1 && pk.columns[0] == c.name) table_key = &pk;
            }
            if (has_key || (!c.primary_key && table_key == nullptr)) continue;
            has_key = true;  // a second `<t>_pk` would conflict and be dropped
            if (c.primary_key) {
                ddl.push_back(w.column_primary_key(t, c));
            } else {
                Column as_column = c;
                as_column.primary_key_name = table_key->name;
                as_column.primary_key_name_explicit = table_key->name_explicit;
                ddl.push_back(w.column_primary_key(t, as_column));
            }
        }
        for (const auto& pk : t.primary_keys) {
            if (pk.columns.size() > 1) ddl.push_back(w.table_primary_key(t, pk));
        }
        for (const auto& idx : t.indexes) ddl.push_back(w.index(t, idx));
        for (const auto& u : t.uniques) ddl.push_back(w.unique(t, u));
        for (const auto& c : t.checks) ddl.push_back(w.check(t, c));
        for (const auto& fk : t.foreign_keys) ddl.push_back(w.foreign_key(t, fk));
    }
    for (const auto& v : schema.views)
        ddl.push_back(w.view(v));
}

}  // namespace

std::string write_sqlite_v1(const Snapshot& snapshot) {
    // generate: {version, dialect, id, prevIds, ...}; custom: {id, prevIds, ...previous};
    // up: toJsonSnapshot's {dialect, id, prevIds, version, ...}. Written as
    // JSON.stringify(document, null, 2) would, with the entities streamed in.
    std::string out = "{\n";
    const auto member = [&out](std::string_view key, const Json& value) { append_js_member(out, key, value); };
    switch (snapshot.layout) {
    case SnapshotLayout::generate:
        member("version", "7");
        member("dialect", "sqlite");
        member("id", snapshot.id);
        member("prevIds", snapshot.prev_ids);
        break;
    case SnapshotLayout::custom:
        member("id", snapshot.id);
        member("prevIds", snapshot.prev_ids);
        member("version", "7");
        member("dialect", "sqlite");
        break;
    case SnapshotLayout::up:
        member("dialect", "sqlite");
        member("id", snapshot.id);
        member("prevIds", snapshot.prev_ids);
        member("version", "7");
        break;
    }
    out += "  \"ddl\": [";
    DdlText ddl(out);
    if (snapshot.ddl_layout == SnapshotLayout::up) {
        up_ddl(snapshot.schema, ddl);
    } else {
        generate_ddl(snapshot.schema, ddl);
    }
    out += ddl.empty() ? "]" : "\n  ]";
    out += ",\n  \"renames\": ";
    append_js(out, rename_strings(snapshot.renames, snapshot.layout == SnapshotLayout::up), 1);
    out += "\n}";
    return out;
}

}  // namespace drizzle::snapshot_detail
