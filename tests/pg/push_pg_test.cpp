// push on a real PostgreSQL: rows at risk counted, --explain inert, filters respected, all-or-nothing apply.
#include "pg_support.hpp"

#include "drizzle/dialect/pg.hpp"

#include <gtest/gtest.h>

using namespace drizzle;
using namespace drizzle::test;

namespace {

const char* kFullSchema = R"(#pragma once
#include <drizzle/dsl/pg.hpp>
using namespace drizzle::pg::dsl;
inline const auto billing = pg_schema("billing");
inline const auto mood = pg_enum("mood", {"sad", "ok", "happy"});
inline const auto currency = billing.enum_("currency", {"usd", "eur"});
inline const auto counter = pg_sequence("counter", {.increment = 2, .start_with = 100});
inline const auto users = pg_table("users", {
    serial("id").primary_key(),
    varchar("email", {.length = 256}).not_null().unique(),
    boolean("active").not_null().default_(true),
    timestamp("created_at", {.precision = 3, .with_timezone = true}).not_null().default_now(),
    numeric("balance", {.precision = 10, .scale = 2}),
    mood("mood").default_("ok"),
    text("tags").array(),
    integer("age"),
}, {
    index("users_created_idx").on({IndexTarget("created_at").desc()}).where("active"),
    check("age_check", "age >= 0"),
    pg_policy("own_rows", {.for_ = "select", .using_ = "true"}),
});
inline const auto invoices = billing.table("invoices", {
    bigint("id").generated_always_as_identity(),
    integer("user_id").references(users["id"], {.on_delete = action::cascade}),
    currency("cur").not_null(),
}, {
    primary_key({"id"}),
});
)";

// The live table has name varchar(20), age, nick (nullable) and a table `gone` the schema drops.
const char* kLiveSql = R"(
CREATE TABLE users (id serial PRIMARY KEY, name varchar(20), age integer, nick text, code text);
INSERT INTO users (name, age, nick, code) VALUES ('abcdefghij', 30, 'x', 'a'), ('ab', NULL, NULL, 'b'), ('abc', 7, 'z', 'c');
CREATE TABLE gone (id integer);
INSERT INTO gone VALUES (1), (2), (3), (4);
CREATE TABLE legacy_jobs (id integer);
CREATE SCHEMA other;
CREATE TABLE other.elsewhere (id integer);
)";

const char* kNarrowSchema = R"(#pragma once
#include <drizzle/dsl/pg.hpp>
using namespace drizzle::pg::dsl;
inline const auto users = pg_table("users", {
    serial("id").primary_key(),
    varchar("name", {.length = 5}),
    text("nick").not_null(),
    text("code"),
});
)";

class PushPg : public PgTest {
protected:
    TempDir dir{"push-pg"};

    void SetUp() override {
        PgTest::SetUp();
        if (IsSkipped() || HasFatalFailure()) return;
        write_file(dir / "drizzle.config.json",
                   R"({"dialect":"postgresql","schema":"./schema.hpp","dbCredentials":{"url":")" + url() + "\"}}");
    }

    int kit(const std::vector<std::string>& args, std::string& output) {
        return run_kit(dir.path(), args, output, {{"DRIZZLE_CACHE_DIR", (dir / ".cache").string()}});
    }
};

TEST_F(PushPg, EmptyDatabaseGetsTheWholeSchemaAndASecondPushFindsNothing) {
    write_file(dir / "schema.hpp", kFullSchema);
    std::string out;
    ASSERT_EQ(kit({"push"}, out), 0) << out;  // nothing at risk on an empty database: no question
    EXPECT_NE(out.find("Changes applied"), std::string::npos) << out;
    auto db = connect();
    Schema live = pg::introspect(*db);
    ASSERT_NE(live.find_table("invoices", "billing"), nullptr);
    EXPECT_TRUE(live.find_table("users")->rls_enabled);
    EXPECT_EQ(live.sequences.size(), 1u);
    ASSERT_EQ(kit({"push"}, out), 0) << out;
    EXPECT_NE(out.find("[i] No changes detected"), std::string::npos) << out;
}

