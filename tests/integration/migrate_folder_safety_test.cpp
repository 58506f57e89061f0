// Folder safety on real SQLite files: missing/empty folders, duplicated migrations, deleted files.
#include "drizzle/dialect/sqlite_connection.hpp"
#include "drizzle/error.hpp"
#include "drizzle/migrate/migrator.hpp"
#include "integration/migrate_support.hpp"

#include <gtest/gtest.h>

namespace drizzle::test {
namespace {

namespace fs = std::filesystem;

struct Project {
    TempDir dir{"migrate-folder-safety"};
    fs::path folder = dir / "drizzle";
    std::unique_ptr<sqlite::SqliteConnection> db = sqlite::SqliteConnection::open((dir / "local.db").string());
    std::vector<std::string> log;

    MigrateResult run(bool allow_missing = false, const fs::path& from = {}) {
        MigrateOptions options;
        options.folder = from.empty() ? folder : from;
        options.allow_missing = allow_missing;
        options.log = [this](const std::string& line) { log.push_back(line); };
        return migrate(*db, options);
    }

    /// The UserError's message, or "" when migrate() succeeded.
    std::string error_of(bool allow_missing = false, const fs::path& from = {}) {
        try {
            run(allow_missing, from);
        } catch (const UserError& e) {
            return e.what();
        }
        return "";
    }

