// `drizzle-kit migrate down` on SQLite files: steps, --to, refusals (drift, edited, empty or
// missing down files), a failing down statement changing nothing, --dry-run, and re-applying.
#include "support/down_files.hpp"
#include "support/test_support.hpp"

#include "drizzle/dialect/sqlite_connection.hpp"

#include <gtest/gtest.h>

namespace fs = std::filesystem;
using namespace drizzle;

namespace {

const char* kUsers = "CREATE TABLE users (id integer PRIMARY KEY, name text);\n";
const char* kPosts =
    "CREATE TABLE posts (id integer PRIMARY KEY, user_id integer REFERENCES users(id) ON DELETE CASCADE, "
    "title text);\n";
// NOT NULL on an existing column: SQLite rebuilds `users`, and so does its down.
const char* kUsersV3 = "CREATE TABLE users (id integer PRIMARY KEY, name text NOT NULL, bio text);\n";

class MigrateDownSqlite : public ::testing::Test {
protected:
    test::TempDir dir{"cli-migrate-down"};
    std::vector<std::string> names; ///< the three migrations, oldest first

    void SetUp() override {
        test::write_file(dir / "drizzle.config.json",
                         R"({"dialect": "sqlite", "schema": "./schema.sql", "out": "./drizzle",)"
                         R"( "dbCredentials": {"url": "./local.db"}})");
        generate(kUsers, "users");
        generate(std::string(kUsers) + kPosts, "posts");
        generate(std::string(kUsersV3) + kPosts, "bio");
        test::write_down_files(dir / "drizzle", Dialect::sqlite);
        for (const auto& entry : MigrationsFolder::read(dir / "drizzle").entries)
            names.push_back(entry.name);
        ASSERT_EQ(names.size(), 3u);
    }

    void generate(const std::string& schema, const std::string& name) {
        test::write_file(dir / "schema.sql", schema);
        std::string out;
        ASSERT_EQ(kit("generate --name " + name, out), 0) << out;
    }

    /// Applies everything and seeds a parent and a child row.
    void migrate_and_seed() {
        std::string out;
        ASSERT_EQ(kit("migrate", out), 0) << out;
        auto db = open();
        db->exec("INSERT INTO users (id, name, bio) VALUES (1, 'ann', 'hi')");
        db->exec("INSERT INTO posts (id, user_id, title) VALUES (10, 1, 'first')");
    }

    int kit(const std::string& args, std::string& output) {
        return test::run_command("cd '" + dir.path().string() + "' && '" DRIZZLE_KIT_EXE "' " + args + " </dev/null",
                                 output);
    }

    std::unique_ptr<sqlite::SqliteConnection> open() {
        return sqlite::SqliteConnection::open((dir / "local.db").string());
    }

    std::string rows(const std::string& sql) {
        std::string text;
        for (const auto& row : open()->query(sql)) {
            for (const auto& cell : row)
                text += cell.value_or("NULL") + "|";
            text += "\n";
        }
        return text;
    }

    /// The whole database: catalog, bookkeeping rows and data.
    std::string state() {
        std::string text = rows("SELECT type, name, sql FROM sqlite_schema ORDER BY name");
        text += rows("SELECT * FROM __drizzle_migrations ORDER BY id");
        for (const std::string table : {"users", "posts"}) {
            if (rows("SELECT name FROM sqlite_schema WHERE name = '" + table + "'").empty()) continue;
            text += rows("SELECT * FROM " + table + " ORDER BY id");
        }
        return text;
    }

    std::string recorded() { return rows("SELECT hash, created_at, name FROM __drizzle_migrations ORDER BY id"); }

