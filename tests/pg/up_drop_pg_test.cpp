// `up` and `drop` on PostgreSQL: drizzle-kit's upgraded folder from ours, and drop's database checks on a real server.
#include "drizzle/error.hpp"
#include "drizzle/kit/drop_migration.hpp"
#include "drizzle/kit/upgrade_folder.hpp"
#include "drizzle/migrate/migrator.hpp"
#include "pg/pg_support.hpp"

#include <gtest/gtest.h>

#include <map>

namespace drizzle::test {
namespace {

namespace fs = std::filesystem;

const std::string kPgUp = "drizzle-kit/postgresql/up/";

std::map<std::string, std::string> files_under(const fs::path& dir) {
    std::map<std::string, std::string> files;
    for (const auto& item : fs::recursive_directory_iterator(dir)) {
        files[fs::relative(item.path(), dir).generic_string()] = item.is_regular_file() ? read_file(item.path()) : "";
    }
    return files;
}

MigrateResult run(Connection& db, const fs::path& folder) {
    MigrateOptions options;
    options.folder = folder;
    return migrate(db, options);
}

Config pg_config(const TempDir& dir, const std::string& url) {
    Config config;
    config.dialect = Dialect::postgresql;
    config.dialect_name = "postgresql";
    config.base_dir = dir.path();
    config.out = "./drizzle";
    if (!url.empty()) config.credentials.url = url;
    return config;
}

TEST(UpPg, FixtureBeforeBecomesDrizzleKitsAfterByteForByte) {
    TempDir dir("up-pg");
    copy_tree(fixture(kPgUp + "before"), dir / "drizzle");
    kit::UpgradeResult result = kit::upgrade_folder(pg_config(dir, ""));
    ASSERT_TRUE(result.upgraded);
    EXPECT_TRUE(result.warnings.empty());
    ASSERT_EQ(result.migrations.size(), 9u);
    EXPECT_EQ(result.migrations[8].folder, "20261122024648_create_drop");
    EXPECT_EQ(files_under(dir / "drizzle"), files_under(fixture(kPgUp + "after")));
    EXPECT_FALSE(kit::upgrade_folder(pg_config(dir, "")).upgraded);
}

class UpDropPgTest : public PgTest {};

TEST_F(UpDropPgTest, DatabaseMigratedBeforeOurUpAppliesNothingAfterAndGetsDrizzleKitsRows) {
    TempDir dir("up-pg");
    copy_tree(fixture(kPgUp + "before"), dir / "drizzle");
    auto db = connect();
    EXPECT_EQ(run(*db, dir / "drizzle").applied.size(), 9u);
    ASSERT_TRUE(kit::upgrade_folder(pg_config(dir, url())).upgraded);
    MigrateResult after = run(*db, dir / "drizzle");
    EXPECT_TRUE(after.applied.empty());
    EXPECT_EQ(after.already_applied, 9u);
    EXPECT_EQ(pg_dump_table_tsv(*db, "drizzle", "__drizzle_migrations"),
              read_file(fixture(kPgUp + "migrate_after_up/migrations_table.after.tsv")));
}

TEST_F(UpDropPgTest, AppliedMigrationIsRefusedThenForcedOnBothLayouts) {
    for (bool v1 : {false, true}) {
        SCOPED_TRACE(v1 ? "v1" : "legacy");
        TempDir dir("drop-pg");
        copy_tree(fixture(kPgUp + "before"), dir / "drizzle");
        if (v1) kit::upgrade_migrations_folder(dir / "drizzle");
        const std::string database_url = create_database();
        {
            auto db = pg::PgConnection::open(database_url);
            ASSERT_EQ(run(*db, dir / "drizzle").applied.size(), 9u);
        }
        const auto before = files_under(dir / "drizzle");
        kit::DropRequest request;
        request.name = "addfk";
        try {
            kit::drop_migration(pg_config(dir, database_url), request);
            FAIL() << "expected a UserError";
        } catch (const UserError& e) {
            const std::string message = e.what();
            EXPECT_NE(message.find("is recorded as applied in the database"), std::string::npos) << message;
            EXPECT_NE(message.find("addfk"), std::string::npos) << message;
            // A v1 migrate records the folder's second, 0.31 the journal's `when`.
            EXPECT_NE(message.find(v1 ? "created_at 1795315595000" : "created_at 1795315595854"), std::string::npos)
                << message;
        }
        EXPECT_EQ(files_under(dir / "drizzle"), before);

        request.force = true;
        kit::DropResult result = kit::drop_migration(pg_config(dir, database_url), request);
        ASSERT_GE(result.warnings.size(), 2u);
        EXPECT_NE(result.warnings[0].find("the database keeps its changes and its row"), std::string::npos);
        EXPECT_EQ(result.relinked.size(), 1u);
        EXPECT_EQ(MigrationsFolder::read(dir / "drizzle").entries.size(), 8u);
    }
}

TEST_F(UpDropPgTest, PendingMigrationIsDroppedAndUnreachableDatabaseNeedsForce) {
    TempDir dir("drop-pg");
    copy_tree(fixture(kPgUp + "before"), dir / "drizzle");
    kit::upgrade_migrations_folder(dir / "drizzle");
    {
        // Applied: all but the newest.
        TempDir partial("drop-pg-partial");
        copy_tree(dir / "drizzle", partial / "drizzle");
        fs::remove_all(partial / "drizzle/20261122024648_create_drop");
        auto db = connect();
        ASSERT_EQ(run(*db, partial / "drizzle").applied.size(), 8u);
    }
    kit::DropResult result = kit::drop_migration(pg_config(dir, url()), {});
    EXPECT_EQ(result.dropped, "20261122024648_create_drop");
    EXPECT_TRUE(result.warnings.empty());

    const std::string unreachable = "postgres://postgres:s3cret-pw@127.0.0.1:1/nowhere";
    const auto before = files_under(dir / "drizzle");
    try {
        kit::drop_migration(pg_config(dir, unreachable), {});
        FAIL() << "expected an Error";
    } catch (const UserError& e) {
        FAIL() << "expected a database Error, got UserError: " << e.what();
    } catch (const Error& e) {
        const std::string message = e.what();
        EXPECT_NE(message.find("cannot reach the database"), std::string::npos) << message;
        EXPECT_NE(message.find("--force"), std::string::npos) << message;
        EXPECT_EQ(message.find("s3cret-pw"), std::string::npos) << message;
    }
    EXPECT_EQ(files_under(dir / "drizzle"), before);
    kit::DropRequest forced;
    forced.force = true;
    result = kit::drop_migration(pg_config(dir, unreachable), forced);
    EXPECT_EQ(result.dropped, "20261122024644_rename_table");
    ASSERT_FALSE(result.warnings.empty());
    EXPECT_EQ(result.warnings[0].find("s3cret-pw"), std::string::npos) << result.warnings[0];
}

TEST_F(UpDropPgTest, CliDropRefusesAnAppliedMigrationWithoutPrintingThePassword) {
    TempDir dir("drop-pg-cli");
    copy_tree(fixture(kPgUp + "before"), dir / "drizzle");
    auto db = connect();
    ASSERT_EQ(run(*db, dir / "drizzle").applied.size(), 9u);
    std::string out;
    EXPECT_EQ(run_kit(dir.path(), {"drop", "--dialect", "postgresql", "--url", url(), "--latest"}, out), 3) << out;
    EXPECT_NE(out.find("0008_create_drop is recorded as applied"), std::string::npos) << out;
    EXPECT_TRUE(fs::exists(dir / "drizzle/0008_create_drop.sql"));

    const std::string unreachable = "postgres://postgres:s3cret-pw@127.0.0.1:1/nowhere";
    EXPECT_EQ(run_kit(dir.path(), {"drop", "--dialect", "postgresql", "--url", unreachable, "--latest"}, out), 1)
        << out;
    EXPECT_EQ(out.find("s3cret-pw"), std::string::npos) << out;
    EXPECT_TRUE(fs::exists(dir / "drizzle/0008_create_drop.sql"));
}

} // namespace
} // namespace drizzle::test
