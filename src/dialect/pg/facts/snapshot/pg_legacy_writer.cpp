// Writes drizzle-kit 0.31 PostgreSQL snapshots ("version": "7") with 0.31's exact key order.
//
// Two code paths of 0.31 write these files and order keys differently:
//  - generate: the object literals of generatePgSnapshot (serializer/pgSerializer.ts), put after
//    {id, prevId} by preparePgMigrationSnapshot (migrationPreparator.ts); a column's `default` is
//    assigned after the literal, so it comes last.
//  - custom: the previous snapshot after zod's parse (serializer/pgSchema.ts `pgSchema`), which
//    emits keys in schema-declaration order (views before sequences, fk columnsFrom before
//    tableTo, ...), again after {id, prevId}.
// Both end with writeResult's (cli/commands/migrate.ts) default `_meta` {columns, schemas,
// tables}: 0.31 never records PostgreSQL renames, so `renames` are not written.
#include "dialect/pg/facts/snapshot/pg_common.hpp"
#include "dialect/pg/facts/snapshot/pg_formats.hpp"
#include "drizzle/error.hpp"
#include "snapshot/model_json.hpp"
#include "util/text.hpp"

namespace drizzle::snapshot_detail {

namespace {

struct LegacyWriter {
    bool custom = false;  // zod order instead of generate's order

    static std::string identity_type(const IdentityColumn& identity) {
        return identity.kind == IdentityColumn::Kind::always ? "always" : "byDefault";
    }

    // `owner` / `owner_schema`: the table or view, which names the default identity sequence.
    Json identity(const Column& c, const std::string& owner, const std::string& owner_schema) const {
        const IdentityColumn& identity = *c.identity;
        const SequenceOptions o = pg_identity_options_filled(identity.options, c.type);
        const std::string name = identity.sequence_name.empty() ? pg_identity_sequence_name(owner, c.name)
                                                                : identity.sequence_name;
        Json out = Json::object();
        if (custom) {  // sequenceSchema.merge({type})
            out["name"] = name;
            out["increment"] = *o.increment;
            out["minValue"] = *o.min_value;
            out["maxValue"] = *o.max_value;
            out["startWith"] = *o.start_with;
            out["cache"] = *o.cache;
            out["cycle"] = o.cycle;
            out["schema"] = pg_schema_name(owner_schema);
            out["type"] = identity_type(identity);
        } else {
            out["type"] = identity_type(identity);
            out["name"] = name;
            out["schema"] = pg_schema_name(owner_schema);
            out["increment"] = *o.increment;
            out["startWith"] = *o.start_with;
            out["minValue"] = *o.min_value;
            out["maxValue"] = *o.max_value;
            out["cache"] = *o.cache;
            out["cycle"] = o.cycle;
        }
        return out;
    }

    Json column(const Column& c, const std::string& owner, const std::string& owner_schema) const {
        std::string type = c.type;
        for (int i = 0; i < c.dimensions; ++i) type += "[]";
        const char* generated_type = c.generated && c.generated->stored ? "stored" : "virtual";
        Json out = Json::object();
        out["name"] = c.name;
        out["type"] = type;
        if (!c.type_schema.empty()) out["typeSchema"] = c.type_schema;
        out["primaryKey"] = c.primary_key;
        out["notNull"] = c.effective_not_null();
        if (custom) {
            if (c.default_value) out["default"] = legacy_default_json(*c.default_value);
            if (c.generated) out["generated"] = {{"type", generated_type}, {"as", c.generated->expression}};
            if (c.identity) out["identity"] = identity(c, owner, owner_schema);
        } else {
            if (c.generated) out["generated"] = {{"as", c.generated->expression}, {"type", generated_type}};
            if (c.identity) out["identity"] = identity(c, owner, owner_schema);
            if (c.default_value) out["default"] = legacy_default_json(*c.default_value);
        }
        return out;
    }

    Json index_column(const IndexColumn& column) const {
        Json out = Json::object();
        out["expression"] = column.expression;
        // An expression element is {expression, asc, isExpression, nulls} in generate.
        if (!custom && column.is_expression) {
            out["asc"] = column.asc;
            out["isExpression"] = true;
        } else {
            out["isExpression"] = column.is_expression;
            out["asc"] = column.asc;
        }
        out["nulls"] = pg_nulls_or_default(column);
        if (!column.opclass.empty()) out["opclass"] = column.opclass;
        return out;
    }

    Json index(const Table& t, const Index& idx) const {
        Json columns = Json::array();
        for (const auto& column : idx.columns) columns.push_back(index_column(column));
        Json with = Json::object();
        for (const auto& [key, value] : idx.with) with[key] = pg_option_json(value, std::nullopt);
        const std::string method = idx.method.empty() ? "btree" : idx.method;

        Json out = Json::object();
        out["name"] = pg_written_index_name(t, idx);
        out["columns"] = std::move(columns);
        out["isUnique"] = idx.unique;
        if (custom) {
            out["with"] = std::move(with);
            out["method"] = method;
            if (idx.where) out["where"] = *idx.where;
            out["concurrently"] = idx.concurrently;
        } else {
            if (idx.where) out["where"] = *idx.where;
            out["concurrently"] = idx.concurrently;
            out["method"] = method;
            out["with"] = std::move(with);
        }
        return out;
    }

