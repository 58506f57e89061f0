// `-- drizzle:txmode none` is PostgreSQL's: on SQLite the run is refused before anything applies.
#include "drizzle/dialect/sqlite_connection.hpp"
#include "drizzle/error.hpp"
#include "drizzle/migrate/migrator.hpp"
#include "integration/migrate_support.hpp"

#include <gtest/gtest.h>

namespace drizzle::test {
namespace {

TEST(MigrateTxmodeNoneSqlite, IsRefusedNamingTheFile) {
    TempDir dir("txmode-none");
    write_file(dir / "drizzle/20250101000000_a/migration.sql", "CREATE TABLE a (x integer);");
    write_file(dir / "drizzle/20250101000001_b/migration.sql", "-- drizzle:txmode none\nVACUUM;");
    auto db = sqlite::SqliteConnection::open((dir / "local.db").string());
    MigrateOptions options;
    options.folder = dir / "drizzle";
    try {
        migrate(*db, options);
        FAIL() << "expected a UserError";
    } catch (const UserError& e) {
        EXPECT_NE(std::string(e.what()).find("20250101000001_b/migration.sql: `-- drizzle:txmode none` is "
                                             "supported on PostgreSQL only"),
                  std::string::npos)
            << e.what();
    }
    EXPECT_EQ(scalar(*db, "SELECT count(*) FROM sqlite_master WHERE name = 'a'"), "0");
}

}  // namespace
}  // namespace drizzle::test
