// Eight `drizzle-kit push` processes of one schema at once on one SQLite file: all succeed, one creates it.
#include "support/test_support.hpp"

#include "drizzle/dialect/sqlite_connection.hpp"

#include <gtest/gtest.h>

using namespace drizzle;

namespace {

TEST(PushConcurrencySqlite, EightConcurrentPushesAllSucceedAndTheSchemaIsCreatedOnce) {
    test::TempDir dir("push-concurrency-sqlite");
    test::write_file(dir / "drizzle.config.json",
                     R"({"dialect": "sqlite", "schema": "./schema.sql", "dbCredentials": {"url": "./local.db"}})");
    test::write_file(dir / "schema.sql", R"(
CREATE TABLE users (id integer PRIMARY KEY, name text NOT NULL, email text);
CREATE UNIQUE INDEX users_email_unique ON users (email);
CREATE TABLE posts (id integer PRIMARY KEY, user_id integer NOT NULL REFERENCES users(id), title text);
CREATE INDEX posts_user_idx ON posts (user_id);
)");
    // Each process writes its output and exit code to files of its own; the shell waits for all.
    std::string script = "cd '" + dir.path().string() + "' && for i in 1 2 3 4 5 6 7 8; do ( '" DRIZZLE_KIT_EXE
                         "' push --force </dev/null >out.$i 2>&1; echo $? >rc.$i ) & done; wait";
    std::string output;
    ASSERT_EQ(test::run_command(script, output), 0) << output;
    int applied = 0;
    int unchanged = 0;
    for (int i = 1; i <= 8; ++i) {
        const std::string out = test::read_file(dir / ("out." + std::to_string(i)));
        EXPECT_EQ(test::read_file(dir / ("rc." + std::to_string(i))), "0\n") << "push " << i << ":\n" << out;
        if (out.find("Changes applied") != std::string::npos) ++applied;
        if (out.find("No changes detected") != std::string::npos) ++unchanged;
    }
    EXPECT_EQ(applied, 1);
    EXPECT_EQ(unchanged, 7);
    auto db = sqlite::SqliteConnection::open((dir / "local.db").string());
    EXPECT_EQ(*db->query("SELECT count(*) FROM sqlite_schema WHERE name IN ('users', 'posts', 'users_email_unique', "
                         "'posts_user_idx')")[0][0],
              "4");
    ASSERT_EQ(test::run_command("cd '" + dir.path().string() + "' && '" DRIZZLE_KIT_EXE "' push --explain", output), 0);
    EXPECT_NE(output.find("No changes detected"), std::string::npos) << output;
}

}  // namespace
