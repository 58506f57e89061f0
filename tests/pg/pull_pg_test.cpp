// `drizzle-kit pull` on a real PostgreSQL: every golden target schema and a sample database round-trip
// through the pulled C++ header; --baseline bookkeeping; bad input.
#include "pg/pg_support.hpp"
#include "support/pull_roundtrip.hpp"

#include "drizzle/migrate/migrator.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <ctime>
#include <iostream>
#include <regex>

namespace fs = std::filesystem;
using namespace drizzle;

namespace {

std::string pull_args(const std::string& url) {
    return "--dialect postgresql --url " + test::sh_quote(url);
}

class PullPgGolden : public test::PgTest, public ::testing::WithParamInterface<std::string> {};

TEST_P(PullPgGolden, PulledHeaderRoundTrips) {
    connect()->exec(test::read_file(test::golden_case_dir("pg", GetParam()) / "next.sql"));
    test::TempDir dir("pull-pg");
    test::pull_round_trip(dir.path(), pull_args(url()));
}

INSTANTIATE_TEST_SUITE_P(Cases, PullPgGolden, ::testing::ValuesIn(test::golden_cases("pg")),
                         test::golden_case_test_name);

class PullPg : public test::PgTest {
protected:
    test::TempDir dir{"pull-pg"};

    int kit(const std::string& args, std::string& output) { return test::run_pull_kit(dir.path(), args, output); }
};

TEST_F(PullPg, SampleDatabaseRoundTrips) {
    connect()->exec(test::read_file(test::fixture("sample/postgres.sql")));
    auto result = test::pull_round_trip(dir.path(), pull_args(url()));
    std::cout << "sample postgres database: pull " << result.pull_seconds << " s, generate (reads the header) "
              << result.generate_seconds << " s\n";
    for (const char* line : {"[✓] 21 tables fetched", "[✓] 4 enums fetched", "[✓] 3 sequences fetched",
                             "[✓] 3 policies fetched", "[✓] 4 views fetched"}) {
        EXPECT_NE(result.pull_output.find(line), std::string::npos) << line << "\n" << result.pull_output;
    }
    const std::string& h = result.header;
    for (const char* expected : {
             "inline const auto billingSchema = pg_schema(\"billing\");",
             "inline const auto currency = billingSchema.enum_(\"currency\", {\"usd\", \"eur\", \"gbp\"});",
             "{\"todo\", \"doing\", \"done\", \"won't do\"}",
             "serial(\"id\").primary_key()",
             "bigserial(\"id\").primary_key()",
             "smallserial(\"id\").primary_key()",
             "bigint(\"id\").primary_key().generated_always_as_identity()",
             ".generated_by_default_as_identity({.increment = 5, .start_with = 100})",
             "uuid(\"uuid\").not_null().default_random()",
             "userRole(\"role\").not_null().default_(\"member\")",
             "text(\"nicknames\").array().not_null().default_(\"{}\")",
             "real(\"matrix\").array()",
             "varchar(\"display_name\", {.length = 100}).not_null().default_(\"\")",
             ".references(ref(\"users\", \"id\"), {.on_delete = action::set_null, .name = \"users_manager_id_fkey\"})",
             "pg_policy(\"users_admin\", {.as = \"restrictive\", .for_ = \"update\"",
             "unique(\"projects_org_key\").on({\"org_id\", \"key\"}).nulls_not_distinct()",
             "IndexTarget(\"created_at\").desc().nulls_last()",
             ".using_(\"gin\")",
             ".enable_rls()",
             "billingSchema.materialized_view(\"revenue_by_month\"",
             "{.with = {{\"securityBarrier\", \"true\"}}}",
         }) {
        EXPECT_NE(h.find(expected), std::string::npos) << "missing: " << expected;
    }
}

TEST_F(PullPg, LegacyFolderRoundTrips) {
    // A drizzle-kit 0.31 folder gets the baseline in its own layout, and generate then agrees with it.
    connect()->exec(test::read_file(test::fixture("sample/postgres.sql")));
    test::write_file(dir / "drizzle/meta/_journal.json", R"({"version":"7","dialect":"postgresql","entries":[]})");
    std::string out;
    ASSERT_EQ(kit("pull " + pull_args(url()) + " --out drizzle", out), 0) << out;
    ASSERT_TRUE(fs::exists(dir / "drizzle/meta/0000_snapshot.json")) << out;
    EXPECT_TRUE(test::migration_folders(dir / "drizzle").size() == 1u); // meta/ only
    ASSERT_EQ(kit("generate --dialect postgresql --schema drizzle/schema.hpp --out drizzle", out), 0) << out;
    EXPECT_NE(out.find("No schema changes"), std::string::npos) << out;
}

TEST_F(PullPg, SameTableNameInTwoSchemasAndReservedNames) {
    connect()->exec(R"SQL(
        CREATE SCHEMA "billing";
        CREATE SCHEMA "2024";
        CREATE TYPE "text" AS ENUM ('a', 'b');
        CREATE TABLE "users" ("id" serial PRIMARY KEY, "kind" "text");
        CREATE TABLE "billing"."users" ("id" integer PRIMARY KEY REFERENCES "users"("id"), "main" text);
        CREATE TABLE "2024"."users" ("id" integer PRIMARY KEY REFERENCES "billing"."users"("id"));
        CREATE TABLE "class" ("id" integer PRIMARY KEY, "note" text DEFAULT E'tab\there', "q" text DEFAULT ')"');
        CREATE VIEW "time" AS SELECT id FROM "class";
    )SQL");
    auto result = test::pull_round_trip(dir.path(), pull_args(url()));
    const std::string& h = result.header;
    EXPECT_NE(h.find("inline const auto users = [] { return pg_table(\"users\""), std::string::npos) << h;
    EXPECT_NE(h.find("inline const auto billingUsers = [] { return billingSchema.table(\"users\""), std::string::npos) << h;
    EXPECT_NE(h.find("inline const auto textEnum = pg_enum(\"text\""), std::string::npos) << h;
    EXPECT_NE(h.find("inline const auto classTable ="), std::string::npos) << h;
    EXPECT_NE(h.find("inline const auto timeView ="), std::string::npos) << h;
}

TEST_F(PullPg, BaselineIsRecordedAsDrizzleRecordsIt) {
    connect()->exec("CREATE TYPE mood AS ENUM ('sad', 'ok'); CREATE TABLE t (id serial PRIMARY KEY, m mood);");
    std::string out;
    ASSERT_EQ(kit("pull " + pull_args(url()) + " --out drizzle --init", out), 0) << out;
    const auto folders = test::migration_folders(dir / "drizzle");
    ASSERT_EQ(folders.size(), 1u);
    const std::string sql = test::read_file(folders[0] / "migration.sql");
    EXPECT_EQ(sql, "-- Current sql file was generated after introspecting the database\n"
                   "-- If you want to run this migration please uncomment this code before executing migrations\n"
                   "/*\nCREATE TYPE \"mood\" AS ENUM('sad', 'ok');--> statement-breakpoint\n"
                   "CREATE TABLE \"t\" (\n\t\"id\" serial PRIMARY KEY,\n\t\"m\" \"mood\"\n);\n\n*/");
    const std::string name = folders[0].filename().string();
    std::smatch stamp;
    ASSERT_TRUE(std::regex_match(name, stamp, std::regex(R"((\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})_\w+)")));
    std::tm tm{};
    tm.tm_year = std::stoi(stamp[1]) - 1900;
    tm.tm_mon = std::stoi(stamp[2]) - 1;
    tm.tm_mday = std::stoi(stamp[3]);
    tm.tm_hour = std::stoi(stamp[4]);
    tm.tm_min = std::stoi(stamp[5]);
    tm.tm_sec = std::stoi(stamp[6]);
    auto db = connect();
    auto rows = db->query("SELECT id, hash, created_at, name, applied_at FROM drizzle.__drizzle_migrations");
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0][0], "1");
    EXPECT_EQ(rows[0][1], sha256_hex(sql));
    EXPECT_EQ(rows[0][2], std::to_string(static_cast<long long>(timegm(&tm)) * 1000));
    EXPECT_EQ(rows[0][3], name);
    EXPECT_TRUE(rows[0][4].has_value());

    ASSERT_EQ(test::run_kit_migrate(dir / "drizzle", url(), out), 0) << out;
    EXPECT_NE(out.find("No pending migrations (1 already applied)"), std::string::npos) << out;
    EXPECT_EQ(test::pg_scalar(*db, "SELECT count(*) FROM drizzle.__drizzle_migrations"), "1");

    EXPECT_EQ(kit("pull " + pull_args(url()) + " --out again --baseline", out), 3) << out;
    EXPECT_NE(out.find("--baseline can't be used when the database already has migrations"), std::string::npos) << out;
    EXPECT_FALSE(fs::exists(dir / "again"));
}

