// Down files end to end on SQLite: generate writes one beside every migration (both layouts, --custom
// too), and check, up, drop, squash and migrate handle folders with and without them.
#include "support/branch_scenario.hpp"
#include "support/test_support.hpp"

#include "drizzle/dialect/sqlite_connection.hpp"
#include "drizzle/kit/down_sql.hpp"
#include "drizzle/migrate/folder.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <algorithm>

namespace fs = std::filesystem;
using namespace drizzle;

namespace {

const char* kInit = "CREATE TABLE users (id integer PRIMARY KEY, name text NOT NULL, bio text);\n";
// users.name renamed to full_name (answered), users.bio dropped.
const char* kRenameDrop = "CREATE TABLE users (id integer PRIMARY KEY, full_name text NOT NULL);\n";
const char* kPosts = "CREATE TABLE users (id integer PRIMARY KEY, full_name text NOT NULL);\n"
                     "CREATE TABLE posts (id integer PRIMARY KEY, title text);\n";
const char* kAnswers = R"([{"type":"rename","kind":"column","from":["users","name"],"to":["users","full_name"]}])";

// The exact down files of the two migrations, in either layout (the hash covers the lines below it).
const char* kInitDown = "-- drizzle:down sha256=48b12f2cab5c90d18ad812ad4c3746087e7957f539cd10bdc136ffb81de0ba00\n"
                        "DROP TABLE `users`;";
const char* kRenameDropDown =
    "-- drizzle:down sha256=c9a7e6c3cedbe7b3b9693aac0d2973fad8c16a584683bf6d9bfb95b1f0d63028\n"
    "-- irreversible: column \"users\".\"bio\" is recreated without its values\n"
    "ALTER TABLE `users` RENAME COLUMN `full_name` TO `name`;--> statement-breakpoint\n"
    "ALTER TABLE `users` ADD `bio` text;";
const char* kIrreversibleLine = ": column \"users\".\"bio\" is recreated without its values\n";

class DownFilesCli : public ::testing::Test {
protected:
    test::TempDir dir{"cli-down-files"};

    void SetUp() override {
        test::write_file(dir / "drizzle.config.json", R"({"dialect": "sqlite", "schema": "./schema.sql",
            "out": "./drizzle", "dbCredentials": {"url": "./local.db"}})");
        test::write_file(dir / "answers.json", kAnswers);
    }
    int kit(const std::string& args, std::string& output) {
        return test::run_command("cd '" + dir.path().string() + "' && '" DRIZZLE_KIT_EXE "' " + args + " </dev/null",
                                 output);
    }
    /// Runs generate with `schema`, expecting success; returns its output.
    std::string generate(const std::string& name, const std::string& schema, const std::string& extra = "") {
        test::write_file(dir / "schema.sql", schema);
        std::string out;
        EXPECT_EQ(kit("generate --name " + name + extra, out), 0) << out;
        return out;
    }
    /// An empty 0.31 folder: generate writes the legacy layout into it.
    void legacy_folder() {
        test::write_file(dir / "drizzle/meta/_journal.json", R"({"version":"7","dialect":"sqlite","entries":[]})");
    }
    /// init, then the rename + drop migration (answered).
    std::string two_migrations() {
        generate("init", kInit);
        return generate("rename_drop", kRenameDrop, " --answers answers.json");
    }
    std::vector<fs::path> v1_dirs() {
        std::vector<fs::path> dirs;
        for (const auto& e : fs::directory_iterator(dir / "drizzle"))
            if (e.is_directory()) dirs.push_back(e.path());
        std::sort(dirs.begin(), dirs.end());
        return dirs;
    }
    std::vector<std::string> names(const fs::path& root) {
        std::vector<std::string> out;
        for (const auto& e : fs::directory_iterator(root))
            out.push_back(e.path().filename().string());
        std::sort(out.begin(), out.end());
        return out;
    }
    std::vector<std::vector<std::string>> rows(const std::string& db, const std::string& sql) {
        auto connection = sqlite::SqliteConnection::open((dir / db).string());
        std::vector<std::vector<std::string>> out;
        for (const auto& row : connection->query(sql)) {
            std::vector<std::string> cells;
            for (const auto& cell : row)
                cells.push_back(cell.value_or("NULL"));
            out.push_back(std::move(cells));
        }
        return out;
    }
};

