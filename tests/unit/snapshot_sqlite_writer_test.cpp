// Hand-built models written in both drizzle-kit formats give the bytes drizzle-kit would write.
//
// The expected documents are written compactly here (key order is what matters) and pretty-printed
// with the JSON.stringify-compatible printer, whose layout the fixture round trips pin down. The
// orders come from drizzle-kit's source: 0.31 serializer/sqliteSerializer.ts (generate),
// serializer/sqliteSchema.ts (zod order of --custom); 1.0 dialects/sqlite/{ddl,drizzle}.ts,
// dialects/dialect.ts (entity key order) and cli/commands/up-sqlite.ts.
#include "drizzle/error.hpp"
#include "drizzle/snapshot/snapshot.hpp"
#include "snapshot/json_text.hpp"

#include <gtest/gtest.h>

namespace drizzle {
namespace {

using snapshot_detail::Json;
using snapshot_detail::stringify_js;

constexpr const char* kId = "11111111-1111-4111-8111-111111111111";

std::string pretty(const std::string& compact) { return stringify_js(Json::parse(compact)); }

Column column(std::string name, std::string type) {
    Column c;
    c.name = std::move(name);
    c.type = std::move(type);
    return c;
}

// A schema using every SQLite feature the snapshots record, as the DSL builds it (default names
// filled in drizzle-kit 1.0 style, name_explicit false).
Schema blog_schema(SnapshotFormat format) {
    Table posts;
    posts.name = "posts";
    Column id = column("id", "integer");
    id.primary_key = true;
    id.autoincrement = true;
    Column title = column("title", "text");
    title.not_null = true;
    Column author = column("author_id", "integer");
    author.not_null = true;
    Column views = column("views", "integer");
    views.not_null = true;
    views.default_value = ColumnDefault{ColumnDefault::Kind::number, "0"};
    Column published = column("published", "integer");
    published.default_value = ColumnDefault{ColumnDefault::Kind::boolean, "false"};
    Column slug = column("slug", "text");
    slug.generated = GeneratedColumn{"lower(\"title\")", false};
    Column created = column("created_at", "integer");
    created.default_value = ColumnDefault{ColumnDefault::Kind::expression, "(unixepoch())"};
    Column score = column("score", "real");
    score.default_value = ColumnDefault{ColumnDefault::Kind::number, "1.5"};
    posts.columns = {id, title, author, views, published, slug, created, score};

    Index by_author;
    by_author.name = "posts_author_idx";
    by_author.columns = {{.expression = "author_id", .is_expression = false}};
    by_author.where = "\"posts\".\"published\" = 1";
    Index by_lower_title;
    by_lower_title.name = "posts_lower_title_idx";
    by_lower_title.columns = {{"lower(\"title\")", true}};
    by_lower_title.unique = true;
    posts.indexes = {by_author, by_lower_title};

    ForeignKey author_fk;
    author_fk.name = "fk_posts_author_id_users_id_fk";
    author_fk.columns = {"author_id"};
    author_fk.table_to = "users";
    author_fk.columns_to = {"id"};
    author_fk.on_delete = "cascade";
    posts.foreign_keys = {author_fk};

    UniqueConstraint title_unique{"posts_title_unique", false, {"title"}, true};
    UniqueConstraint title_author{"title_author_uq", true, {"title", "author_id"}, false};
    posts.uniques = {title_unique, title_author};
    // 0.31 qualifies the column; 1.0 strips the first `"<table>".`.
    posts.checks = {
        {"views_check", format == SnapshotFormat::legacy ? "\"posts\".\"views\" >= 0" : "\"views\" >= 0"}};

    Table groups;
    groups.name = "user_groups";
    Column user_id = column("user_id", "integer");
    user_id.not_null = true;
    Column group_id = column("group_id", "integer");
    group_id.not_null = true;
    groups.columns = {user_id, group_id};
    groups.primary_keys = {{"user_groups_pk", false, {"user_id", "group_id"}}};
    ForeignKey user_fk;
    user_fk.name = "ug_user_fk";
    user_fk.name_explicit = true;
    user_fk.columns = {"user_id"};
    user_fk.table_to = "users";
    user_fk.columns_to = {"id"};
    user_fk.on_delete = "set null";
    user_fk.on_update = "restrict";
    groups.foreign_keys = {user_fk};

    Table users;
    users.name = "users";
    Column user_key = column("id", "integer");
    user_key.primary_key = true;
    Column tag = column("tag", "text");
    tag.default_value = ColumnDefault{ColumnDefault::Kind::expression, "'a''b'"};
    users.columns = {user_key, column("name", "text"), tag};

    View published_posts;
    published_posts.name = "published_posts";
    published_posts.definition = "select \"id\", \"title\" from \"posts\" where \"posts\".\"published\" = 1";
    published_posts.columns = {id, title};
    View old_view;
    old_view.name = "old_view";
    old_view.is_existing = true;

    Schema schema;
    schema.tables = {posts, groups, users};
    schema.views = {published_posts, old_view};
    return schema;
}

Snapshot blog_snapshot(SnapshotFormat format, SnapshotLayout layout = SnapshotLayout::generate) {
    Snapshot snapshot;
    snapshot.format = format;
    snapshot.layout = layout;
    snapshot.id = kId;
    snapshot.prev_ids = {std::string(kRootSnapshotId)};
    snapshot.schema = blog_schema(format);
    return snapshot;
}

// Reads `text` and writes it back: must not change a byte.
void expect_round_trip(const std::string& text) {
    EXPECT_EQ(write_snapshot(parse_snapshot(text, "expected.json")), text);
}

const char* kLegacyGenerate = R"J({
"version":"6","dialect":"sqlite","id":"11111111-1111-4111-8111-111111111111",
"prevId":"00000000-0000-0000-0000-000000000000",
"tables":{
 "posts":{"name":"posts","columns":{
   "id":{"name":"id","type":"integer","primaryKey":true,"notNull":true,"autoincrement":true},
   "title":{"name":"title","type":"text","primaryKey":false,"notNull":true,"autoincrement":false},
   "author_id":{"name":"author_id","type":"integer","primaryKey":false,"notNull":true,"autoincrement":false},
   "views":{"name":"views","type":"integer","primaryKey":false,"notNull":true,"autoincrement":false,"default":0},
   "published":{"name":"published","type":"integer","primaryKey":false,"notNull":false,"autoincrement":false,
                "default":false},
   "slug":{"name":"slug","type":"text","primaryKey":false,"notNull":false,"autoincrement":false,
           "generated":{"as":"(lower(\"title\"))","type":"virtual"}},
   "created_at":{"name":"created_at","type":"integer","primaryKey":false,"notNull":false,"autoincrement":false,
                 "default":"(unixepoch())"},
   "score":{"name":"score","type":"real","primaryKey":false,"notNull":false,"autoincrement":false,"default":1.5}},
  "indexes":{
   "posts_title_unique":{"name":"posts_title_unique","columns":["title"],"isUnique":true},
   "posts_author_idx":{"name":"posts_author_idx","columns":["author_id"],"isUnique":false,
                       "where":"\"posts\".\"published\" = 1"},
   "posts_lower_title_idx":{"name":"posts_lower_title_idx","columns":["lower(\"title\")"],"isUnique":true},
   "title_author_uq":{"name":"title_author_uq","columns":["title","author_id"],"isUnique":true}},
  "foreignKeys":{"posts_author_id_users_id_fk":{"name":"posts_author_id_users_id_fk","tableFrom":"posts",
    "tableTo":"users","columnsFrom":["author_id"],"columnsTo":["id"],"onDelete":"cascade","onUpdate":"no action"}},
  "compositePrimaryKeys":{},"uniqueConstraints":{},
  "checkConstraints":{"views_check":{"name":"views_check","value":"\"posts\".\"views\" >= 0"}}},
 "user_groups":{"name":"user_groups","columns":{
   "user_id":{"name":"user_id","type":"integer","primaryKey":false,"notNull":true,"autoincrement":false},
   "group_id":{"name":"group_id","type":"integer","primaryKey":false,"notNull":true,"autoincrement":false}},
  "indexes":{},
  "foreignKeys":{"ug_user_fk":{"name":"ug_user_fk","tableFrom":"user_groups","tableTo":"users",
    "columnsFrom":["user_id"],"columnsTo":["id"],"onDelete":"set null","onUpdate":"restrict"}},
  "compositePrimaryKeys":{"user_groups_user_id_group_id_pk":{"columns":["user_id","group_id"],
    "name":"user_groups_user_id_group_id_pk"}},
  "uniqueConstraints":{},"checkConstraints":{}},
 "users":{"name":"users","columns":{
   "id":{"name":"id","type":"integer","primaryKey":true,"notNull":true,"autoincrement":false},
   "name":{"name":"name","type":"text","primaryKey":false,"notNull":false,"autoincrement":false},
   "tag":{"name":"tag","type":"text","primaryKey":false,"notNull":false,"autoincrement":false,"default":"'a''b'"}},
  "indexes":{},"foreignKeys":{},"compositePrimaryKeys":{},"uniqueConstraints":{},"checkConstraints":{}}},
"views":{
 "published_posts":{"columns":{
   "id":{"name":"id","type":"integer","primaryKey":true,"notNull":true,"autoincrement":true},
   "title":{"name":"title","type":"text","primaryKey":false,"notNull":true,"autoincrement":false}},
  "name":"published_posts","isExisting":false,
  "definition":"select \"id\", \"title\" from \"posts\" where \"posts\".\"published\" = 1"},
 "old_view":{"columns":{},"name":"old_view","isExisting":true}},
"enums":{},
"_meta":{"schemas":{},"tables":{},"columns":{}},
"internal":{"indexes":{"posts_lower_title_idx":{"columns":{"lower(\"title\")":{"isExpression":true}}}}}
})J";

