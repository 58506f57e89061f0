// MigrationsFolder::read and latest_snapshot_path on drizzle-kit's fixture folders and broken ones.
#include "drizzle/error.hpp"
#include "drizzle/migrate/folder.hpp"
#include "support/test_support.hpp"

#include <gtest/gtest.h>

namespace drizzle::test {
namespace {

namespace fs = std::filesystem;

std::string message_of(const fs::path& dir) {
    try {
        MigrationsFolder::read(dir);
    } catch (const UserError& e) {
        return e.what();
    }
    return "<no error>";
}

TEST(FolderRead, LegacyFixture) {
    auto dir = fixture("drizzle-kit/sqlite/v031/steps/drizzle");
    auto folder = MigrationsFolder::read(dir);
    EXPECT_EQ(folder.layout, FolderLayout::legacy);
    ASSERT_EQ(folder.entries.size(), 8u);
    EXPECT_EQ(folder.entries[0].name, "0000_base");
    EXPECT_EQ(folder.entries[0].sql_path, dir / "0000_base.sql");
    EXPECT_EQ(folder.entries[0].snapshot_path, dir / "meta" / "0000_snapshot.json");
    EXPECT_EQ(folder.entries[0].created_at_ms, 1795315665429);
    EXPECT_TRUE(folder.entries[0].breakpoints);
    EXPECT_EQ(folder.entries[7].name, "0007_rename_table_and_column");
    EXPECT_EQ(folder.entries[7].created_at_ms, 1795315683100);
    for (const auto& e : folder.entries) EXPECT_TRUE(fs::exists(e.snapshot_path)) << e.snapshot_path;
    EXPECT_EQ(folder.latest_snapshot_path(), dir / "meta" / "0007_snapshot.json");
}

TEST(FolderRead, LegacyTimestampPrefixFixture) {
    auto dir = fixture("drizzle-kit/sqlite/v031/prefix-timestamp/drizzle");
    auto folder = MigrationsFolder::read(dir);
    ASSERT_EQ(folder.entries.size(), 2u);
    EXPECT_EQ(folder.entries[1].name, "20261122024846_addcol");
    EXPECT_EQ(folder.entries[1].snapshot_path, dir / "meta" / "20261122024846_snapshot.json");
    EXPECT_TRUE(fs::exists(folder.entries[1].snapshot_path));
    EXPECT_EQ(folder.latest_snapshot_path(), dir / "meta" / "20261122024846_snapshot.json");
}

TEST(FolderRead, V1Fixture) {
    auto dir = fixture("drizzle-kit/sqlite/v1/steps/drizzle");
    auto folder = MigrationsFolder::read(dir);
    EXPECT_EQ(folder.layout, FolderLayout::v1);
    ASSERT_EQ(folder.entries.size(), 8u);
    EXPECT_EQ(folder.entries[0].name, "20261122024812_base");
    EXPECT_EQ(folder.entries[0].sql_path, dir / "20261122024812_base" / "migration.sql");
    EXPECT_EQ(folder.entries[0].created_at_ms, 1795315692000);  // as in migrations_table.tsv
    EXPECT_EQ(folder.entries[7].name, "20261122024833_rename_table_and_column");
    EXPECT_EQ(folder.entries[7].created_at_ms, 1795315713000);
    EXPECT_EQ(folder.latest_snapshot_path(),
              dir / "20261122024833_rename_table_and_column" / "snapshot.json");
}

TEST(FolderRead, MissingOrEmptyFolderIsAnEmptyV1Folder) {
    TempDir dir("folder-read");
    auto missing = MigrationsFolder::read(dir / "nope");
    EXPECT_EQ(missing.layout, FolderLayout::v1);
    EXPECT_TRUE(missing.entries.empty());
    EXPECT_FALSE(missing.latest_snapshot_path());
    auto empty = MigrationsFolder::read(dir.path());
    EXPECT_TRUE(empty.entries.empty());
}

TEST(FolderRead, MixedLayoutsAreRefused) {
    TempDir dir("folder-read");
    fs::copy(fixture("drizzle-kit/sqlite/up/before"), dir.path(), fs::copy_options::recursive);
    write_file(dir / "20261122024812_base" / "migration.sql", "SELECT 1;");
    std::string message = message_of(dir.path());
    EXPECT_NE(message.find("mixes both layouts"), std::string::npos) << message;
    EXPECT_NE(message.find("_journal.json"), std::string::npos) << message;
    EXPECT_NE(message.find("drizzle-kit up"), std::string::npos) << message;
}

TEST(FolderRead, MalformedJournalNamesTheFile) {
    TempDir dir("folder-read");
    write_file(dir / "meta" / "_journal.json", "{\"version\":\"7\",\"entries\":[");
    std::string message = message_of(dir.path());
    EXPECT_NE(message.find((dir / "meta" / "_journal.json").string()), std::string::npos) << message;
    EXPECT_NE(message.find("not valid JSON"), std::string::npos) << message;

    write_file(dir / "meta" / "_journal.json",
               R"({"version":"7","dialect":"sqlite","entries":[{"idx":0,"tag":"0000_x","when":"soon"}]})");
    message = message_of(dir.path());
    EXPECT_NE(message.find("entries[0].when must be an integer"), std::string::npos) << message;

    write_file(dir / "meta" / "_journal.json", R"({"version":"7","dialect":"sqlite"})");
    EXPECT_NE(message_of(dir.path()).find("\"entries\" must be an array"), std::string::npos);
}

TEST(FolderRead, JournalEntryWithoutSqlFile) {
    TempDir dir("folder-read");
    fs::copy(fixture("drizzle-kit/sqlite/up/before"), dir.path(), fs::copy_options::recursive);
    fs::remove(dir / "0003_chtype.sql");
    std::string message = message_of(dir.path());
    EXPECT_NE(message.find("lists migration \"0003_chtype\""), std::string::npos) << message;
    EXPECT_NE(message.find((dir / "0003_chtype.sql").string()), std::string::npos) << message;
}

TEST(FolderRead, V1FolderProblems) {
    TempDir dir("folder-read");
    write_file(dir / "20260101000000_a" / "migration.sql", "SELECT 1;");
    fs::create_directories(dir / "20260101000100_b");  // dated but empty
    std::string message = message_of(dir.path());
    EXPECT_NE(message.find("20260101000100_b has no migration.sql"), std::string::npos) << message;

    fs::remove_all(dir / "20260101000100_b");
    write_file(dir / "seeds" / "migration.sql", "SELECT 1;");  // undated
    message = message_of(dir.path());
    EXPECT_NE(message.find("must be named <YYYYMMDDHHMMSS>_<name>"), std::string::npos) << message;

    fs::remove_all(dir / "seeds");
    fs::create_directories(dir / "notes");                                // unrelated, no SQL: ignored
    write_file(dir / ".tmp-20260101000200_c-1-0" / "migration.sql", "");  // interrupted write: ignored
    auto folder = MigrationsFolder::read(dir.path());
    ASSERT_EQ(folder.entries.size(), 1u);
    EXPECT_EQ(folder.entries[0].name, "20260101000000_a");
    EXPECT_FALSE(folder.latest_snapshot_path());  // hand-made migration without snapshot
}

TEST(FolderRead, V1EntriesSortedByNameAndSnapshotFallback) {
    TempDir dir("folder-read");
    write_file(dir / "20260101000200_c" / "migration.sql", "");
    write_file(dir / "20260101000000_a" / "migration.sql", "");
    write_file(dir / "20260101000000_a" / "snapshot.json", "{}");
    write_file(dir / "20260101000100_b" / "migration.sql", "");
    write_file(dir / "20260101000100_b" / "snapshot.json", "{}");
    auto folder = MigrationsFolder::read(dir.path());
    ASSERT_EQ(folder.entries.size(), 3u);
    EXPECT_EQ(folder.entries[0].name, "20260101000000_a");
    EXPECT_EQ(folder.entries[2].name, "20260101000200_c");
    EXPECT_EQ(folder.entries[2].created_at_ms, 1767225720000);
    EXPECT_EQ(folder.latest_snapshot_path(), dir / "20260101000100_b" / "snapshot.json");
}

TEST(FolderRead, LegacyLeftoversWithoutJournal) {
    TempDir dir("folder-read");
    write_file(dir / "0000_init.sql", "SELECT 1;");
    EXPECT_NE(message_of(dir.path()).find("no " + (dir / "meta" / "_journal.json").string()),
              std::string::npos);
    fs::remove(dir / "0000_init.sql");
    write_file(dir / "meta" / "0000_snapshot.json", "{}");
    EXPECT_NE(message_of(dir.path()).find("restore the journal"), std::string::npos);
}

TEST(FolderRead, LegacyLatestSnapshotSkipsUnderscoreNames) {
    // --prefix none writes meta/_snapshot.json, which drizzle-kit's lookup skips.
    TempDir dir("folder-read");
    write_file(dir / "meta" / "_journal.json",
               R"({"version":"7","dialect":"sqlite","entries":[)"
               R"({"idx":0,"version":"6","when":1,"tag":"_x","breakpoints":true}]})");
    write_file(dir / "_x.sql", "SELECT 1;");
    write_file(dir / "meta" / "_snapshot.json", "{}");
    auto folder = MigrationsFolder::read(dir.path());
    ASSERT_EQ(folder.entries.size(), 1u);
    EXPECT_EQ(folder.entries[0].snapshot_path, dir / "meta" / "_snapshot.json");
    EXPECT_FALSE(folder.latest_snapshot_path());
    write_file(dir / "meta" / "0001_snapshot.json", "{}");
    write_file(dir / "meta" / "1795312230_snapshot.json", "{}");
    EXPECT_EQ(folder.latest_snapshot_path(), dir / "meta" / "1795312230_snapshot.json");
}

}  // namespace
}  // namespace drizzle::test
