// drizzle::rollback_migrations() from C++ on a SQLite file, in the 0.x journal layout (down files
// `<tag>.down.sql` beside the SQL): the verify hook sees the plan under the lock and can refuse.
#include "drizzle/migrate/folder.hpp"
#include "drizzle/migrate/rollback.hpp"
#include "integration/migrate_support.hpp"

#include <gtest/gtest.h>

namespace drizzle::test {
namespace {

class RollbackApi : public ::testing::Test {
protected:
    TempDir dir{"rollback-api"};
    std::unique_ptr<sqlite::SqliteConnection> db;
    MigrateOptions options;

    void SetUp() override {
        MigrationsFolder folder{dir / "drizzle", FolderLayout::legacy, {}};
        for (int i = 0; i < 3; ++i) {
            NewMigration m;
            m.name = std::string(1, static_cast<char>('a' + i));
            m.sql = "CREATE TABLE t" + std::to_string(i) + " (x integer);";
            m.snapshot_json = "{}";
            m.snapshot_version = "6";
            write_migration(folder, m, 1'700'000'000'000 + i * 1000LL);
            folder = MigrationsFolder::read(dir / "drizzle");
        }
        write_file(dir / "drizzle/0000_a.down.sql", "DROP TABLE t0;");
        write_file(dir / "drizzle/0001_b.down.sql", "DROP TABLE t1;");
        write_file(dir / "drizzle/0002_c.down.sql", "-- t2 goes\nDROP TABLE t2;");
        db = sqlite::SqliteConnection::open((dir / "local.db").string());
        options.folder = dir / "drizzle";
        ASSERT_EQ(migrate(*db, options).applied.size(), 3u);
    }

    std::string tables() {
        return scalar(*db, "SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE name LIKE 't%' "
                           "ORDER BY name)");
    }
};

TEST_F(RollbackApi, VerifySeesThePlanNewestFirstAndTheRowsGo) {
    RollbackRequest request;
    request.steps = 2;
    std::vector<std::string> seen;
    request.verify = [&](const RollbackPlan& plan, Connection&) {
        for (const auto& step : plan.steps)
            seen.push_back(step.name + ":" + step.down_display_path + ":" + std::to_string(step.statements));
        EXPECT_EQ(plan.recorded, 3u);
        ASSERT_TRUE(plan.latest_applied);
        EXPECT_EQ(*plan.latest_applied, 2u);
    };
    const RollbackResult result = rollback_migrations(*db, options, request);
    EXPECT_EQ(seen, (std::vector<std::string>{"0002_c:0002_c.down.sql:1", "0001_b:0001_b.down.sql:1"}));
    EXPECT_EQ(result.rolled_back, (std::vector<std::string>{"0002_c", "0001_b"}));
    EXPECT_EQ(tables(), "t0");
    EXPECT_EQ(scalar(*db, "SELECT count(*) FROM __drizzle_migrations"), "1");
    // Applied again by the migrator: the rows it records are those of a first run.
    EXPECT_EQ(migrate(*db, options).applied, (std::vector<std::string>{"0001_b", "0002_c"}));
    EXPECT_EQ(tables(), "t0,t1,t2");
}

TEST_F(RollbackApi, RefusalInVerifyOrADryRunChangesNothing) {
    const std::string before = dump_schema(*db) + dump_table_tsv(*db, "__drizzle_migrations");
    RollbackRequest request;
    request.to = "0000_a";
    request.verify = [](const RollbackPlan&, Connection&) { throw RollbackRefused("not today"); };
    EXPECT_THROW(rollback_migrations(*db, options, request), RollbackRefused);
    EXPECT_EQ(dump_schema(*db) + dump_table_tsv(*db, "__drizzle_migrations"), before);

    request.verify = nullptr;
    request.dry_run = true;
    const RollbackResult plan = rollback_migrations(*db, options, request);
    ASSERT_EQ(plan.plan.steps.size(), 2u);
    EXPECT_EQ(plan.plan.steps[0].down_sql, "-- t2 goes\nDROP TABLE t2;");
    EXPECT_TRUE(plan.rolled_back.empty());
    EXPECT_EQ(dump_schema(*db) + dump_table_tsv(*db, "__drizzle_migrations"), before);
}

TEST_F(RollbackApi, MissingDownFileIsRefusedNamingItAndBadRequestsAreUserErrors) {
    std::filesystem::remove(dir / "drizzle/0001_b.down.sql");
    RollbackRequest request;
    request.steps = 2;
    try {
        rollback_migrations(*db, options, request);
        FAIL() << "no refusal";
    } catch (const RollbackRefused& e) {
        EXPECT_NE(std::string(e.what()).find("migration 0001_b has no down file (0001_b.down.sql"), std::string::npos)
            << e.what();
    }
    EXPECT_EQ(tables(), "t0,t1,t2");
    request.steps = 4;
    EXPECT_THROW(rollback_migrations(*db, options, request), UserError);
    request.steps = 0;
    EXPECT_THROW(rollback_migrations(*db, options, request), UserError);
    EXPECT_EQ(tables(), "t0,t1,t2");
}

} // namespace
} // namespace drizzle::test
