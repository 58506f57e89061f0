// `drizzle-kit squash` end to end on SQLite files: the squashed SQL is the range's net diff (a
// rename stays a rename), it migrates a fresh database to the unsquashed folder's schema, and
// databases that applied all / none / some of the range are handled as the issue asks.
#include "support/test_support.hpp"

#include "drizzle/dialect/sqlite.hpp"
#include "drizzle/dialect/sqlite_connection.hpp"
#include "drizzle/diff/diff.hpp"
#include "drizzle/kit/dialect_sql.hpp"
#include "drizzle/migrate/migrator.hpp"
#include "drizzle/snapshot/snapshot.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <map>

namespace fs = std::filesystem;
using namespace drizzle;

namespace {

const char* kInit = "CREATE TABLE users (id integer PRIMARY KEY, name text NOT NULL);\n";
const char* kPosts =
    "CREATE TABLE users (id integer PRIMARY KEY, name text NOT NULL);\n"
    "CREATE TABLE posts (id integer PRIMARY KEY, user_id integer NOT NULL REFERENCES users(id), title text);\n";
const char* kRename =
    "CREATE TABLE users (id integer PRIMARY KEY, full_name text NOT NULL);\n"
    "CREATE TABLE posts (id integer PRIMARY KEY, user_id integer NOT NULL REFERENCES users(id), title text);\n";
const char* kEmail =
    "CREATE TABLE users (id integer PRIMARY KEY, full_name text NOT NULL, email text);\n"
    "CREATE TABLE posts (id integer PRIMARY KEY, user_id integer NOT NULL REFERENCES users(id), title text);\n";
const char* kTags =
    "CREATE TABLE users (id integer PRIMARY KEY, full_name text NOT NULL, email text);\n"
    "CREATE TABLE posts (id integer PRIMARY KEY, user_id integer NOT NULL REFERENCES users(id), title text);\n"
    "CREATE TABLE tags (id integer PRIMARY KEY, label text);\n";
const char* kTagsColor =
    "CREATE TABLE users (id integer PRIMARY KEY, full_name text NOT NULL, email text);\n"
    "CREATE TABLE posts (id integer PRIMARY KEY, user_id integer NOT NULL REFERENCES users(id), title text);\n"
    "CREATE TABLE tags (id integer PRIMARY KEY, label text, color text);\n";
const char* kRenameAnswers =
    R"([{"type":"rename","kind":"column","from":["users","name"],"to":["users","full_name"]}])";

class Squash : public ::testing::Test {
protected:
    test::TempDir dir{"squash-sqlite"};

    void SetUp() override {
        test::write_file(dir / "drizzle.config.json", R"({"dialect": "sqlite", "schema": "./schema.sql",
            "out": "./drizzle", "dbCredentials": {"url": "./local.db"}})");
        test::write_file(dir / "answers.json", kRenameAnswers);
    }

    int kit(const std::string& args, std::string& output) {
        return test::run_command("cd '" + dir.path().string() + "' && '" DRIZZLE_KIT_EXE "' " + args + " </dev/null",
                                 output);
    }
    void generate(const std::string& name, const std::string& schema, const std::string& extra = "") {
        test::write_file(dir / "schema.sql", schema);
        std::string out;
        ASSERT_EQ(kit("generate --name " + name + extra, out), 0) << out;
    }
    /// init, posts, rename (users.name -> full_name), email, tags.
    void five_migrations() {
        generate("init", kInit);
        generate("posts", kPosts);
        generate("rename", kRename, " --answers answers.json");
        generate("email", kEmail);
        generate("tags", kTags);
        ASSERT_EQ(folders().size(), 5u);
    }
    std::vector<std::string> folders(const std::string& out = "drizzle") {
        std::vector<std::string> names;
        for (const auto& e : fs::directory_iterator(dir / out))
            names.push_back(e.path().filename().string());
        std::sort(names.begin(), names.end());
        return names;
    }
    std::string folder_ending(const std::string& suffix, const std::string& out = "drizzle") {
        for (const auto& n : folders(out)) {
            if (n.ends_with("_" + suffix)) return n;
        }
        ADD_FAILURE() << "no folder *_" << suffix;
        return "";
    }
    /// Every file of the folder with its bytes: the folder "as it was".
    std::map<std::string, std::string> tree(const std::string& out = "drizzle") {
        std::map<std::string, std::string> files;
        for (const auto& e : fs::recursive_directory_iterator(dir / out)) {
            files[fs::relative(e.path(), dir / out).string()] = e.is_regular_file() ? test::read_file(e.path()) : "/";
        }
        return files;
    }
    /// A copy of the folder holding only its first `count` migrations.
    std::string first_migrations(std::size_t count, const std::string& out) {
        fs::create_directories(dir / out);
        auto names = folders();
        for (std::size_t i = 0; i < count; ++i)
            fs::copy(dir / "drizzle" / names[i], dir / out / names[i], fs::copy_options::recursive);
        return out;
    }
    int migrate(const std::string& out, const std::string& db, std::string& output) {
        return kit("migrate --out " + out + " --url " + db, output);
    }
    std::vector<std::string> recorded(const std::string& db) {
        auto connection = sqlite::SqliteConnection::open((dir / db).string());
        std::vector<std::string> names;
        for (auto& r : connection->query("SELECT name FROM __drizzle_migrations ORDER BY id"))
            names.push_back(r[0].value_or(""));
        return names;
    }
    /// The two databases introspect to schemas with no difference.
    void expect_same_schema(const std::string& a, const std::string& b) {
        auto ca = sqlite::SqliteConnection::open((dir / a).string());
        auto cb = sqlite::SqliteConnection::open((dir / b).string());
        const Schema sa = sqlite::introspect(*ca);
        const Schema sb = sqlite::introspect(*cb);
        ScriptedResolver resolver;
        EXPECT_TRUE(diff(sa, sb, resolver).operations.empty()) << a << " and " << b << " differ";
        EXPECT_TRUE(resolver.open_questions().empty()) << a << " and " << b << " differ";
        EXPECT_EQ(sa.tables.size(), sb.tables.size());
    }
};