TEST_F(DownFilesCli, V1GenerateWritesDownSqlInEveryMigrationFolderAndNamesWhatItCannotRestore) {
    const std::string out = two_migrations();
    const auto dirs = v1_dirs();
    ASSERT_EQ(dirs.size(), 2u);
    EXPECT_EQ(test::read_file(dirs[0] / "down.sql"), kInitDown);
    EXPECT_EQ(test::read_file(dirs[1] / "down.sql"), kRenameDropDown);
    EXPECT_EQ(kit::down_integrity(test::read_file(dirs[1] / "down.sql")), kit::DownIntegrity::generated);
    // The success line as before, then one line per irreversible part.
    EXPECT_NE(out.find("[✓] Your SQL migration ➜ drizzle/" + dirs[1].filename().string() +
                       "/migration.sql 🚀\ndown.sql" + kIrreversibleLine),
              std::string::npos)
        << out;
    // The reversible first migration prints nothing more than before.
    std::string first;
    fs::remove_all(dir / "drizzle");
    first = generate("init", kInit);
    EXPECT_EQ(first.find("down.sql"), std::string::npos) << first;

    // The folder reader sees the down file, and check finds nothing to say.
    const auto folder = MigrationsFolder::read(dir / "drizzle");
    ASSERT_EQ(folder.entries.size(), 1u);
    EXPECT_TRUE(fs::is_regular_file(folder.entries[0].down_path));
    std::string checked;
    EXPECT_EQ(kit("check", checked), 0) << checked;
    EXPECT_NE(checked.find("Everything's fine"), std::string::npos) << checked;
}

TEST_F(DownFilesCli, LegacyGenerateWritesTagDownSqlThatTheJournalAndMigrateIgnore) {
    legacy_folder();
    const std::string out = two_migrations();
    EXPECT_EQ(names(dir / "drizzle"),
              (std::vector<std::string>{"0000_init.down.sql", "0000_init.sql", "0001_rename_drop.down.sql",
                                        "0001_rename_drop.sql", "meta"}));
    EXPECT_EQ(test::read_file(dir / "drizzle/0000_init.down.sql"), kInitDown);
    EXPECT_EQ(test::read_file(dir / "drizzle/0001_rename_drop.down.sql"), kRenameDropDown);
    EXPECT_NE(out.find("0001_rename_drop.down.sql" + std::string(kIrreversibleLine)), std::string::npos) << out;
    EXPECT_EQ(names(dir / "drizzle/meta"),
              (std::vector<std::string>{"0000_snapshot.json", "0001_snapshot.json", "_journal.json"}));

    // The journal lists the migrations only, as drizzle-kit writes it.
    const auto journal = nlohmann::json::parse(test::read_file(dir / "drizzle/meta/_journal.json"));
    ASSERT_EQ(journal["entries"].size(), 2u);
    EXPECT_EQ(journal["entries"][0]["tag"], "0000_init");
    EXPECT_EQ(journal["entries"][1]["tag"], "0001_rename_drop");
    EXPECT_EQ(test::read_file(dir / "drizzle/meta/_journal.json").find("down"), std::string::npos);

    const auto folder = MigrationsFolder::read(dir / "drizzle");
    ASSERT_EQ(folder.entries.size(), 2u);
    EXPECT_EQ(folder.entries[1].down_path, dir / "drizzle/0001_rename_drop.down.sql");

    // migrate applies the same migrations and records the same rows with or without the down files.
    std::string migrated;
    ASSERT_EQ(kit("migrate", migrated), 0) << migrated;
    fs::copy(dir / "drizzle", dir / "plain", fs::copy_options::recursive);
    fs::remove(dir / "plain/0000_init.down.sql");
    fs::remove(dir / "plain/0001_rename_drop.down.sql");
    ASSERT_EQ(kit("migrate --out ./plain --url ./plain.db", migrated), 0) << migrated;
    const std::string recorded = "SELECT id, hash, created_at FROM __drizzle_migrations ORDER BY id";
    EXPECT_EQ(rows("local.db", recorded).size(), 2u);
    EXPECT_EQ(rows("local.db", recorded), rows("plain.db", recorded));
    const std::string columns = "SELECT name FROM pragma_table_info('users') ORDER BY cid";
    EXPECT_EQ(rows("local.db", columns), (std::vector<std::vector<std::string>>{{"id"}, {"full_name"}}));
    EXPECT_EQ(rows("local.db", columns), rows("plain.db", columns));
}