TEST(SnapshotSqliteWriter, LegacyGenerate) {
    const std::string expected = pretty(kLegacyGenerate);
    EXPECT_EQ(write_snapshot(blog_snapshot(SnapshotFormat::legacy)), expected);
    expect_round_trip(expected);
}

TEST(SnapshotSqliteWriter, LegacyCustomUsesZodOrder) {
    const std::string expected = pretty(R"J({
"id":"11111111-1111-4111-8111-111111111111","prevId":"00000000-0000-0000-0000-000000000000",
"version":"6","dialect":"sqlite",
"tables":{
 "posts":{"name":"posts","columns":{
   "id":{"name":"id","type":"integer","primaryKey":true,"notNull":true,"autoincrement":true},
   "title":{"name":"title","type":"text","primaryKey":false,"notNull":true,"autoincrement":false},
   "author_id":{"name":"author_id","type":"integer","primaryKey":false,"notNull":true,"autoincrement":false},
   "views":{"name":"views","type":"integer","primaryKey":false,"notNull":true,"autoincrement":false,"default":0},
   "published":{"name":"published","type":"integer","primaryKey":false,"notNull":false,"autoincrement":false,
                "default":false},
   "slug":{"name":"slug","type":"text","primaryKey":false,"notNull":false,"autoincrement":false,
           "generated":{"type":"virtual","as":"(lower(\"title\"))"}},
   "created_at":{"name":"created_at","type":"integer","primaryKey":false,"notNull":false,"autoincrement":false,
                 "default":"(unixepoch())"},
   "score":{"name":"score","type":"real","primaryKey":false,"notNull":false,"autoincrement":false,"default":1.5}},
  "indexes":{
   "posts_title_unique":{"name":"posts_title_unique","columns":["title"],"isUnique":true},
   "posts_author_idx":{"name":"posts_author_idx","columns":["author_id"],"where":"\"posts\".\"published\" = 1",
                       "isUnique":false},
   "posts_lower_title_idx":{"name":"posts_lower_title_idx","columns":["lower(\"title\")"],"isUnique":true},
   "title_author_uq":{"name":"title_author_uq","columns":["title","author_id"],"isUnique":true}},
  "foreignKeys":{"posts_author_id_users_id_fk":{"name":"posts_author_id_users_id_fk","tableFrom":"posts",
    "columnsFrom":["author_id"],"tableTo":"users","columnsTo":["id"],"onUpdate":"no action","onDelete":"cascade"}},
  "compositePrimaryKeys":{},"uniqueConstraints":{},
  "checkConstraints":{"views_check":{"name":"views_check","value":"\"posts\".\"views\" >= 0"}}},
 "user_groups":{"name":"user_groups","columns":{
   "user_id":{"name":"user_id","type":"integer","primaryKey":false,"notNull":true,"autoincrement":false},
   "group_id":{"name":"group_id","type":"integer","primaryKey":false,"notNull":true,"autoincrement":false}},
  "indexes":{},
  "foreignKeys":{"ug_user_fk":{"name":"ug_user_fk","tableFrom":"user_groups","columnsFrom":["user_id"],
    "tableTo":"users","columnsTo":["id"],"onUpdate":"restrict","onDelete":"set null"}},
  "compositePrimaryKeys":{"user_groups_user_id_group_id_pk":{"columns":["user_id","group_id"],
    "name":"user_groups_user_id_group_id_pk"}},
  "uniqueConstraints":{},"checkConstraints":{}},
 "users":{"name":"users","columns":{
   "id":{"name":"id","type":"integer","primaryKey":true,"notNull":true,"autoincrement":false},
   "name":{"name":"name","type":"text","primaryKey":false,"notNull":false,"autoincrement":false},
   "tag":{"name":"tag","type":"text","primaryKey":false,"notNull":false,"autoincrement":false,"default":"'a''b'"}},
  "indexes":{},"foreignKeys":{},"compositePrimaryKeys":{},"uniqueConstraints":{},"checkConstraints":{}}},
"views":{
 "published_posts":{"name":"published_posts","columns":{
   "id":{"name":"id","type":"integer","primaryKey":true,"notNull":true,"autoincrement":true},
   "title":{"name":"title","type":"text","primaryKey":false,"notNull":true,"autoincrement":false}},
  "definition":"select \"id\", \"title\" from \"posts\" where \"posts\".\"published\" = 1","isExisting":false},
 "old_view":{"name":"old_view","columns":{},"isExisting":true}},
"enums":{},
"_meta":{"columns":{},"schemas":{},"tables":{}},
"internal":{"indexes":{"posts_lower_title_idx":{"columns":{"lower(\"title\")":{"isExpression":true}}}}}
})J");
    EXPECT_EQ(write_snapshot(blog_snapshot(SnapshotFormat::legacy, SnapshotLayout::custom)), expected);
    expect_round_trip(expected);
}

