// write_migration with a down file: where it lands in each layout, and that a failed write leaves
// neither the migration nor its down file (nor a journal entry).
#include "drizzle/migrate/folder.hpp"
#include "support/test_support.hpp"

#include <gtest/gtest.h>

namespace drizzle::test {
namespace {

namespace fs = std::filesystem;

NewMigration with_down(const std::string& name, const std::string& prefix = "index") {
    NewMigration m{name, "CREATE TABLE t (id integer);", "{}", true, prefix, Dialect::sqlite, "6"};
    m.down_sql = "DROP TABLE `t`;";
    return m;
}

TEST(FolderWriteDown, V1WritesDownSqlInsideTheMigrationFolder) {
    TempDir dir("folder-write-down");
    const auto sql =
        write_migration(MigrationsFolder{dir / "out", FolderLayout::v1, {}}, with_down("a"), 1795315692000);
    EXPECT_EQ(read_file(sql.parent_path() / "down.sql"), "DROP TABLE `t`;");
    const auto folder = MigrationsFolder::read(dir / "out");
    ASSERT_EQ(folder.entries.size(), 1u);
    EXPECT_EQ(folder.entries[0].down_path, sql.parent_path() / "down.sql");

    // No down text: no down file (pull's baseline, drizzle-kit's own migrations).
    NewMigration plain = with_down("b");
    plain.down_sql.clear();
    const auto second = write_migration(folder, plain, 1795315693000);
    EXPECT_FALSE(fs::exists(second.parent_path() / "down.sql"));
}

TEST(FolderWriteDown, LegacyWritesTagDownSqlBesideTheSqlFile) {
    TempDir dir("folder-write-down");
    const MigrationsFolder folder{dir / "out", FolderLayout::legacy, {}};
    const auto sql = write_migration(folder, with_down("a"), 1795315692000);
    EXPECT_EQ(sql, dir / "out/0000_a.sql");
    EXPECT_EQ(read_file(dir / "out/0000_a.down.sql"), "DROP TABLE `t`;");
    const auto read = MigrationsFolder::read(dir / "out");
    ASSERT_EQ(read.entries.size(), 1u);
    EXPECT_EQ(read.entries[0].down_path, dir / "out/0000_a.down.sql");
    EXPECT_EQ(read_file(dir / "out/meta/_journal.json").find("down"), std::string::npos);
}

TEST(FolderWriteDown, ALegacyWriteThatFailsLeavesNoDownFileAndNoJournalEntry) {
    TempDir dir("folder-write-down");
    const MigrationsFolder folder{dir / "out", FolderLayout::legacy, {}};
    write_migration(folder, with_down("a", "none"), 1795315692000);
    const std::string journal = read_file(dir / "out/meta/_journal.json");
    // The snapshot cannot be written (a folder stands where the file goes): the write fails after
    // the SQL and down files were written, before the journal.
    fs::remove(dir / "out/meta/_snapshot.json");
    fs::create_directories(dir / "out/meta/_snapshot.json/blocker");
    EXPECT_ANY_THROW(write_migration(folder, with_down("b", "none"), 1795315693000));
    EXPECT_FALSE(fs::exists(dir / "out/_b.sql"));
    EXPECT_FALSE(fs::exists(dir / "out/_b.down.sql"));
    EXPECT_EQ(read_file(dir / "out/meta/_journal.json"), journal);
    EXPECT_TRUE(fs::exists(dir / "out/_a.down.sql"));
}

} // namespace
} // namespace drizzle::test
