// kit::read_status and kit::detect_drift on real SQLite files: folders written by the real
// `generate`, applied by `migrate`, then changed by hand.
#include "drizzle/config/config.hpp"
#include "drizzle/error.hpp"
#include "drizzle/kit/database.hpp"
#include "drizzle/kit/drift.hpp"
#include "drizzle/kit/status.hpp"
#include "migrate_support.hpp"
#include "support/test_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace drizzle::test {
namespace {

namespace fs = std::filesystem;

const char* kSchema =
    "CREATE TABLE users (id integer PRIMARY KEY, name text NOT NULL, email text);\n"
    "CREATE INDEX users_email_idx ON users (email);\n"
    "CREATE TABLE posts (id integer PRIMARY KEY, user_id integer REFERENCES users(id), title text);\n";

class SqliteDrift : public ::testing::Test {
protected:
    TempDir dir{"sqlite-drift"};

    void SetUp() override {
        write_file(dir / "schema.sql", kSchema);
        write_file(dir / "drizzle.config.json",
                   R"({"dialect": "sqlite", "schema": "./schema.sql", "out": "./drizzle", "dbCredentials": {"url": ")" +
                       (dir / "local.db").string() + R"("}})");
    }

    int kit(const std::string& args, std::string& output) {
        return run_command("cd '" + dir.path().string() + "' && '" DRIZZLE_KIT_EXE "' " + args + " </dev/null", output);
    }

    Config config() { return load_config(dir / "drizzle.config.json"); }

    kit::DriftReport drift() {
        Config c = config();
        auto connection = kit::open_database(c);
        return kit::detect_drift(c, *connection, {});
    }

    void exec(const std::string& sql) { sqlite::SqliteConnection::open((dir / "local.db").string())->exec(sql); }

    void generate_and_migrate() {
        std::string out;
        ASSERT_EQ(kit("generate --name init", out), 0) << out;
        ASSERT_EQ(kit("migrate", out), 0) << out;
    }
};

bool has_line(const std::vector<std::string>& lines, const std::string& line) {
    return std::find(lines.begin(), lines.end(), line) != lines.end();
}

std::string joined(const std::vector<std::string>& lines) {
    std::string text;
    for (const auto& l : lines)
        text += l + "\n";
    return text;
}

TEST_F(SqliteDrift, NoDriftAfterMigrate) {
    generate_and_migrate();
    const auto report = drift();
    EXPECT_FALSE(report.drifted()) << joined(report.differences) << joined(report.statements);
    EXPECT_EQ(report.snapshot.filename(), "snapshot.json");
}

TEST_F(SqliteDrift, ColumnAddedByHandAndTheSqlUndoesIt) {
    generate_and_migrate();
    exec("ALTER TABLE users ADD COLUMN nickname text");
    const auto report = drift();
    ASSERT_TRUE(report.drifted());
    EXPECT_TRUE(
        has_line(report.differences, "column \"users\".\"nickname\" exists in the database but not in the migrations"))
        << joined(report.differences);
    EXPECT_EQ(report.differences.size(), 1u) << joined(report.differences);
    ASSERT_FALSE(report.statements.empty());
    EXPECT_NE(joined(report.statements).find("nickname"), std::string::npos) << joined(report.statements);

    for (const auto& statement : report.statements)
        exec(statement);
    EXPECT_FALSE(drift().drifted());
}

TEST_F(SqliteDrift, IndexDroppedByHand) {
    generate_and_migrate();
    exec("DROP INDEX users_email_idx");
    const auto report = drift();
    EXPECT_TRUE(has_line(report.differences,
                         "index \"users_email_idx\" on \"users\" is in the migrations but not in the database"))
        << joined(report.differences);
    EXPECT_NE(joined(report.statements).find("CREATE INDEX"), std::string::npos) << joined(report.statements);
    for (const auto& statement : report.statements)
        exec(statement);
    EXPECT_FALSE(drift().drifted());
}

TEST_F(SqliteDrift, HandRenameIsADropAndACreate) {
    generate_and_migrate();
    exec("ALTER TABLE posts RENAME COLUMN title TO headline");
    const auto report = drift();
    EXPECT_TRUE(
        has_line(report.differences, "column \"posts\".\"headline\" exists in the database but not in the migrations"))
        << joined(report.differences);
    EXPECT_TRUE(has_line(report.differences, "column \"posts\".\"title\" is in the migrations but not in the database"))
        << joined(report.differences);
}

TEST_F(SqliteDrift, LegacyLayoutNoDriftThenDrift) {
    write_file(dir / "drizzle/meta/_journal.json", R"({"version":"7","dialect":"sqlite","entries":[]})");
    generate_and_migrate();
    ASSERT_TRUE(fs::exists(dir / "drizzle/meta/0000_snapshot.json"));
    auto report = drift();
    EXPECT_FALSE(report.drifted()) << joined(report.differences) << joined(report.statements);
    exec("CREATE TABLE scratch (x integer)");
    report = drift();
    EXPECT_TRUE(has_line(report.differences, "table \"scratch\" exists in the database but not in the migrations"))
        << joined(report.differences);
}

TEST_F(SqliteDrift, FolderWithoutSnapshotIsRefused) {
    write_file(dir / "drizzle/20260101000000_a/migration.sql", "CREATE TABLE a (x integer);");
    try {
        drift();
        FAIL() << "expected a UserError";
    } catch (const UserError& e) {
        EXPECT_NE(std::string(e.what()).find("snapshot"), std::string::npos) << e.what();
    }
}

TEST_F(SqliteDrift, StatusReportOfTheKit) {
    generate_and_migrate();
    Config c = config();
    auto report = kit::read_status(c);
    ASSERT_EQ(report.entries.size(), 1u);
    EXPECT_EQ(report.entries[0].kind, kit::MigrationStatusKind::applied);
    EXPECT_TRUE(report.up_to_date());
    EXPECT_TRUE(report.table_exists);
    EXPECT_EQ(kit::to_string(kit::MigrationStatusKind::edited), "edited after apply");
    EXPECT_EQ(kit::to_string(kit::MigrationStatusKind::partially_applied), "partially applied");

    // Another database file: nothing applied, and no file created by looking.
    c.credentials.url = (dir / "other.db").string();
    report = kit::read_status(c);
    EXPECT_FALSE(report.database_exists);
    EXPECT_EQ(report.pending, 1u);
    EXPECT_FALSE(report.up_to_date());
    EXPECT_FALSE(fs::exists(dir / "other.db"));
}

} // namespace
} // namespace drizzle::test