const char* kV1Generate = R"J({
"version":"7","dialect":"sqlite","id":"11111111-1111-4111-8111-111111111111",
"prevIds":["00000000-0000-0000-0000-000000000000"],
"ddl":[
 {"name":"posts","entityType":"tables"},
 {"name":"user_groups","entityType":"tables"},
 {"name":"users","entityType":"tables"},
 {"type":"integer","notNull":false,"autoincrement":true,"default":null,"generated":null,"name":"id",
  "entityType":"columns","table":"posts"},
 {"type":"text","notNull":true,"autoincrement":false,"default":null,"generated":null,"name":"title",
  "entityType":"columns","table":"posts"},
 {"type":"integer","notNull":true,"autoincrement":false,"default":null,"generated":null,"name":"author_id",
  "entityType":"columns","table":"posts"},
 {"type":"integer","notNull":true,"autoincrement":false,"default":"0","generated":null,"name":"views",
  "entityType":"columns","table":"posts"},
 {"type":"integer","notNull":false,"autoincrement":false,"default":"false","generated":null,"name":"published",
  "entityType":"columns","table":"posts"},
 {"type":"text","notNull":false,"autoincrement":false,"default":null,
  "generated":{"as":"(lower(\"title\"))","type":"virtual"},"name":"slug","entityType":"columns","table":"posts"},
 {"type":"integer","notNull":false,"autoincrement":false,"default":"(unixepoch())","generated":null,
  "name":"created_at","entityType":"columns","table":"posts"},
 {"type":"real","notNull":false,"autoincrement":false,"default":"1.5","generated":null,"name":"score",
  "entityType":"columns","table":"posts"},
 {"type":"integer","notNull":true,"autoincrement":false,"default":null,"generated":null,"name":"user_id",
  "entityType":"columns","table":"user_groups"},
 {"type":"integer","notNull":true,"autoincrement":false,"default":null,"generated":null,"name":"group_id",
  "entityType":"columns","table":"user_groups"},
 {"type":"integer","notNull":false,"autoincrement":false,"default":null,"generated":null,"name":"id",
  "entityType":"columns","table":"users"},
 {"type":"text","notNull":false,"autoincrement":false,"default":null,"generated":null,"name":"name",
  "entityType":"columns","table":"users"},
 {"type":"text","notNull":false,"autoincrement":false,"default":"'a''b'","generated":null,"name":"tag",
  "entityType":"columns","table":"users"},
 {"columns":["author_id"],"tableTo":"users","columnsTo":["id"],"onUpdate":"NO ACTION","onDelete":"CASCADE",
  "nameExplicit":false,"name":"fk_posts_author_id_users_id_fk","entityType":"fks","table":"posts"},
 {"columns":["user_id"],"tableTo":"users","columnsTo":["id"],"onUpdate":"RESTRICT","onDelete":"SET NULL",
  "nameExplicit":true,"name":"ug_user_fk","entityType":"fks","table":"user_groups"},
 {"columns":["user_id","group_id"],"nameExplicit":false,"name":"user_groups_pk","entityType":"pks",
  "table":"user_groups"},
 {"columns":["id"],"nameExplicit":false,"name":"posts_pk","table":"posts","entityType":"pks"},
 {"columns":["id"],"nameExplicit":false,"name":"users_pk","table":"users","entityType":"pks"},
 {"columns":[{"value":"author_id","isExpression":false}],"isUnique":false,"where":"\"posts\".\"published\" = 1",
  "origin":"manual","name":"posts_author_idx","entityType":"indexes","table":"posts"},
 {"columns":[{"value":"lower(\"title\")","isExpression":true}],"isUnique":true,"where":null,"origin":"manual",
  "name":"posts_lower_title_idx","entityType":"indexes","table":"posts"},
 {"columns":["title","author_id"],"nameExplicit":true,"name":"title_author_uq","entityType":"uniques",
  "table":"posts"},
 {"columns":["title"],"nameExplicit":false,"name":"posts_title_unique","entityType":"uniques","table":"posts"},
 {"value":"\"views\" >= 0","name":"views_check","entityType":"checks","table":"posts"},
 {"definition":"select \"id\", \"title\" from \"posts\" where \"posts\".\"published\" = 1","isExisting":false,
  "error":null,"name":"published_posts","entityType":"views"},
 {"definition":null,"isExisting":true,"error":null,"name":"old_view","entityType":"views"}
],
"renames":[]
})J";