    fs::path down_of(std::size_t i) { return dir / "drizzle" / names[i] / "down.sql"; }
};

TEST_F(MigrateDownSqlite, OneStepRollsBackTheLatestAndKeepsChildRowsAcrossTheRebuild) {
    migrate_and_seed();
    std::string out;
    ASSERT_EQ(kit("migrate down", out), 0) << out;
    EXPECT_NE(out.find("rolled back " + names[2] + " (" + names[2] + "/down.sql)"), std::string::npos) << out;
    EXPECT_NE(out.find("1 migration(s) rolled back: " + names[2] + " ("), std::string::npos) << out;
    EXPECT_EQ(rows("SELECT count(*) FROM pragma_table_info('users') WHERE name = 'bio'"), "0|\n");
    EXPECT_EQ(rows("SELECT \"notnull\" FROM pragma_table_info('users') WHERE name = 'name'"), "0|\n");
    // The rebuild of `users` did not cascade into `posts`.
    EXPECT_EQ(rows("SELECT id, user_id, title FROM posts"), "10|1|first|\n");
    EXPECT_EQ(rows("SELECT id, name FROM users"), "1|ann|\n");
    EXPECT_EQ(rows("SELECT name FROM __drizzle_migrations ORDER BY id"), names[0] + "|\n" + names[1] + "|\n");
}

TEST_F(MigrateDownSqlite, StepsTwoThenToThenNothingToRollBack) {
    migrate_and_seed();
    std::string out;
    ASSERT_EQ(kit("migrate down --steps 2", out), 0) << out;
    EXPECT_NE(out.find("2 migration(s) rolled back: " + names[2]), std::string::npos) << out;
    EXPECT_LT(out.find("rolled back " + names[2]), out.find("rolled back " + names[1])) << "newest first\n" << out;
    EXPECT_EQ(rows("SELECT name FROM sqlite_schema WHERE name = 'posts'"), "");
    EXPECT_EQ(rows("SELECT name FROM __drizzle_migrations"), names[0] + "|\n");

    EXPECT_EQ(kit("migrate down --steps 2", out), 3) << out; // only one is applied
    EXPECT_NE(out.find("records only 1 applied migration"), std::string::npos) << out;
    EXPECT_EQ(kit("migrate down --to users", out), 0) << out; // a suffix names it; it is the latest
    EXPECT_NE(out.find("Nothing to roll back: " + names[0] + " is the latest applied migration"), std::string::npos)
        << out;
    ASSERT_EQ(kit("migrate down", out), 0) << out;
    EXPECT_EQ(kit("migrate down", out), 0) << out;
    EXPECT_NE(out.find("Nothing to roll back: the database records no applied migration"), std::string::npos) << out;
    EXPECT_EQ(rows("SELECT name FROM sqlite_schema WHERE name IN ('users', 'posts')"), "");
}

TEST_F(MigrateDownSqlite, ToRollsBackEverythingAfterTheNamedMigration) {
    migrate_and_seed();
    std::string out;
    EXPECT_EQ(kit("migrate down --to nope", out), 3) << out;
    EXPECT_EQ(kit("migrate down --to " + names[0] + " --steps 1", out), 3) << out; // one or the other
    ASSERT_EQ(kit("migrate down --to " + names[0].substr(0, 16), out), 0) << out;  // a unique prefix
    EXPECT_NE(out.find("2 migration(s) rolled back"), std::string::npos) << out;
    EXPECT_EQ(rows("SELECT name FROM __drizzle_migrations"), names[0] + "|\n");
    EXPECT_EQ(rows("SELECT id, name FROM users"), "1|ann|\n");
}

TEST_F(MigrateDownSqlite, NothingAppliedCreatesNoDatabaseFile) {
    std::string out;
    EXPECT_EQ(kit("migrate down", out), 0) << out;
    EXPECT_NE(out.find("Nothing to roll back"), std::string::npos) << out;
    EXPECT_EQ(kit("migrate down --dry-run", out), 0) << out;
    EXPECT_FALSE(fs::exists(dir / "local.db"));
    EXPECT_EQ(kit("migrate down --to users", out), 3) << out;
    EXPECT_NE(out.find("is not recorded as applied"), std::string::npos) << out;
    EXPECT_FALSE(fs::exists(dir / "local.db"));
}

TEST_F(MigrateDownSqlite, DriftIsRefusedWithTheDifferenceUntilForce) {
    migrate_and_seed();
    open()->exec("CREATE TABLE by_hand (x integer)");
    const std::string before = state();
    std::string out;
    EXPECT_EQ(kit("migrate down", out), 1) << out;
    EXPECT_NE(out.find("table \"by_hand\" exists in the database but not in the migrations"), std::string::npos) << out;
    EXPECT_NE(out.find(names[2] + "/snapshot.json"), std::string::npos) << out;
    EXPECT_NE(out.find("--force"), std::string::npos) << out;
    EXPECT_EQ(state(), before);

    ASSERT_EQ(kit("migrate down --force", out), 0) << out;
    EXPECT_NE(out.find("warning: the database differs"), std::string::npos) << out;
    EXPECT_EQ(rows("SELECT count(*) FROM __drizzle_migrations"), "2|\n");
}

TEST_F(MigrateDownSqlite, EditedDownFileIsRefusedUntilItsChecksumLineIsDeleted) {
    migrate_and_seed();
    const std::string generated = test::read_file(down_of(2));
    ASSERT_EQ(generated.rfind("-- drizzle:down sha256=", 0), 0u) << generated;
    test::write_file(down_of(2), generated + "\n-- and a reviewer's note\n");
    const std::string before = state();
    std::string out;
    EXPECT_EQ(kit("migrate down", out), 1) << out;
    EXPECT_NE(out.find(names[2] + "/down.sql of migration " + names[2] + " was edited"), std::string::npos) << out;
    EXPECT_NE(out.find("delete the `-- drizzle:down` line"), std::string::npos) << out;
    EXPECT_EQ(state(), before);

    const std::string edited = test::read_file(down_of(2));
    test::write_file(down_of(2), edited.substr(edited.find('\n') + 1));
    ASSERT_EQ(kit("migrate down", out), 0) << out;
    EXPECT_EQ(rows("SELECT count(*) FROM __drizzle_migrations"), "2|\n");
}

TEST_F(MigrateDownSqlite, MissingOrEmptyDownFileIsRefusedNamingIt) {
    migrate_and_seed();
    const std::string before = state();
    fs::remove(down_of(1));
    std::string out;
    EXPECT_EQ(kit("migrate down --steps 2", out), 1) << out;
    EXPECT_NE(out.find("migration " + names[1] + " has no down file (" + names[1] + "/down.sql"), std::string::npos)
        << out;
    EXPECT_EQ(state(), before) << "the newer one was not rolled back either";

    test::write_file(down_of(1), test::checked_down_file("-- nothing to undo, says someone\n"));
    EXPECT_EQ(kit("migrate down --steps 2", out), 1) << out;
    EXPECT_NE(out.find(names[1] + "/down.sql of migration " + names[1] + " holds no statement"), std::string::npos)
        << out;
    EXPECT_EQ(state(), before);
}

TEST_F(MigrateDownSqlite, FailingDownStatementLeavesDatabaseAndRowsAsBefore) {
    migrate_and_seed();
    // Hand-written (no checksum line): the first statement works, the second fails.
    test::write_file(down_of(1), "DROP TABLE `posts`;\n--> statement-breakpoint\nDROP TABLE `no_such_table`;\n");
    const std::string before = state();
    std::string out;
    EXPECT_EQ(kit("migrate down --steps 2", out), 1) << out;
    EXPECT_NE(out.find("while rolling back " + names[1] + " (" + names[1] + "/down.sql), statement 2"),
              std::string::npos)
        << out;
    EXPECT_NE(out.find("no_such_table"), std::string::npos) << out;
    EXPECT_EQ(state(), before);
}

TEST_F(MigrateDownSqlite, DryRunPrintsThePlanAndSqlAndChangesNothing) {
    migrate_and_seed();
    const std::string before = state();
    std::string out;
    ASSERT_EQ(kit("migrate down --steps 2 --dry-run", out), 0) << out;
    EXPECT_NE(out.find("Roll back 2 migration(s), newest first:"), std::string::npos) << out;
    EXPECT_NE(out.find("-- " + names[1] + "/down.sql\n" + test::read_file(down_of(1))), std::string::npos) << out;
    EXPECT_NE(out.find("-- " + names[2] + "/down.sql\n"), std::string::npos) << out;
    EXPECT_NE(out.find("Dry run: nothing was rolled back."), std::string::npos) << out;
    EXPECT_EQ(state(), before);
}

TEST_F(MigrateDownSqlite, MigrateReappliesAndTheRowsEqualTheOriginalOnes) {
    migrate_and_seed();
    const std::string original = recorded();
    std::string out;
    ASSERT_EQ(kit("migrate down --steps 3", out), 0) << out;
    EXPECT_EQ(rows("SELECT count(*) FROM __drizzle_migrations"), "0|\n");
    ASSERT_EQ(kit("migrate", out), 0) << out;
    EXPECT_NE(out.find("3 migration(s) applied"), std::string::npos) << out;
    EXPECT_EQ(recorded(), original);
    EXPECT_EQ(kit("check --db", out), 0) << out; // and the database matches the latest snapshot again
}

TEST_F(MigrateDownSqlite, MigrationWhoseFolderIsGoneIsRefusedNamingIt) {
    migrate_and_seed();
    fs::remove_all(dir / "drizzle" / names[2]);
    const std::string before = state();
    std::string out;
    EXPECT_EQ(kit("migrate down", out), 1) << out;
    EXPECT_NE(out.find("migration " + names[2] + " is recorded as applied but has no file"), std::string::npos) << out;
    EXPECT_EQ(state(), before);
}

TEST_F(MigrateDownSqlite, TxmodeNoneDownFileIsRefusedOnSqlite) {
    migrate_and_seed();
    test::write_file(down_of(2), "-- drizzle:txmode none\nALTER TABLE `users` DROP COLUMN `bio`;\n");
    const std::string before = state();
    std::string out;
    EXPECT_EQ(kit("migrate down", out), 3) << out;
    EXPECT_NE(out.find(names[2] + "/down.sql: `-- drizzle:txmode none` is supported on PostgreSQL only"),
              std::string::npos)
        << out;
    EXPECT_EQ(state(), before);
}

TEST_F(MigrateDownSqlite, SquashMigrationIsRefused) {
    migrate_and_seed();
    std::string out;
    ASSERT_EQ(kit("squash --from " + names[1] + " --to " + names[2] + " --name squashed", out), 0) << out;
    ASSERT_EQ(kit("migrate", out), 0) << out; // records the squash's own row
    const std::string before = state();
    EXPECT_EQ(kit("migrate down", out), 1) << out;
    EXPECT_NE(out.find("is a squash of 2 migrations"), std::string::npos) << out;
    EXPECT_NE(out.find("resolve --rolled-back"), std::string::npos) << out;
    EXPECT_EQ(state(), before);
}

} // namespace
