// `drizzle-kit pull` on real SQLite files: every golden target schema and a sample database round-trip
// through the pulled C++ header; --baseline bookkeeping; bad input.
#include "support/pull_roundtrip.hpp"
#include "support/test_support.hpp"

#include "drizzle/dialect/sqlite_connection.hpp"
#include "drizzle/migrate/migrator.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <ctime>
#include <iostream>
#include <regex>

namespace fs = std::filesystem;
using namespace drizzle;

namespace {

void create_database(const fs::path& file, const std::string& sql) {
    auto db = sqlite::SqliteConnection::open(file.string());
    db->exec(sql);
}

std::string pull_args(const fs::path& db) {
    return "--dialect sqlite --url " + test::sh_quote(db.string());
}

class PullSqliteGolden : public ::testing::TestWithParam<std::string> {};

TEST_P(PullSqliteGolden, PulledHeaderRoundTrips) {
    test::TempDir dir("pull-sqlite");
    create_database(dir / "app.db", test::read_file(test::golden_case_dir("sqlite", GetParam()) / "next.sql"));
    test::pull_round_trip(dir.path(), pull_args(dir / "app.db"));
}

INSTANTIATE_TEST_SUITE_P(Cases, PullSqliteGolden, ::testing::ValuesIn(test::golden_cases("sqlite")),
                         test::golden_case_test_name);

class PullSqlite : public ::testing::Test {
protected:
    test::TempDir dir{"pull-sqlite"};

    int kit(const std::string& args, std::string& output) { return test::run_pull_kit(dir.path(), args, output); }
};

TEST_F(PullSqlite, SampleDatabaseRoundTrips) {
    create_database(dir / "app.db", test::read_file(test::fixture("sample/sqlite.sql")));
    auto result = test::pull_round_trip(dir.path(), pull_args(dir / "app.db"));
    std::cout << "sample sqlite database: pull " << result.pull_seconds << " s, generate (reads the header) "
              << result.generate_seconds << " s\n";
    EXPECT_NE(result.pull_output.find("[✓] 22 tables fetched"), std::string::npos) << result.pull_output;
    EXPECT_NE(result.pull_output.find("[✓] Your schema file is ready ➜ "), std::string::npos);
    // References to tables declared later (and to the table itself) are written by name.
    EXPECT_NE(result.header.find(".references(ref(\"categories\", \"id\")"), std::string::npos) << result.header;
    EXPECT_NE(result.header.find("primary_key({.auto_increment = true})"), std::string::npos);
}

TEST_F(PullSqlite, AwkwardNamesBecomeValidIdentifiers) {
    create_database(dir / "app.db", R"SQL(
        CREATE TABLE "text" ("id" integer PRIMARY KEY, "class" text);
        CREATE TABLE "2fa_codes" ("id" integer PRIMARY KEY, "code" text NOT NULL DEFAULT 'a"b\c');
        CREATE TABLE "user-groups" ("id" integer PRIMARY KEY, "text_id" integer REFERENCES "text"("id"));
        CREATE TABLE "user_groups" ("id" integer PRIMARY KEY);
        CREATE TABLE "log" ("id" integer PRIMARY KEY, "msg" text DEFAULT 'line1
line2');
        CREATE TABLE "__private" ("id" integer PRIMARY KEY);
        CREATE VIEW "class" AS SELECT "id" FROM "text" WHERE "class" <> ')"';
    )SQL");
    auto result = test::pull_round_trip(dir.path(), pull_args(dir / "app.db"));
    EXPECT_NE(result.header.find("inline const auto textTable = [] { return sqlite_table(\"text\""), std::string::npos)
        << result.header;
    EXPECT_NE(result.header.find("inline const auto table2faCodes ="), std::string::npos);
    EXPECT_NE(result.header.find("inline const auto userGroups ="), std::string::npos);
    EXPECT_NE(result.header.find("inline const auto userGroupsTable ="), std::string::npos);
    EXPECT_NE(result.header.find("inline const auto logTable ="), std::string::npos);
    EXPECT_NE(result.header.find("inline const auto classView ="), std::string::npos);
    EXPECT_NE(result.header.find("inline const auto privateTable ="), std::string::npos);

    // --introspect-casing preserve keeps the names (still valid and unique).
    test::TempDir other("pull-sqlite");
    create_database(other / "app.db", "CREATE TABLE \"user_groups\" (\"id\" integer PRIMARY KEY);");
    auto preserved = test::pull_round_trip(other.path(), pull_args(other / "app.db") + " --introspect-casing preserve");
    EXPECT_NE(preserved.header.find("inline const auto user_groups ="), std::string::npos) << preserved.header;
}

TEST_F(PullSqlite, BaselineIsRecordedAsDrizzleRecordsIt) {
    create_database(dir / "app.db", "CREATE TABLE t (id integer PRIMARY KEY, name text NOT NULL);");
    std::string out;
    ASSERT_EQ(kit("pull --dialect sqlite --url app.db --out drizzle --baseline", out), 0) << out;
    EXPECT_NE(out.find("Applying migration metadata to the database"), std::string::npos) << out;
    const auto folders = test::migration_folders(dir / "drizzle");
    ASSERT_EQ(folders.size(), 1u);
    const std::string sql = test::read_file(folders[0] / "migration.sql");
    EXPECT_EQ(sql, "-- Current sql file was generated after introspecting the database\n"
                   "-- If you want to run this migration please uncomment this code before executing migrations\n"
                   "/*\nCREATE TABLE `t` (\n\t`id` integer PRIMARY KEY,\n\t`name` text NOT NULL\n);\n\n*/");
    // drizzle-orm 1.0's row: sha256 of the file, the folder's time in ms, the folder name.
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
    const long long created_at = static_cast<long long>(timegm(&tm)) * 1000;
    auto db = sqlite::SqliteConnection::open((dir / "app.db").string());
    auto rows = db->query("SELECT id, hash, created_at, name, applied_at FROM __drizzle_migrations");
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0][1], sha256_hex(sql));
    EXPECT_EQ(rows[0][2], std::to_string(created_at));
    EXPECT_EQ(rows[0][3], name);
    EXPECT_TRUE(rows[0][4].has_value());