TEST_F(Squash, SqlIsTheRangeDiffKeepsTheRenameAndMigratesToTheSameSchema) {
    five_migrations();
    fs::copy(dir / "drizzle", dir / "unsquashed", fs::copy_options::recursive);
    const auto before = folders();
    const std::string posts = before[1], rename = before[2], email = before[3];
    std::string out;
    ASSERT_EQ(kit("squash --from posts --to email", out), 0) << out;
    EXPECT_NE(out.find("Squashed 3 migrations"), std::string::npos) << out;

    const std::string squash = email.substr(0, 14) + "_squash_posts_to_email";
    EXPECT_EQ(folders(), (std::vector<std::string>{before[0], squash, before[4]}));
    const fs::path sq = dir / "drizzle" / squash;
    const std::string sql = test::read_file(sq / "migration.sql");
    // The rename stays a rename: the data in users.name survives.
    EXPECT_NE(sql.find("RENAME COLUMN `name` TO `full_name`"), std::string::npos) << sql;
    EXPECT_EQ(sql.find("DROP"), std::string::npos) << sql;
    EXPECT_NE(sql.find("CREATE TABLE `posts`"), std::string::npos) << sql;

    // The SQL is the diff from init's snapshot to email's, with the rename answered.
    const Snapshot parent = parse_snapshot(test::read_file(dir / "unsquashed" / before[0] / "snapshot.json"), "init");
    const Snapshot last = parse_snapshot(test::read_file(dir / "unsquashed" / email / "snapshot.json"), "email");
    ScriptedResolver resolver({{RenameQuestion::Kind::column, "", "users", "full_name", "name"}});
    bool no_tx = false;
    EXPECT_EQ(sql,
              kit::join_statements(
                  kit::dialect_statements(Dialect::sqlite, diff(parent.schema, last.schema, resolver), no_tx), true));

    // Snapshot: email's schema and id (tags keeps its parent), posts' parents.
    const auto snap = nlohmann::json::parse(test::read_file(sq / "snapshot.json"));
    const auto email_snap = nlohmann::json::parse(test::read_file(dir / "unsquashed" / email / "snapshot.json"));
    const auto posts_snap = nlohmann::json::parse(test::read_file(dir / "unsquashed" / posts / "snapshot.json"));
    EXPECT_EQ(snap["id"], email_snap["id"]);
    EXPECT_EQ(snap["prevIds"], posts_snap["prevIds"]);
    EXPECT_EQ(snap["ddl"], email_snap["ddl"]);

    // replaces.json: the three, in order, with the hash drizzle-orm records.
    const auto replaces = nlohmann::json::parse(test::read_file(sq / "replaces.json"));
    ASSERT_EQ(replaces.size(), 3u);
    const std::vector<std::string> replaced{posts, rename, email};
    for (std::size_t i = 0; i < 3; ++i) {
        EXPECT_EQ(replaces[i]["name"], replaced[i]);
        EXPECT_EQ(replaces[i]["hash"], sha256_hex(test::read_file(dir / "unsquashed" / replaced[i] / "migration.sql")));
        EXPECT_TRUE(replaces[i]["createdAt"].is_number_integer());
    }
    EXPECT_TRUE(fs::exists(sq / "decisions.json"));
    for (const auto& n : folders())
        EXPECT_FALSE(n.starts_with(".")) << n; // nothing left aside

    // A fresh database migrated by the squashed folder has the unsquashed folder's schema.
    ASSERT_EQ(migrate("drizzle", "squashed.db", out), 0) << out;
    ASSERT_EQ(migrate("unsquashed", "unsquashed.db", out), 0) << out;
    expect_same_schema("squashed.db", "unsquashed.db");
    EXPECT_EQ(recorded("squashed.db"), (std::vector<std::string>{before[0], squash, before[4]}));

    // generate after the squash has nothing to add: the folder's state is unchanged.
    ASSERT_EQ(kit("generate --name again", out), 0) << out;
    EXPECT_NE(out.find("No schema changes"), std::string::npos) << out;
}