TEST(SnapshotSqliteWriter, V1Generate) {
    const std::string expected = pretty(kV1Generate);
    EXPECT_EQ(write_snapshot(blog_snapshot(SnapshotFormat::v1)), expected);
    expect_round_trip(expected);
}

TEST(SnapshotSqliteWriter, V1CustomOnlyMovesTheIds) {
    Json expected = Json::parse(kV1Generate);
    Json reordered = {{"id", expected["id"]}, {"prevIds", expected["prevIds"]}, {"version", "7"},
                      {"dialect", "sqlite"},  {"ddl", expected["ddl"]},         {"renames", Json::array()}};
    EXPECT_EQ(write_snapshot(blog_snapshot(SnapshotFormat::v1, SnapshotLayout::custom)),
              stringify_js(reordered));
    expect_round_trip(stringify_js(reordered));
}

// drizzle-kit 1.0 `up` applied to the 0.31 snapshot above (cli/commands/up-sqlite.ts updateToV7).
TEST(SnapshotSqliteWriter, V1UpOfTheLegacySnapshot) {
    const std::string expected = pretty(R"J({
"dialect":"sqlite","id":"11111111-1111-4111-8111-111111111111",
"prevIds":["00000000-0000-0000-0000-000000000000"],"version":"7",
"ddl":[
 {"name":"posts","entityType":"tables"},
 {"type":"integer","notNull":false,"autoincrement":true,"default":null,"generated":null,"name":"id",
  "table":"posts","entityType":"columns"},
 {"columns":["id"],"nameExplicit":false,"name":"posts_pk","table":"posts","entityType":"pks"},
 {"type":"text","notNull":true,"autoincrement":false,"default":null,"generated":null,"name":"title",
  "table":"posts","entityType":"columns"},
 {"type":"integer","notNull":true,"autoincrement":false,"default":null,"generated":null,"name":"author_id",
  "table":"posts","entityType":"columns"},
 {"type":"integer","notNull":true,"autoincrement":false,"default":"0","generated":null,"name":"views",
  "table":"posts","entityType":"columns"},
 {"type":"integer","notNull":false,"autoincrement":false,"default":"false","generated":null,"name":"published",
  "table":"posts","entityType":"columns"},
 {"type":"text","notNull":false,"autoincrement":false,"default":null,
  "generated":{"type":"virtual","as":"(lower(\"title\"))"},"name":"slug","table":"posts","entityType":"columns"},
 {"type":"integer","notNull":false,"autoincrement":false,"default":"(unixepoch())","generated":null,
  "name":"created_at","table":"posts","entityType":"columns"},
 {"type":"real","notNull":false,"autoincrement":false,"default":"1.5","generated":null,"name":"score",
  "table":"posts","entityType":"columns"},
 {"columns":[{"value":"title","isExpression":false}],"isUnique":true,"where":null,"origin":"manual",
  "name":"posts_title_unique","table":"posts","entityType":"indexes"},
 {"columns":[{"value":"author_id","isExpression":false}],"isUnique":false,"where":"\"posts\".\"published\" = 1",
  "origin":"manual","name":"posts_author_idx","table":"posts","entityType":"indexes"},
 {"columns":[{"value":"lower(\"title\")","isExpression":false}],"isUnique":true,"where":null,"origin":"manual",
  "name":"posts_lower_title_idx","table":"posts","entityType":"indexes"},
 {"columns":[{"value":"title","isExpression":false},{"value":"author_id","isExpression":false}],"isUnique":true,
  "where":null,"origin":"manual","name":"title_author_uq","table":"posts","entityType":"indexes"},
 {"value":"\"posts\".\"views\" >= 0","name":"views_check","table":"posts","entityType":"checks"},
 {"columns":["author_id"],"tableTo":"users","columnsTo":["id"],"onUpdate":"NO ACTION","onDelete":"CASCADE",
  "nameExplicit":false,"name":"posts_author_id_users_id_fk","table":"posts","entityType":"fks"},
 {"name":"user_groups","entityType":"tables"},
 {"type":"integer","notNull":true,"autoincrement":false,"default":null,"generated":null,"name":"user_id",
  "table":"user_groups","entityType":"columns"},
 {"type":"integer","notNull":true,"autoincrement":false,"default":null,"generated":null,"name":"group_id",
  "table":"user_groups","entityType":"columns"},
 {"columns":["user_id","group_id"],"nameExplicit":false,"name":"user_groups_user_id_group_id_pk",
  "table":"user_groups","entityType":"pks"},
 {"columns":["user_id"],"tableTo":"users","columnsTo":["id"],"onUpdate":"RESTRICT","onDelete":"SET NULL",
  "nameExplicit":true,"name":"ug_user_fk","table":"user_groups","entityType":"fks"},
 {"name":"users","entityType":"tables"},
 {"type":"integer","notNull":false,"autoincrement":false,"default":null,"generated":null,"name":"id",
  "table":"users","entityType":"columns"},
 {"columns":["id"],"nameExplicit":false,"name":"users_pk","table":"users","entityType":"pks"},
 {"type":"text","notNull":false,"autoincrement":false,"default":null,"generated":null,"name":"name",
  "table":"users","entityType":"columns"},
 {"type":"text","notNull":false,"autoincrement":false,"default":"'a''b'","generated":null,"name":"tag",
  "table":"users","entityType":"columns"},
 {"definition":"select \"id\", \"title\" from \"posts\" where \"posts\".\"published\" = 1","isExisting":false,
  "error":null,"name":"published_posts","entityType":"views"},
 {"definition":null,"isExisting":true,"error":null,"name":"old_view","entityType":"views"}
],
"renames":[]
})J");
    Snapshot snapshot = parse_snapshot(pretty(kLegacyGenerate), "0000_snapshot.json");
    snapshot.format = SnapshotFormat::v1;
    snapshot.layout = SnapshotLayout::up;
    snapshot.ddl_layout = SnapshotLayout::up;
    EXPECT_EQ(write_snapshot(snapshot), expected);
    expect_round_trip(expected);
}

