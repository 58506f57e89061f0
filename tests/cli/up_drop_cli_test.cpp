// `drizzle-kit up` and `drizzle-kit drop` end to end on SQLite: output, exit codes, help, and generate after drop.
#include "support/test_support.hpp"

#include "drizzle/dialect/sqlite_connection.hpp"
#include "drizzle/migrate/folder.hpp"

#include <gtest/gtest.h>

namespace fs = std::filesystem;
using namespace drizzle;

namespace {

class UpDropCli : public ::testing::Test {
protected:
    test::TempDir dir{"cli-up-drop"};

    void SetUp() override {
        test::write_file(dir / "drizzle.config.json",
                         R"({"dialect": "sqlite", "schema": "./schema.sql", "out": "./drizzle"})");
    }

    int kit(const std::string& args, std::string& output) {
        return test::run_command("cd '" + dir.path().string() + "' && '" DRIZZLE_KIT_EXE "' " + args + " </dev/null",
                                 output);
    }

    std::vector<std::string> names() {
        std::vector<std::string> out;
        for (const auto& e : MigrationsFolder::read(dir / "drizzle").entries)
            out.push_back(e.name);
        return out;
    }
};

TEST_F(UpDropCli, UpPrintsLikeDrizzleKitAndASecondRunHasNothingToDo) {
    fs::copy(test::fixture("drizzle-kit/sqlite/up/before"), dir / "drizzle", fs::copy_options::recursive);
    std::string out;
    ASSERT_EQ(kit("up", out), 0) << out;
    // drizzle-kit's up.log without its two config lines.
    const std::string log = test::read_file(test::fixture("drizzle-kit/sqlite/up/up.log"));
    const std::string expected = log.substr(log.find("[✓]"), log.find("exit=") - log.find("[✓]"));
    EXPECT_NE(out.find(expected), std::string::npos) << out;
    EXPECT_FALSE(fs::exists(dir / "drizzle/meta"));
    EXPECT_EQ(names().size(), 8u);

    ASSERT_EQ(kit("up", out), 0) << out;
    EXPECT_NE(out.find("nothing to upgrade"), std::string::npos) << out;
}

TEST_F(UpDropCli, UpRefusesAFolderOfAnotherDialect) {
    fs::copy(test::fixture("drizzle-kit/postgresql/up/before"), dir / "drizzle", fs::copy_options::recursive);
    std::string out;
    EXPECT_EQ(kit("up", out), 3) << out;
    EXPECT_NE(out.find("_journal.json"), std::string::npos) << out;
    EXPECT_TRUE(fs::exists(dir / "drizzle/meta/_journal.json"));
}

TEST_F(UpDropCli, UpWithAMalformedSnapshotIsExitThreeNamingItAndChangesNothing) {
    fs::copy(test::fixture("drizzle-kit/sqlite/up/before"), dir / "drizzle", fs::copy_options::recursive);
    test::write_file(dir / "drizzle/meta/0003_snapshot.json", "[]");
    std::string out;
    EXPECT_EQ(kit("up", out), 3) << out;
    EXPECT_NE(out.find("0003_snapshot.json"), std::string::npos) << out;
    EXPECT_TRUE(fs::exists(dir / "drizzle/meta/_journal.json"));
    EXPECT_TRUE(fs::exists(dir / "drizzle/0000_base.sql"));
    for (const auto& item : fs::directory_iterator(dir.path()))
        EXPECT_FALSE(item.path().filename().string().starts_with(".drizzle")) << item.path();
}

TEST_F(UpDropCli, HelpHasExamplesAndExitCodes) {
    for (const std::string command : {"up", "drop"}) {
        std::string out;
        ASSERT_EQ(kit(command + " --help", out), 0) << out;
        EXPECT_NE(out.find("Examples:"), std::string::npos) << out;
        EXPECT_NE(out.find("drizzle-kit " + command), std::string::npos) << out;
        EXPECT_NE(out.find("Exit codes:"), std::string::npos) << out;
    }
    std::string out;
    kit("drop --help", out);
    for (const char* flag : {"--name", "--latest", "--force", "--url"})
        EXPECT_NE(out.find(flag), std::string::npos);
    EXPECT_NE(out.find("cannot be reached"), std::string::npos) << out;
}

TEST_F(UpDropCli, DropWithoutTerminalNeedsNameOrLatest) {
    test::write_file(dir / "drizzle/20260101000000_a/migration.sql", "CREATE TABLE a (x integer);");
    std::string out;
    EXPECT_EQ(kit("drop", out), 3) << out;
    EXPECT_NE(out.find("--name NAME or --latest"), std::string::npos) << out;
    EXPECT_EQ(kit("drop --latest --name a", out), 3) << out;
    EXPECT_EQ(names().size(), 1u);
}

TEST_F(UpDropCli, DropRefusesAnAppliedMigrationOfARealDatabaseUnlessForce) {
    test::write_file(dir / "drizzle.config.json",
                     R"({"dialect": "sqlite", "schema": "./schema.sql", "out": "./drizzle",
                         "dbCredentials": {"url": "./local.db"}})");
    test::write_file(dir / "drizzle/20260101000000_a/migration.sql", "CREATE TABLE a (x integer);");
    test::write_file(dir / "drizzle/20260101000100_b/migration.sql", "CREATE TABLE b (x integer);");
    std::string out;
    ASSERT_EQ(kit("migrate", out), 0) << out;
    EXPECT_EQ(kit("drop --name b", out), 3) << out;
    EXPECT_NE(out.find("migration 20260101000100_b is recorded as applied in the database ./local.db"),
              std::string::npos)
        << out;
    EXPECT_EQ(names().size(), 2u);
    ASSERT_EQ(kit("drop --name b --force", out), 0) << out;
    EXPECT_NE(out.find("the database keeps its changes and its row"), std::string::npos) << out;
    EXPECT_NE(out.find("[✓] 20260101000100_b migration successfully dropped"), std::string::npos) << out;
    EXPECT_EQ(names(), std::vector<std::string>{"20260101000000_a"});
}

