// Interop with drizzle-kit's own output: applying its fixture folders must give its rows and schema.
#include "drizzle/dialect/sqlite_connection.hpp"
#include "drizzle/error.hpp"
#include "drizzle/migrate/migrator.hpp"
#include "integration/migrate_support.hpp"

#include <gtest/gtest.h>

#include <regex>

namespace drizzle::test {
namespace {

const std::string kSqlite = "drizzle-kit/sqlite/";

/// better-sqlite3 (what drizzle-kit migrated the fixtures with) enforces foreign keys.
std::unique_ptr<sqlite::SqliteConnection> open_db(const TempDir& dir) {
    auto db = sqlite::SqliteConnection::open((dir / "local.db").string());
    db->exec("PRAGMA foreign_keys=ON");
    return db;
}

MigrateResult run(Connection& db, const std::filesystem::path& folder) {
    MigrateOptions options;
    options.folder = folder;
    return migrate(db, options);
}

/// Replaces the last column (v1 applied_at) by a placeholder after checking its format.
std::string mask_applied_at(const std::string& tsv) {
    static const std::regex iso(R"(^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$)");
    std::string out;
    std::size_t start = 0;
    bool header = true;
    while (start < tsv.size()) {
        std::size_t end = tsv.find('\n', start);
        std::string line = tsv.substr(start, end - start);
        start = end + 1;
        if (!header) {
            std::size_t tab = line.rfind('\t');
            std::string value = line.substr(tab + 1);
            EXPECT_TRUE(std::regex_match(value, iso)) << "applied_at " << value;
            line = line.substr(0, tab + 1) + "<applied_at>";
        }
        header = false;
        out += line + "\n";
    }
    return out;
}

TEST(MigrateInterop, LegacyStepsGiveDrizzleRowsAndSchema) {
    TempDir dir("migrate-interop");
    auto db = open_db(dir);
    auto result = run(*db, fixture(kSqlite + "v031/steps/drizzle"));
    EXPECT_EQ(result.applied.size(), 8u);
    EXPECT_EQ(result.applied.front(), "0000_base");
    EXPECT_EQ(dump_table_tsv(*db, "__drizzle_migrations"),
              read_file(fixture(kSqlite + "v031/steps/migrate/migrations_table.tsv")));
    EXPECT_EQ(dump_schema(*db), read_file(fixture(kSqlite + "v031/steps/migrate/schema.sql")));
    EXPECT_EQ(scalar(*db, "PRAGMA foreign_keys"), "1");
}

TEST(MigrateInterop, LegacyTimestampPrefixGivesDrizzleRowsAndSchema) {
    TempDir dir("migrate-interop");
    auto db = open_db(dir);
    auto result = run(*db, fixture(kSqlite + "v031/prefix-timestamp/drizzle"));
    EXPECT_EQ(result.applied, (std::vector<std::string>{"20261122024844_base", "20261122024846_addcol"}));
    EXPECT_EQ(dump_table_tsv(*db, "__drizzle_migrations"),
              read_file(fixture(kSqlite + "v031/prefix-timestamp/migrate/migrations_table.tsv")));
    EXPECT_EQ(dump_schema(*db), read_file(fixture(kSqlite + "v031/prefix-timestamp/migrate/schema.sql")));
}

TEST(MigrateInterop, V1StepsGiveDrizzleRowsAndSchema) {
    TempDir dir("migrate-interop");
    auto db = open_db(dir);
    auto result = run(*db, fixture(kSqlite + "v1/steps/drizzle"));
    EXPECT_EQ(result.applied.size(), 8u);
    EXPECT_EQ(mask_applied_at(dump_table_tsv(*db, "__drizzle_migrations")),
              mask_applied_at(read_file(fixture(kSqlite + "v1/steps/migrate/migrations_table.tsv"))));
    EXPECT_EQ(dump_schema(*db), read_file(fixture(kSqlite + "v1/steps/migrate/schema.sql")));
}

// drizzle-orm fails on the unedited `generate --custom` file with better-sqlite3 ("The supplied SQL
// string contains no statements") and leaves an empty table; we run the comment as a no-op and
// record the migration, as drizzle-orm does on PostgreSQL: the file is a valid, empty migration.
TEST(MigrateInterop, CommentOnlyCustomMigrationIsRecorded) {
    for (std::string version : {"v031", "v1"}) {
        SCOPED_TRACE(version);
        TempDir dir("migrate-interop");
        auto db = open_db(dir);
        auto folder = fixture(kSqlite + version + "/custom/drizzle");
        auto result = run(*db, folder);
        ASSERT_EQ(result.applied.size(), 2u);
        EXPECT_NE(result.applied[1].find("seed_data"), std::string::npos);
        auto rows = db->query("SELECT hash FROM __drizzle_migrations ORDER BY rowid");
        ASSERT_EQ(rows.size(), 2u);
        std::string custom_sql =
            read_file(version == "v031" ? folder / "0001_seed_data.sql"
                                        : folder / "20261122024840_seed_data/migration.sql");
        EXPECT_EQ(rows[1][0].value_or(""), sha256_hex(custom_sql));
        // The schema is drizzle's table (as in the fixture, created before the failing run) + base.
        std::string expected_table = read_file(fixture(kSqlite + version + "/custom/migrate/schema.sql"));
        EXPECT_EQ(dump_schema(*db).rfind(expected_table, 0), 0u);
        EXPECT_TRUE(run(*db, folder).applied.empty());
    }
}

TEST(MigrateInterop, V1MigrateUpgradesA031TableAfterUp) {
    TempDir dir("migrate-interop");
    auto db = open_db(dir);
    run(*db, fixture(kSqlite + "up/before"));
    EXPECT_EQ(dump_table_tsv(*db, "__drizzle_migrations"),
              read_file(fixture(kSqlite + "up/migrate_after_up/migrations_table.before.tsv")));

    auto result = run(*db, fixture(kSqlite + "up/after"));
    EXPECT_TRUE(result.applied.empty());
    EXPECT_EQ(result.already_applied, 8u);
    EXPECT_EQ(dump_table_tsv(*db, "__drizzle_migrations"),
              read_file(fixture(kSqlite + "up/migrate_after_up/migrations_table.after.tsv")));
    EXPECT_EQ(dump_schema(*db), read_file(fixture(kSqlite + "up/migrate_after_up/schema.sql")));

    // The upgraded table is then used like a 1.0 one: nothing pending on the next run either.
    EXPECT_TRUE(run(*db, fixture(kSqlite + "up/after")).applied.empty());
}

TEST(MigrateInterop, UpgradeRefusesRowsWithoutLocalMigration) {
    TempDir dir("migrate-interop");
    auto db = open_db(dir);
    run(*db, fixture(kSqlite + "up/before"));
    copy_tree(fixture(kSqlite + "up/after"), dir / "after");
    std::filesystem::remove_all(dir / "after" / "20261122024803_rename_table_and_column");
    try {
        run(*db, dir / "after");
        FAIL() << "expected UserError";
    } catch (const UserError& e) {
        std::string message = e.what();
        EXPECT_NE(message.find("1 recorded migration(s) that match no local migration"), std::string::npos)
            << message;
        EXPECT_NE(message.find("id NULL (rowid 8), created_at 1795315683100"), std::string::npos) << message;
    }
    // Nothing changed: still the 0.45 table.
    EXPECT_EQ(dump_table_tsv(*db, "__drizzle_migrations"),
              read_file(fixture(kSqlite + "up/migrate_after_up/migrations_table.before.tsv")));
}

}  // namespace
}  // namespace drizzle::test