TEST(SnapshotSqliteWriter, LegacyReadKeepsIndexesAndMarksExplicitNames) {
    const Snapshot snapshot = parse_snapshot(pretty(kLegacyGenerate), "0000_snapshot.json");
    const Table& posts = snapshot.schema.tables.at(0);
    ASSERT_EQ(posts.indexes.size(), 4u);  // 0.31 cannot tell `.unique()` from a unique index
    EXPECT_TRUE(posts.uniques.empty());
    EXPECT_EQ(posts.indexes[0].name, "posts_title_unique");
    EXPECT_TRUE(posts.indexes[0].unique);
    EXPECT_EQ(posts.indexes[1].where, std::optional<std::string>("\"posts\".\"published\" = 1"));
    EXPECT_TRUE(posts.indexes[2].columns.at(0).is_expression);
    EXPECT_FALSE(posts.indexes[3].columns.at(0).is_expression);
    EXPECT_EQ(posts.columns[3].default_value->kind, ColumnDefault::Kind::number);
    EXPECT_EQ(posts.columns[3].default_value->sql, "0");
    EXPECT_EQ(posts.columns[4].default_value->kind, ColumnDefault::Kind::boolean);
    EXPECT_EQ(posts.columns[4].default_value->sql, "false");
    EXPECT_EQ(posts.columns[5].generated, (GeneratedColumn{"lower(\"title\")", false}));
    EXPECT_EQ(posts.columns[7].default_value->sql, "1.5");
    EXPECT_FALSE(posts.foreign_keys.at(0).name_explicit);

    const Table& groups = snapshot.schema.tables.at(1);
    EXPECT_TRUE(groups.foreign_keys.at(0).name_explicit);
    EXPECT_EQ(groups.foreign_keys.at(0).on_delete, "set null");
    ASSERT_EQ(groups.primary_keys.size(), 1u);
    EXPECT_EQ(groups.primary_keys[0].name, "user_groups_user_id_group_id_pk");
    EXPECT_FALSE(groups.primary_keys[0].name_explicit);

    ASSERT_EQ(snapshot.schema.views.size(), 2u);
    EXPECT_EQ(snapshot.schema.views[0].columns.size(), 2u);
    EXPECT_FALSE(snapshot.schema.views[1].definition.has_value());
    EXPECT_TRUE(snapshot.schema.views[1].is_existing);
}

