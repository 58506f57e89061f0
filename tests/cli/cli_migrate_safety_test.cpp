// `drizzle-kit migrate` on SQLite files: a wrong `out` creates nothing, duplicates and deleted files stop it.
#include "support/test_support.hpp"

#include "drizzle/dialect/sqlite_connection.hpp"

#include <gtest/gtest.h>

namespace fs = std::filesystem;
using namespace drizzle;

namespace {

class CliMigrateSafety : public ::testing::Test {
protected:
    test::TempDir dir{"cli-migrate-safety"};

    void SetUp() override {
        test::write_file(dir / "drizzle.config.json",
                         R"({"dialect": "sqlite", "out": "./drizzle", "dbCredentials": {"url": "./local.db"}})");
    }

    int kit(const std::string& args, std::string& output) {
        return test::run_command("cd '" + dir.path().string() + "' && '" DRIZZLE_KIT_EXE "' " + args + " </dev/null",
                                 output);
    }

    std::string scalar(const std::string& sql) {
        auto db = sqlite::SqliteConnection::open((dir / "local.db").string());
        auto rows = db->query(sql);
        return rows.empty() ? "" : rows[0][0].value_or("");
    }
};

TEST_F(CliMigrateSafety, MissingOutIsExitThreeNamingThePathAndCreatesNoDatabaseFile) {
    std::string out;
    EXPECT_EQ(kit("migrate --out ./nope", out), 3) << out;
    EXPECT_NE(out.find("nope"), std::string::npos) << out;
    EXPECT_NE(out.find("does not exist"), std::string::npos) << out;
    EXPECT_FALSE(fs::exists(dir / "local.db")) << "a database file was created";
    EXPECT_FALSE(fs::exists(dir / "nope"));

    EXPECT_EQ(kit("migrate", out), 3) << out;  // `out` from the config, also missing
    EXPECT_NE(out.find("drizzle"), std::string::npos) << out;
    EXPECT_FALSE(fs::exists(dir / "local.db"));
}

TEST_F(CliMigrateSafety, EmptyOutIsExitThreeAndAnExistingDatabaseGetsNoBookkeeping) {
    fs::create_directories(dir / "drizzle");
    {
        auto db = sqlite::SqliteConnection::open((dir / "local.db").string());
        db->exec("CREATE TABLE app (x integer)");
    }
    std::string out;
    EXPECT_EQ(kit("migrate", out), 3) << out;
    EXPECT_NE(out.find("holds no migration"), std::string::npos) << out;
    EXPECT_EQ(scalar("SELECT count(*) FROM sqlite_schema WHERE name = '__drizzle_migrations'"), "0");
}

TEST_F(CliMigrateSafety, DuplicatedJournalEntryIsExitThreeAndNothingRuns) {
    test::write_file(dir / "drizzle/0000_a.sql", "CREATE TABLE probe (x integer);");
    test::write_file(dir / "drizzle/0001_b.sql", "INSERT INTO probe VALUES (1);");
    const std::string entry_a = R"({"idx":0,"version":"6","when":1700000000000,"tag":"0000_a","breakpoints":true})";
    const std::string entry_b = R"({"idx":1,"version":"6","when":1700000001000,"tag":"0001_b","breakpoints":true})";
    test::write_file(dir / "drizzle/meta/_journal.json",
                     R"({"version":"7","dialect":"sqlite","entries":[)" + entry_a + "," + entry_b + "," + entry_b + "]}");
    std::string out;
    EXPECT_EQ(kit("migrate", out), 3) << out;
    EXPECT_NE(out.find("lists migration \"0001_b\" twice"), std::string::npos) << out;
    EXPECT_FALSE(fs::exists(dir / "local.db"));
}

TEST_F(CliMigrateSafety, DeletedAppliedFileFailsUntilAllowMissing) {
    test::write_file(dir / "drizzle/20260101000000_a/migration.sql", "CREATE TABLE a (x integer);");
    test::write_file(dir / "drizzle/20260101000100_b/migration.sql", "CREATE TABLE b (x integer);");
    std::string out;
    ASSERT_EQ(kit("migrate", out), 0) << out;
    fs::remove_all(dir / "drizzle/20260101000100_b");

    EXPECT_EQ(kit("migrate", out), 3) << out;
    EXPECT_NE(out.find("20260101000100_b is recorded as applied"), std::string::npos) << out;
    EXPECT_NE(out.find("--allow-missing"), std::string::npos) << out;

    EXPECT_EQ(kit("migrate --allow-missing", out), 0) << out;
    EXPECT_NE(out.find("warning: migration 20260101000100_b"), std::string::npos) << out;
    EXPECT_EQ(scalar("SELECT count(*) FROM __drizzle_migrations"), "2");  // the row stays

    EXPECT_EQ(kit("migrate --help", out), 0);
    EXPECT_NE(out.find("--allow-missing"), std::string::npos) << out;
}

}  // namespace