TEST_F(PushPg, DataAtRiskIsCountedExplainChangesNothingForceApplies) {
    auto db = connect();
    db->exec(kLiveSql);
    write_file(dir / "schema.hpp", kNarrowSchema);
    const auto before = pg_catalog_lines(*db);
    std::string out;
    ASSERT_EQ(kit({"push", "--explain", "--tablesFilter", "!legacy_*"}, out), 0) << out;
    for (const char* line : {
             "set NOT NULL on \"users\".\"nick\": 1 row holding NULL (the statement would fail)",
             "change type varchar(20) -> varchar(5) of \"users\".\"name\": 1 row longer than 5 characters",
             "drop column \"users\".\"age\": 2 rows with a value",
             "drop table \"gone\": 4 rows",
         }) {
        EXPECT_NE(out.find(line), std::string::npos) << line << "\n" << out;
    }
    EXPECT_NE(out.find("DROP TABLE \"gone\";"), std::string::npos) << out;
    EXPECT_EQ(out.find("legacy_jobs"), std::string::npos) << out;
    EXPECT_EQ(out.find("elsewhere"), std::string::npos) << out;  // schema `other` is not managed
    EXPECT_EQ(pg_catalog_lines(*db), before);

    // The NOT NULL would fail: refused before anything runs, even with --force.
    EXPECT_EQ(kit({"push", "--force", "--tablesFilter", "!legacy_*"}, out), 3) << out;
    EXPECT_EQ(pg_catalog_lines(*db), before);

    db->exec("UPDATE users SET nick = 'y' WHERE nick IS NULL");
    // Data loss without a terminal: exit 2, the risks as JSON, nothing changed.
    EXPECT_EQ(kit({"push", "--tablesFilter", "!legacy_*"}, out), 2) << out;
    EXPECT_NE(out.find("\"rows\": 4"), std::string::npos) << out;
    EXPECT_EQ(pg_catalog_lines(*db), before);

    ASSERT_EQ(kit({"push", "--force", "--tablesFilter", "!legacy_*"}, out), 0) << out;
    EXPECT_EQ(pg_scalar(*db, "SELECT string_agg(name || ':' || nick, ',' ORDER BY id) FROM users"),
              "abcde:x,ab:y,abc:z");
    EXPECT_EQ(pg_scalar(*db, "SELECT count(*) FROM pg_tables WHERE tablename IN ('legacy_jobs', 'elsewhere')"), "2");
    EXPECT_EQ(pg_scalar(*db, "SELECT count(*) FROM pg_tables WHERE tablename = 'gone'"), "0");
    ASSERT_EQ(kit({"push", "--tablesFilter", "!legacy_*"}, out), 0) << out;
    EXPECT_NE(out.find("No changes detected"), std::string::npos) << out;
}

TEST_F(PushPg, ExtensionObjectsAndFilteredExtensionTablesAreLeftAlone) {
    auto db = connect();
    // pg_buffercache's view belongs to the extension; spatial_ref_sys stands for PostGIS's table
    // as a dump restores it (a plain table), which only extensionsFilters recognises.
    db->exec("CREATE EXTENSION pg_buffercache; CREATE TABLE spatial_ref_sys (srid integer PRIMARY KEY);"
             "CREATE TABLE users (id serial PRIMARY KEY, name varchar(20), nick text, code text);");
    write_file(dir / "schema.hpp", kNarrowSchema);
    std::string out;
    ASSERT_EQ(kit({"push", "--explain", "--extensionsFilters", "postgis"}, out), 0) << out;
    EXPECT_EQ(out.find("pg_buffercache"), std::string::npos) << out;
    EXPECT_EQ(out.find("spatial_ref_sys"), std::string::npos) << out;
    ASSERT_EQ(kit({"push", "--explain"}, out), 0) << out;
    EXPECT_EQ(out.find("pg_buffercache"), std::string::npos) << out;
    EXPECT_NE(out.find("DROP TABLE \"spatial_ref_sys\";"), std::string::npos) << out;
}

TEST_F(PushPg, AFailingStatementLeavesTheDatabaseAsItWas) {
    auto db = connect();
    db->exec("CREATE TABLE users (id serial PRIMARY KEY, name varchar(20), nick text, code text);"
             "INSERT INTO users (name, nick, code) VALUES ('a', 'x', 'not a number');");
    write_file(dir / "schema.hpp", R"(#pragma once
#include <drizzle/dsl/pg.hpp>
using namespace drizzle::pg::dsl;
inline const auto users = pg_table("users", {
    serial("id").primary_key(),
    varchar("name", {.length = 20}),
    text("nick"),
    integer("code"),
    text("added"),
});
inline const auto fresh = pg_table("fresh", {integer("id")});
)");
    const auto before = pg_catalog_lines(*db);
    std::string out;
    EXPECT_EQ(kit({"push", "--force"}, out), 1) << out;
    EXPECT_NE(out.find("push, statement"), std::string::npos) << out;
    EXPECT_NE(out.find("nothing was changed"), std::string::npos) << out;
    EXPECT_EQ(pg_catalog_lines(*db), before);
}

}  // namespace
