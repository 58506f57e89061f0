// Reads drizzle-kit 1.0 PostgreSQL snapshots ("version": "8", "dialect": "postgres") into the model.
//
// Mapping (the inverse of pg_v1_writer.cpp):
//  - "public" becomes the model's ""; `numeric(p,s)` becomes drizzle-orm's `numeric(p, s)`.
//  - a `pks` entity on one column is that column's own key (Column::primary_key) when generate
//    wrote it as one (`table` before `entityType`), or when `up` put it right before its column;
//    otherwise it is a Table::primary_keys entry. A column key's default name `<t>_pkey` leaves
//    Column::primary_key_name empty.
//  - NOT NULL: 1.0 writes notNull true for every key column; it carries no information there, so
//    not_null = notNull && !key (for `up` files only the column's own key: up copies 0.31's flag).
//  - `uniques` written the way generate writes a column's `.unique()` get column_level.
//  - policies: the ones listed before the run of table-ordered own policies were `.link()`ed;
//    a policy on a table without a `tables` entity is a Schema::policies entry.
//  - `renames` are kept verbatim (they name many kinds of objects; see SnapshotRenames).
#include "dialect/pg/facts/snapshot/pg_common.hpp"
#include "dialect/pg/facts/snapshot/pg_formats.hpp"
#include "snapshot/model_json.hpp"
#include "snapshot/renames.hpp"
#include "util/text.hpp"

#include <algorithm>
#include <limits>
#include <map>

namespace drizzle::snapshot_detail {

namespace {

ReferentialAction read_action(const JsonNode& entity, std::string_view key) {
    if (!entity.nullable_member(key)) return "no action"; // not set: PostgreSQL's default
    return pg_lower(entity.one_of(key, {"NO ACTION", "RESTRICT", "SET NULL", "CASCADE", "SET DEFAULT"}));
}

class V1Reader {
public:
    explicit V1Reader(Snapshot& snapshot) : snapshot_(snapshot), schema_(snapshot.schema) {}

    void read(const std::vector<JsonNode>& entities) {
        std::vector<std::string> types;
        for (const auto& entity : entities) {
            entity.expect_object("a ddl entity");
            types.push_back(entity.string("entityType"));
        }
        // Owners first: `up` lists a table's key before its columns and enums after tables.
        for (std::size_t i = 0; i < entities.size(); ++i) {
            if (types[i] == "tables") read_table(entities[i]);
        }
        for (std::size_t i = 0; i < entities.size(); ++i) {
            if (types[i] == "columns") read_column(entities[i]);
        }
        std::vector<const JsonNode*> policies;
        for (std::size_t i = 0; i < entities.size(); ++i) {
            const JsonNode& entity = entities[i];
            const std::string& type = types[i];
            if (type == "tables" || type == "columns") continue;
            if (type == "schemas") {
                schema_.schemas.push_back(entity.string("name"));
            } else if (type == "enums") {
                schema_.enums.push_back({pg_model_schema(entity.string("schema")), entity.string("name"),
                                         entity.strings("values")});
            } else if (type == "indexes") {
                read_index(entity);
            } else if (type == "fks") {
                read_foreign_key(entity);
            } else if (type == "pks") {
                const bool before_its_column = i + 1 < entities.size() && types[i + 1] == "columns" &&
                                               entities[i + 1].string("table") == entity.string("table") &&
                                               entity.strings("columns") ==
                                                   std::vector<std::string>{entities[i + 1].string("name")};
                read_primary_key(entity, before_its_column);
            } else if (type == "uniques") {
                read_unique(entity);
            } else if (type == "checks") {
                owner(entity).checks.push_back(read_check(entity));
            } else if (type == "sequences") {
                read_sequence(entity);
            } else if (type == "roles") {
                read_role(entity);
            } else if (type == "policies") {
                policies.push_back(&entity);
            } else if (type == "views") {
                read_view(entity);
            } else if (type == "privileges") {
                entity.fail("\"privileges\" entities (from pull) are not supported");
            } else {
                entity.fail("unknown \"entityType\" \"" + type + "\"");
            }
        }
        read_policies(policies);
        finish_not_null();
        // drizzle enables row-level security on every table with policies, recorded or not.
        for (auto& table : schema_.tables) table.policies_enable_rls = true;
        pg_resolve_enum_type_schemas(schema_);
    }

private:
    using TableKey = std::pair<std::string, std::string>;  // (model schema, name)