TEST(SnapshotSqliteWriter, V1ReadGivesTheModelBack) {
    const Snapshot snapshot = parse_snapshot(pretty(kV1Generate), "snapshot.json");
    Schema expected = blog_schema(SnapshotFormat::v1);
    // v1 files do not say which uniques were column-level; those are listed last, and the
    // reader takes the tail of one-column uniques as theirs.
    auto& uniques = expected.tables[0].uniques;
    std::swap(uniques[0], uniques[1]);
    // v1 stores defaults as text only; ColumnDefault equality compares the SQL. View and unique
    // equality ignore the layout-only fields (view columns, column_level).
    EXPECT_EQ(snapshot.schema, expected);
    EXPECT_TRUE(snapshot.schema.views[0].columns.empty());
    EXPECT_FALSE(snapshot.schema.tables[0].uniques[0].column_level);
    EXPECT_TRUE(snapshot.schema.tables[0].uniques[1].column_level);
    EXPECT_EQ(snapshot.schema.tables[0].columns[4].default_value->kind, ColumnDefault::Kind::expression);
}

TEST(SnapshotSqliteWriter, EmptyNamesGetEachFormatsDefaults) {
    Snapshot snapshot = blog_snapshot(SnapshotFormat::v1);
    auto& posts = snapshot.schema.tables[0];
    posts.foreign_keys[0].name.clear();
    posts.uniques[0].name.clear();
    snapshot.schema.tables[1].primary_keys[0].name.clear();
    EXPECT_EQ(write_snapshot(snapshot), pretty(kV1Generate));

    // 0.31 recomputes every non-explicit name from the current table, whatever the model holds.
    Snapshot legacy = blog_snapshot(SnapshotFormat::legacy);
    legacy.schema.tables[0].foreign_keys[0].name = "fk_old_table_author_id_users_id_fk";
    legacy.schema.tables[1].primary_keys[0].name.clear();
    EXPECT_EQ(write_snapshot(legacy), pretty(kLegacyGenerate));
}