TEST_F(Squash, DatabaseThatAppliedTheWholeRangeRecordsTheSquashWithoutRunningIt) {
    five_migrations();
    std::string out;
    ASSERT_EQ(kit("migrate", out), 0) << out; // local.db: all five
    auto connection = sqlite::SqliteConnection::open((dir / "local.db").string());
    connection->exec("INSERT INTO users (id, full_name) VALUES (1, 'Ada')");
    connection.reset();
    ASSERT_EQ(kit("squash --from posts --to email --name baseline", out), 0) << out;
    const std::string squash = folder_ending("baseline");
    generate("color", kTagsColor);

    ASSERT_EQ(kit("migrate", out), 0) << out;
    EXPECT_NE(out.find("notice: " + squash + " squashes migrations this database has all applied"), std::string::npos)
        << out;
    EXPECT_NE(out.find("1 migration(s) applied"), std::string::npos) << out;
    const auto names = recorded("local.db");
    ASSERT_EQ(names.size(), 7u);
    EXPECT_EQ(names[5], squash);
    EXPECT_EQ(names[6], folder_ending("color"));
    connection = sqlite::SqliteConnection::open((dir / "local.db").string());
    EXPECT_EQ(connection->query("SELECT full_name FROM users")[0][0], "Ada"); // not re-created
    EXPECT_EQ(connection->query("SELECT color FROM tags").size(), 0u);
    connection.reset();

    ASSERT_EQ(kit("migrate", out), 0) << out;
    EXPECT_NE(out.find("No pending migrations"), std::string::npos) << out;
    EXPECT_EQ(out.find("notice:"), std::string::npos) << out;
}

TEST_F(Squash, DatabaseThatAppliedNoneOfTheRangeRunsTheSquash) {
    five_migrations();
    fs::copy(dir / "drizzle", dir / "unsquashed", fs::copy_options::recursive);
    std::string out;
    ASSERT_EQ(migrate(first_migrations(1, "only_init"), "none.db", out), 0) << out;
    ASSERT_EQ(kit("squash --from posts --to email", out), 0) << out;
    ASSERT_EQ(migrate("drizzle", "none.db", out), 0) << out;
    EXPECT_NE(out.find("2 migration(s) applied"), std::string::npos) << out;
    EXPECT_EQ(out.find("notice:"), std::string::npos) << out;
    ASSERT_EQ(migrate("unsquashed", "unsquashed.db", out), 0) << out;
    expect_same_schema("none.db", "unsquashed.db");
}

TEST_F(Squash, DatabaseThatAppliedPartOfTheRangeIsRefused) {
    five_migrations();
    const auto before = folders();
    std::string out;
    ASSERT_EQ(migrate(first_migrations(3, "up_to_rename"), "some.db", out), 0) << out;
    ASSERT_EQ(kit("squash --from posts --to email", out), 0) << out;
    const auto squashed = tree();

    EXPECT_EQ(migrate("drizzle", "some.db", out), 3) << out;
    EXPECT_NE(out.find("squashes 3 migrations and the database has applied only some of them: applied " + before[1] +
                       ", " + before[2] + "; not applied " + before[3]),
              std::string::npos)
        << out;
    EXPECT_NE(out.find("before the squash"), std::string::npos) << out;
    EXPECT_EQ(recorded("some.db").size(), 3u); // nothing recorded, nothing run
    EXPECT_EQ(tree(), squashed);
}

TEST_F(Squash, RefusedWhenTheConfiguredDatabaseAppliedPartOfTheRange) {
    five_migrations();
    std::string out;
    ASSERT_EQ(migrate(first_migrations(2, "up_to_posts"), "local.db", out), 0) << out;
    const auto before = tree();
    EXPECT_EQ(kit("squash --from posts --to email", out), 3) << out;
    EXPECT_NE(out.find("the configured database has applied only part of the range"), std::string::npos) << out;
    EXPECT_EQ(tree(), before);
    // Once it applied the whole range, the squash goes ahead.
    ASSERT_EQ(kit("migrate", out), 0) << out;
    EXPECT_EQ(kit("squash --from posts --to email", out), 0) << out;
}