    Json foreign_key(const Table& t, const ForeignKey& fk) const {
        Json out = Json::object();
        out["name"] = pg_legacy_written_name(t, fk);
        out["tableFrom"] = t.name;
        // schemaTo is getTableConfig(target).schema: undefined (so absent) for a public table.
        if (custom) {
            out["columnsFrom"] = fk.columns;
            out["tableTo"] = fk.table_to;
            if (!fk.schema_to.empty()) out["schemaTo"] = fk.schema_to;
            out["columnsTo"] = fk.columns_to;
            out["onUpdate"] = fk.on_update;
            out["onDelete"] = fk.on_delete;
        } else {
            out["tableTo"] = fk.table_to;
            if (!fk.schema_to.empty()) out["schemaTo"] = fk.schema_to;
            out["columnsFrom"] = fk.columns;
            out["columnsTo"] = fk.columns_to;
            out["onDelete"] = fk.on_delete;
            out["onUpdate"] = fk.on_update;
        }
        return out;
    }

    Json unique(const Table& t, const UniqueConstraint& u) const {
        Json out = Json::object();
        out["name"] = pg_legacy_written_name(t, u);
        if (custom) {
            out["columns"] = u.columns;
            out["nullsNotDistinct"] = u.nulls_not_distinct;
        } else {
            out["nullsNotDistinct"] = u.nulls_not_distinct;
            out["columns"] = u.columns;
        }
        return out;
    }

    static Json policy(const Policy& p) {
        Json out = Json::object();
        out["name"] = p.name;
        out["as"] = pg_upper(p.as);
        out["for"] = pg_upper(p.for_);
        out["to"] = pg_sorted_roles(p.to);
        if (p.using_) out["using"] = *p.using_;
        if (p.with_check) out["withCheck"] = *p.with_check;
        return out;
    }

    Json external_policy(const ExternalPolicy& p) const {
        Json out = policy(p.policy);
        const std::string on = "\"" + pg_schema_name(p.schema) + "\".\"" + p.table + "\"";
        if (custom) {
            out["on"] = on;
            out["schema"] = pg_schema_name(p.schema);
        } else {
            out["schema"] = pg_schema_name(p.schema);
            out["on"] = on;
        }
        return out;
    }

    Json table(const Table& t) const {
        Json columns = Json::object();
        for (const auto& c : t.columns) columns[c.name] = column(c, t.name, t.schema);
        Json indexes = Json::object();
        for (const auto& idx : t.indexes) indexes[pg_written_index_name(t, idx)] = index(t, idx);
        Json foreign_keys = Json::object();
        for (const auto& fk : t.foreign_keys) {
            foreign_keys[pg_legacy_written_name(t, fk)] = foreign_key(t, fk);
        }
        Json composite = Json::object();
        for (const auto& pk : t.primary_keys) {
            const std::string name = pg_legacy_written_name(t, pk);
            composite[name] = {{"name", name}, {"columns", pk.columns}};
        }
        Json uniques = Json::object();
        for (const UniqueConstraint* u : pg_legacy_unique_order(t)) {
            uniques[pg_legacy_written_name(t, *u)] = unique(t, *u);
        }
        Json policies = Json::object();
        for (const Policy* p : pg_legacy_policy_order(t)) policies[p->name] = policy(*p);
        Json checks = Json::object();
        for (const auto& check : t.checks) {
            checks[check.name] = {{"name", check.name}, {"value", check.value}};
        }

        Json out = Json::object();
        out["name"] = t.name;
        out["schema"] = t.schema;
        out["columns"] = std::move(columns);
        out["indexes"] = std::move(indexes);
        out["foreignKeys"] = std::move(foreign_keys);
        out["compositePrimaryKeys"] = std::move(composite);
        out["uniqueConstraints"] = std::move(uniques);
        out["policies"] = std::move(policies);
        out["checkConstraints"] = std::move(checks);
        out["isRLSEnabled"] = t.rls_enabled;
        return out;
    }

    Json sequence(const Sequence& s) const {
        const SequenceOptions o = pg_sequence_options_filled(s.options);
        Json out = Json::object();
        out["name"] = s.name;
        if (custom) {  // sequenceSchema
            out["increment"] = *o.increment;
            out["minValue"] = *o.min_value;
            out["maxValue"] = *o.max_value;
            out["startWith"] = *o.start_with;
            out["cache"] = *o.cache;
            out["cycle"] = o.cycle;
            out["schema"] = pg_schema_name(s.schema);
        } else {
            out["schema"] = pg_schema_name(s.schema);
            out["increment"] = *o.increment;
            out["startWith"] = *o.start_with;
            out["minValue"] = *o.min_value;
            out["maxValue"] = *o.max_value;
            out["cache"] = *o.cache;
            out["cycle"] = o.cycle;
        }
        return out;
    }

