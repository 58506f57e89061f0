// Folder safety on the real PostgreSQL: a wrong `out` creates nothing, duplicates and deleted files stop migrate.
#include "drizzle/error.hpp"
#include "drizzle/migrate/migrator.hpp"
#include "pg/pg_support.hpp"

#include <gtest/gtest.h>

namespace drizzle::test {
namespace {

namespace fs = std::filesystem;

class PgMigrateFolderSafety : public PgTest {
protected:
    std::string bookkeeping_schema_count() {
        auto db = connect();
        return pg_scalar(*db, "SELECT count(*) FROM pg_namespace WHERE nspname = 'drizzle'");
    }
};

TEST_F(PgMigrateFolderSafety, MissingOrEmptyOutIsExitThreeAndCreatesNoBookkeeping) {
    TempDir dir("pg-folder-safety");
    std::string out;
    EXPECT_EQ(run_kit_migrate(dir / "nope", url(), out), 3) << out;
    EXPECT_NE(out.find((dir / "nope").string()), std::string::npos) << out;
    fs::create_directories(dir / "empty");
    EXPECT_EQ(run_kit_migrate(dir / "empty", url(), out), 3) << out;
    EXPECT_NE(out.find("holds no migration"), std::string::npos) << out;
    EXPECT_EQ(bookkeeping_schema_count(), "0");

    auto db = connect();
    MigrateOptions options;
    options.folder = dir / "nope";
    EXPECT_THROW(migrate(*db, options), UserError);
    EXPECT_EQ(bookkeeping_schema_count(), "0");
}

TEST_F(PgMigrateFolderSafety, DuplicatedJournalEntryAppliesNothing) {
    TempDir dir("pg-folder-safety");
    auto db = connect();
    db->exec("CREATE TABLE probe (x int)");
    write_file(dir / "drizzle/0000_a.sql", "CREATE TABLE a (x int);");
    write_file(dir / "drizzle/0001_b.sql", "INSERT INTO probe VALUES (1);");
    const std::string a = R"({"idx":0,"version":"7","when":1700000000000,"tag":"0000_a","breakpoints":true})";
    const std::string b = R"({"idx":1,"version":"7","when":1700000001000,"tag":"0001_b","breakpoints":true})";
    write_file(dir / "drizzle/meta/_journal.json",
               R"({"version":"7","dialect":"postgresql","entries":[)" + a + "," + b + "," + b + "]}");
    std::string out;
    EXPECT_EQ(run_kit_migrate(dir / "drizzle", url(), out), 3) << out;
    EXPECT_NE(out.find("\"0001_b\" twice"), std::string::npos) << out;
    EXPECT_EQ(pg_scalar(*db, "SELECT count(*) FROM probe"), "0");
    EXPECT_EQ(bookkeeping_schema_count(), "0");

    // The same entry merged in under a second tag: caught by the identical SQL.
    write_file(dir / "drizzle/0002_b.sql", "INSERT INTO probe VALUES (1);");
    const std::string b2 = R"({"idx":2,"version":"7","when":1700000002000,"tag":"0002_b","breakpoints":true})";
    write_file(dir / "drizzle/meta/_journal.json",
               R"({"version":"7","dialect":"postgresql","entries":[)" + a + "," + b + "," + b2 + "]}");
    EXPECT_EQ(run_kit_migrate(dir / "drizzle", url(), out), 3) << out;
    EXPECT_NE(out.find("identical SQL"), std::string::npos) << out;
    EXPECT_EQ(pg_scalar(*db, "SELECT count(*) FROM probe"), "0");
}

TEST_F(PgMigrateFolderSafety, DeletedAppliedFileFailsUntilAllowMissing) {
    TempDir dir("pg-folder-safety");
    write_v1_migration(dir / "drizzle", 0, "a", "CREATE TABLE a (x int);");
    write_v1_migration(dir / "drizzle", 1, "b", "CREATE TABLE b (x int);");
    std::string out;
    ASSERT_EQ(run_kit_migrate(dir / "drizzle", url(), out), 0) << out;
    fs::remove_all(dir / "drizzle/20250101000001_b");
    write_v1_migration(dir / "drizzle", 2, "c", "CREATE TABLE c (x int);");

    EXPECT_EQ(run_kit_migrate(dir / "drizzle", url(), out), 3) << out;
    EXPECT_NE(out.find("20250101000001_b is recorded as applied"), std::string::npos) << out;
    auto db = connect();
    EXPECT_EQ(pg_scalar(*db, "SELECT count(*) FROM pg_class WHERE relname = 'c'"), "0");

    EXPECT_EQ(run_kit_migrate(dir / "drizzle", url(), out, {"--allow-missing"}), 0) << out;
    EXPECT_NE(out.find("warning: migration 20250101000001_b"), std::string::npos) << out;
    EXPECT_EQ(pg_scalar(*db, "SELECT count(*) FROM pg_class WHERE relname = 'c'"), "1");
    EXPECT_EQ(pg_scalar(*db, "SELECT count(*) FROM drizzle.__drizzle_migrations"), "3");
}

}  // namespace
}  // namespace drizzle::test