TEST_F(PullPg, FiltersLimitWhatIsPulled) {
    connect()->exec(R"SQL(
        CREATE SCHEMA other;
        CREATE TABLE keep_a (id integer PRIMARY KEY);
        CREATE TABLE keep_b (id integer PRIMARY KEY, a integer REFERENCES keep_a(id));
        CREATE TABLE skip_c (id integer PRIMARY KEY, b integer REFERENCES keep_b(id));
        CREATE TABLE other.t (id integer PRIMARY KEY);
    )SQL");
    std::string out;
    ASSERT_EQ(kit("pull " + pull_args(url()) + " --out drizzle --tablesFilter 'keep_*' --schemaFilters public", out), 0)
        << out;
    const std::string header = test::read_file(dir / "drizzle/schema.hpp");
    EXPECT_NE(header.find("pg_table(\"keep_b\""), std::string::npos) << header;
    EXPECT_EQ(header.find("skip_c"), std::string::npos) << header;
    EXPECT_EQ(header.find("other"), std::string::npos) << header;
}

TEST_F(PullPg, UnreachableDatabaseAndBadPasswordsWriteNothingAndPrintNoPassword) {
    std::string out;
    EXPECT_EQ(kit("pull --dialect postgresql --url postgres://someone:s3cr3t-pw@127.0.0.1:1/db --out drizzle", out), 1)
        << out;
    EXPECT_NE(out.find("cannot connect"), std::string::npos) << out;
    EXPECT_EQ(out.find("s3cr3t-pw"), std::string::npos) << out;
    const std::string wrong = test::pg_url_with_user(url(), "drizzle_pw", "not-the-password-42");
    EXPECT_NE(kit("pull --dialect postgresql --url " + test::sh_quote(wrong) + " --out drizzle", out), 0) << out;
    EXPECT_EQ(out.find("not-the-password-42"), std::string::npos) << out;
    EXPECT_FALSE(fs::exists(dir / "drizzle"));
}

}  // namespace