    // migrate applies nothing: the baseline counts as applied.
    ASSERT_EQ(kit("migrate --dialect sqlite --url app.db --out drizzle", out), 0) << out;
    EXPECT_NE(out.find("No pending migrations (1 already applied)"), std::string::npos) << out;

    // A second baseline is refused before anything is written.
    EXPECT_EQ(kit("pull --dialect sqlite --url app.db --out again --baseline", out), 3) << out;
    EXPECT_NE(out.find("--baseline can't be used when the database already has migrations"), std::string::npos) << out;
    EXPECT_FALSE(fs::exists(dir / "again"));
}

TEST_F(PullSqlite, LegacyFolderGetsABaselineInItsOwnLayout) {
    create_database(dir / "app.db", "CREATE TABLE t (id integer PRIMARY KEY, parent integer REFERENCES t(id));");
    test::write_file(dir / "drizzle/meta/_journal.json", R"({"version":"7","dialect":"sqlite","entries":[]})");
    std::string out;
    ASSERT_EQ(kit("pull --dialect sqlite --url app.db --out drizzle --baseline", out), 0) << out;
    ASSERT_TRUE(fs::exists(dir / "drizzle/meta/0000_snapshot.json")) << out;
    auto journal = nlohmann::json::parse(test::read_file(dir / "drizzle/meta/_journal.json"));
    ASSERT_EQ(journal["entries"].size(), 1u);
    const std::string tag = journal["entries"][0]["tag"];
    const std::string sql = test::read_file(dir / "drizzle" / (tag + ".sql"));
    EXPECT_EQ(sql.rfind("-- Current sql file was generated after introspecting the database\n", 0), 0u) << sql;
    auto db = sqlite::SqliteConnection::open((dir / "app.db").string());
    auto rows = db->query("SELECT hash, created_at FROM __drizzle_migrations");
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0][0], sha256_hex(sql));
    EXPECT_EQ(rows[0][1], std::to_string(journal["entries"][0]["when"].get<long long>()));
    ASSERT_EQ(kit("generate --dialect sqlite --schema drizzle/schema.hpp --out drizzle", out), 0) << out;
    EXPECT_NE(out.find("No schema changes"), std::string::npos) << out;
}

TEST_F(PullSqlite, FolderWithMigrationsOnlyGetsTheHeaderRefreshed) {
    // The config's keys, introspect.casing included, as drizzle.config.ts has them.
    test::write_file(dir / "drizzle.config.json", R"({"dialect": "sqlite", "out": "./drizzle",
        "dbCredentials": {"url": "./app.db"}, "introspect": {"casing": "preserve"}})");
    create_database(dir / "app.db", "CREATE TABLE user_notes (id integer PRIMARY KEY);");
    std::string out;
    ASSERT_EQ(kit("pull", out), 0) << out;
    EXPECT_NE(test::read_file(dir / "drizzle/schema.hpp").find("inline const auto user_notes ="), std::string::npos);
    create_database(dir / "app.db", "ALTER TABLE user_notes ADD COLUMN note text;");
    ASSERT_EQ(kit("introspect --introspect-casing camel", out), 0) << out;
    EXPECT_NE(out.find("only the schema file was refreshed"), std::string::npos) << out;
    EXPECT_EQ(test::migration_folders(dir / "drizzle").size(), 1u);
    const std::string header = test::read_file(dir / "drizzle/schema.hpp");
    EXPECT_NE(header.find("text(\"note\")"), std::string::npos) << header;
    EXPECT_NE(header.find("inline const auto userNotes ="), std::string::npos) << header;
    // --baseline needs the empty folder it writes the baseline into.
    EXPECT_EQ(kit("pull --baseline", out), 3) << out;
    EXPECT_NE(out.find("already holds 1 migration(s)"), std::string::npos) << out;
}

TEST_F(PullSqlite, BadInputIsRefusedAndWritesNothing) {
    std::string out;
    EXPECT_EQ(kit("pull --dialect sqlite --url missing.db --out drizzle", out), 1) << out;
    EXPECT_NE(out.find("missing.db"), std::string::npos) << out;
    EXPECT_FALSE(fs::exists(dir / "missing.db"));
    EXPECT_EQ(kit("introspect --dialect sqlite --url missing.db --introspect-casing snake", out), 3) << out;
    EXPECT_EQ(kit("pull --dialect nosql --url x.db", out), 3) << out;
    EXPECT_EQ(kit("pull --dialect sqlite --out drizzle", out), 3) << out;
    EXPECT_NE(out.find("dbCredentials.url"), std::string::npos) << out;
    EXPECT_FALSE(fs::exists(dir / "drizzle"));
}

}  // namespace