// A key declared at table level on one column: 0.31 flags the column (notNull as declared);
// 1.0 writes a table-level `pks` entity. Both read back to the same model.
TEST(SnapshotSqliteWriter, SingleColumnTableLevelPrimaryKey) {
    Snapshot snapshot;
    snapshot.id = kId;
    snapshot.prev_ids = {std::string(kRootSnapshotId)};
    Table t;
    t.name = "t";
    t.columns = {column("code", "text")};
    t.primary_keys = {{"t_pk", false, {"code"}}};
    snapshot.schema.tables = {t};

    snapshot.format = SnapshotFormat::legacy;
    const std::string legacy = write_snapshot(snapshot);
    const Json legacy_table = Json::parse(legacy)["tables"]["t"];
    EXPECT_EQ(
        legacy_table["columns"]["code"],
        Json::parse(
            R"({"name":"code","type":"text","primaryKey":true,"notNull":false,"autoincrement":false})"));
    EXPECT_EQ(legacy_table["compositePrimaryKeys"], Json::object());
    Snapshot legacy_read = parse_snapshot(legacy, "legacy.json");
    EXPECT_EQ(legacy_read.schema.tables.at(0).primary_keys.size(), 1u);
    EXPECT_FALSE(legacy_read.schema.tables.at(0).columns.at(0).primary_key);
    EXPECT_EQ(write_snapshot(legacy_read), legacy);

    snapshot.format = SnapshotFormat::v1;
    const std::string v1 = write_snapshot(snapshot);
    // ordered_json equality also compares key order.
    EXPECT_EQ(
        Json::parse(v1)["ddl"].at(2),
        Json::parse(
            R"({"columns":["code"],"nameExplicit":false,"name":"t_pk","entityType":"pks","table":"t"})"));
    Snapshot v1_read = parse_snapshot(v1, "v1.json");
    EXPECT_EQ(v1_read.schema, snapshot.schema);
    EXPECT_EQ(write_snapshot(v1_read), v1);
}

