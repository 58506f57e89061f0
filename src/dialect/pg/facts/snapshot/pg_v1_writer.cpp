// Writes drizzle-kit 1.0 PostgreSQL snapshots ("version": "8": a flat `ddl` list of entities).
//
// drizzle-kit builds each entity as {...nulls of the entity's declared fields, ...input, entityType}
// (dialects/dialect.ts generateInsert), where the declared fields are those of
// dialects/postgres/ddl.ts createDDL minus `schema`/`table`, then `name`. So key order = declared
// fields, then the keys only the caller's object literal has (`entityType`, `schema`, `table`) in
// its order, then `entityType`. `entity()` below does exactly that, and each caller passes its
// input in the order of drizzle-kit's literal:
//  - generate: dialects/postgres/drizzle.ts fromDrizzleSchema + ddl.ts interimToDDL. Entity order:
//    schemas, enums, tables, columns, indexes, fks, table-level pks, column pks, table-level
//    uniques, column `.unique()`s, checks, sequences, roles, policies (`.link()`ed first), views.
//  - up: dialects/postgres/versions.ts upToV8 (inputs without entityType, so it comes last).
//    Entity order: schemas, sequences, then per table: table, (key, column)..., composite keys,
//    uniques, checks, indexes, fks, policies; then enums, roles, other policies, views.
#include "dialect/pg/facts/snapshot/pg_common.hpp"
#include "dialect/pg/facts/snapshot/pg_formats.hpp"
#include "drizzle/schema/naming.hpp"
#include "snapshot/renames.hpp"
#include "util/text.hpp"

#include <algorithm>
#include <map>
#include <unordered_set>

namespace drizzle::snapshot_detail {

namespace {

// The declared (non-common) fields of each entity type in ddl.ts, plus `name`.
const std::vector<std::string>& declared_fields(const std::string& entity_type) {
    static const std::map<std::string, std::vector<std::string>> kFields = {
        {"schemas", {"name"}},
        {"tables", {"isRlsEnabled", "name"}},
        {"enums", {"values", "name"}},
        {"columns",
         {"type", "typeSchema", "notNull", "dimensions", "default", "generated", "identity", "name"}},
        {"indexes",
         {"nameExplicit", "columns", "isUnique", "where", "with", "method", "concurrently", "name"}},
        {"fks",
         {"nameExplicit", "columns", "schemaTo", "tableTo", "columnsTo", "onUpdate", "onDelete", "name"}},
        {"pks", {"columns", "nameExplicit", "name"}},
        {"uniques", {"nameExplicit", "columns", "nullsNotDistinct", "name"}},
        {"checks", {"value", "name"}},
        {"sequences", {"incrementBy", "minValue", "maxValue", "startWith", "cacheSize", "cycle", "name"}},
        {"roles",
         {"superuser", "createDb", "createRole", "inherit", "canLogin", "replication", "bypassRls",
          "connLimit", "password", "validUntil", "name"}},
        {"policies", {"as", "for", "roles", "using", "withCheck", "name"}},
        {"views", {"definition", "with", "withNoData", "using", "tablespace", "materialized", "name"}},
    };
    return kFields.at(entity_type);
}

Json nullable(const std::optional<std::string>& value) { return value ? Json(*value) : Json(nullptr); }
Json null_if_empty(const std::string& value) { return value.empty() ? Json(nullptr) : Json(value); }

// JavaScript Number(text) as JSON (NaN is written as null).
Json number_or_null(const std::optional<std::string>& text) {
    if (!text) return nullptr;
    auto number = json_number_from_text(*text);
    return number ? *number : Json(nullptr);
}

class V1Writer {
public:
    /// Entities are appended to `start` (the document so far), in one buffer sized for the
    /// schema: growing a file of megabytes by doubling copies it and faults fresh pages each time.
    V1Writer(const Schema& schema, std::string start) : schema_(schema), ddl_text_(std::move(start)) {
        std::size_t entities = schema.enums.size() + schema.sequences.size() + schema.roles.size() +
                               schema.views.size() + schema.policies.size();
        for (const auto& t : schema.tables) {
            entities += 2 + t.columns.size() + t.indexes.size() + t.foreign_keys.size() + t.primary_keys.size() +
                        t.uniques.size() + t.checks.size() + t.policies.size();
        }
        ddl_text_.reserve(ddl_text_.size() + entities * 384);
    }