    TableKey key_of(const JsonNode& entity) const {
        return {pg_model_schema(entity.string("schema")), entity.string("table")};
    }

    Table* find(const TableKey& key) {
        auto it = tables_.find(key);
        return it == tables_.end() ? nullptr : &schema_.tables[it->second];
    }

    Table& owner(const JsonNode& entity) {
        const TableKey key = key_of(entity);
        if (Table* table = find(key)) return *table;
        entity.fail("table \"" + pg_schema_name(key.first) + "." + key.second +
                    "\" has no \"tables\" entity");
    }

    bool up() const { return snapshot_.ddl_layout == SnapshotLayout::up; }

    void read_table(const JsonNode& entity) {
        Table table;
        table.schema = pg_model_schema(entity.string("schema"));
        table.name = entity.string("name");
        table.rls_enabled = entity.boolean("isRlsEnabled");
        if (!tables_.emplace(TableKey{table.schema, table.name}, schema_.tables.size()).second) {
            entity.fail("table \"" + pg_schema_name(table.schema) + "." + table.name +
                        "\" is declared twice");
        }
        schema_.tables.push_back(std::move(table));
    }

    void read_column(const JsonNode& entity) {
        Table& table = owner(entity);
        Column column;
        column.name = entity.string("name");
        column.type = pg_model_type_from_v1(entity.string("type"));
        column.type_schema = entity.nullable_string("typeSchema").value_or("");
        column.not_null = entity.boolean("notNull");
        const auto dimensions = entity.member("dimensions").integer_value();
        if (!dimensions || *dimensions < 0) entity.fail("\"dimensions\" must be a non-negative integer");
        column.dimensions = static_cast<int>(*dimensions);
        if (auto value = entity.nullable_string("default")) column.default_value = ColumnDefault{{}, *value};
        if (auto generated = entity.nullable_member("generated")) column.generated = read_generated(*generated, false);
        if (auto identity = entity.nullable_member("identity")) {
            identity->expect_object();
            IdentityColumn out;
            out.kind = identity->one_of("type", {"always", "byDefault"}) == "always" ? IdentityColumn::Kind::always
                                                                                     : IdentityColumn::Kind::by_default;
            const std::string name = identity->string("name");
            out.sequence_name = name == pg_identity_sequence_name(table.name, column.name) ? "" : name;
            out.options.increment = identity->nullable_string("increment");
            out.options.start_with = identity->nullable_string("startWith");
            out.options.min_value = identity->nullable_string("minValue");
            out.options.max_value = identity->nullable_string("maxValue");
            out.options.cache = identity->nullable_number_text("cache");
            out.options.cycle = identity->nullable_boolean("cycle").value_or(false);
            column.identity = std::move(out);
        }
        table.columns.push_back(std::move(column));
    }

    void read_index(const JsonNode& entity) {
        Table& table = owner(entity);
        Index index;
        index.name = entity.string("name");
        index.name_explicit = entity.boolean("nameExplicit");
        for (const auto& element : entity.elements("columns")) {
            element.expect_object("an index column");
            IndexColumn column;
            column.expression = element.string("value");
            column.is_expression = element.boolean("isExpression");
            column.asc = element.boolean("asc");
            column.nulls = element.boolean("nullsFirst") ? "first" : "last";
            if (auto opclass = element.nullable_member("opclass")) {
                opclass->expect_object();
                column.opclass = opclass->string("name");
                opclass->boolean("default"); // true only from pull; the model keeps the name
            }
            index.columns.push_back(std::move(column));
        }
        index.unique = entity.boolean("isUnique");
        index.where = entity.nullable_string("where");
        auto with = pg_parse_index_with(entity.string("with"));
        if (!with) entity.fail("\"with\" must be \"key=value\" pairs separated by commas");
        index.with = std::move(*with);
        index.method = entity.string("method");
        index.concurrently = entity.boolean("concurrently");
        table.indexes.push_back(std::move(index));
    }

