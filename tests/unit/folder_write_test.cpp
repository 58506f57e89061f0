// write_migration / write_file_atomically: drizzle-kit's exact bytes, names and atomicity.
#include "drizzle/error.hpp"
#include "drizzle/migrate/folder.hpp"
#include "support/test_support.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace drizzle::test {
namespace {

namespace fs = std::filesystem;

/// Every path under `dir` whose name marks an unfinished write.
std::vector<std::string> temp_leftovers(const fs::path& dir) {
    std::vector<std::string> found;
    for (const auto& item : fs::recursive_directory_iterator(dir)) {
        if (item.path().filename().string().find(".tmp-") != std::string::npos)
            found.push_back(item.path().string());
    }
    return found;
}

/// Re-writes a fixture's migrations (same names, SQL, snapshots and `when`s) into `out`.
void rewrite_fixture(const fs::path& fixture_dir, const fs::path& out, const std::string& prefix) {
    auto journal = nlohmann::json::parse(read_file(fixture_dir / "meta" / "_journal.json"));
    for (const auto& e : journal["entries"]) {
        std::string tag = e["tag"];
        std::string stem = tag.substr(0, tag.find('_'));
        NewMigration m;
        m.name = tag.substr(tag.find('_') + 1);
        m.sql = read_file(fixture_dir / (tag + ".sql"));
        m.snapshot_json = read_file(fixture_dir / "meta" / (stem + "_snapshot.json"));
        m.prefix = prefix;
        m.dialect = Dialect::sqlite;
        m.snapshot_version = e["version"];
        m.breakpoints = e["breakpoints"];
        // Re-read each time, as generate does.
        auto path = write_migration(MigrationsFolder{out, FolderLayout::legacy, {}}, m,
                                    e["when"].get<std::int64_t>());
        EXPECT_EQ(path, out / (tag + ".sql"));
    }
}

void expect_same_files(const fs::path& expected_dir, const fs::path& actual_dir) {
    for (const auto& item : fs::recursive_directory_iterator(expected_dir)) {
        if (!item.is_regular_file()) continue;
        auto relative = item.path().lexically_relative(expected_dir);
        ASSERT_TRUE(fs::exists(actual_dir / relative)) << relative;
        EXPECT_EQ(read_file(actual_dir / relative), read_file(item.path())) << relative;
    }
}

TEST(FolderWrite, LegacyIndexPrefixReproducesDrizzleFolder) {
    TempDir dir("folder-write");
    auto fixture_dir = fixture("drizzle-kit/sqlite/v031/steps/drizzle");
    rewrite_fixture(fixture_dir, dir / "drizzle", "index");
    // Journal byte for byte (2-space indent, key order, no trailing newline), and every file.
    EXPECT_EQ(read_file(dir / "drizzle" / "meta" / "_journal.json"),
              read_file(fixture_dir / "meta" / "_journal.json"));
    expect_same_files(fixture_dir, dir / "drizzle");
    EXPECT_TRUE(temp_leftovers(dir.path()).empty());
    auto folder = MigrationsFolder::read(dir / "drizzle");
    EXPECT_EQ(folder.entries.size(), 8u);
}

TEST(FolderWrite, LegacyTimestampPrefixReproducesDrizzleFolder) {
    TempDir dir("folder-write");
    auto fixture_dir = fixture("drizzle-kit/sqlite/v031/prefix-timestamp/drizzle");
    rewrite_fixture(fixture_dir, dir / "drizzle", "timestamp");
    EXPECT_EQ(read_file(dir / "drizzle" / "meta" / "_journal.json"),
              read_file(fixture_dir / "meta" / "_journal.json"));
    expect_same_files(fixture_dir, dir / "drizzle");
}

TEST(FolderWrite, LegacyPrefixes) {
    const std::int64_t when = 1795315724596;  // 2026-11-22T02:48:44.596Z
    struct Case {
        std::string prefix, sql, snapshot;
    };
    for (const Case& c : {Case{"index", "0000_first.sql", "0000_snapshot.json"},
                          Case{"timestamp", "20261122024844_first.sql", "20261122024844_snapshot.json"},
                          Case{"supabase", "20261122024844_first.sql", "20261122024844_snapshot.json"},
                          Case{"unix", "1795315724_first.sql", "1795315724_snapshot.json"},
                          Case{"none", "_first.sql", "_snapshot.json"}}) {
        SCOPED_TRACE(c.prefix);
        TempDir dir("folder-write");
        NewMigration m{"first", "SELECT 1;", "{\"id\":1}", true, c.prefix, Dialect::postgresql, ""};
        auto path = write_migration(MigrationsFolder{dir.path(), FolderLayout::legacy, {}}, m, when);
        EXPECT_EQ(path, dir / c.sql);
        EXPECT_EQ(read_file(dir / c.sql), "SELECT 1;");
        EXPECT_EQ(read_file(dir / "meta" / c.snapshot), "{\"id\":1}");
        auto journal = nlohmann::json::parse(read_file(dir / "meta" / "_journal.json"));
        EXPECT_EQ(journal["dialect"], "postgresql");
        EXPECT_EQ(journal["entries"][0]["version"], "7");  // pg snapshot version by default
        EXPECT_EQ(journal["entries"][0]["tag"], fs::path(c.sql).stem().string());
        EXPECT_EQ(journal["entries"][0]["when"], when);
    }
}

TEST(FolderWrite, LegacyAppendsToAnExistingJournal) {
    TempDir dir("folder-write");
    fs::copy(fixture("drizzle-kit/sqlite/up/before"), dir.path(), fs::copy_options::recursive);
    NewMigration m{"next", "SELECT 1;", "{}", false, "index", Dialect::sqlite, "6"};
    auto folder = MigrationsFolder::read(dir.path());
    EXPECT_EQ(write_migration(folder, m, 1795315699999), dir / "0008_next.sql");
    std::string journal = read_file(dir / "meta" / "_journal.json");
    std::string before = read_file(fixture("drizzle-kit/sqlite/up/before/meta/_journal.json"));
    // The old text is kept; only the new entry is inserted before the closing brackets.
    std::string expected =
        before.substr(0, before.size() - std::string("\n  ]\n}").size()) +
        ",\n    {\n      \"idx\": 8,\n      \"version\": \"6\",\n      \"when\": 1795315699999,\n"
        "      \"tag\": \"0008_next\",\n      \"breakpoints\": false\n    }\n  ]\n}";
    EXPECT_EQ(journal, expected);
    EXPECT_EQ(MigrationsFolder::read(dir.path()).entries.back().created_at_ms, 1795315699999);
}

TEST(FolderWrite, LegacyRefusesCollisionsAndBadJournals) {
    TempDir dir("folder-write");
    MigrationsFolder folder{dir.path(), FolderLayout::legacy, {}};
    NewMigration m{"x", "SELECT 1;", "{}", true, "timestamp", Dialect::sqlite, ""};
    write_migration(folder, m, 1795315724596);
    m.name = "y";  // same second, other name: would overwrite meta/20261122024844_snapshot.json
    EXPECT_THROW(write_migration(folder, m, 1795315724900), UserError);
    EXPECT_FALSE(fs::exists(dir / "20261122024844_y.sql"));

    write_file(dir / "meta" / "_journal.json", "{broken");
    m.name = "z";
    EXPECT_THROW(write_migration(folder, m, 1795315800000), UserError);
    EXPECT_FALSE(fs::exists(dir / "20261122025000_z.sql"));  // nothing written before the journal was checked
    EXPECT_THROW(write_migration(folder, NewMigration{"a/b", "", "", true, "index", Dialect::sqlite, ""}, 1),
                 UserError);
    EXPECT_THROW(write_migration(folder, NewMigration{"q", "", "", true, "weird", Dialect::sqlite, ""}, 1),
                 UserError);
}

TEST(FolderWrite, V1FolderAndCollision) {
    TempDir dir("folder-write");
    MigrationsFolder folder{dir / "drizzle", FolderLayout::v1, {}};
    NewMigration m{
        "base", "CREATE TABLE t (x integer);", "{\"version\":\"7\"}", true, "index", Dialect::sqlite, ""};
    auto path = write_migration(folder, m, 1795315692123);
    EXPECT_EQ(path, dir / "drizzle" / "20261122024812_base" / "migration.sql");
    EXPECT_EQ(read_file(path), m.sql);
    EXPECT_EQ(read_file(dir / "drizzle" / "20261122024812_base" / "snapshot.json"), m.snapshot_json);

    // Same name in the same second: drizzle-kit fails; we take the next free second.
    auto second = write_migration(folder, m, 1795315692900);
    EXPECT_EQ(second, dir / "drizzle" / "20261122024813_base" / "migration.sql");
    // Another name, generated in the same second or with a clock behind the folder: it still
    // comes after every existing migration, in name order and in time (a tie or an earlier time
    // would be applied out of order, or skipped by drizzle's migrator).
    auto other = write_migration(
        folder, NewMigration{"other", "SELECT 1;", "{}", true, "index", Dialect::sqlite, ""}, 1795315692000);
    EXPECT_EQ(other, dir / "drizzle" / "20261122024814_other" / "migration.sql");
    auto aardvark = write_migration(
        folder, NewMigration{"aardvark", "SELECT 2;", "{}", true, "index", Dialect::sqlite, ""}, 1795315600000);
    EXPECT_EQ(aardvark, dir / "drizzle" / "20261122024815_aardvark" / "migration.sql");

    EXPECT_TRUE(temp_leftovers(dir.path()).empty());
    auto read = MigrationsFolder::read(dir / "drizzle");
    ASSERT_EQ(read.entries.size(), 4u);
    EXPECT_EQ(read.entries[0].name, "20261122024812_base");
    EXPECT_EQ(read.entries[0].created_at_ms, 1795315692000);
    EXPECT_EQ(read.entries[1].name, "20261122024813_base");
    EXPECT_EQ(read.entries[3].name, "20261122024815_aardvark");
    EXPECT_LT(read.entries[2].created_at_ms, read.entries[3].created_at_ms);
    EXPECT_EQ(read.latest_snapshot_path(), dir / "drizzle" / "20261122024815_aardvark" / "snapshot.json");
}

TEST(FolderWrite, LegacyEntriesAreNewerThanEveryEarlierOne) {
    TempDir dir("folder-write");
    MigrationsFolder folder{dir.path(), FolderLayout::legacy, {}};
    NewMigration m{"first", "SELECT 1;", "{}", true, "index", Dialect::sqlite, ""};
    write_migration(folder, m, 1795315724596);
    m.name = "second";  // a clock behind the journal (another machine, a merged branch)
    write_migration(folder, m, 1795315000000);
    auto read = MigrationsFolder::read(dir.path());
    ASSERT_EQ(read.entries.size(), 2u);
    EXPECT_EQ(read.entries[1].created_at_ms, 1795315724597);
}

TEST(FolderWrite, RefusesToMixLayouts) {
    TempDir dir("folder-write");
    NewMigration m{"x", "SELECT 1;", "{}", true, "index", Dialect::sqlite, ""};
    write_migration(MigrationsFolder{dir / "legacy", FolderLayout::legacy, {}}, m, 1795315692000);
    EXPECT_THROW(write_migration(MigrationsFolder{dir / "legacy", FolderLayout::v1, {}}, m, 1795315692000),
                 UserError);
    write_migration(MigrationsFolder{dir / "v1", FolderLayout::v1, {}}, m, 1795315692000);
    EXPECT_THROW(write_migration(MigrationsFolder{dir / "v1", FolderLayout::legacy, {}}, m, 1795315692000),
                 UserError);
    EXPECT_FALSE(std::filesystem::exists(dir / "v1" / "meta"));
}

TEST(FolderWrite, AtomicFileReplace) {
    TempDir dir("folder-write");
    write_file_atomically(dir / "sub" / "a.json", "one");
    write_file_atomically(dir / "sub" / "a.json", "two");
    EXPECT_EQ(read_file(dir / "sub" / "a.json"), "two");
    EXPECT_TRUE(temp_leftovers(dir.path()).empty());
    EXPECT_THROW(write_file_atomically(dir / "sub" / "a.json" / "x", "no"), std::exception);
    EXPECT_TRUE(temp_leftovers(dir.path()).empty());
}

}  // namespace
}  // namespace drizzle::test