    /// The document so far: `start` and the `ddl` entities, each at depth 2 (see write_pg_v1).
    std::string take_text() { return std::move(ddl_text_); }
    bool empty() const { return entity_count_ == 0; }

    // {...nulls, ...input, entityType}; an entity whose (schema, table, name, type) was already
    // pushed is dropped, as drizzle-kit's push reports a conflict and `up` ignores it.
    /// (key, value) pairs rather than a Json object: nlohmann builds an object literal from
    /// [key, value] arrays, two allocations per member, and this runs ~20 000 times at 1000 tables.
    using Fields = std::initializer_list<std::pair<const char*, Json>>;

    void entity(const std::string& entity_type, Fields input) {
        std::vector<Member> members;
        members.reserve(input.size());
        for (const auto& [key, value] : input) members.emplace_back(key, &value);
        emit(entity_type, members);
    }

    /// The same for an input built up as a Json object (members in insertion order).
    void entity(const std::string& entity_type, const Json& input) {
        std::vector<Member> members;
        for (const auto& [key, value] : input.items()) members.emplace_back(key, &value);
        emit(entity_type, members);
    }

private:
    using Member = std::pair<std::string_view, const Json*>;

    /// Writes the entity straight to text, in the key order drizzle-kit's object spread gives:
    /// declared fields first (null unless given), then the input's other keys in order, then
    /// entityType unless the input placed it. No per-entity Json object, no DOM of the file.
    void emit(const std::string& entity_type, const std::vector<Member>& input) {
        static const Json null_value = nullptr;
        const Json type_value = entity_type;
        // A repeated key keeps its first position and its last value, as assignment would.
        const auto value_of = [&input](std::string_view key) -> const Json* {
            for (auto it = input.rbegin(); it != input.rend(); ++it) {
                if (it->first == key) return it->second;
            }
            return nullptr;
        };
        std::vector<Member> ordered;
        ordered.reserve(input.size() + 8);
        const auto placed = [&ordered](std::string_view key) {
            return std::any_of(ordered.begin(), ordered.end(), [key](const Member& m) { return m.first == key; });
        };
        for (const auto& field : declared_fields(entity_type)) {
            const Json* value = value_of(field);
            ordered.emplace_back(field, value != nullptr ? value : &null_value);
        }
        for (const auto& [key, value] : input) {
            if (!placed(key)) ordered.emplace_back(key, value_of(key));
        }
        bool typed = false;
        for (auto& member : ordered) {
            if (member.first == "entityType") member.second = &type_value, typed = true;
        }
        if (!typed) ordered.emplace_back("entityType", &type_value);

        const auto text = [&ordered](std::string_view field) -> std::string_view {
            for (const auto& [key, value] : ordered) {
                if (key == field && value->is_string()) return value->get_ref<const std::string&>();
            }
            return {};
        };
        std::string identity;
        for (std::string_view part : {text("schema"), text("table"), text("name")}) {
            identity += part;
            identity += ':';
        }
        identity += entity_type;
        if (!seen_.insert(std::move(identity)).second) return;

        ddl_text_ += entity_count_++ == 0 ? "\n    {\n" : ",\n    {\n";
        for (std::size_t i = 0; i < ordered.size(); ++i) {
            if (i > 0) ddl_text_ += ",\n";
            ddl_text_ += "      ";
            append_js_string(ddl_text_, ordered[i].first);
            ddl_text_ += ": ";
            append_js(ddl_text_, *ordered[i].second, 3);
        }
        ddl_text_ += "\n    }";
    }

public:
    // ---- generate (drizzle.ts + interimToDDL) ----

