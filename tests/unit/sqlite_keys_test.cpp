// SQLite key columns: NOT NULL in the SQL, drizzle-kit's notNull in snapshots, and what generate plans.
#include "drizzle/dialect/sqlite.hpp"
#include "drizzle/diff/diff.hpp"
#include "drizzle/snapshot/snapshot.hpp"

#include <gtest/gtest.h>

using namespace drizzle;

namespace {

// A drizzle-kit 1.0 snapshot of `text("id").primaryKey()` and a composite key without
// .notNull(): every key column says "notNull": false (drizzle-kit writes `notNull && !primaryKey`)
// and drizzle-kit's SQL left them nullable, so the snapshot cannot tell whether the database has
// NOT NULL there (our SQL adds it; drizzle-kit's never did).
const char* kDrizzleKitSnapshot = R"({
  "version": "7", "dialect": "sqlite", "id": "b3ea1721-5800-498b-ac5f-72b7039da2a6",
  "prevIds": ["00000000-0000-0000-0000-000000000000"],
  "ddl": [
    {"name": "tags", "entityType": "tables"},
    {"name": "post_tags", "entityType": "tables"},
    {"type": "text", "notNull": false, "autoincrement": false, "default": null, "generated": null,
     "name": "id", "entityType": "columns", "table": "tags"},
    {"type": "integer", "notNull": false, "autoincrement": false, "default": null, "generated": null,
     "name": "post_id", "entityType": "columns", "table": "post_tags"},
    {"type": "text", "notNull": false, "autoincrement": false, "default": null, "generated": null,
     "name": "tag_id", "entityType": "columns", "table": "post_tags"},
    {"columns": ["post_id", "tag_id"], "nameExplicit": false, "name": "post_tags_pk", "entityType": "pks",
     "table": "post_tags"},
    {"columns": ["id"], "nameExplicit": false, "name": "tags_pk", "table": "tags", "entityType": "pks"}
  ],
  "renames": []
})";

Schema dsl_schema() {
    Schema schema;
    Table tags;
    tags.name = "tags";
    Column id;
    id.name = "id";
    id.type = "text";
    id.primary_key = true;
    tags.columns.push_back(id);
    Table post_tags;
    post_tags.name = "post_tags";
    Column post_id;
    post_id.name = "post_id";
    post_id.type = "integer";
    Column tag_id;
    tag_id.name = "tag_id";
    tag_id.type = "text";
    post_tags.columns = {post_id, tag_id};
    post_tags.primary_keys.push_back({"post_tags_pk", false, {"post_id", "tag_id"}});
    schema.tables = {tags, post_tags};
    return schema;
}

TEST(SqliteKeys, EveryKeyColumnButTheRowidIsWrittenNotNull) {
    const Schema schema = dsl_schema();
    EXPECT_EQ(sqlite::create_table_sql(schema.tables[0]), "CREATE TABLE `tags` (\n\t`id` text PRIMARY KEY NOT NULL\n);\n");
    EXPECT_EQ(sqlite::create_table_sql(schema.tables[1]),
              "CREATE TABLE `post_tags` (\n\t`post_id` integer NOT NULL,\n\t`tag_id` text NOT NULL,\n"
              "\tCONSTRAINT `post_tags_pk` PRIMARY KEY(`post_id`, `tag_id`)\n);\n");
    Table rowid;
    rowid.name = "r";
    Column integer_key;
    integer_key.name = "id";
    integer_key.type = "INTEGER";
    integer_key.primary_key = true;
    integer_key.not_null = true;
    Column int_key = integer_key;
    int_key.type = "int";  // not the rowid: SQLite would accept NULL here
    rowid.columns = {integer_key};
    EXPECT_EQ(sqlite::create_table_sql(rowid), "CREATE TABLE `r` (\n\t`id` INTEGER PRIMARY KEY\n);\n");
    rowid.columns = {int_key};
    EXPECT_EQ(sqlite::create_table_sql(rowid), "CREATE TABLE `r` (\n\t`id` int PRIMARY KEY NOT NULL\n);\n");
}

TEST(SqliteKeys, GenerateOverADrizzleKitSnapshotPlansNothingAndKeepsItsNotNullFalse) {
    const Snapshot prev = parse_snapshot(kDrizzleKitSnapshot, "snapshot.json");
    ScriptedResolver none;
    EXPECT_TRUE(sqlite::migration_statements(diff(prev.schema, dsl_schema(), none)).empty());

    // Our snapshot of the same schema says what drizzle-kit says about the key columns.
    Snapshot next;
    next.format = SnapshotFormat::v1;
    next.prev_ids = {prev.id};
    next.schema = dsl_schema();
    const std::string written = write_snapshot(next);
    EXPECT_EQ(written.find("\"notNull\": true"), std::string::npos) << written;
}

TEST(SqliteKeys, OnlyTheDatabaseSideCanHoldANullableKey) {
    Schema live = dsl_schema();
    live.tables[0].columns[0].primary_key_nullable = true;  // as introspection reports `id text PRIMARY KEY`
    ScriptedResolver none;
    const auto statements = sqlite::migration_statements(diff(live, dsl_schema(), none));
    ASSERT_FALSE(statements.empty());
    EXPECT_NE(statements[1].find("`id` text PRIMARY KEY NOT NULL"), std::string::npos) << statements[1];
    // A target saying so is read as a key all the same: nothing to do against a NOT NULL key.
    EXPECT_TRUE(sqlite::migration_statements(diff(dsl_schema(), live, none)).empty());
}

}  // namespace