TEST_F(DownFilesCli, LegacyGenerateRefusesALeftoverDownFileOfTheNewTagAndWritesNothing) {
    legacy_folder();
    generate("init", kInit);
    test::write_file(dir / "drizzle/0001_rename_drop.down.sql", "DROP TABLE `ghost`;");
    const std::string journal = test::read_file(dir / "drizzle/meta/_journal.json");
    test::write_file(dir / "schema.sql", kRenameDrop);
    std::string out;
    EXPECT_EQ(kit("generate --name rename_drop --answers answers.json", out), 3) << out;
    EXPECT_NE(out.find("0001_rename_drop.down.sql already exists"), std::string::npos) << out;
    EXPECT_EQ(test::read_file(dir / "drizzle/meta/_journal.json"), journal);
    EXPECT_FALSE(fs::exists(dir / "drizzle/0001_rename_drop.sql"));
    EXPECT_FALSE(fs::exists(dir / "drizzle/meta/0001_snapshot.json"));
    EXPECT_EQ(test::read_file(dir / "drizzle/0001_rename_drop.down.sql"), "DROP TABLE `ghost`;");
}

TEST_F(DownFilesCli, CustomWritesAHandWrittenTemplateDownInBothLayouts) {
    generate("init", kInit);
    std::string out = generate("seed", kInit, " --custom");
    auto dirs = v1_dirs();
    ASSERT_EQ(dirs.size(), 2u);
    const std::string v1 = test::read_file(dirs[1] / "down.sql");
    EXPECT_EQ(v1, "-- Write the SQL that undoes migration.sql here; drizzle-kit migrate down runs it.\n");
    EXPECT_EQ(kit::down_integrity(v1), kit::DownIntegrity::hand_written);
    EXPECT_TRUE(kit::down_is_empty(v1));
    EXPECT_EQ(out.find("down.sql:"), std::string::npos) << out;

    fs::remove_all(dir / "drizzle");
    legacy_folder();
    generate("init", kInit);
    generate("seed", kInit, " --custom");
    const std::string legacy = test::read_file(dir / "drizzle/0001_seed.down.sql");
    EXPECT_EQ(legacy, "-- Write the SQL that undoes this migration here; drizzle-kit migrate down runs it.\n");
    EXPECT_EQ(kit::down_integrity(legacy), kit::DownIntegrity::hand_written);
}

TEST_F(DownFilesCli, CheckAcceptsDownFilesAndWarnsAboutOneWhoseMigrationIsGone) {
    legacy_folder();
    two_migrations();
    std::string out;
    ASSERT_EQ(kit("check", out), 0) << out;
    EXPECT_NE(out.find("Everything's fine"), std::string::npos) << out;

    test::write_file(dir / "drizzle/0005_gone.down.sql", "DROP TABLE `gone`;");
    ASSERT_EQ(kit("check", out), 0) << out;
    EXPECT_NE(out.find("warning [orphan_down] 0005_gone.down.sql: 0005_gone.down.sql is the down file of a migration "
                       "\"0005_gone\" that meta/_journal.json does not list"),
              std::string::npos)
        << out;
    EXPECT_NE(out.find("2 migration(s) in "), std::string::npos) << out;
    EXPECT_NE(out.find(": 0 error(s), 1 warning(s), 0 note(s)"), std::string::npos) << out;
    EXPECT_EQ(out.find("journal_mismatch"), std::string::npos) << out;

    ASSERT_EQ(kit("check --json", out), 0) << out;
    const auto report = nlohmann::json::parse(out.substr(out.find('{')));
    EXPECT_EQ(report["ok"], true);
    ASSERT_EQ(report["findings"].size(), 1u);
    EXPECT_EQ(report["findings"][0]["code"], "orphan_down");
    EXPECT_EQ(report["findings"][0]["severity"], "warning");
    EXPECT_EQ(report["findings"][0]["file"], "0005_gone.down.sql");

    // A stray migration SQL file is still an error.
    test::write_file(dir / "drizzle/0006_stray.sql", "SELECT 1;");
    EXPECT_EQ(kit("check", out), 1) << out;
    EXPECT_NE(out.find("error [journal_mismatch] 0006_stray.sql"), std::string::npos) << out;
}