    void generate() {
        for (const auto& name : schema_.schemas) {
            entity("schemas", {{"entityType", "schemas"}, {"name", name}});
        }
        for (const auto& e : schema_.enums) {
            entity("enums", {{"entityType", "enums"}, {"name", e.name}, {"schema", pg_schema_name(e.schema)},
                             {"values", e.values}});
        }
        for (const auto& t : schema_.tables) {
            entity("tables", {{"entityType", "tables"},
                              {"schema", pg_schema_name(t.schema)},
                              {"name", t.name},
                              {"isRlsEnabled", rls_enabled(t)}});
        }
        for (const auto& t : schema_.tables) {
            for (const auto& c : t.columns) generate_column(t, c);
        }
        for (const auto& t : schema_.tables) {
            for (const auto& idx : t.indexes) generate_index(t, idx);
        }
        for (const auto& t : schema_.tables) {
            for (const auto& fk : t.foreign_keys) generate_foreign_key(t, fk);
        }
        for (const auto& t : schema_.tables) {
            for (const auto& pk : t.primary_keys) {
                entity("pks", {{"entityType", "pks"},
                               {"schema", pg_schema_name(t.schema)},
                               {"table", t.name},
                               {"name", pk.name.empty() ? t.name + "_pkey" : pk.name},
                               {"columns", pk.columns},
                               {"nameExplicit", pk.name_explicit}});
            }
        }
        // A column's `.primaryKey()` only when the table has no key yet (interimToDDL).
        for (const auto& t : schema_.tables) {
            if (!t.primary_keys.empty()) continue;
            auto c = std::find_if(t.columns.begin(), t.columns.end(),
                                  [](const Column& x) { return x.primary_key; });
            if (c == t.columns.end()) continue;
            entity("pks", {{"schema", pg_schema_name(t.schema)},
                           {"table", t.name},
                           {"name", c->primary_key_name.empty() ? t.name + "_pkey" : c->primary_key_name},
                           {"nameExplicit", c->primary_key_name_explicit},
                           {"columns", Json::array({c->name})}});
        }
        for (bool column_level : {false, true}) {
            for (const auto& t : schema_.tables) {
                for (const auto& u : t.uniques) {
                    if (u.column_level == column_level) generate_unique(t, u);
                }
            }
        }
        for (const auto& t : schema_.tables) {
            for (const auto& check : t.checks) {
                entity("checks", {{"entityType", "checks"},
                                  {"schema", pg_schema_name(t.schema)},
                                  {"table", t.name},
                                  {"name", check.name},
                                  {"value", check.value}});
            }
        }
        for (const auto& s : schema_.sequences) {
            const SequenceOptions o = pg_sequence_options_filled(s.options);
            entity("sequences", {{"entityType", "sequences"},
                                 {"name", s.name},
                                 {"schema", pg_schema_name(s.schema)},
                                 {"incrementBy", *o.increment},
                                 {"startWith", *o.start_with},
                                 {"minValue", *o.min_value},
                                 {"maxValue", *o.max_value},
                                 {"cacheSize", number_or_null(o.cache)},
                                 {"cycle", o.cycle}});
        }
        for (const auto& r : schema_.roles) {
            entity("roles", {{"entityType", "roles"},
                             {"name", r.name},
                             {"superuser", r.superuser},
                             {"inherit", r.inherit},
                             {"createRole", r.create_role},
                             {"createDb", r.create_db},
                             {"canLogin", r.can_login},
                             {"replication", r.replication},
                             {"bypassRls", r.bypass_rls},
                             {"connLimit", r.conn_limit},
                             {"password", nullable(r.password)},
                             {"validUntil", nullable(r.valid_until)}});
        }
        // Policies declared on their own come first (fromDrizzleSchema reads them before the
        // tables), then each table's own.
        for (const auto& p : schema_.policies) generate_policy(p.schema, p.table, p.policy);
        for (bool linked : {true, false}) {
            for (const auto& t : schema_.tables) {
                for (const auto& p : t.policies) {
                    if (p.linked == linked) generate_policy(t.schema, t.name, p);
                }
            }
        }
        for (const auto& v : schema_.views) {
            if (v.is_existing) continue;  // never part of 1.0's ddl
            entity("views", {{"entityType", "views"},
                             {"definition", nullable(v.definition)},
                             {"name", v.name},
                             {"schema", pg_schema_name(v.schema)},
                             {"with", view_with(v)},
                             {"withNoData", v.with_no_data ? Json(true) : Json(nullptr)},
                             {"materialized", v.materialized},
                             {"tablespace", null_if_empty(v.tablespace)},
                             {"using", null_if_empty(v.using_)}});
        }
    }