TEST_F(Squash, ErrorsLeaveTheFolderAsItWas) {
    five_migrations();
    generate("custom", kTags, " --custom");
    test::write_file(dir / "drizzle" / folder_ending("custom") / "migration.sql", "INSERT INTO tags VALUES (1, 'x');");
    const auto before = tree();
    const std::string custom = folder_ending("custom");
    std::string out;
    EXPECT_EQ(kit("squash --from posts --to nosuch", out), 3) << out;
    EXPECT_NE(out.find("--to nosuch: no migration of"), std::string::npos) << out;
    EXPECT_EQ(tree(), before);
    EXPECT_EQ(kit("squash --from email --to posts", out), 3) << out;
    EXPECT_NE(out.find("must come before"), std::string::npos) << out;
    EXPECT_EQ(kit("squash --from 2 --to email", out), 3) << out; // a prefix of every folder
    EXPECT_NE(out.find("names 6 migrations"), std::string::npos) << out;
    // Hand-written SQL in the range is refused, naming it, unless --force.
    EXPECT_EQ(kit("squash --from email --to custom", out), 3) << out;
    EXPECT_NE(out.find("hand-written SQL: " + custom), std::string::npos) << out;
    EXPECT_EQ(tree(), before);
    EXPECT_EQ(kit("squash --from email --to custom --force", out), 0) << out;
    EXPECT_NE(out.find("warning: squashing hand-written SQL of " + custom), std::string::npos) << out;
    EXPECT_EQ(folders().size(), 4u);
}

TEST_F(Squash, NameOfAReplacedMigrationIsReusable) {
    five_migrations();
    const auto before = folders();
    std::string out;
    ASSERT_EQ(kit("squash --from " + before[1] + " --to " + before[3] + " --name email", out), 0) << out;
    EXPECT_EQ(folders(), (std::vector<std::string>{before[0], before[3], before[4]}));
    EXPECT_TRUE(fs::exists(dir / "drizzle" / before[3] / "replaces.json"));
}

TEST_F(Squash, RefusedOnTheLegacyLayout) {
    test::write_file(dir / "drizzle" / "0000_init.sql", "CREATE TABLE a (x integer);");
    test::write_file(dir / "drizzle" / "0001_next.sql", "CREATE TABLE b (x integer);");
    test::write_file(dir / "drizzle" / "meta" / "_journal.json",
                     R"({"version":"7","dialect":"sqlite","entries":[)"
                     R"({"idx":0,"version":"6","when":1700000000000,"tag":"0000_init","breakpoints":true},)"
                     R"({"idx":1,"version":"6","when":1700000001000,"tag":"0001_next","breakpoints":true}]})");
    const auto before = tree();
    std::string out;
    EXPECT_EQ(kit("squash --from init --to next", out), 3) << out;
    EXPECT_NE(out.find("drizzle-kit up"), std::string::npos) << out;
    EXPECT_EQ(tree(), before);
}

TEST_F(Squash, HelpHasExamplesAndExitCodes) {
    std::string out;
    ASSERT_EQ(kit("squash --help", out), 0) << out;
    for (const char* text : {"--from", "--to", "--name", "--force", "Examples:", "replaces.json", "Exit codes"})
        EXPECT_NE(out.find(text), std::string::npos) << text << "\n" << out;
    EXPECT_EQ(kit("squash --from a", out), 3) << out; // --to is required
}

TEST_F(Squash, DatabaseOfTheZeroXLayoutSeesTheSquashAppliedAfterUp) {
    // drizzle-kit's own 0.31 folder, migrated (0.45 bookkeeping: no names), then its `up` result
    // squashed: the table upgrade names the replaced migrations' rows, and the squash is applied.
    fs::copy(test::fixture("drizzle-kit/sqlite/up/before"), dir / "legacy", fs::copy_options::recursive);
    fs::copy(test::fixture("drizzle-kit/sqlite/up/after"), dir / "drizzle", fs::copy_options::recursive);
    std::string out;
    ASSERT_EQ(migrate("legacy", "old.db", out), 0) << out;
    const auto before = folders();
    ASSERT_EQ(kit("squash --from addcol --to rename_table_and_column --force", out), 0) << out;
    const std::string squash = folder_ending("squash_addcol_to_rename_table_and_column");
    ASSERT_EQ(migrate("drizzle", "old.db", out), 0) << out;
    EXPECT_NE(out.find("notice: " + squash), std::string::npos) << out;
    EXPECT_NE(out.find("No pending migrations"), std::string::npos) << out;
    std::vector<std::string> expected = before;
    expected.push_back(squash);
    EXPECT_EQ(recorded("old.db"), expected);
    ASSERT_EQ(migrate("drizzle", "old.db", out), 0) << out;
    EXPECT_EQ(out.find("notice:"), std::string::npos) << out;
}

} // namespace
