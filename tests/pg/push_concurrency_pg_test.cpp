// Eight `drizzle-kit push` processes of one schema at once on PostgreSQL: all succeed, one creates it.
#include "pg_support.hpp"

#include "drizzle/dialect/pg.hpp"
#include "drizzle/snapshot/snapshot.hpp"

#include <gtest/gtest.h>

namespace drizzle::test {
namespace {

class PushConcurrencyPg : public PgTest {};

TEST_F(PushConcurrencyPg, EightConcurrentPushesAllSucceedAndTheSchemaIsCreatedOnce) {
    TempDir dir("push-concurrency-pg");
    auto target_db = pg::PgConnection::open(create_database());
    target_db->exec(R"(
CREATE SCHEMA app;
CREATE TYPE app.status AS ENUM ('draft', 'live');
CREATE TABLE app.users (id serial PRIMARY KEY, name text NOT NULL, email text UNIQUE);
CREATE TABLE app.posts (id serial PRIMARY KEY, user_id int NOT NULL REFERENCES app.users(id),
                        status app.status NOT NULL DEFAULT 'draft', title text);
CREATE INDEX posts_user_idx ON app.posts (user_id);
)");
    Snapshot snapshot;
    snapshot.schema = pg::introspect(*target_db);
    write_file(dir / "schema.json", write_snapshot(snapshot));
    write_file(dir / "drizzle.config.json", R"({"dialect":"postgresql","schema":"./schema.json","dbCredentials":{"url":")" +
                                                url() + "\"}}");
    std::string script = "cd " + shell_quote(dir.path().string()) + " && for i in 1 2 3 4 5 6 7 8; do ( " +
                         shell_quote(DRIZZLE_KIT_EXE) + " push --force </dev/null >out.$i 2>&1; echo $? >rc.$i ) & done; wait";
    std::string output;
    ASSERT_EQ(run_command(script, output), 0) << output;
    int applied = 0;
    int unchanged = 0;
    for (int i = 1; i <= 8; ++i) {
        const std::string out = read_file(dir / ("out." + std::to_string(i)));
        EXPECT_EQ(read_file(dir / ("rc." + std::to_string(i))), "0\n") << "push " << i << ":\n" << out;
        if (out.find("Changes applied") != std::string::npos) ++applied;
        if (out.find("No changes detected") != std::string::npos) ++unchanged;
    }
    EXPECT_EQ(applied, 1);
    EXPECT_EQ(unchanged, 7);
    auto db = connect();
    EXPECT_EQ(pg_scalar(*db, "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                             "WHERE n.nspname = 'app' AND c.relname IN ('users', 'posts', 'posts_user_idx')"),
              "3");
    EXPECT_EQ(pg_scalar(*db, "SELECT count(*) FROM pg_type WHERE typname = 'status'"), "1");
    ASSERT_EQ(run_kit(dir.path(), {"push", "--explain"}, output), 0) << output;
    EXPECT_NE(output.find("No changes detected"), std::string::npos) << output;
}

}  // namespace
}  // namespace drizzle::test
