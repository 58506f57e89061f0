// End-to-end on PostgreSQL: a C++ pg-core schema -> generate -> migrate -> introspect equals it.
#include "support/test_support.hpp"

#include "drizzle/dialect/pg.hpp"
#include "drizzle/dialect/pg_connection.hpp"
#include "drizzle/diff/diff.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace drizzle;

namespace {

const char* kSchema = R"SCHEMA(#pragma once
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
    uuid("token").default_random(),
    mood("mood").default_("ok"),
    text("tags").array(),
    jsonb("profile"),
    integer("age"),
}, {
    index("users_email_lower_idx").on({sql("lower((email)::text)")}),
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
)SCHEMA";

class CliPg : public ::testing::Test {
protected:
    test::TempDir dir{"cli-pg"};
    std::string url_;
    std::string admin_url_;
    std::string database_;

    void SetUp() override {
        const char* url = std::getenv("DRIZZLE_TEST_PG_URL");
        if (url == nullptr || *url == '\0') {
            if (std::getenv("DRIZZLE_SKIP_PG") != nullptr) GTEST_SKIP() << "DRIZZLE_SKIP_PG is set: PostgreSQL tests skipped";
            FAIL() << "DRIZZLE_TEST_PG_URL is not set: run the suite through scripts/test.sh (or set DRIZZLE_SKIP_PG=1)";
        }
        admin_url_ = url;
        static std::atomic<int> counter{0};
        database_ = "cli_pg_" + std::to_string(getpid()) + "_" + std::to_string(counter++);
        pg::PgConnection::open(admin_url_)->exec("CREATE DATABASE " + pg::quote_identifier(database_));
        auto slash = admin_url_.find('/', admin_url_.find("://") + 3);
        url_ = admin_url_.substr(0, slash) + "/" + database_;
        setenv("DRIZZLE_CACHE_DIR", (dir.path() / ".cache").c_str(), 1);
        test::write_file(dir / "drizzle.config.json",
                         R"({"dialect":"postgresql","schema":"./schema.hpp","out":"./drizzle","dbCredentials":{"url":")" +
                             url_ + "\"}}");
        test::write_file(dir / "schema.hpp", kSchema);
    }

    void TearDown() override {
        if (database_.empty()) return;
        try {
            pg::PgConnection::open(admin_url_)->exec("DROP DATABASE IF EXISTS " + pg::quote_identifier(database_) +
                                                     " WITH (FORCE)");
        } catch (...) {
        }
    }

    int kit(const std::string& args, std::string& output) {
        return test::run_command("cd '" + dir.path().string() + "' && '" DRIZZLE_KIT_EXE "' " + args + " </dev/null",
                                 output);
    }
};

TEST_F(CliPg, GenerateMigrateAndTheDatabaseMatchesTheSchema) {
    std::string out;
    ASSERT_EQ(kit("generate --name init", out), 0) << out;
    ASSERT_EQ(kit("migrate", out), 0) << out;
    // Nothing left to generate: the snapshot written equals the schema.
    ASSERT_EQ(kit("generate", out), 0) << out;
    EXPECT_NE(out.find("No schema changes"), std::string::npos) << out;

    auto db = pg::PgConnection::open(url_);
    auto live = pg::introspect(*db);
    const Table* users = live.find_table("users");
    ASSERT_NE(users, nullptr);
    EXPECT_TRUE(users->rls_enabled);
    ASSERT_EQ(users->policies.size(), 1u);
    EXPECT_EQ(users->columns.size(), 10u);
    const Table* invoices = live.find_table("invoices", "billing");
    ASSERT_NE(invoices, nullptr);
    ASSERT_EQ(invoices->foreign_keys.size(), 1u);
    EXPECT_EQ(invoices->foreign_keys[0].on_delete, "cascade");
    EXPECT_EQ(live.enums.size(), 2u);
    EXPECT_EQ(db->query("SELECT count(*) FROM drizzle.__drizzle_migrations")[0][0], "1");

    // A change with data present: remove an enum value no row uses, widen a type.
    db->exec("INSERT INTO users (email, mood) VALUES ('a@b.c', 'ok')");
    std::string changed = kSchema;
    changed.replace(changed.find("{\"sad\", \"ok\", \"happy\"}"), 22, "{\"sad\", \"ok\"}");
    changed.replace(changed.find("integer(\"age\")"), 14, "bigint(\"age\")");
    test::write_file(dir / "schema.hpp", changed);
    ASSERT_EQ(kit("generate --name shrink", out), 0) << out;
    ASSERT_EQ(kit("migrate", out), 0) << out;
    EXPECT_EQ(db->query("SELECT mood::text FROM users")[0][0], "ok");
    ASSERT_EQ(kit("generate", out), 0) << out;
    EXPECT_NE(out.find("No schema changes"), std::string::npos) << out;

    // CREATE INDEX CONCURRENTLY cannot run in a transaction: the file says so and migrate obeys.
    changed.replace(changed.find("    check(\"age_check\""), 0,
                    "    index(\"users_age_idx\").on({\"age\"}).concurrently(),\n");
    test::write_file(dir / "schema.hpp", changed);
    ASSERT_EQ(kit("generate --name concurrent_index", out), 0) << out;
    std::vector<fs::path> dirs;
    for (const auto& entry : fs::directory_iterator(dir / "drizzle")) dirs.push_back(entry.path());
    std::sort(dirs.begin(), dirs.end());
    EXPECT_EQ(test::read_file(dirs.back() / "migration.sql"),
              "-- drizzle:txmode none\nCREATE INDEX CONCURRENTLY \"users_age_idx\" ON \"users\" (\"age\");");
    ASSERT_EQ(kit("migrate", out), 0) << out;
    EXPECT_EQ(db->query("SELECT count(*) FROM pg_indexes WHERE indexname = 'users_age_idx'")[0][0], "1");
    ASSERT_EQ(kit("generate", out), 0) << out;
    EXPECT_NE(out.find("No schema changes"), std::string::npos) << out;
}

}  // namespace