    // ---- up (versions.ts upToV8 of what the 0.31 writer writes) ----

    void up() {
        for (const auto& name : schema_.schemas) entity("schemas", {{"name", name}});
        for (const auto& s : schema_.sequences) {
            const SequenceOptions o = pg_sequence_options_filled(s.options);
            entity("sequences", {{"schema", pg_schema_name(s.schema)}, {"name", s.name},
                                 {"startWith", *o.start_with}, {"incrementBy", *o.increment},
                                 {"minValue", *o.min_value}, {"maxValue", *o.max_value},
                                 {"cacheSize", number_or_null(o.cache)}, {"cycle", o.cycle}});
        }
        for (const auto& t : schema_.tables) up_table(t);
        for (const auto& e : schema_.enums) {
            entity("enums", {{"schema", pg_schema_name(e.schema)}, {"name", e.name}, {"values", e.values}});
        }
        for (const auto& r : schema_.roles) {
            // 0.31 knows three role options; up leaves the rest null.
            entity("roles", {{"name", r.name}, {"createRole", r.create_role}, {"createDb", r.create_db},
                             {"inherit", r.inherit}, {"bypassRls", nullptr}, {"canLogin", nullptr},
                             {"connLimit", nullptr}, {"password", nullptr}, {"replication", nullptr},
                             {"superuser", nullptr}, {"validUntil", nullptr}});
        }
        for (const auto& p : schema_.policies) {
            // up takes the table from 0.31's `on`, which is the quoted `"schema"."table"`.
            const std::string on = "\"" + pg_schema_name(p.schema) + "\".\"" + p.table + "\"";
            entity("policies", {{"schema", pg_schema_name(p.schema)}, {"table", on}, {"name", p.policy.name},
                                {"as", pg_upper(p.policy.as)}, {"roles", pg_sorted_roles(p.policy.to)},
                                {"for", pg_upper(p.policy.for_)}, {"using", nullable(p.policy.using_)},
                                {"withCheck", nullable(p.policy.with_check)}});
        }
        for (const auto& v : schema_.views) {
            if (v.is_existing) continue;
            entity("views", {{"schema", pg_schema_name(v.schema)},
                             {"name", v.name},
                             {"definition", nullable(v.definition)},
                             {"tablespace", null_if_empty(v.tablespace)},
                             {"withNoData", v.with_no_data ? Json(true) : Json(nullptr)},
                             {"using", null_if_empty(v.using_)},
                             {"with", view_with(v)},
                             {"materialized", v.materialized}});
        }
    }

private:
    static bool rls_enabled(const Table& t) { return t.rls_enabled || !t.policies.empty(); }

    static bool in_table_key(const Table& t, const Column& c) {
        for (const auto& pk : t.primary_keys) {
            if (std::find(pk.columns.begin(), pk.columns.end(), c.name) != pk.columns.end()) return true;
        }
        return false;
    }

    static Json generated(const Column& c) {
        if (!c.generated) return nullptr;
        return {{"as", c.generated->expression}, {"type", c.generated->stored ? "stored" : "virtual"}};
    }

    static const char* identity_type(const IdentityColumn& identity) {
        return identity.kind == IdentityColumn::Kind::always ? "always" : "byDefault";
    }

    static std::string identity_name(const Table& t, const Column& c) {
        return c.identity->sequence_name.empty() ? pg_identity_sequence_name(t.name, c.name)
                                                 : c.identity->sequence_name;
    }