TEST_F(UpDropCli, PickerOnATerminalDropsTheLatestOnEnterAndNothingOnQ) {
    std::string out;
    if (test::run_command("command -v script", out) != 0)
        GTEST_SKIP() << "util-linux `script` (a pseudo-terminal) is not installed";
    test::write_file(dir / "drizzle/20260101000000_a/migration.sql", "CREATE TABLE a (x integer);");
    test::write_file(dir / "drizzle/20260101000100_b/migration.sql", "CREATE TABLE b (x integer);");
    test::write_file(dir / "drizzle/20260101000200_c/migration.sql", "CREATE TABLE c (x integer);");
    auto on_terminal = [&](const std::string& input) {
        return test::run_command("cd '" + dir.path().string() + "' && printf '" + input +
                                     "' | timeout 20 script -qec \"'" DRIZZLE_KIT_EXE "' drop\" /dev/null",
                                 out);
    };
    ASSERT_EQ(on_terminal("q\\n"), 0) << out;
    EXPECT_NE(out.find("Please select migration to drop:"), std::string::npos) << out;
    EXPECT_NE(out.find("> 3) 20260101000200_c"), std::string::npos) << out;
    EXPECT_NE(out.find("Nothing dropped."), std::string::npos) << out;
    EXPECT_EQ(names().size(), 3u);

    ASSERT_EQ(on_terminal("\\n"), 0) << out;
    EXPECT_NE(out.find("[✓] 20260101000200_c migration successfully dropped"), std::string::npos) << out;
    ASSERT_EQ(on_terminal("1\\n"), 0) << out;
    EXPECT_EQ(names(), std::vector<std::string>{"20260101000100_b"});
}

class DropThenGenerate : public UpDropCli, public ::testing::WithParamInterface<bool> {}; // true: v1

TEST_P(DropThenGenerate, GenerateAfterDroppingTheLatestWritesTheSameMigrationAgain) {
    if (!GetParam())
        test::write_file(dir / "drizzle/meta/_journal.json", R"({"version":"7","dialect":"sqlite","entries":[]})");
    std::string out;
    test::write_file(dir / "schema.sql", "CREATE TABLE users (id integer PRIMARY KEY NOT NULL);\n");
    ASSERT_EQ(kit("generate --name init", out), 0) << out;
    test::write_file(dir / "schema.sql", "CREATE TABLE users (id integer PRIMARY KEY NOT NULL, email text);\n");
    ASSERT_EQ(kit("generate --name add_email", out), 0) << out;
    auto folder = MigrationsFolder::read(dir / "drizzle");
    ASSERT_EQ(folder.entries.size(), 2u);
    const std::string dropped_sql = test::read_file(folder.entries[1].sql_path);
    const std::string dropped_name = folder.entries[1].name;
    EXPECT_NE(dropped_sql.find("email"), std::string::npos) << dropped_sql;

    ASSERT_EQ(kit("drop --latest", out), 0) << out;
    EXPECT_NE(out.find("[✓] " + dropped_name + " migration successfully dropped"), std::string::npos) << out;
    EXPECT_NE(out.find("no database configured"), std::string::npos) << out;
    EXPECT_EQ(MigrationsFolder::read(dir / "drizzle").entries.size(), 1u);

    ASSERT_EQ(kit("generate --name add_email", out), 0) << out;
    folder = MigrationsFolder::read(dir / "drizzle");
    ASSERT_EQ(folder.entries.size(), 2u);
    EXPECT_EQ(test::read_file(folder.entries[1].sql_path), dropped_sql);
    // And nothing more: the schema matches the new latest snapshot.
    ASSERT_EQ(kit("generate --name nothing", out), 0) << out;
    EXPECT_EQ(MigrationsFolder::read(dir / "drizzle").entries.size(), 2u) << out;
}

INSTANTIATE_TEST_SUITE_P(Layouts, DropThenGenerate, ::testing::Values(false, true),
                         [](const auto& info) { return info.param ? "v1" : "legacy"; });

} // namespace
