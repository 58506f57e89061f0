// The public read-only path of status/check: a folder's migrations, a database's recorded rows
// and the plan between them, through drizzle/migrate/ headers only, on a real SQLite file.
#include "drizzle/dialect/dialect_ops.hpp"
#include "drizzle/dialect/registry.hpp"
#include "drizzle/dialect/sqlite_connection.hpp"
#include "drizzle/migrate/migration_store.hpp"
#include "drizzle/migrate/migrator.hpp"
#include "drizzle/migrate/plan.hpp"
#include "support/test_support.hpp"

#include <gtest/gtest.h>

namespace drizzle::test {
namespace {

namespace fs = std::filesystem;

const std::string A = "20260101000000_a";
const std::string B = "20260101000100_b";

struct Project {
    TempDir dir{"migration-plan"};
    fs::path folder = dir / "drizzle";
    std::unique_ptr<sqlite::SqliteConnection> db = sqlite::SqliteConnection::open((dir / "local.db").string());

    MigrateOptions options() const {
        MigrateOptions o;
        o.folder = folder;
        return o;
    }
    std::string tables() {
        std::string names;
        for (auto& r : db->query("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name"))
            names += (names.empty() ? "" : ",") + r[0].value_or("");
        return names;
    }
};

TEST(MigrationPlanPublic, OneOfTwoAppliedIsPlannedWithoutApplying) {
    Project p;
    write_file(p.folder / A / "migration.sql", "CREATE TABLE ta (x integer);");
    migrate(*p.db, p.options());
    write_file(p.folder / B / "migration.sql", "CREATE TABLE tb (x integer);");

    const LocalMigrations local = load_migrations_folder(p.folder);
    ASSERT_EQ(local.migrations.size(), 2u);
    EXPECT_EQ(local.folder.layout, FolderLayout::v1);
    EXPECT_EQ(local.migrations[1].name, B);

    // The store as the dialect provides it; open_migration_store() is the same call.
    auto store = dialect_ops(p.db->dialect()).migration_store(*p.db, p.options());
    EXPECT_EQ(store->count_rows(), 1u);
    std::vector<RecordedRow> rows;
    if (auto peeked = store->peek_rows(local.folder.layout)) {
        rows = *peeked;
    } else { // a store that cannot peek cheaply (SQLite) reads
        rows = store->read_rows();
    }
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].name, A);

    const MigrationPlan plan = plan_migrations(local.folder.layout, local.migrations, rows);
    EXPECT_EQ(plan.applied, 1u);
    EXPECT_EQ(plan.pending, (std::vector<std::size_t>{1}));
    EXPECT_TRUE(plan.out_of_order.empty());
    EXPECT_TRUE(plan.modified.empty());
    EXPECT_TRUE(plan.missing.empty());

    // Nothing was applied or recorded by planning.
    EXPECT_EQ(p.tables(), "__drizzle_migrations,ta");
    EXPECT_EQ(store->count_rows(), 1u);
}

TEST(MigrationPlanPublic, EditedAndDeletedMigrationsShowInThePlan) {
    Project p;
    write_file(p.folder / A / "migration.sql", "CREATE TABLE ta (x integer);");
    write_file(p.folder / B / "migration.sql", "CREATE TABLE tb (x integer);");
    migrate(*p.db, p.options());
    write_file(p.folder / A / "migration.sql", "CREATE TABLE ta (x integer, y integer);");
    fs::remove_all(p.folder / B);

    const LocalMigrations local = load_migrations_folder(p.folder);
    auto store = open_migration_store(*p.db, p.options());
    const MigrationPlan plan = plan_migrations(local.folder.layout, local.migrations, store->read_rows());
    EXPECT_TRUE(plan.pending.empty());
    ASSERT_EQ(plan.modified.size(), 1u);
    EXPECT_EQ(plan.modified[0].index, 0u);
    ASSERT_EQ(plan.missing.size(), 1u);
    EXPECT_EQ(plan.missing[0].row.name, B);
}

TEST(MigrationPlanPublic, ReadingAFreshDatabaseCreatesNothing) {
    Project p;
    write_file(p.folder / A / "migration.sql", "CREATE TABLE ta (x integer);");
    auto store = open_migration_store(*p.db, p.options());
    EXPECT_EQ(store->count_rows(), 0u);
    EXPECT_TRUE(store->read_rows().empty());
    const LocalMigrations local = load_migrations_folder(p.folder);
    EXPECT_EQ(plan_migrations(local.folder.layout, local.migrations, {}).pending, (std::vector<std::size_t>{0}));
    EXPECT_EQ(p.tables(), "");
}

TEST(MigrationPlanPublic, LockReleasedWithoutCommitRecordsNothing) {
    Project p;
    write_file(p.folder / A / "migration.sql", "CREATE TABLE ta (x integer);");
    const LocalMigrations local = load_migrations_folder(p.folder);
    auto store = open_migration_store(*p.db, p.options());
    store->ensure_table(local.folder.layout, local.migrations);
    {
        MigrationLock lock(*store);
        EXPECT_TRUE(lock.held());
        store->record(local.migrations[0], local.folder.layout);
        EXPECT_EQ(store->read_rows().size(), 1u); // inside the transaction
    }                                             // rolled back
    EXPECT_EQ(store->count_rows(), 0u);
    {
        MigrationLock lock(*store);
        store->record(local.migrations[0], local.folder.layout);
        lock.commit();
        EXPECT_FALSE(lock.held());
    }
    EXPECT_EQ(store->count_rows(), 1u);
}

} // namespace
} // namespace drizzle::test