TEST_F(DownFilesCli, UpMovesEachLegacyDownFileIntoItsMigrationFolder) {
    legacy_folder();
    two_migrations();
    test::write_file(dir / "drizzle/0009_gone.down.sql", "DROP TABLE `gone`;");
    std::string out;
    ASSERT_EQ(kit("up", out), 0) << out;
    EXPECT_NE(out.find("0009_gone.down.sql is the down file of no journal entry"), std::string::npos) << out;
    const auto dirs = v1_dirs();
    ASSERT_EQ(dirs.size(), 2u);
    EXPECT_TRUE(dirs[0].filename().string().ends_with("_init")) << dirs[0];
    EXPECT_EQ(test::read_file(dirs[0] / "down.sql"), kInitDown);
    EXPECT_EQ(test::read_file(dirs[1] / "down.sql"), kRenameDropDown);
    EXPECT_FALSE(fs::exists(dir / "drizzle/0000_init.down.sql"));
    EXPECT_FALSE(fs::exists(dir / "drizzle/0001_rename_drop.down.sql"));
    EXPECT_TRUE(fs::exists(dir / "drizzle/0009_gone.down.sql"));
    const auto folder = MigrationsFolder::read(dir / "drizzle");
    ASSERT_EQ(folder.entries.size(), 2u);
    EXPECT_EQ(folder.entries[1].down_path, dirs[1] / "down.sql");
    EXPECT_EQ(kit::down_integrity(test::read_file(folder.entries[1].down_path)), kit::DownIntegrity::generated);
    // check names the leftover, as a warning.
    ASSERT_EQ(kit("check", out), 0) << out;
    EXPECT_NE(out.find("warning [orphan_down] 0009_gone.down.sql: 0009_gone.down.sql belongs to no migration"),
              std::string::npos)
        << out;
}

TEST_F(DownFilesCli, DropRemovesTheLegacyDownFileWithItsMigration) {
    legacy_folder();
    two_migrations();
    std::string out;
    ASSERT_EQ(kit("migrate", out), 0) << out;
    // Applied: refused, and every file stays.
    EXPECT_EQ(kit("drop --latest", out), 3) << out;
    EXPECT_TRUE(fs::exists(dir / "drizzle/0001_rename_drop.down.sql"));
    EXPECT_TRUE(fs::exists(dir / "drizzle/0001_rename_drop.sql"));

    ASSERT_EQ(kit("drop --latest --force", out), 0) << out;
    EXPECT_EQ(names(dir / "drizzle"), (std::vector<std::string>{"0000_init.down.sql", "0000_init.sql", "meta"}));
    EXPECT_EQ(names(dir / "drizzle/meta"), (std::vector<std::string>{"0000_snapshot.json", "_journal.json"}));
    EXPECT_EQ(MigrationsFolder::read(dir / "drizzle").entries.size(), 1u);

    // A migration without a down file (written by drizzle-kit) drops as before.
    fs::remove(dir / "drizzle/0000_init.down.sql");
    ASSERT_EQ(kit("drop --latest --force", out), 0) << out;
    EXPECT_EQ(names(dir / "drizzle"), (std::vector<std::string>{"meta"}));
}

TEST_F(DownFilesCli, SquashWritesTheDownOfTheSquashedRange) {
    generate("init", kInit);
    generate("rename_drop", kRenameDrop, " --answers answers.json");
    generate("posts", kPosts);
    std::string out;
    ASSERT_EQ(kit("squash --from rename_drop --to posts --name squashed", out), 0) << out;
    const auto dirs = v1_dirs();
    ASSERT_EQ(dirs.size(), 2u);
    EXPECT_TRUE(dirs[1].filename().string().ends_with("_squashed")) << dirs[1];
    const std::string down = test::read_file(dirs[1] / "down.sql");
    // Back to init's state: the rename reversed, bio recreated empty, posts dropped.
    const std::string body = "-- irreversible: column \"users\".\"bio\" is recreated without its values\n"
                             "ALTER TABLE `users` RENAME COLUMN `full_name` TO `name`;--> statement-breakpoint\n"
                             "ALTER TABLE `users` ADD `bio` text;--> statement-breakpoint\n"
                             "DROP TABLE `posts`;";
    EXPECT_EQ(down, kit::down_checksum_line(body) + "\n" + body);
    EXPECT_EQ(kit::down_integrity(down), kit::DownIntegrity::generated);
    // init keeps its own down file.
    EXPECT_EQ(test::read_file(dirs[0] / "down.sql"), kInitDown);
}