TEST(SnapshotSqliteWriter, RenamesInEachForm) {
    Snapshot snapshot = blog_snapshot(SnapshotFormat::v1);
    snapshot.renames.tables = {{"", "articles", "posts"}};
    snapshot.renames.columns = {{"", "posts", "name", "title"}};
    const Json generate = Json::parse(write_snapshot(snapshot));
    EXPECT_EQ(generate["renames"], Json::array({"articles->posts", "posts.name->posts.title"}));

    snapshot.layout = SnapshotLayout::up;  // up copies 0.31's quoted `_meta` keys
    const Json up = Json::parse(write_snapshot(snapshot));
    EXPECT_EQ(up["renames"],
              Json::array({"\"articles\"->\"posts\"", "\"posts\".\"name\"->\"posts\".\"title\""}));
    EXPECT_EQ(parse_snapshot(write_snapshot(snapshot), "up.json").renames.columns.at(0).from, "name");

    snapshot.format = SnapshotFormat::legacy;
    snapshot.layout = SnapshotLayout::generate;
    const Json legacy = Json::parse(write_snapshot(snapshot));
    EXPECT_EQ(legacy["_meta"], Json::parse(R"({"schemas":{},"tables":{"\"articles\"":"\"posts\""},
                                              "columns":{"\"posts\".\"name\"":"\"posts\".\"title\""}})"));
    const Snapshot back = parse_snapshot(write_snapshot(snapshot), "legacy.json");
    EXPECT_EQ(back.renames.tables.at(0).from, "articles");
    EXPECT_EQ(back.renames.columns.at(0).table, "posts");
    EXPECT_EQ(back.renames.columns.at(0).to, "title");
}

TEST(SnapshotSqliteWriter, LegacyNumberDefaultsAreJavaScriptNumbers) {
    Snapshot snapshot;
    snapshot.format = SnapshotFormat::legacy;
    Table t;
    t.name = "t";
    auto with_default = [](std::string name, ColumnDefault::Kind kind, std::string sql) {
        Column c = column(std::move(name), "real");
        c.default_value = ColumnDefault{kind, std::move(sql)};
        return c;
    };
    t.columns = {with_default("a", ColumnDefault::Kind::number, "2.50"),
                 with_default("b", ColumnDefault::Kind::number, "1e21"),
                 with_default("c", ColumnDefault::Kind::number, "-0.0000001"),
                 with_default("d", ColumnDefault::Kind::number, "abc"),
                 with_default("e", ColumnDefault::Kind::boolean, "true"),
                 with_default("f", ColumnDefault::Kind::number, "100.0")};
    snapshot.schema.tables = {t};
    const std::string text = write_snapshot(snapshot);
    EXPECT_NE(text.find(R"("default": 2.5
)"),
              std::string::npos);
    EXPECT_NE(text.find(R"("default": 1e+21
)"),
              std::string::npos);
    EXPECT_NE(text.find(R"("default": -1e-7
)"),
              std::string::npos);
    EXPECT_NE(text.find(R"("default": "abc"
)"),
              std::string::npos);  // not a number: kept as SQL text
    EXPECT_NE(text.find(R"("default": true
)"),
              std::string::npos);
    EXPECT_NE(text.find(R"("default": 100
)"),
              std::string::npos);
    expect_round_trip(text);
}

}  // namespace
}  // namespace drizzle