    void read_foreign_key(const JsonNode& entity) {
        Table& table = owner(entity);
        auto fk = read_v1_constraint<ForeignKey>(entity);
        fk.schema_to = pg_model_schema(entity.string("schemaTo"));
        fk.table_to = entity.string("tableTo");
        fk.columns_to = entity.strings("columnsTo");
        fk.on_update = read_action(entity, "onUpdate");
        fk.on_delete = read_action(entity, "onDelete");
        table.foreign_keys.push_back(std::move(fk));
    }

    void read_primary_key(const JsonNode& entity, bool before_its_column) {
        Table& table = owner(entity);
        auto pk = read_v1_constraint<PrimaryKey>(entity);
        const bool column_key =
            pk.columns.size() == 1 && (up() ? before_its_column : entity.key_before("table", "entityType"));
        if (!column_key) {
            table.primary_keys.push_back(std::move(pk));
            return;
        }
        auto it = std::find_if(table.columns.begin(), table.columns.end(),
                               [&](const Column& c) { return c.name == pk.columns[0]; });
        if (it == table.columns.end()) {
            entity.fail("primary key column \"" + pk.columns[0] + "\" is not a column of table \"" +
                        table.name + "\"");
        }
        it->primary_key = true;
        const bool default_name = !pk.name_explicit && pk.name == table.name + "_pkey";
        it->primary_key_name = default_name ? "" : pk.name;
        it->primary_key_name_explicit = pk.name_explicit;
    }

    void read_unique(const JsonNode& entity) {
        Table& table = owner(entity);
        auto unique = read_v1_constraint<UniqueConstraint>(entity);
        unique.nulls_not_distinct = entity.boolean("nullsNotDistinct");
        unique.column_level = !up() && entity.key_before("table", "entityType");
        table.uniques.push_back(std::move(unique));
    }

    void read_sequence(const JsonNode& entity) {
        Sequence sequence;
        sequence.schema = pg_model_schema(entity.string("schema"));
        sequence.name = entity.string("name");
        sequence.options.increment = entity.nullable_string("incrementBy");
        sequence.options.min_value = entity.nullable_string("minValue");
        sequence.options.max_value = entity.nullable_string("maxValue");
        sequence.options.start_with = entity.nullable_string("startWith");
        sequence.options.cache = entity.nullable_number_text("cacheSize");
        sequence.options.cycle = entity.nullable_boolean("cycle").value_or(false);
        schema_.sequences.push_back(std::move(sequence));
    }

    void read_role(const JsonNode& entity) {
        Role role;
        role.name = entity.string("name");
        role.superuser = entity.nullable_boolean("superuser").value_or(false);
        role.create_db = entity.nullable_boolean("createDb").value_or(false);
        role.create_role = entity.nullable_boolean("createRole").value_or(false);
        role.inherit = entity.nullable_boolean("inherit").value_or(true);
        role.can_login = entity.nullable_boolean("canLogin").value_or(false);
        role.replication = entity.nullable_boolean("replication").value_or(false);
        role.bypass_rls = entity.nullable_boolean("bypassRls").value_or(false);
        if (auto limit = entity.nullable_number_text("connLimit")) role.conn_limit = std::stoi(*limit);
        role.password = entity.nullable_string("password");
        role.valid_until = entity.nullable_string("validUntil");
        schema_.roles.push_back(std::move(role));
    }

