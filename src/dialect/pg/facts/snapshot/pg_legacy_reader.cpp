// Reads drizzle-kit 0.31 PostgreSQL snapshots ("version": "7", "dialect": "postgresql").
//
// Mapping (the inverse of pg_legacy_writer.cpp):
//  - schemas: "public" (and a table's "") become the model's "". Map keys are not read: drizzle-kit
//    derives them (`<schema>.<name>`) and so does the writer.
//  - `type` "integer[]" is type "integer" with dimensions 1; `typeSchema` is kept as written
//    ("public" for a public enum); an enum column without one (older files) gets its enum's.
//  - defaults whose quotes 0.31 left undoubled (json, arrays) are repaired (pg_repair_legacy_default).
//  - a table with policies has RLS enabled in effect (Table::policies_enable_rls), as drizzle-kit's
//    SQL does, whatever isRLSEnabled records; the flag itself is kept as written.
//  - a column's `primaryKey` is Column::primary_key and then implies NOT NULL, so not_null is
//    notNull && !primaryKey. compositePrimaryKeys (of any size) are Table::primary_keys.
//  - FK / primary key / unique names are kept; name_explicit = the name is not 0.31's default.
//    Index names likewise, where an expression index always counts as named (as `up` decides).
//  - sequence and identity options are kept as written (drizzle-kit fills every one in).
//  - `policies` at the top level are policies on tables the schema does not declare.
#include "dialect/pg/facts/snapshot/pg_common.hpp"
#include "dialect/pg/facts/snapshot/pg_formats.hpp"
#include "snapshot/model_json.hpp"
#include "snapshot/renames.hpp"
#include "util/text.hpp"

#include <tuple>