    // All 21 keys in drizzle.ts's order, null where unset; null when the view has no options.
    static Json view_with(const View& v) {
        if (v.with.empty()) return nullptr;
        Json out = Json::object();
        for (const auto& [name, kind] : pg_v1_view_options()) {
            out[name] = nullptr;
            for (const auto& [key, value] : v.with) {
                if (detail::snake_to_camel(key) == name) out[name] = pg_option_json(value, kind);
            }
        }
        return out;
    }

    static Json index_columns(const Index& idx, bool up) {
        Json columns = Json::array();
        for (const auto& column : idx.columns) {
            // generate: desc without an explicit NULLS is nulls first; up: nulls !== 'last' of
            // the 0.31 value, which the 0.31 writer fills the same way.
            const bool nulls_first = pg_nulls_or_default(column) == "first" ||
                                     (up && pg_nulls_or_default(column) != "last");
            columns.push_back({{"value", column.expression},
                               {"isExpression", column.is_expression},
                               {"asc", column.asc},
                               {"nullsFirst", nulls_first},
                               {"opclass", column.opclass.empty()
                                               ? Json(nullptr)
                                               : Json({{"name", column.opclass}, {"default", false}})}});
        }
        return columns;
    }

    void generate_column(const Table& t, const Column& c) {
        Json identity = nullptr;
        if (c.identity) {
            const SequenceOptions o = pg_identity_options_filled(c.identity->options, c.type);
            identity = {{"type", identity_type(*c.identity)}, {"name", identity_name(t, c)},
                        {"increment", *o.increment},          {"startWith", *o.start_with},
                        {"minValue", *o.min_value},           {"maxValue", *o.max_value},
                        {"cache", number_or_null(o.cache)},   {"cycle", o.cycle}};
        }
        entity("columns",
               {{"entityType", "columns"},
                {"schema", pg_schema_name(t.schema)},
                {"table", t.name},
                {"name", c.name},
                {"type", pg_v1_type(c.type)},
                {"typeSchema", null_if_empty(c.type_schema)},
                {"dimensions", c.dimensions},
                {"notNull", c.not_null || c.primary_key || in_table_key(t, c)},
                {"default", c.default_value ? Json(c.default_value->sql) : Json(nullptr)},
                {"generated", generated(c)},
                {"identity", std::move(identity)}});
    }

    void generate_index(const Table& t, const Index& idx) {
        entity("indexes", {{"entityType", "indexes"},
                           {"schema", pg_schema_name(t.schema)},
                           {"table", t.name},
                           {"name", pg_written_index_name(t, idx)},
                           {"nameExplicit", idx.name_explicit},
                           {"columns", index_columns(idx, false)},
                           {"isUnique", idx.unique},
                           {"where", nullable(idx.where)},
                           {"concurrently", idx.concurrently},
                           {"method", idx.method.empty() ? "btree" : idx.method},
                           {"with", pg_index_with_text(idx.with, ", ")}});
    }

    void generate_foreign_key(const Table& t, const ForeignKey& fk) {
        entity("fks", {{"entityType", "fks"},
                       {"schema", pg_schema_name(t.schema)},
                       {"table", t.name},
                       {"name", fk.name.empty() ? pg_v1_default_foreign_key_name(t.name, fk) : fk.name},
                       {"nameExplicit", fk.name_explicit},
                       {"tableTo", fk.table_to},
                       {"schemaTo", pg_schema_name(fk.schema_to)},
                       {"columns", fk.columns},
                       {"columnsTo", fk.columns_to},
                       {"onDelete", pg_upper(fk.on_delete)},
                       {"onUpdate", pg_upper(fk.on_update)}});
    }