TEST_F(DownFilesCli, DrizzleKitFoldersWithoutDownFilesKeepWorking) {
    fs::copy(test::fixture("drizzle-kit/sqlite/up/before"), dir / "drizzle", fs::copy_options::recursive);
    std::string out;
    ASSERT_EQ(kit("check", out), 0) << out;
    ASSERT_EQ(kit("migrate", out), 0) << out;
    const auto before = MigrationsFolder::read(dir / "drizzle");
    for (const auto& e : before.entries)
        EXPECT_FALSE(fs::exists(e.down_path)) << e.down_path;
    // The next migration gets a down file; the earlier ones stay as drizzle-kit wrote them.
    ASSERT_EQ(kit("generate --custom --name next", out), 0) << out;
    const auto after = MigrationsFolder::read(dir / "drizzle");
    ASSERT_EQ(after.entries.size(), before.entries.size() + 1);
    EXPECT_TRUE(fs::is_regular_file(after.entries.back().down_path));
    ASSERT_EQ(kit("up", out), 0) << out;
    const auto upgraded = MigrationsFolder::read(dir / "drizzle");
    ASSERT_EQ(upgraded.entries.size(), after.entries.size());
    for (std::size_t i = 0; i + 1 < upgraded.entries.size(); ++i)
        EXPECT_FALSE(fs::exists(upgraded.entries[i].down_path)) << upgraded.entries[i].down_path;
    EXPECT_TRUE(fs::is_regular_file(upgraded.entries.back().down_path));
}

// Merged git branches: the merge migration's down goes back to the merged state of both branches
// (it drops only what the merge migration adds), and a merge that adds nothing has nothing to undo.
TEST_F(DownFilesCli, TheMergeMigrationsDownGoesBackToTheMergedState) {
    test::BranchScenario s{dir.path(), "sqlite",
                           [this](const std::string& args, std::string& out) { return kit(args, out); }};
    const std::string t3 = "CREATE TABLE t3 (id integer PRIMARY KEY, c text);\n";
    const std::string t1_x = "CREATE TABLE t1 (id integer PRIMARY KEY, a text, x integer);\n";
    const std::string t2_y = "CREATE TABLE t2 (id integer PRIMARY KEY, y integer);\n";
    const auto names =
        test::branch_scenario::make_branches(s, t1_x + "CREATE TABLE t2 (id integer PRIMARY KEY);\n" + t3,
                                             "CREATE TABLE t1 (id integer PRIMARY KEY, a text);\n" + t2_y + t3);
    ASSERT_EQ(names.size(), 3u);
    test::branch_scenario::checkout(s, {"branch_a", "branch_b"});
    test::write_file(dir / "schema.sql", t1_x + t2_y + "CREATE TABLE t3 (id integer PRIMARY KEY, c text, z text);\n");
    std::string out;
    ASSERT_EQ(kit("generate --name merge", out), 0) << out;
    auto dirs = v1_dirs();
    ASSERT_EQ(dirs.size(), 4u);
    ASSERT_TRUE(dirs.back().filename().string().ends_with("_merge")) << dirs.back();
    const std::string body = "ALTER TABLE `t3` DROP COLUMN `z`;";
    EXPECT_EQ(test::read_file(dirs.back() / "down.sql"), kit::down_checksum_line(body) + "\n" + body);

    // Without a change of its own, the merge migration's down undoes nothing.
    fs::remove_all(dirs.back());
    test::write_file(dir / "schema.sql", t1_x + t2_y + t3);
    ASSERT_EQ(kit("generate --name merge", out), 0) << out;
    dirs = v1_dirs();
    ASSERT_EQ(dirs.size(), 4u);
    const std::string nothing = test::read_file(dirs.back() / "down.sql");
    EXPECT_TRUE(kit::down_is_empty(nothing)) << nothing;
    EXPECT_EQ(kit::down_integrity(nothing), kit::DownIntegrity::generated);
}

} // namespace