    // generate keeps the user's object as given; zod's strict mergedViewWithOption re-emits the
    // keys in its declaration order.
    Json view_with(const View& v) const {
        Json out = Json::object();
        if (!custom) {
            for (const auto& [key, value] : v.with) {
                const std::string name = detail::snake_to_camel(key);
                out[name] = pg_option_json(value, pg_view_option_kind(name));
            }
            return out;
        }
        for (const auto& [name, kind] : pg_legacy_view_options()) {
            for (const auto& [key, value] : v.with) {
                if (detail::snake_to_camel(key) == name) out[name] = pg_option_json(value, kind);
            }
        }
        for (const auto& [key, value] : v.with) {
            const std::string name = detail::snake_to_camel(key);
            if (!pg_view_option_kind(name)) out[name] = pg_option_json(value, std::nullopt);
        }
        return out;
    }

    Json view(const View& v) const {
        Json columns = Json::object();
        for (const auto& c : v.columns) columns[c.name] = column(c, v.name, v.schema);
        Json out = Json::object();
        if (custom) {
            out["name"] = v.name;
            out["schema"] = pg_schema_name(v.schema);
            out["columns"] = std::move(columns);
            if (v.definition) out["definition"] = *v.definition;
            out["materialized"] = v.materialized;
            if (!v.with.empty()) out["with"] = view_with(v);
            out["isExisting"] = v.is_existing;
            if (v.with_no_data) out["withNoData"] = true;
            if (!v.using_.empty()) out["using"] = v.using_;
            if (!v.tablespace.empty()) out["tablespace"] = v.tablespace;
        } else {
            out["columns"] = std::move(columns);
            if (v.definition) out["definition"] = *v.definition;
            out["name"] = v.name;
            out["schema"] = pg_schema_name(v.schema);
            out["isExisting"] = v.is_existing;
            if (!v.with.empty()) out["with"] = view_with(v);
            if (v.with_no_data) out["withNoData"] = true;
            out["materialized"] = v.materialized;
            if (!v.tablespace.empty()) out["tablespace"] = v.tablespace;
            if (!v.using_.empty()) out["using"] = v.using_;
        }
        return out;
    }
};

std::string keyed(const std::string& schema, const std::string& name) {
    return pg_schema_name(schema) + "." + name;
}

}  // namespace

Json write_pg_legacy(const Snapshot& snapshot) {
    if (snapshot.prev_ids.size() > 1) {
        throw Error("a drizzle-kit 0.31 snapshot has exactly one parent, got " +
                    std::to_string(snapshot.prev_ids.size()));
    }
    LegacyWriter writer;
    writer.custom = snapshot.layout == SnapshotLayout::custom;
    const Schema& schema = snapshot.schema;

    Json tables = Json::object();
    for (const auto& table : schema.tables) tables[keyed(table.schema, table.name)] = writer.table(table);
    Json enums = Json::object();
    for (const auto& e : schema.enums) {
        enums[keyed(e.schema, e.name)] = {
            {"name", e.name}, {"schema", pg_schema_name(e.schema)}, {"values", e.values}};
    }
    Json schemas = Json::object();
    for (const auto& name : schema.schemas) schemas[name] = name;
    Json sequences = Json::object();
    for (const auto& s : schema.sequences) sequences[keyed(s.schema, s.name)] = writer.sequence(s);
    Json roles = Json::object();
    for (const auto& r : schema.roles) {
        roles[r.name] = {{"name", r.name}, {"createDb", r.create_db}, {"createRole", r.create_role},
                         {"inherit", r.inherit}};
    }
    Json policies = Json::object();
    for (const auto& p : schema.policies) policies[p.policy.name] = writer.external_policy(p);
    Json views = Json::object();
    for (const auto& v : schema.views) views[keyed(v.schema, v.name)] = writer.view(v);

    Json out = Json::object();
    out["id"] = snapshot.id;
    out["prevId"] = snapshot.prev_ids.empty() ? std::string(kRootSnapshotId) : snapshot.prev_ids[0];
    out["version"] = "7";
    out["dialect"] = "postgresql";
    out["tables"] = std::move(tables);
    out["enums"] = std::move(enums);
    out["schemas"] = std::move(schemas);
    if (writer.custom) out["views"] = Json::object();  // placeholder keeps zod's position
    out["sequences"] = std::move(sequences);
    out["roles"] = std::move(roles);
    out["policies"] = std::move(policies);
    out["views"] = std::move(views);
    out["_meta"] = {{"columns", Json::object()}, {"schemas", Json::object()}, {"tables", Json::object()}};
    return out;
}

}  // namespace drizzle::snapshot_detail