    bool has_table(const std::string& name) {
        return !db->query("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?", {name}).empty();
    }
};

/// A 0.31 folder: `tags` in journal order, each with `sql` of its own unless given.
void write_legacy(const fs::path& folder, const std::vector<std::pair<std::string, std::string>>& files,
                  const std::vector<std::string>& journal_tags) {
    std::string entries;
    for (std::size_t i = 0; i < journal_tags.size(); ++i) {
        entries += std::string(i ? "," : "") + "{\"idx\":" + std::to_string(i) +
                   ",\"version\":\"6\",\"when\":" + std::to_string(1700000000000 + 1000 * i) + ",\"tag\":\"" +
                   journal_tags[i] + "\",\"breakpoints\":true}";
    }
    write_file(folder / "meta/_journal.json", "{\"version\":\"7\",\"dialect\":\"sqlite\",\"entries\":[" + entries + "]}");
    for (const auto& [tag, sql] : files) write_file(folder / (tag + ".sql"), sql);
}

TEST(MigrateFolderSafety, MissingFolderIsAnErrorNamingItAndCreatesNothing) {
    Project p;
    const std::string message = p.error_of(false, p.dir / "nope");
    EXPECT_NE(message.find((p.dir / "nope").string()), std::string::npos) << message;
    EXPECT_NE(message.find("does not exist"), std::string::npos) << message;
    EXPECT_FALSE(p.has_table("__drizzle_migrations"));
}

TEST(MigrateFolderSafety, EmptyFolderIsAnErrorAndCreatesNothing) {
    Project p;
    fs::create_directories(p.folder / "meta");  // an empty folder, also with an empty meta/
    const std::string message = p.error_of();
    EXPECT_NE(message.find(p.folder.string()), std::string::npos) << message;
    EXPECT_NE(message.find("holds no migration"), std::string::npos) << message;
    EXPECT_FALSE(p.has_table("__drizzle_migrations"));
}

TEST(MigrateFolderSafety, DuplicatedJournalEntryIsRefusedBeforeAnythingRuns) {
    Project p;
    p.db->exec("CREATE TABLE probe (x integer)");
    write_legacy(p.folder, {{"0000_a", "CREATE TABLE a (x integer);"}, {"0001_b", "INSERT INTO probe VALUES (1);"}},
                 {"0000_a", "0001_b", "0001_b"});
    const std::string message = p.error_of();
    EXPECT_NE(message.find("\"0001_b\" twice"), std::string::npos) << message;
    EXPECT_NE(message.find("_journal.json"), std::string::npos) << message;
    EXPECT_FALSE(p.has_table("__drizzle_migrations"));
    EXPECT_FALSE(p.has_table("a"));
    EXPECT_EQ(scalar(*p.db, "SELECT count(*) FROM probe"), "0");
}

TEST(MigrateFolderSafety, TwoTagsNamingOneFileAreRefused) {
    Project p;
    write_legacy(p.folder, {{"0000_a", "CREATE TABLE a (x integer);"}}, {"0000_a", "./0000_a"});
    const std::string message = p.error_of();
    EXPECT_NE(message.find("twice"), std::string::npos) << message;
    EXPECT_FALSE(p.has_table("a"));
}

TEST(MigrateFolderSafety, DuplicatedJournalEntryUnderAnotherTagIsRefusedByItsHash) {
    Project p;
    p.db->exec("CREATE TABLE probe (x integer)");
    // The merge copied the migration under a new tag: same statements, two files.
    write_legacy(p.folder,
                 {{"0000_a", "CREATE TABLE a (x integer);"},
                  {"0001_b", "INSERT INTO probe VALUES (1);"},
                  {"0002_b_copy", "INSERT INTO probe VALUES (1);"}},
                 {"0000_a", "0001_b", "0002_b_copy"});
    const std::string message = p.error_of();
    EXPECT_NE(message.find("0001_b.sql and 0002_b_copy.sql"), std::string::npos) << message;
    EXPECT_NE(message.find("identical SQL"), std::string::npos) << message;
    EXPECT_FALSE(p.has_table("__drizzle_migrations"));
    EXPECT_EQ(scalar(*p.db, "SELECT count(*) FROM probe"), "0");
}

TEST(MigrateFolderSafety, CopiedV1FolderIsRefusedByItsHash) {
    Project p;
    p.db->exec("CREATE TABLE probe (x integer)");
    write_file(p.folder / "20260101000000_a/migration.sql", "INSERT INTO probe VALUES (1);");
    write_file(p.folder / "20260101000100_a_copy/migration.sql", "INSERT INTO probe VALUES (1);");
    const std::string message = p.error_of();
    EXPECT_NE(message.find("20260101000000_a/migration.sql and 20260101000100_a_copy/migration.sql"),
              std::string::npos)
        << message;
    EXPECT_EQ(scalar(*p.db, "SELECT count(*) FROM probe"), "0");
}

TEST(MigrateFolderSafety, CommentOnlyMigrationsMayShareTheirText) {
    Project p;
    const std::string custom = "-- Custom SQL migration file, put your code below! --\n";
    write_file(p.folder / "20260101000000_a/migration.sql", custom);
    write_file(p.folder / "20260101000100_b/migration.sql", custom);
    write_file(p.folder / "20260101000200_c/migration.sql", "/* nothing yet */\n--> statement-breakpoint\n");
    write_file(p.folder / "20260101000300_d/migration.sql", "/* nothing yet */\n--> statement-breakpoint\n");
    EXPECT_EQ(p.run().applied.size(), 4u);
}

TEST(MigrateFolderSafety, DeletedAppliedFileIsAnErrorUnlessAllowed) {
    Project p;
    write_file(p.folder / "20260101000000_a/migration.sql", "CREATE TABLE a (x integer);");
    write_file(p.folder / "20260101000100_b/migration.sql", "CREATE TABLE b (x integer);");
    ASSERT_EQ(p.run().applied.size(), 2u);
    fs::remove_all(p.folder / "20260101000100_b");
    write_file(p.folder / "20260101000200_c/migration.sql", "CREATE TABLE c (x integer);");

    const std::string message = p.error_of();
    EXPECT_NE(message.find("20260101000100_b is recorded as applied"), std::string::npos) << message;
    EXPECT_NE(message.find("--allow-missing"), std::string::npos) << message;
    EXPECT_FALSE(p.has_table("c"));

    p.log.clear();
    auto result = p.run(/*allow_missing=*/true);
    EXPECT_EQ(result.missing, (std::vector<std::string>{"20260101000100_b"}));
    EXPECT_EQ(result.applied, (std::vector<std::string>{"20260101000200_c"}));
    EXPECT_TRUE(p.has_table("c"));
    ASSERT_FALSE(p.log.empty());
    EXPECT_NE(p.log.front().find("warning: migration 20260101000100_b"), std::string::npos) << p.log.front();
}

TEST(MigrateFolderSafety, DeletedFileIsFoundOnAnUpToDateDatabaseToo) {
    Project p;
    write_file(p.folder / "20260101000000_a/migration.sql", "CREATE TABLE a (x integer);");
    write_file(p.folder / "20260101000100_b/migration.sql", "CREATE TABLE b (x integer);");
    ASSERT_EQ(p.run().applied.size(), 2u);
    fs::remove_all(p.folder / "20260101000100_b");
    EXPECT_NE(p.error_of().find("20260101000100_b"), std::string::npos);
}

TEST(MigrateFolderSafety, RenamedFolderIsNamedAsSuch) {
    Project p;
    write_file(p.folder / "20260101000000_a/migration.sql", "CREATE TABLE a (x integer);");
    ASSERT_EQ(p.run().applied.size(), 1u);
    fs::rename(p.folder / "20260101000000_a", p.folder / "20260101000000_renamed");
    const std::string message = p.error_of();
    EXPECT_NE(message.find("its hash is that of 20260101000000_renamed"), std::string::npos) << message;
}

TEST(MigrateFolderSafety, DeletedLegacyEntryIsAnErrorUnlessAllowed) {
    Project p;
    write_legacy(p.folder, {{"0000_a", "CREATE TABLE a (x integer);"}, {"0001_b", "CREATE TABLE b (x integer);"}},
                 {"0000_a", "0001_b"});
    ASSERT_EQ(p.run().applied.size(), 2u);
    fs::remove(p.folder / "0001_b.sql");
    write_legacy(p.folder, {}, {"0000_a"});
    const std::string message = p.error_of();
    EXPECT_NE(message.find("created_at 1700000001000 is recorded as applied"), std::string::npos) << message;
    EXPECT_EQ(p.run(true).missing, (std::vector<std::string>{"created_at 1700000001000"}));
}

}  // namespace
}  // namespace drizzle::test