    // Table-level unique() defaults to drizzle-orm's `<t>_<cols>_unique`, a column's `.unique()`
    // to grammar.ts defaultNameForUnique `<t>_<c>_key`.
    void generate_unique(const Table& t, const UniqueConstraint& u) {
        std::string name = u.name;
        if (name.empty()) {
            name = u.column_level
                       ? default_unique_name(NamingStyle::v1, Dialect::postgresql, t.name, u.columns)
                       : pg_legacy_unique_name(t.name, u);
        }
        Json input = Json::object();
        if (!u.column_level) input["entityType"] = "uniques";
        input["schema"] = pg_schema_name(t.schema);
        input["table"] = t.name;
        input["name"] = name;
        input["nameExplicit"] = u.name_explicit;
        input["nullsNotDistinct"] = u.nulls_not_distinct;
        input["columns"] = u.columns;
        entity("uniques", input);
    }

    void generate_policy(const std::string& schema, const std::string& table, const Policy& p) {
        entity("policies", {{"entityType", "policies"}, {"schema", pg_schema_name(schema)}, {"table", table},
                            {"name", p.name}, {"as", pg_upper(p.as)}, {"for", pg_upper(p.for_)},
                            {"roles", pg_sorted_roles(p.to)}, {"using", nullable(p.using_)},
                            {"withCheck", nullable(p.with_check)}});
    }

    void up_table(const Table& t) {
        const std::string schema = pg_schema_name(t.schema);
        entity("tables", {{"schema", schema}, {"name", t.name}, {"isRlsEnabled", rls_enabled(t)}});
        for (const auto& c : t.columns) {
            if (c.primary_key) {
                entity("pks", {{"schema", schema}, {"table", t.name}, {"columns", Json::array({c.name})},
                               {"name", t.name + "_pkey"}, {"nameExplicit", false}});
            }
            Json identity = nullptr;
            if (c.identity) {
                const SequenceOptions o = pg_identity_options_filled(c.identity->options, c.type);
                identity = {{"name", identity_name(t, c)},   {"type", identity_type(*c.identity)},
                            {"startWith", *o.start_with},    {"minValue", *o.min_value},
                            {"maxValue", *o.max_value},      {"increment", *o.increment},
                            {"cache", number_or_null(o.cache)}, {"cycle", o.cycle}};
            }
            entity("columns",
                   {{"schema", schema},
                    {"table", t.name},
                    {"name", c.name},
                    {"type", pg_up_type(c.type)},
                    {"notNull", c.effective_not_null()},
                    {"typeSchema", null_if_empty(c.type_schema)},
                    {"dimensions", c.dimensions},
                    {"generated", generated(c)},
                    {"identity", std::move(identity)},
                    {"default",
                     c.default_value ? Json(pg_trim_default_suffix(c.default_value->sql)) : Json(nullptr)}});
        }
        for (const auto& pk : t.primary_keys) {
            const std::string name = pg_legacy_written_name(t, pk);
            entity("pks", {{"schema", schema}, {"table", t.name}, {"name", name}, {"columns", pk.columns},
                           {"nameExplicit", name != pg_legacy_primary_key_name(t.name, pk)}});
        }
        for (const UniqueConstraint* u : pg_legacy_unique_order(t)) {
            const std::string name = pg_legacy_written_name(t, *u);
            entity("uniques", {{"schema", schema}, {"table", t.name}, {"columns", u->columns}, {"name", name},
                               {"nameExplicit", name != pg_legacy_unique_name(t.name, *u)},
                               {"nullsNotDistinct", u->nulls_not_distinct}});
        }
        for (const auto& check : t.checks) {
            entity("checks",
                   {{"schema", schema}, {"table", t.name}, {"name", check.name}, {"value", check.value}});
        }
        for (const auto& idx : t.indexes) {
            const std::string name = pg_written_index_name(t, idx);
            const bool any_expression = std::any_of(idx.columns.begin(), idx.columns.end(),
                                                    [](const IndexColumn& c) { return c.is_expression; });
            entity("indexes",
                   {{"schema", schema},
                    {"table", t.name},
                    {"name", name},
                    {"columns", index_columns(idx, true)},
                    {"isUnique", idx.unique},
                    {"method", idx.method.empty() ? "btree" : idx.method},
                    {"concurrently", idx.concurrently},
                    {"where", nullable(idx.where)},
                    {"with", pg_index_with_text(idx.with, ",")},
                    {"nameExplicit", any_expression || name != pg_default_index_name(t.name, idx.columns)}});
        }
        for (const auto& fk : t.foreign_keys) {
            const std::string name = pg_legacy_written_name(t, fk);
            entity("fks", {{"schema", schema},
                           {"name", name.size() < 63 ? name : name.substr(0, 63)},
                           {"nameExplicit", name != pg_legacy_foreign_key_name(t.name, fk)},
                           {"table", t.name},
                           {"columns", fk.columns},
                           {"schemaTo", pg_schema_name(fk.schema_to)},
                           {"tableTo", fk.table_to},
                           {"columnsTo", fk.columns_to},
                           {"onDelete", pg_upper(fk.on_delete)},
                           {"onUpdate", pg_upper(fk.on_update)}});
        }
        for (const Policy* p : pg_legacy_policy_order(t)) {
            entity("policies", {{"schema", schema},
                                {"table", t.name},
                                {"name", p->name},
                                {"as", pg_upper(p->as)},
                                {"for", pg_upper(p->for_)},
                                {"roles", pg_sorted_roles(p->to)},
                                {"using", nullable(p->using_)},
                                {"withCheck", nullable(p->with_check)}});
        }
    }

