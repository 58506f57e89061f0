// push on real SQLite files: data at risk counted before anything runs, --explain, filters, one transaction.
#include "support/test_support.hpp"

#include "drizzle/dialect/sqlite_connection.hpp"

#include <gtest/gtest.h>

using namespace drizzle;

namespace {

class PushSqlite : public ::testing::Test {
protected:
    test::TempDir dir{"push-sqlite"};

    void SetUp() override {
        test::write_file(dir / "drizzle.config.json",
                         R"({"dialect": "sqlite", "schema": "./schema.sql", "dbCredentials": {"url": "./local.db"}})");
        db("CREATE TABLE users (id integer PRIMARY KEY, name text, age integer);"
           "INSERT INTO users VALUES (1, 'ann', 31), (2, 'bob', NULL), (3, NULL, 40);"
           "CREATE TABLE posts (id integer PRIMARY KEY, user_id integer REFERENCES users(id) ON DELETE CASCADE);"
           "INSERT INTO posts VALUES (10, 1), (11, 1), (12, 2);"
           "CREATE TABLE audit (id integer PRIMARY KEY); INSERT INTO audit VALUES (1), (2);"
           "CREATE TABLE legacy_log (line text); INSERT INTO legacy_log VALUES ('kept');");
    }

    void schema(const std::string& sql) { test::write_file(dir / "schema.sql", sql); }

    void db(const std::string& sql) { sqlite::SqliteConnection::open((dir / "local.db").string())->exec(sql); }

    std::string scalar(const std::string& sql) {
        auto rows = sqlite::SqliteConnection::open((dir / "local.db").string())->query(sql);
        return rows.empty() || rows[0].empty() || !rows[0][0] ? "" : *rows[0][0];
    }

    std::string schema_text() { return scalar("SELECT group_concat(sql, ';') FROM sqlite_schema ORDER BY name"); }

    int kit(const std::string& args, std::string& output) {
        return test::run_command("cd '" + dir.path().string() + "' && '" DRIZZLE_KIT_EXE "' " + args + " </dev/null",
                                 output);
    }
};

// users loses `age` (2 values), audit goes (2 rows); legacy_log is outside tablesFilter.
const char* kSmaller = R"(
CREATE TABLE users (id integer PRIMARY KEY, name text);
CREATE TABLE posts (id integer PRIMARY KEY, user_id integer REFERENCES users(id) ON DELETE CASCADE);
)";

TEST_F(PushSqlite, ExplainListsTheRowsAtRiskAndChangesNothing) {
    schema(kSmaller);
    const std::string before = schema_text();
    std::string out;
    ASSERT_EQ(kit("push --explain --tablesFilter '!legacy_*'", out), 0) << out;
    EXPECT_NE(out.find("drop column \"users\".\"age\": 2 rows with a value"), std::string::npos) << out;
    EXPECT_NE(out.find("drop table \"audit\": 2 rows"), std::string::npos) << out;
    EXPECT_NE(out.find("DROP TABLE `audit`;"), std::string::npos) << out;
    EXPECT_EQ(out.find("legacy_log"), std::string::npos) << out;
    EXPECT_EQ(schema_text(), before);
}

TEST_F(PushSqlite, DataLossWithoutTerminalIsRefusedUntilForced) {
    schema(kSmaller);
    const std::string before = schema_text();
    std::string out;
    EXPECT_EQ(kit("push --tablesFilter '!legacy_*'", out), 2) << out;
    EXPECT_NE(out.find("\"rows\": 2"), std::string::npos) << out;  // the risks as JSON for automation
    EXPECT_NE(out.find("Nothing was changed"), std::string::npos) << out;
    EXPECT_EQ(schema_text(), before);

    ASSERT_EQ(kit("push --force --tablesFilter '!legacy_*'", out), 0) << out;
    EXPECT_EQ(scalar("SELECT count(*) FROM sqlite_schema WHERE name = 'audit'"), "0");
    EXPECT_EQ(scalar("SELECT count(*) FROM pragma_table_info('users') WHERE name = 'age'"), "0");
    // The users rebuild must not cascade into posts (drizzle #1813), and other data stays.
    EXPECT_EQ(scalar("SELECT count(*) FROM posts"), "3");
    EXPECT_EQ(scalar("SELECT group_concat(coalesce(name, '-'), ',') FROM users ORDER BY id"), "ann,bob,-");
    EXPECT_EQ(scalar("SELECT line FROM legacy_log"), "kept");

    ASSERT_EQ(kit("push --tablesFilter '!legacy_*'", out), 0) << out;
    EXPECT_NE(out.find("No changes detected"), std::string::npos) << out;
}

TEST_F(PushSqlite, WithoutTheFilterUnmanagedTablesWouldBeDropped) {
    schema(kSmaller);
    std::string out;
    ASSERT_EQ(kit("push --explain", out), 0) << out;
    EXPECT_NE(out.find("drop table \"legacy_log\": 1 row"), std::string::npos) << out;
}

TEST_F(PushSqlite, NotNullOverExistingNullsIsRefusedEvenWithForce) {
    schema(R"(
CREATE TABLE users (id integer PRIMARY KEY, name text NOT NULL, age integer);
CREATE TABLE posts (id integer PRIMARY KEY, user_id integer REFERENCES users(id) ON DELETE CASCADE);
CREATE TABLE audit (id integer PRIMARY KEY);
CREATE TABLE legacy_log (line text);
)");
    const std::string before = schema_text();
    std::string out;
    EXPECT_EQ(kit("push --force", out), 3) << out;
    EXPECT_NE(out.find("set NOT NULL on \"users\".\"name\": 1 row holding NULL (the statement would fail)"),
              std::string::npos)
        << out;
    EXPECT_EQ(schema_text(), before);

    db("UPDATE users SET name = 'cy' WHERE name IS NULL");
    ASSERT_EQ(kit("push", out), 0) << out;  // no data at risk: no confirmation needed
    EXPECT_EQ(scalar("SELECT \"notnull\" FROM pragma_table_info('users') WHERE name = 'name'"), "1");
    EXPECT_EQ(scalar("SELECT count(*) FROM posts"), "3");
}

