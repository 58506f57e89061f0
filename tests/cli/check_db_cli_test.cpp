// `drizzle-kit check --db` end to end on a real SQLite file: the folder, the status and drift
// (a column added by hand, an index dropped by hand), pending migrations not taken for drift.
#include "support/test_support.hpp"

#include "drizzle/dialect/sqlite_connection.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace fs = std::filesystem;
using namespace drizzle;

namespace {

class CliCheckDb : public ::testing::Test {
protected:
    test::TempDir dir{"cli-check-db"};

    void SetUp() override {
        setenv("DRIZZLE_CACHE_DIR", (dir.path() / ".cache").c_str(), 1);
        test::write_file(dir / "drizzle.config.json", R"({"dialect": "sqlite", "schema": "./schema.sql",
            "out": "./drizzle", "dbCredentials": {"url": "./app.db"}})");
    }

    int kit(const std::string& args, std::string& output) {
        return test::run_command("cd '" + dir.path().string() + "' && '" DRIZZLE_KIT_EXE "' " + args + " </dev/null",
                                 output);
    }

    void exec(const std::string& sql) { sqlite::SqliteConnection::open((dir / "app.db").string())->exec(sql); }

    /// Writes the schema and generates + migrates it.
    void step(const std::string& schema, const std::string& name, bool migrate = true) {
        test::write_file(dir / "schema.sql", schema);
        std::string out;
        ASSERT_EQ(kit("generate --name " + name, out), 0) << out;
        if (migrate) ASSERT_EQ(kit("migrate", out), 0) << out;
    }
};

const std::string kUsers = "CREATE TABLE users (id integer PRIMARY KEY, email text NOT NULL);\n"
                           "CREATE INDEX users_email_idx ON users (email);\n";

TEST_F(CliCheckDb, CleanDatabaseHasNoDrift) {
    step(kUsers, "init");
    std::string out;
    EXPECT_EQ(kit("check --db", out), 0) << out;
    EXPECT_NE(out.find("[✓] Database is up to date (1 migration applied)"), std::string::npos) << out;
    EXPECT_NE(out.find("[✓] No drift"), std::string::npos) << out;
}

TEST_F(CliCheckDb, ColumnAddedByHandIsDriftWithTheSqlBack) {
    step(kUsers, "init");
    exec("ALTER TABLE users ADD COLUMN nickname text");
    std::string out;
    EXPECT_EQ(kit("check --db", out), 1) << out;
    EXPECT_NE(out.find("column \"users\".\"nickname\" exists in the database but not in the migrations"),
              std::string::npos)
        << out;
    EXPECT_NE(out.find("ALTER TABLE `users` DROP COLUMN `nickname`;"), std::string::npos) << out;

    // The folder alone is still fine: drift is the database's problem.
    EXPECT_EQ(kit("check", out), 0) << out;

    EXPECT_EQ(kit("check --db --json", out), 1) << out;
    const auto doc = nlohmann::json::parse(out.substr(out.find("{\n")));
    EXPECT_TRUE(doc["ok"].get<bool>()) << out; // the folder's own verdict
    EXPECT_TRUE(doc["status"]["upToDate"].get<bool>()) << out;
    EXPECT_TRUE(doc["drift"]["drifted"].get<bool>()) << out;
    ASSERT_EQ(doc["drift"]["differences"].size(), 1u) << out;
    ASSERT_EQ(doc["drift"]["statements"].size(), 1u) << out;

    // Running the SQL it printed removes the drift.
    exec(doc["drift"]["statements"][0].get<std::string>());
    EXPECT_EQ(kit("check --db", out), 0) << out;
}

TEST_F(CliCheckDb, IndexDroppedByHandIsDrift) {
    step(kUsers, "init");
    exec("DROP INDEX users_email_idx");
    std::string out;
    EXPECT_EQ(kit("check --db", out), 1) << out;
    EXPECT_NE(out.find("index \"users_email_idx\" on \"users\" is in the migrations but not in the database"),
              std::string::npos)
        << out;
    EXPECT_NE(out.find("CREATE INDEX `users_email_idx` ON `users` (`email`);"), std::string::npos) << out;
}

// A pending migration fails the check as pending, not as drift: the database is compared with the
// snapshot of its last applied migration.
TEST_F(CliCheckDb, PendingMigrationIsNotDrift) {
    step(kUsers, "init");
    step(kUsers + "CREATE TABLE posts (id integer PRIMARY KEY);\n", "posts", /*migrate=*/false);
    std::string out;
    EXPECT_EQ(kit("check --db", out), 1) << out;
    EXPECT_NE(out.find("1 pending"), std::string::npos) << out;
    EXPECT_NE(out.find("[✓] No drift"), std::string::npos) << out;
    EXPECT_EQ(out.find("posts\" is in the migrations"), std::string::npos) << out;

    ASSERT_EQ(kit("migrate", out), 0) << out;
    EXPECT_EQ(kit("check --db", out), 0) << out;
}

// Nothing applied yet: everything pending, no drift measured, and no database file created.
TEST_F(CliCheckDb, UnmigratedDatabaseIsPendingAndNotCreated) {
    step(kUsers, "init", /*migrate=*/false);
    std::string out;
    EXPECT_EQ(kit("check --db", out), 1) << out;
    EXPECT_NE(out.find("Drift not measured"), std::string::npos) << out;
    EXPECT_FALSE(fs::exists(dir / "app.db"));
}

} // namespace
