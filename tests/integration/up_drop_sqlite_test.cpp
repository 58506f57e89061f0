// `up` and `drop` on SQLite folders and real database files: drizzle-kit's bytes, all-or-nothing, database checks.
#include "drizzle/error.hpp"
#include "drizzle/kit/drop_migration.hpp"
#include "drizzle/kit/upgrade_folder.hpp"
#include "drizzle/migrate/migrator.hpp"
#include "drizzle/snapshot/snapshot.hpp"
#include "integration/migrate_support.hpp"

#include <gtest/gtest.h>

#include <map>

#include <unistd.h>

namespace drizzle::test {
namespace {

namespace fs = std::filesystem;

const std::string kSqliteUp = "drizzle-kit/sqlite/up/";

/// Every file under `dir` (hidden ones too) with its bytes, plus the hidden entries beside it:
/// what "the folder is as it was" compares.
std::map<std::string, std::string> tree(const fs::path& dir, bool with_siblings = true) {
    std::map<std::string, std::string> files;
    for (const auto& item : fs::recursive_directory_iterator(dir)) {
        const std::string rel = fs::relative(item.path(), dir).generic_string();
        files[rel] = item.is_regular_file() ? read_file(item.path()) : "<dir>";
    }
    if (!with_siblings) return files;
    for (const auto& item : fs::directory_iterator(dir.parent_path())) {
        if (item.path().filename().string().starts_with(".")) files["../" + item.path().filename().string()] = "";
    }
    return files;
}

MigrateResult run(Connection& db, const fs::path& folder) {
    MigrateOptions options;
    options.folder = folder;
    return migrate(db, options);
}

Config sqlite_config(const TempDir& dir, bool with_database) {
    Config config;
    config.dialect = Dialect::sqlite;
    config.dialect_name = "sqlite";
    config.base_dir = dir.path();
    config.out = "./drizzle";
    if (with_database) config.credentials.url = (dir / "local.db").string();
    return config;
}

// ---- up -----------------------------------------------------------------------------------------

TEST(UpSqlite, FixtureBeforeBecomesDrizzleKitsAfterByteForByte) {
    TempDir dir("up-sqlite");
    copy_tree(fixture(kSqliteUp + "before"), dir / "drizzle");
    kit::UpgradeResult result = kit::upgrade_migrations_folder(dir / "drizzle");
    ASSERT_TRUE(result.upgraded);
    EXPECT_TRUE(result.warnings.empty());
    ASSERT_EQ(result.migrations.size(), 8u);
    EXPECT_EQ(result.migrations[0].folder, "20261122024745_base");
    EXPECT_EQ(tree(dir / "drizzle", false), tree(fixture(kSqliteUp + "after"), false));
}

TEST(UpSqlite, DatabaseMigratedBeforeUpSeesEveryMigrationAppliedAfter) {
    TempDir dir("up-sqlite");
    copy_tree(fixture(kSqliteUp + "before"), dir / "drizzle");
    auto db = sqlite::SqliteConnection::open((dir / "local.db").string());
    db->exec("PRAGMA foreign_keys=ON");
    EXPECT_EQ(run(*db, dir / "drizzle").applied.size(), 8u);
    ASSERT_TRUE(kit::upgrade_migrations_folder(dir / "drizzle").upgraded);
    MigrateResult after = run(*db, dir / "drizzle");
    EXPECT_TRUE(after.applied.empty());
    EXPECT_EQ(after.already_applied, 8u);
    EXPECT_EQ(dump_table_tsv(*db, "__drizzle_migrations"),
              read_file(fixture(kSqliteUp + "migrate_after_up/migrations_table.after.tsv")));
}

TEST(UpSqlite, SecondRunFindsNothingToUpgradeAndChangesNothing) {
    TempDir dir("up-sqlite");
    copy_tree(fixture(kSqliteUp + "before"), dir / "drizzle");
    ASSERT_TRUE(kit::upgrade_migrations_folder(dir / "drizzle").upgraded);
    const auto once = tree(dir / "drizzle");
    kit::UpgradeResult again = kit::upgrade_migrations_folder(dir / "drizzle");
    EXPECT_FALSE(again.upgraded);
    EXPECT_TRUE(again.migrations.empty());
    EXPECT_EQ(tree(dir / "drizzle"), once);
}

TEST(UpSqlite, MalformedSnapshotIsNamedAndTheFolderStaysAsItWas) {
    TempDir dir("up-sqlite");
    copy_tree(fixture(kSqliteUp + "before"), dir / "drizzle");
    write_file(dir / "drizzle/meta/0005_snapshot.json", "{\"version\": \"6\", \"dialect\": \"sqlite\", \"tables\": 7");
    const auto before = tree(dir / "drizzle");
    try {
        kit::upgrade_migrations_folder(dir / "drizzle");
        FAIL() << "expected a UserError";
    } catch (const UserError& e) {
        EXPECT_NE(std::string(e.what()).find("0005_snapshot.json"), std::string::npos) << e.what();
    }
    EXPECT_EQ(tree(dir / "drizzle"), before);
}

TEST(UpSqlite, MissingSnapshotGivesAFolderWithoutOneAndAWarningNamingIt) {
    TempDir dir("up-sqlite");
    copy_tree(fixture(kSqliteUp + "before"), dir / "drizzle");
    fs::remove(dir / "drizzle/meta/0000_snapshot.json");
    kit::UpgradeResult result = kit::upgrade_migrations_folder(dir / "drizzle");
    ASSERT_TRUE(result.upgraded);
    ASSERT_EQ(result.warnings.size(), 1u);
    EXPECT_NE(result.warnings[0].find("0000_snapshot.json is missing"), std::string::npos) << result.warnings[0];
    EXPECT_FALSE(result.migrations[0].has_snapshot);
    EXPECT_TRUE(fs::exists(dir / "drizzle/20261122024745_base/migration.sql"));
    EXPECT_FALSE(fs::exists(dir / "drizzle/20261122024745_base/snapshot.json"));
    EXPECT_EQ(read_file(dir / "drizzle/20261122024747_addcol/snapshot.json"),
              read_file(fixture(kSqliteUp + "after/20261122024747_addcol/snapshot.json")));
    EXPECT_FALSE(fs::exists(dir / "drizzle/meta"));
}

TEST(UpSqlite, TwoEntriesInOneSecondWithOneNameAreRefusedUnchanged) {
    TempDir dir("up-sqlite");
    write_file(dir / "drizzle/0000_init.sql", "CREATE TABLE a (x integer);");
    write_file(dir / "drizzle/20250101000000_init.sql", "CREATE TABLE b (x integer);");
    write_file(dir / "drizzle/meta/_journal.json",
               R"({"version":"7","dialect":"sqlite","entries":[)"
               R"({"idx":0,"version":"6","when":1700000000100,"tag":"0000_init","breakpoints":true},)"
               R"({"idx":1,"version":"6","when":1700000000900,"tag":"20250101000000_init","breakpoints":true}]})");
    const auto before = tree(dir / "drizzle");
    try {
        kit::upgrade_migrations_folder(dir / "drizzle");
        FAIL() << "expected a UserError";
    } catch (const UserError& e) {
        const std::string message = e.what();
        EXPECT_NE(message.find("\"0000_init\" and \"20250101000000_init\" would both become the folder "
                               "20231114221320_init"),
                  std::string::npos)
            << message;
    }
    EXPECT_EQ(tree(dir / "drizzle"), before);
}

TEST(UpSqlite, FolderNamesDropAnyPrefixModeAndKeepTheRest) {
    // index, timestamp/supabase, unix, none.
    EXPECT_EQ(kit::upgraded_folder_name("0003_add_posts", 1700000000999), "20231114221320_add_posts");
    EXPECT_EQ(kit::upgraded_folder_name("20231114221320_add_posts", 1700000000999), "20231114221320_add_posts");
    EXPECT_EQ(kit::upgraded_folder_name("1700000000_add_posts", 1700000000999), "20231114221320_add_posts");
    EXPECT_EQ(kit::upgraded_folder_name("_add_posts", 1700000000999), "20231114221320_add_posts");
}

TEST(UpSqlite, PrefixNoneKeepsTheOneSnapshotForTheNewestEntry) {
    TempDir dir("up-sqlite");
    copy_tree(fixture(kSqliteUp + "before"), dir / "src");
    write_file(dir / "drizzle/_a.sql", read_file(dir / "src/0000_base.sql"));
    write_file(dir / "drizzle/_b.sql", read_file(dir / "src/0001_addcol.sql"));
    write_file(dir / "drizzle/meta/_snapshot.json", read_file(dir / "src/meta/0001_snapshot.json"));
    write_file(dir / "drizzle/meta/_journal.json",
               R"({"version":"7","dialect":"sqlite","entries":[)"
               R"({"idx":0,"version":"6","when":1700000000000,"tag":"_a","breakpoints":true},)"
               R"({"idx":1,"version":"6","when":1700000005000,"tag":"_b","breakpoints":true}]})");
    kit::UpgradeResult result = kit::upgrade_migrations_folder(dir / "drizzle");
    ASSERT_EQ(result.migrations.size(), 2u);
    EXPECT_EQ(result.migrations[0].folder, "20231114221320_a");
    EXPECT_FALSE(result.migrations[0].has_snapshot);
    EXPECT_TRUE(result.migrations[1].has_snapshot);
    EXPECT_EQ(read_file(dir / "drizzle/20231114221325_b/snapshot.json"),
              read_file(fixture(kSqliteUp + "after/20261122024747_addcol/snapshot.json")));
}

TEST(UpSqlite, FolderOfAnotherDialectIsRefused) {
    TempDir dir("up-sqlite");
    copy_tree(fixture("drizzle-kit/postgresql/up/before"), dir / "drizzle");
    const auto before = tree(dir / "drizzle");
    EXPECT_THROW(kit::upgrade_folder(sqlite_config(dir, false)), UserError);
    EXPECT_EQ(tree(dir / "drizzle"), before);
}

// ---- drop ---------------------------------------------------------------------------------------

/// A legacy or v1 folder of the fixture's first `count` migrations.
void fixture_folder(const TempDir& dir, bool v1, std::size_t count = 8) {
    copy_tree(fixture(kSqliteUp + "before"), dir / "drizzle");
    if (v1) ASSERT_TRUE(kit::upgrade_migrations_folder(dir / "drizzle").upgraded);
    auto folder = MigrationsFolder::read(dir / "drizzle");
    while (folder.entries.size() > count) {
        kit::remove_migration(folder, folder.entries.size() - 1);
        folder = MigrationsFolder::read(dir / "drizzle");
    }
}

std::vector<std::string> names(const fs::path& dir) {
    std::vector<std::string> out;
    for (const auto& e : MigrationsFolder::read(dir).entries)
        out.push_back(e.name);
    return out;
}

class DropSqlite : public ::testing::TestWithParam<bool> {}; // true: v1 layout

TEST_P(DropSqlite, LatestGoesAndTheNewestSnapshotIsTheOneBefore) {
    TempDir dir("drop-sqlite");
    fixture_folder(dir, GetParam(), 3);
    const auto before = names(dir / "drizzle");
    kit::DropResult result = kit::drop_migration(sqlite_config(dir, false), {});
    EXPECT_EQ(result.dropped, before.back());
    EXPECT_TRUE(result.warnings.empty());
    EXPECT_EQ(names(dir / "drizzle"), std::vector<std::string>(before.begin(), before.end() - 1));
    auto folder = MigrationsFolder::read(dir / "drizzle");
    EXPECT_EQ(folder.latest_snapshot_path(), folder.entries.back().snapshot_path);
    if (!GetParam()) {
        EXPECT_FALSE(fs::exists(dir / "drizzle/0002_dropcol.sql"));
        EXPECT_FALSE(fs::exists(dir / "drizzle/meta/0002_snapshot.json"));
    }
    // No temp folder is left behind.
    for (const auto& item : fs::directory_iterator(dir / "drizzle"))
        EXPECT_FALSE(item.path().filename().string().starts_with(".")) << item.path();
}

TEST_P(DropSqlite, NamedMiddleMigrationReLinksTheNextSnapshotAndWarns) {
    TempDir dir("drop-sqlite");
    fixture_folder(dir, GetParam(), 4);
    auto folder = MigrationsFolder::read(dir / "drizzle");
    const std::string first_id = parse_snapshot(read_file(folder.entries[0].snapshot_path), "0").id;
    const fs::path third_snapshot = folder.entries[2].snapshot_path;
    const std::string third_before = read_file(third_snapshot);

    kit::DropRequest request;
    request.name = "addcol"; // the suffix alone
    kit::DropResult result = kit::drop_migration(sqlite_config(dir, false), request);
    EXPECT_EQ(result.dropped, folder.entries[1].name);
    ASSERT_EQ(result.relinked, std::vector<std::string>{folder.entries[2].name});
    ASSERT_FALSE(result.warnings.empty());
    EXPECT_NE(result.warnings.back().find("generated on top of " + folder.entries[1].name), std::string::npos);

    Snapshot third = parse_snapshot(read_file(third_snapshot), third_snapshot.string());
    EXPECT_EQ(third.prev_ids, std::vector<std::string>{first_id});
    // Only the parent changed.
    std::string expected = third_before;
    const std::string old_parent = parse_snapshot(third_before, "x").prev_ids.at(0);
    expected.replace(expected.find(old_parent), old_parent.size(), first_id);
    EXPECT_EQ(read_file(third_snapshot), expected);
    EXPECT_EQ(names(dir / "drizzle").size(), 3u);
}

TEST(DropSqliteLegacy, JournalIsRewrittenLikeDrizzleKit) {
    TempDir dir("drop-sqlite");
    fixture_folder(dir, false, 8);
    kit::DropRequest request;
    request.name = "0007";
    kit::drop_migration(sqlite_config(dir, false), request);
    // The fixture's journal of 8 entries without its last one is exactly what it was after 7 generates.
    std::string journal = read_file(fixture(kSqliteUp + "before/meta/_journal.json"));
    const std::size_t last = journal.rfind(",\n    {");
    const std::string expected = journal.substr(0, last) + "\n  ]\n}";
    EXPECT_EQ(read_file(dir / "drizzle/meta/_journal.json"), expected);
}

TEST_P(DropSqlite, AppliedMigrationIsRefusedUnlessForce) {
    TempDir dir("drop-sqlite");
    fixture_folder(dir, GetParam(), 3);
    {
        auto db = sqlite::SqliteConnection::open((dir / "local.db").string());
        ASSERT_EQ(run(*db, dir / "drizzle").applied.size(), 3u);
    }
    const auto before = tree(dir / "drizzle");
    const std::string latest = names(dir / "drizzle").back();
    try {
        kit::drop_migration(sqlite_config(dir, true), {});
        FAIL() << "expected a UserError";
    } catch (const UserError& e) {
        const std::string message = e.what();
        EXPECT_NE(message.find("migration " + latest + " is recorded as applied in the database"), std::string::npos)
            << message;
        EXPECT_NE(message.find("--force"), std::string::npos) << message;
    }
    EXPECT_EQ(tree(dir / "drizzle"), before);

    kit::DropRequest forced;
    forced.force = true;
    kit::DropResult result = kit::drop_migration(sqlite_config(dir, true), forced);
    EXPECT_EQ(result.dropped, latest);
    ASSERT_FALSE(result.warnings.empty());
    EXPECT_NE(result.warnings[0].find("the database keeps its changes and its row"), std::string::npos);
    EXPECT_EQ(names(dir / "drizzle").size(), 2u);
}

TEST_P(DropSqlite, PendingMigrationOfAMigratedDatabaseIsDropped) {
    TempDir dir("drop-sqlite");
    fixture_folder(dir, GetParam(), 2);
    {
        auto db = sqlite::SqliteConnection::open((dir / "local.db").string());
        ASSERT_EQ(run(*db, dir / "drizzle").applied.size(), 2u);
    }
    // A third migration generated afterwards, not applied.
    TempDir full("drop-sqlite-full");
    fixture_folder(full, GetParam(), 3);
    const auto third = MigrationsFolder::read(full / "drizzle").entries[2];
    if (GetParam()) {
        copy_tree(third.sql_path.parent_path(), dir / "drizzle" / third.name);
    } else {
        fs::copy(third.sql_path, dir / "drizzle" / third.sql_path.filename());
        fs::copy(third.snapshot_path, dir / "drizzle/meta" / third.snapshot_path.filename());
        fs::copy(full / "drizzle/meta/_journal.json", dir / "drizzle/meta/_journal.json",
                 fs::copy_options::overwrite_existing);
    }
    kit::DropResult result = kit::drop_migration(sqlite_config(dir, true), {});
    EXPECT_EQ(result.dropped, third.name);
    EXPECT_EQ(names(dir / "drizzle").size(), 2u);
}

TEST_P(DropSqlite, MissingDatabaseFileMeansNothingAppliedAndCreatesNoFile) {
    TempDir dir("drop-sqlite");
    fixture_folder(dir, GetParam(), 2);
    kit::DropResult result = kit::drop_migration(sqlite_config(dir, true), {});
    ASSERT_EQ(result.notes.size(), 1u);
    EXPECT_NE(result.notes[0].find("does not exist yet"), std::string::npos) << result.notes[0];
    EXPECT_FALSE(fs::exists(dir / "local.db"));
}

TEST_P(DropSqlite, UnknownOrAmbiguousNameIsRefusedListingTheMigrations) {
    TempDir dir("drop-sqlite");
    fixture_folder(dir, GetParam(), 3);
    const auto before = tree(dir / "drizzle");
    kit::DropRequest request;
    request.name = "nope";
    try {
        kit::drop_migration(sqlite_config(dir, false), request);
        FAIL();
    } catch (const UserError& e) {
        EXPECT_NE(std::string(e.what()).find("no migration \"nope\""), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find(names(dir / "drizzle")[1]), std::string::npos) << e.what();
    }
    request.name = GetParam() ? "2026" : "000";
    try {
        kit::drop_migration(sqlite_config(dir, false), request);
        FAIL();
    } catch (const UserError& e) {
        EXPECT_NE(std::string(e.what()).find("several migrations"), std::string::npos) << e.what();
    }
    EXPECT_EQ(tree(dir / "drizzle"), before);
}

TEST_P(DropSqlite, MalformedChildSnapshotStopsTheDropBeforeAnythingMoves) {
    TempDir dir("drop-sqlite");
    fixture_folder(dir, GetParam(), 3);
    auto folder = MigrationsFolder::read(dir / "drizzle");
    write_file(folder.entries[2].snapshot_path, "{ not json");
    const auto before = tree(dir / "drizzle");
    kit::DropRequest request;
    request.name = folder.entries[1].name;
    try {
        kit::drop_migration(sqlite_config(dir, false), request);
        FAIL();
    } catch (const UserError& e) {
        EXPECT_NE(std::string(e.what()).find(folder.entries[2].snapshot_path.string()), std::string::npos) << e.what();
    }
    EXPECT_EQ(tree(dir / "drizzle"), before);
}

TEST_P(DropSqlite, FailedRewriteRestoresEveryFile) {
    TempDir dir("drop-sqlite");
    fixture_folder(dir, GetParam(), 3);
    auto folder = MigrationsFolder::read(dir / "drizzle");
    // The child snapshot's rewrite fails after the dropped files moved (and, legacy, after the
    // journal was rewritten): every temp name write_file_atomically could pick in this process
    // is taken (permissions would not stop a root test run).
    const fs::path child = folder.entries[2].snapshot_path;
    for (int n = 0; n < 2000; ++n) {
        write_file(child.parent_path() / ("." + child.filename().string() + ".tmp-" + std::to_string(::getpid()) + "-" +
                                          std::to_string(n)),
                   "");
    }
    const auto before = tree(dir / "drizzle");
    kit::DropRequest request;
    request.name = folder.entries[1].name;
    EXPECT_THROW(kit::drop_migration(sqlite_config(dir, false), request), Error);
    EXPECT_EQ(tree(dir / "drizzle"), before);
}

INSTANTIATE_TEST_SUITE_P(Layouts, DropSqlite, ::testing::Values(false, true),
                         [](const auto& info) { return info.param ? "v1" : "legacy"; });

} // namespace
} // namespace drizzle::test