TEST_F(PushSqlite, NewUniqueIndexOverDuplicatesIsRefused) {
    db("UPDATE users SET name = 'ann'");
    schema(R"(
CREATE TABLE users (id integer PRIMARY KEY, name text, age integer);
CREATE UNIQUE INDEX users_name_unique ON users (name);
CREATE TABLE posts (id integer PRIMARY KEY, user_id integer REFERENCES users(id) ON DELETE CASCADE);
CREATE TABLE audit (id integer PRIMARY KEY);
CREATE TABLE legacy_log (line text);
)");
    std::string out;
    EXPECT_EQ(kit("push --force", out), 3) << out;
    EXPECT_NE(out.find("create unique index \"users_name_unique\" on \"users\": 3 rows sharing the key"),
              std::string::npos)
        << out;
    EXPECT_EQ(scalar("SELECT count(*) FROM sqlite_schema WHERE name = 'users_name_unique'"), "0");
}

// SQLite accepts NULL in a key column that is not the rowid unless it is declared NOT NULL, which
// drizzle-kit never wrote. push sees such a key in the database and rebuilds the table with NOT
// NULL, after refusing while a row holds a NULL key (the copy would fail).
TEST_F(PushSqlite, NullableKeyGetsNotNullOnceNoRowHoldsANullKey) {
    const char* tables = R"(
CREATE TABLE users (id integer PRIMARY KEY, name text, age integer);
CREATE TABLE posts (id integer PRIMARY KEY, user_id integer REFERENCES users(id) ON DELETE CASCADE);
CREATE TABLE audit (id integer PRIMARY KEY);
CREATE TABLE legacy_log (line text);
CREATE TABLE tags (id text PRIMARY KEY, label text);
CREATE TABLE post_tags (post_id integer, tag_id text, PRIMARY KEY (post_id, tag_id));
)";
    db("CREATE TABLE tags (id text PRIMARY KEY, label text);"
       "INSERT INTO tags VALUES ('a', 'x'), (NULL, 'orphan');"
       "CREATE TABLE post_tags (post_id integer, tag_id text, PRIMARY KEY (post_id, tag_id));"
       "INSERT INTO post_tags VALUES (10, 'a'), (11, NULL);");
    schema(tables);
    const std::string before = schema_text();
    std::string out;
    EXPECT_EQ(kit("push --force", out), 3) << out;
    EXPECT_NE(out.find("set NOT NULL on \"tags\".\"id\": 1 row holding NULL"), std::string::npos) << out;
    EXPECT_NE(out.find("set NOT NULL on \"post_tags\".\"tag_id\": 1 row holding NULL"), std::string::npos) << out;
    EXPECT_EQ(schema_text(), before);

    db("DELETE FROM tags WHERE id IS NULL; DELETE FROM post_tags WHERE tag_id IS NULL;");
    ASSERT_EQ(kit("push", out), 0) << out;
    EXPECT_EQ(scalar("SELECT group_concat(\"notnull\") FROM pragma_table_info('tags') WHERE pk > 0"), "1");
    EXPECT_EQ(scalar("SELECT group_concat(\"notnull\") FROM pragma_table_info('post_tags') WHERE pk > 0"), "1,1");
    EXPECT_EQ(scalar("SELECT count(*) FROM tags"), "1");
    EXPECT_THROW(db("INSERT INTO tags VALUES (NULL, 'y')"), std::exception);
    EXPECT_THROW(db("INSERT INTO post_tags VALUES (12, NULL)"), std::exception);
    ASSERT_EQ(kit("push", out), 0) << out;
    EXPECT_NE(out.find("No changes detected"), std::string::npos) << out;
}

TEST_F(PushSqlite, UniqueConstraintOverDuplicatesIsRefused) {
    db("UPDATE users SET name = 'ann'");
    schema(R"(
CREATE TABLE users (id integer PRIMARY KEY, name text UNIQUE, age integer);
CREATE TABLE posts (id integer PRIMARY KEY, user_id integer REFERENCES users(id) ON DELETE CASCADE);
CREATE TABLE audit (id integer PRIMARY KEY);
CREATE TABLE legacy_log (line text);
)");
    const std::string before = schema_text();
    std::string out;
    EXPECT_EQ(kit("push --force", out), 3) << out;
    EXPECT_NE(out.find("add unique constraint"), std::string::npos) << out;
    EXPECT_EQ(schema_text(), before);
}

TEST_F(PushSqlite, StrictWithoutTerminalAsksForForce) {
    schema(R"(
CREATE TABLE users (id integer PRIMARY KEY, name text, age integer, email text);
CREATE TABLE posts (id integer PRIMARY KEY, user_id integer REFERENCES users(id) ON DELETE CASCADE);
CREATE TABLE audit (id integer PRIMARY KEY);
CREATE TABLE legacy_log (line text);
)");
    std::string out;
    EXPECT_EQ(kit("push --strict", out), 2) << out;
    EXPECT_EQ(scalar("SELECT count(*) FROM pragma_table_info('users') WHERE name = 'email'"), "0");
    ASSERT_EQ(kit("push --strict --force --verbose", out), 0) << out;
    EXPECT_NE(out.find("ALTER TABLE `users` ADD `email` text;"), std::string::npos) << out;
    EXPECT_EQ(scalar("SELECT count(*) FROM pragma_table_info('users') WHERE name = 'email'"), "1");
}

}  // namespace