    void read_view(const JsonNode& entity) {
        View view;
        view.schema = pg_model_schema(entity.string("schema"));
        view.name = entity.string("name");
        view.definition = entity.nullable_string("definition");
        if (entity.nullable_member("with")) {
            for (const auto& [key, value] : entity.entries("with")) {
                if (!value.is_null()) view.with.emplace_back(detail::camel_to_snake(key), pg_option_text(value));
            }
        }
        view.with_no_data = entity.nullable_boolean("withNoData").value_or(false);
        view.using_ = entity.nullable_string("using").value_or("");
        view.tablespace = entity.nullable_string("tablespace").value_or("");
        view.materialized = entity.boolean("materialized");
        schema_.views.push_back(std::move(view));
    }

    static Policy policy_of(const JsonNode& entity) {
        Policy policy;
        policy.name = entity.string("name");
        policy.as = pg_lower(entity.one_of("as", {"PERMISSIVE", "RESTRICTIVE"}));
        policy.for_ = pg_lower(entity.one_of("for", {"ALL", "SELECT", "INSERT", "UPDATE", "DELETE"}));
        policy.to = entity.strings("roles");
        policy.using_ = entity.nullable_string("using");
        policy.with_check = entity.nullable_string("withCheck");
        return policy;
    }

    // generate lists `.link()`ed policies (export order) before each table's own (table order).
    // The own ones are the longest tail on declared tables in table order; the rest were linked.
    void read_policies(const std::vector<const JsonNode*>& policies) {
        std::size_t own_from = policies.size();
        std::size_t last_table = std::numeric_limits<std::size_t>::max();
        while (own_from > 0) {
            const JsonNode& entity = *policies[own_from - 1];
            auto it = tables_.find(key_of(entity));
            if (it == tables_.end() || it->second > last_table) break;
            last_table = it->second;
            --own_from;
        }
        for (std::size_t i = 0; i < policies.size(); ++i) {
            const JsonNode& entity = *policies[i];
            Policy policy = policy_of(entity);
            const TableKey key = key_of(entity);
            if (Table* table = find(key)) {
                policy.linked = i < own_from;
                table->policies.push_back(std::move(policy));
            } else if (auto parts = split_quoted_key(key.second); up() && parts && parts->size() == 2) {
                // up copies 0.31's `on` (`"schema"."table"`) into `table`.
                schema_.policies.push_back({pg_model_schema(parts->at(0)), parts->at(1), std::move(policy)});
            } else {
                schema_.policies.push_back({key.first, key.second, std::move(policy)});
            }
        }
    }

    void finish_not_null() {
        for (auto& table : schema_.tables) {
            for (auto& column : table.columns) {
                bool in_table_key = false;
                for (const auto& pk : table.primary_keys) {
                    in_table_key = in_table_key || std::find(pk.columns.begin(), pk.columns.end(),
                                                             column.name) != pk.columns.end();
                }
                if (column.primary_key || (!up() && in_table_key)) column.not_null = false;
            }
        }
    }

    Snapshot& snapshot_;
    Schema& schema_;
    std::map<TableKey, std::size_t> tables_;
};

}  // namespace

Snapshot read_pg_v1(const JsonNode& root) {
    Snapshot snapshot = read_snapshot_header(root, SnapshotFormat::v1, Dialect::postgresql);

    const auto entities = root.elements("ddl");
    // Table and column entities tell the two entity layouts apart: generate ends
    // `entityType, schema[, table]`, up ends `schema[, table], entityType`.
    snapshot.ddl_layout = v1_entity_layout(entities, {"tables", "columns"}, "schema");
    // generate starts with "version"; custom ({id, prevIds, ...previous}) and up (versions.ts
    // upToV8) both start with "id" and order the top level alike, so the entities decide.
    if (root.first_key() == "id") {
        snapshot.layout =
            snapshot.ddl_layout == SnapshotLayout::up ? SnapshotLayout::up : SnapshotLayout::custom;
    }
    V1Reader(snapshot).read(entities);
    snapshot.renames.verbatim = root.strings("renames");
    return snapshot;
}

}  // namespace drizzle::snapshot_detail