    const Schema& schema_;
    std::string ddl_text_;
    std::size_t entity_count_ = 0;
    std::unordered_set<std::string> seen_;
};

// generate's form: `public.t->public.t2`, `public.t.d->public.t.d2` (utils prepareMigrationRenames).
// up's form reverses 0.31 `_meta` entries: `${to}->${from}` in its quoted keys.
Json rename_texts(const Snapshot& snapshot) {
    const SnapshotRenames& renames = snapshot.renames;
    if (!renames.verbatim.empty()) return renames.verbatim;
    Json out = Json::array();
    const bool up = snapshot.layout == SnapshotLayout::up;
    for (const auto& r : renames.tables) {
        if (up) {
            out.push_back(quoted_table_key(r.schema, r.to) + "->" + quoted_table_key(r.schema, r.from));
        } else {
            const std::string schema = pg_schema_name(r.schema) + ".";
            out.push_back(schema + r.from + "->" + schema + r.to);
        }
    }
    for (const auto& r : renames.columns) {
        if (up) {
            out.push_back(quoted_column_key(r.schema, r.table, r.to) + "->" +
                          quoted_column_key(r.schema, r.table, r.from));
        } else {
            const std::string table = pg_schema_name(r.schema) + "." + r.table + ".";
            out.push_back(table + r.from + "->" + table + r.to);
        }
    }
    return out;
}

}  // namespace

std::string write_pg_v1(const Snapshot& snapshot) {
    // generate: prepareSnapshot's {version, dialect, id, prevIds, ddl, renames}; custom
    // ({id, prevIds, ...previous}) and up (upToV8) both {id, prevIds, version, dialect, ...}.
    // Written as JSON.stringify(document, null, 2) would, with the entities streamed in.
    std::string out = "{\n";
    const auto member = [&out](std::string_view key, const Json& value) { append_js_member(out, key, value); };
    const bool generated = snapshot.layout == SnapshotLayout::generate;
    if (generated) member("version", "8"), member("dialect", "postgres");
    member("id", snapshot.id);
    member("prevIds", snapshot.prev_ids);
    if (!generated) member("version", "8"), member("dialect", "postgres");
    out += "  \"ddl\": [";
    V1Writer writer(snapshot.schema, std::move(out));
    if (snapshot.ddl_layout == SnapshotLayout::up) {
        writer.up();
    } else {
        writer.generate();
    }
    const bool no_entities = writer.empty();
    out = writer.take_text();
    out += no_entities ? "]" : "\n  ]";
    out += ",\n  \"renames\": ";
    append_js(out, rename_texts(snapshot), 1);
    out += "\n}";
    return out;
}

}  // namespace drizzle::snapshot_detail
