// Interop with drizzle-kit on PostgreSQL: applying its fixture folders gives its rows, catalog and dump.
#include "drizzle/error.hpp"
#include "drizzle/migrate/migrator.hpp"
#include "pg/pg_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <iostream>

namespace drizzle::test {
namespace {

namespace fs = std::filesystem;

const std::string kPg = "drizzle-kit/postgresql/";

MigrateResult run(Connection& db, const fs::path& folder) {
    MigrateOptions options;
    options.folder = folder;
    return migrate(db, options);
}

/// The TSV with the last column (v1 applied_at) replaced by a placeholder.
std::string without_last_column(const std::string& tsv) {
    std::string out;
    bool header = true;
    for (const auto& line : split_lines(tsv)) {
        out += header ? line : line.substr(0, line.rfind('\t')) + "\t<applied_at>";
        out += "\n";
        header = false;
    }
    return out;
}

std::vector<std::string> sorted_lines(const std::string& text) {
    auto lines = split_lines(text);
    std::sort(lines.begin(), lines.end());
    return lines;
}

/// pg_dump's text without the lines naming the versions that dumped it.
std::string without_version_lines(const std::string& dump) {
    std::string out;
    for (const auto& line : split_lines(dump)) {
        if (line.starts_with("-- Dumped from") || line.starts_with("-- Dumped by")) continue;
        out += line + "\n";
    }
    return out;
}

/// Compares a pg_dump of the database with the fixture's schema.sql, when this server is the
/// major the fixtures were dumped from (15) and its pg_dump is at hand; otherwise says why not.
void expect_dump_equals(pg::PgConnection& db, const std::string& url, const fs::path& expected) {
    if (db.server_version() / 10000 != 15) {
        std::cout << "[ note ] pg_dump comparison skipped: the fixtures were dumped from PostgreSQL 15, this "
                     "server is "
                  << db.server_version() << " (the catalog comparison still ran)\n";
        return;
    }
    const fs::path pg_dump = pg_server_bin_dir(db) / "pg_dump";
    if (!fs::exists(pg_dump)) {
        std::cout << "[ note ] pg_dump comparison skipped: no pg_dump beside the server's binaries\n";
        return;
    }
    std::string dump;
    int rc = run_command(shell_quote(pg_dump.string()) +
                             " --schema-only --no-owner --no-privileges --restrict-key=drizzlefixtures " +
                             shell_quote(url) + " 2>/dev/null",
                         dump);
    ASSERT_EQ(rc, 0) << dump;
    EXPECT_EQ(without_version_lines(dump), without_version_lines(read_file(expected)));
}

class PgInteropTest : public PgTest, public ::testing::WithParamInterface<std::string> {};

TEST_P(PgInteropTest, AppliesDrizzleKitFolderWithIdenticalRowsAndSchema) {
    const std::string name = GetParam();
    const fs::path case_dir = fixture(kPg + name);
    TempDir dir("pg-interop");
    copy_tree(case_dir / "drizzle", dir / "drizzle");
    auto db = connect();

    const auto start = std::chrono::steady_clock::now();
    MigrateResult result = run(*db, dir / "drizzle");
    const auto ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
    std::cout << "[ timing ] migrate " << name << ": " << result.applied.size() << " migrations in " << ms
              << " ms\n";

    const std::string expected = read_file(case_dir / "migrate/migrations_table.tsv");
    const std::string actual = pg_dump_table_tsv(*db, "drizzle", "__drizzle_migrations");
    EXPECT_EQ(result.applied.size(), split_lines(expected).size() - 1);
    if (name.starts_with("v1/")) {
        // applied_at is now() of the migrate transaction: the same value in every row, and typed
        // as drizzle 1.0 creates it.
        EXPECT_EQ(without_last_column(actual), without_last_column(expected));
        EXPECT_EQ(pg_scalar(*db, "SELECT count(*) FROM drizzle.__drizzle_migrations WHERE applied_at IS NULL"), "0");
        EXPECT_EQ(pg_scalar(*db, "SELECT count(DISTINCT applied_at) FROM drizzle.__drizzle_migrations"), "1");
        EXPECT_EQ(pg_scalar(*db,
                            "SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = "
                            "'drizzle.__drizzle_migrations'::regclass AND attname = 'applied_at'"),
                  "timestamp with time zone");
    } else {
        EXPECT_EQ(actual, expected);
    }
    EXPECT_EQ(pg_catalog_lines(*db), sorted_lines(read_file(case_dir / "migrate/catalog.txt")));
    expect_dump_equals(*db, url(), case_dir / "migrate/schema.sql");

    // A second run finds everything applied.
    MigrateResult again = run(*db, dir / "drizzle");
    EXPECT_TRUE(again.applied.empty());
    EXPECT_EQ(again.already_applied, result.applied.size());
}

INSTANTIATE_TEST_SUITE_P(Fixtures, PgInteropTest,
                         ::testing::Values("v031/steps", "v031/custom", "v031/prefix-timestamp", "v1/steps",
                                           "v1/custom"),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                             std::string n = info.param;
                             std::replace_if(n.begin(), n.end(), [](char c) { return !std::isalnum(c); }, '_');
                             return n;
                         });

class PgUpInteropTest : public PgTest {};

TEST_F(PgUpInteropTest, V1MigrateUpgradesA031TableAndAppliesNothing) {
    const fs::path up = fixture(kPg + "up");
    TempDir dir("pg-up");
    copy_tree(up / "before", dir / "before");
    copy_tree(up / "after", dir / "after");
    auto db = connect();
    EXPECT_EQ(run(*db, dir / "before").applied.size(), 9u);
    EXPECT_EQ(pg_dump_table_tsv(*db, "drizzle", "__drizzle_migrations"),
              read_file(up / "migrate_after_up/migrations_table.before.tsv"));

    MigrateResult result = run(*db, dir / "after");
    EXPECT_TRUE(result.applied.empty());
    EXPECT_EQ(result.already_applied, 9u);
    EXPECT_EQ(pg_dump_table_tsv(*db, "drizzle", "__drizzle_migrations"),
              read_file(up / "migrate_after_up/migrations_table.after.tsv"));
    expect_dump_equals(*db, url(), up / "migrate_after_up/schema.sql");
}

TEST_F(PgUpInteropTest, UpgradeRefusesRowsOfMissingMigrations) {
    const fs::path up = fixture(kPg + "up");
    TempDir dir("pg-up");
    copy_tree(up / "before", dir / "before");
    copy_tree(up / "after", dir / "after");
    fs::remove_all(dir / "after" / "20261122024626_base");
    auto db = connect();
    run(*db, dir / "before");
    try {
        run(*db, dir / "after");
        FAIL() << "expected a UserError";
    } catch (const UserError& e) {
        const std::string message = e.what();
        EXPECT_NE(message.find("1 recorded migration(s) that match no local migration"), std::string::npos)
            << message;
        EXPECT_NE(message.find("id 1, created_at 1795315586562"), std::string::npos) << message;
    }
    // Nothing of the upgrade stayed: the table keeps its 0.45 shape.
    EXPECT_EQ(pg_scalar(*db, "SELECT count(*) FROM pg_attribute WHERE attrelid = "
                             "'drizzle.__drizzle_migrations'::regclass AND attname IN ('name', 'applied_at')"),
              "0");
}

}  // namespace
}  // namespace drizzle::test
