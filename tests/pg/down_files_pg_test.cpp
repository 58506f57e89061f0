// Down files on PostgreSQL: generate writes them in both layouts with the exact expected text, they
// undo the migration on the shared server, and migrate records the same rows with or without them.
#include "pg/pg_support.hpp"
#include "support/test_support.hpp"

#include "drizzle/dialect/pg_connection.hpp"
#include "drizzle/kit/down_sql.hpp"
#include "drizzle/migrate/folder.hpp"

#include <gtest/gtest.h>

namespace fs = std::filesystem;
using namespace drizzle;

namespace {

const char* kInit = "CREATE TABLE users (id serial PRIMARY KEY, name text NOT NULL, bio text);\n";
const char* kRenameDrop = "CREATE TABLE users (id serial PRIMARY KEY, full_name text NOT NULL);\n";

const char* kInitDown = "-- drizzle:down sha256=3e16ef608a6769637dcd2d38adc37f3cd8fbeb6afdf9412c237029069af6aaef\n"
                        "DROP TABLE \"users\";";
const char* kRenameDropDown =
    "-- drizzle:down sha256=00a32901afe7b5495d2972c012eed4704d0ddf95aad92a816fa9fe9596276fdb\n"
    "-- irreversible: column \"users\".\"bio\" is recreated without its values\n"
    "ALTER TABLE \"users\" RENAME COLUMN \"full_name\" TO \"name\";--> statement-breakpoint\n"
    "ALTER TABLE \"users\" ADD COLUMN \"bio\" text;";

class DownFilesPg : public test::PgTest {
protected:
    test::TempDir dir{"down-files-pg"};

    void SetUp() override {
        test::PgTest::SetUp();
        test::write_file(dir / "drizzle.config.json",
                         R"({"dialect": "postgresql", "schema": "./schema.sql", "out": "./drizzle"})");
        test::write_file(
            dir / "answers.json",
            R"([{"type":"rename","kind":"column","from":["public","users","name"],"to":["public","users","full_name"]}])");
    }
    std::string generate(const std::string& name, const std::string& schema, bool answers = false) {
        test::write_file(dir / "schema.sql", schema);
        std::vector<std::string> args{"generate", "--name", name};
        if (answers) args.insert(args.end(), {"--answers", "answers.json"});
        std::string out;
        EXPECT_EQ(test::run_kit(dir.path(), args, out), 0) << out;
        return out;
    }
    std::vector<std::string> users_columns(const std::string& url) {
        auto db = pg::PgConnection::open(url);
        std::vector<std::string> names;
        for (auto& r : db->query("SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' "
                                 "AND table_name = 'users' ORDER BY ordinal_position"))
            names.push_back(r[0].value_or(""));
        return names;
    }
    std::vector<std::string> recorded(const std::string& url) {
        auto db = pg::PgConnection::open(url);
        std::vector<std::string> rows;
        for (auto& r : db->query("SELECT id, hash, created_at FROM drizzle.__drizzle_migrations ORDER BY id"))
            rows.push_back(r[0].value_or("") + " " + r[1].value_or("") + " " + r[2].value_or(""));
        return rows;
    }
    /// Runs a down file's text as one transaction (what `migrate down` will do with it).
    void run_down(const std::string& url, const std::string& text) {
        auto db = pg::PgConnection::open(url);
        db->exec("BEGIN;\n" + text + "\nCOMMIT;");
    }
};

TEST_F(DownFilesPg, V1AndLegacyGenerateTheSameDownFilesAndTheyUndoTheMigration) {
    for (const bool legacy : {false, true}) {
        SCOPED_TRACE(legacy ? "legacy" : "v1");
        fs::remove_all(dir / "drizzle");
        if (legacy) {
            test::write_file(dir / "drizzle/meta/_journal.json",
                             R"({"version":"7","dialect":"postgresql","entries":[]})");
        }
        generate("init", kInit);
        const std::string out = generate("rename_drop", kRenameDrop, true);
        const auto folder = MigrationsFolder::read(dir / "drizzle");
        ASSERT_EQ(folder.entries.size(), 2u);
        const fs::path down = folder.entries[1].down_path;
        EXPECT_EQ(down, legacy ? dir / "drizzle/0001_rename_drop.down.sql"
                               : folder.entries[1].sql_path.parent_path() / "down.sql");
        EXPECT_EQ(test::read_file(folder.entries[0].down_path), kInitDown);
        EXPECT_EQ(test::read_file(down), kRenameDropDown);
        EXPECT_NE(out.find(down.filename().string() + ": column \"users\".\"bio\" is recreated without its values\n"),
                  std::string::npos)
            << out;
        if (legacy) {
            EXPECT_EQ(test::read_file(dir / "drizzle/meta/_journal.json").find("down"), std::string::npos);
        }

        // Up, then the down file: users is back to init's columns (bio empty).
        const std::string database = create_database();
        std::string migrated;
        ASSERT_EQ(test::run_kit_migrate(dir / "drizzle", database, migrated), 0) << migrated;
        EXPECT_EQ(users_columns(database), (std::vector<std::string>{"id", "full_name"}));
        run_down(database, test::read_file(down));
        EXPECT_EQ(users_columns(database), (std::vector<std::string>{"id", "name", "bio"}));

        // Rows recorded with the down files equal those of the folder without them.
        fs::remove_all(dir / "plain");
        test::copy_tree(dir / "drizzle", dir / "plain");
        for (const auto& e : MigrationsFolder::read(dir / "plain").entries)
            fs::remove(e.down_path);
        const std::string with = create_database();
        const std::string without = create_database();
        ASSERT_EQ(test::run_kit_migrate(dir / "drizzle", with, migrated), 0) << migrated;
        ASSERT_EQ(test::run_kit_migrate(dir / "plain", without, migrated), 0) << migrated;
        EXPECT_EQ(recorded(with).size(), 2u);
        EXPECT_EQ(recorded(with), recorded(without));
    }
}

TEST_F(DownFilesPg, CustomDownIsAnEmptyHandWrittenTemplate) {
    generate("init", kInit);
    test::write_file(dir / "schema.sql", kInit);
    std::string out;
    ASSERT_EQ(test::run_kit(dir.path(), {"generate", "--custom", "--name", "seed"}, out), 0) << out;
    const auto folder = MigrationsFolder::read(dir / "drizzle");
    ASSERT_EQ(folder.entries.size(), 2u);
    const std::string down = test::read_file(folder.entries[1].down_path);
    EXPECT_EQ(down, "-- Write the SQL that undoes migration.sql here; drizzle-kit migrate down runs it.\n");
    EXPECT_EQ(kit::down_integrity(down), kit::DownIntegrity::hand_written);
    EXPECT_TRUE(kit::down_is_empty(down));
}

} // namespace