namespace drizzle::snapshot_detail {

namespace {

SequenceOptions read_sequence_options(const JsonNode& node) {
    SequenceOptions options;
    options.increment = node.optional_string("increment");
    options.min_value = node.optional_string("minValue");
    options.max_value = node.optional_string("maxValue");
    options.start_with = node.optional_string("startWith");
    options.cache = node.optional_string("cache");
    options.cycle = node.optional_boolean("cycle").value_or(false);
    return options;
}

// `owner` is the table (or view) name identity sequences are named after by default.
Column read_column(const JsonNode& node, const std::string& owner) {
    node.expect_object();
    Column column;
    column.name = node.string("name");
    std::tie(column.type, column.dimensions) = pg_split_array_type(node.string("type"));
    column.type_schema = node.optional_string("typeSchema").value_or("");
    column.primary_key = node.boolean("primaryKey");
    column.not_null = node.boolean("notNull") && !column.primary_key;
    if (auto value = node.present_member("default")) {
        column.default_value = read_legacy_default(*value);
        column.default_value->sql = pg_repair_legacy_default(column.default_value->sql, column.type, column.dimensions);
    }
    if (auto generated = node.present_member("generated")) column.generated = read_generated(*generated, false);
    if (auto identity = node.present_member("identity")) {
        identity->expect_object();
        IdentityColumn out;
        const std::string type = identity->string("type");
        if (type != "always" && type != "byDefault") {
            identity->fail("\"type\" must be \"always\" or \"byDefault\"");
        }
        out.kind = type == "always" ? IdentityColumn::Kind::always : IdentityColumn::Kind::by_default;
        const std::string name = identity->string("name");
        identity->string("schema");  // required by 0.31's schema; always the table's
        out.sequence_name = name == pg_identity_sequence_name(owner, column.name) ? "" : name;
        out.options = read_sequence_options(*identity);
        column.identity = std::move(out);
    }
    return column;
}

Index read_index(const JsonNode& node, const std::string& table) {
    node.expect_object();
    Index index;
    index.name = node.string("name");
    bool any_expression = false;
    for (const auto& element : node.elements("columns")) {
        element.expect_object("an index column");
        IndexColumn column;
        column.expression = element.string("expression");
        column.is_expression = element.boolean("isExpression");
        column.asc = element.boolean("asc");
        column.nulls = element.optional_string("nulls").value_or("");
        column.opclass = element.optional_string("opclass").value_or("");
        any_expression = any_expression || column.is_expression;
        index.columns.push_back(std::move(column));
    }
    index.unique = node.boolean("isUnique");
    if (node.present_member("with")) {
        for (const auto& [key, value] : node.entries("with")) {
            index.with.emplace_back(key, pg_option_text(value));
        }
    }
    index.method = node.optional_string("method").value_or("btree");
    index.where = node.optional_string("where");
    index.concurrently = node.optional_boolean("concurrently").value_or(false);
    index.name_explicit = any_expression || index.name != pg_default_index_name(table, index.columns);
    return index;
}

Policy read_policy(const JsonNode& node) {
    node.expect_object();
    Policy policy;
    policy.name = node.string("name");
    policy.as = pg_lower(node.optional_string("as").value_or("PERMISSIVE"));
    if (policy.as != "permissive" && policy.as != "restrictive") {
        node.fail("\"as\" must be \"PERMISSIVE\" or \"RESTRICTIVE\"");
    }
    policy.for_ = pg_lower(node.optional_string("for").value_or("ALL"));
    if (policy.for_ != "all" && policy.for_ != "select" && policy.for_ != "insert" &&
        policy.for_ != "update" && policy.for_ != "delete") {
        node.fail("\"for\" must be one of \"ALL\", \"SELECT\", \"INSERT\", \"UPDATE\", \"DELETE\"");
    }
    policy.to = node.has("to") ? node.strings("to") : std::vector<std::string>{};
    policy.using_ = node.optional_string("using");
    policy.with_check = node.optional_string("withCheck");
    return policy;
}

Table read_table(const JsonNode& node) {
    node.expect_object();
    Table table;
    table.name = node.string("name");
    table.schema = pg_model_schema(node.string("schema"));

    for (const auto& [key, value] : node.entries("columns")) {
        table.columns.push_back(read_column(value, table.name));
    }
    for (const auto& [key, value] : node.entries("indexes")) {
        table.indexes.push_back(read_index(value, table.name));
    }

    for (const auto& [key, value] : node.entries("foreignKeys")) {
        ForeignKey fk = read_legacy_foreign_key(value, &pg_model_schema);
        fk.name_explicit = fk.name != pg_legacy_foreign_key_name(table.name, fk);
        table.foreign_keys.push_back(std::move(fk));
    }

    for (const auto& [key, value] : node.entries("compositePrimaryKeys")) {
        value.expect_object();
        PrimaryKey pk;
        pk.name = value.string("name");
        pk.columns = value.strings("columns");
        pk.name_explicit = pk.name != pg_legacy_primary_key_name(table.name, pk);
        table.primary_keys.push_back(std::move(pk));
    }

    for (const auto& [key, value] : node.entries("uniqueConstraints", true)) {
        value.expect_object();
        UniqueConstraint unique;
        unique.name = value.string("name");
        unique.columns = value.strings("columns");
        unique.nulls_not_distinct = value.optional_boolean("nullsNotDistinct").value_or(false);
        unique.name_explicit = unique.name != pg_legacy_unique_name(table.name, unique);
        table.uniques.push_back(std::move(unique));
    }

    for (const auto& [key, value] : node.entries("policies", true)) {
        table.policies.push_back(read_policy(value));
    }

    for (const auto& [key, value] : node.entries("checkConstraints", true)) {
        table.checks.push_back(read_check(value));
    }
    table.rls_enabled = node.optional_boolean("isRLSEnabled").value_or(false);
    // drizzle enables row-level security on every table with policies, whatever isRLSEnabled says
    // (0.31 records only `.enableRLS()` there but still emits ENABLE ROW LEVEL SECURITY).
    table.policies_enable_rls = true;
    return table;
}

View read_view(const JsonNode& node) {
    node.expect_object();
    View view;
    view.name = node.string("name");
    view.schema = pg_model_schema(node.string("schema"));
    for (const auto& [key, value] : node.entries("columns")) {
        view.columns.push_back(read_column(value, view.name));
    }
    view.definition = node.optional_string("definition");
    view.materialized = node.boolean("materialized");
    if (node.present_member("with")) {
        for (const auto& [key, value] : node.entries("with")) {
            view.with.emplace_back(detail::camel_to_snake(key), pg_option_text(value));
        }
    }
    view.is_existing = node.boolean("isExisting");
    view.with_no_data = node.optional_boolean("withNoData").value_or(false);
    view.using_ = node.optional_string("using").value_or("");
    view.tablespace = node.optional_string("tablespace").value_or("");
    return view;
}

// Top-level policies name their table in `on`: `"schema"."table"`.
ExternalPolicy read_external_policy(const JsonNode& node) {
    ExternalPolicy out;
    out.policy = read_policy(node);
    const std::string on = node.string("on");
    auto parts = split_quoted_key(on);
    if (!parts || parts->size() != 2) node.fail("\"on\" must name a table as \"schema\".\"table\"");
    out.schema = pg_model_schema(parts->at(0));
    out.table = parts->at(1);
    return out;
}

}  // namespace

Snapshot read_pg_legacy(const JsonNode& root) {
    Snapshot snapshot = read_snapshot_header(root, SnapshotFormat::legacy, Dialect::postgresql);
    // Both paths start with "id"; generate lists sequences before views, custom (zod's order of
    // pgSchema) views before sequences.
    snapshot.layout = root.key_before("views", "sequences") ? SnapshotLayout::custom : SnapshotLayout::generate;

    Schema& schema = snapshot.schema;
    for (const auto& [key, value] : root.entries("tables")) schema.tables.push_back(read_table(value));
    for (const auto& [key, value] : root.entries("enums")) {
        value.expect_object();
        schema.enums.push_back(
            {pg_model_schema(value.string("schema")), value.string("name"), value.strings("values")});
    }
    for (const auto& [key, value] : root.entries("schemas")) {
        const auto name = value.string_value();
        if (!name) value.fail("must be a string (the schema's name)");
        schema.schemas.emplace_back(*name);
    }
    for (const auto& [key, value] : root.entries("sequences", true)) {
        value.expect_object();
        schema.sequences.push_back(
            {pg_model_schema(value.string("schema")), value.string("name"), read_sequence_options(value)});
    }
    for (const auto& [key, value] : root.entries("roles", true)) {
        value.expect_object();
        Role role;
        role.name = value.string("name");
        role.create_db = value.optional_boolean("createDb").value_or(false);
        role.create_role = value.optional_boolean("createRole").value_or(false);
        role.inherit = value.optional_boolean("inherit").value_or(true);
        schema.roles.push_back(std::move(role));
    }
    for (const auto& [key, value] : root.entries("policies", true)) {
        schema.policies.push_back(read_external_policy(value));
    }
    for (const auto& [key, value] : root.entries("views", true)) schema.views.push_back(read_view(value));
    pg_resolve_enum_type_schemas(schema);
    JsonNode meta = root.object_member("_meta");
    snapshot.renames = read_legacy_meta_renames(meta, &pg_model_schema);
    meta.entries("schemas");  // required; 0.31 never records a schema rename for PostgreSQL
    return snapshot;
}

}  // namespace drizzle::snapshot_detail
