// `drizzle-kit squash` end to end on the shared PostgreSQL: a table rename in the range stays a
// rename, the squashed folder builds the unsquashed folder's schema, and databases that applied
// all / none / some of the range are handled (recorded, applied, refused).
#include "pg/pg_support.hpp"
#include "support/test_support.hpp"

#include "drizzle/dialect/pg.hpp"
#include "drizzle/dialect/pg_connection.hpp"
#include "drizzle/diff/diff.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace fs = std::filesystem;
using namespace drizzle;

namespace {

const char* kInit = "CREATE TABLE users (id serial PRIMARY KEY, name text NOT NULL);\n";
const char* kPosts =
    "CREATE TABLE users (id serial PRIMARY KEY, name text NOT NULL);\n"
    "CREATE TABLE posts (id serial PRIMARY KEY, user_id integer NOT NULL REFERENCES users(id), title text);\n";
const char* kRename =
    "CREATE TABLE members (id serial PRIMARY KEY, name text NOT NULL);\n"
    "CREATE TABLE posts (id serial PRIMARY KEY, user_id integer NOT NULL REFERENCES members(id), title text);\n";
const char* kEmail =
    "CREATE TABLE members (id serial PRIMARY KEY, name text NOT NULL, email text);\n"
    "CREATE TABLE posts (id serial PRIMARY KEY, user_id integer NOT NULL REFERENCES members(id), title text);\n";
const char* kTags =
    "CREATE TABLE members (id serial PRIMARY KEY, name text NOT NULL, email text);\n"
    "CREATE TABLE posts (id serial PRIMARY KEY, user_id integer NOT NULL REFERENCES members(id), title text);\n"
    "CREATE TABLE tags (id serial PRIMARY KEY, label text);\n";
const char* kTagsColor =
    "CREATE TABLE members (id serial PRIMARY KEY, name text NOT NULL, email text);\n"
    "CREATE TABLE posts (id serial PRIMARY KEY, user_id integer NOT NULL REFERENCES members(id), title text);\n"
    "CREATE TABLE tags (id serial PRIMARY KEY, label text, color text);\n";

class SquashPg : public test::PgTest {
protected:
    test::TempDir dir{"squash-pg"};

    void SetUp() override {
        test::PgTest::SetUp();
        test::write_file(dir / "drizzle.config.json",
                         R"({"dialect": "postgresql", "schema": "./schema.sql", "out": "./drizzle"})");
        test::write_file(dir / "answers.json",
                         R"([{"type":"rename","kind":"table","from":["public","users"],"to":["public","members"]}])");
    }
    int kit(const std::vector<std::string>& args, std::string& out) { return test::run_kit(dir.path(), args, out); }
    void generate(const std::string& name, const std::string& schema, bool answers = false) {
        test::write_file(dir / "schema.sql", schema);
        std::vector<std::string> args{"generate", "--name", name};
        if (answers) args.insert(args.end(), {"--answers", "answers.json"});
        std::string out;
        ASSERT_EQ(kit(args, out), 0) << out;
    }
    std::vector<std::string> folders(const std::string& out = "drizzle") {
        std::vector<std::string> names;
        for (const auto& e : fs::directory_iterator(dir / out))
            names.push_back(e.path().filename().string());
        std::sort(names.begin(), names.end());
        return names;
    }
    void five_migrations() {
        generate("init", kInit);
        generate("posts", kPosts);
        generate("rename", kRename, true);
        generate("email", kEmail);
        generate("tags", kTags);
        ASSERT_EQ(folders().size(), 5u);
    }
    fs::path first_migrations(std::size_t count, const std::string& out) {
        fs::create_directories(dir / out);
        auto names = folders();
        for (std::size_t i = 0; i < count; ++i)
            fs::copy(dir / "drizzle" / names[i], dir / out / names[i], fs::copy_options::recursive);
        return dir / out;
    }
    std::vector<std::string> recorded(const std::string& url) {
        auto db = pg::PgConnection::open(url);
        std::vector<std::string> names;
        for (auto& r : db->query("SELECT name FROM drizzle.__drizzle_migrations ORDER BY id"))
            names.push_back(r[0].value_or(""));
        return names;
    }
    void expect_same_schema(const std::string& a, const std::string& b) {
        auto ca = pg::PgConnection::open(a);
        auto cb = pg::PgConnection::open(b);
        const Schema sa = pg::introspect(*ca, {"public"});
        const Schema sb = pg::introspect(*cb, {"public"});
        ScriptedResolver resolver;
        EXPECT_TRUE(diff(sa, sb, resolver).operations.empty());
        EXPECT_TRUE(resolver.open_questions().empty());
        EXPECT_EQ(sa.tables.size(), 3u);
        EXPECT_EQ(test::pg_catalog_lines(*ca), test::pg_catalog_lines(*cb));
    }
};

TEST_F(SquashPg, TableRenameStaysARenameAndTheSquashBuildsTheSameSchema) {
    five_migrations();
    fs::copy(dir / "drizzle", dir / "unsquashed", fs::copy_options::recursive);
    const auto before = folders();
    std::string out;
    ASSERT_EQ(kit({"squash", "--from", "posts", "--to", "email"}, out), 0) << out;
    const std::string squash = before[3].substr(0, 14) + "_squash_posts_to_email";
    ASSERT_EQ(folders(), (std::vector<std::string>{before[0], squash, before[4]}));
    const std::string sql = test::read_file(dir / "drizzle" / squash / "migration.sql");
    EXPECT_NE(sql.find("ALTER TABLE \"users\" RENAME TO \"members\""), std::string::npos) << sql;
    EXPECT_EQ(sql.find("DROP TABLE"), std::string::npos) << sql;
    const auto snap = nlohmann::json::parse(test::read_file(dir / "drizzle" / squash / "snapshot.json"));
    const auto email = nlohmann::json::parse(test::read_file(dir / "unsquashed" / before[3] / "snapshot.json"));
    EXPECT_EQ(snap["id"], email["id"]);
    EXPECT_EQ(snap["ddl"], email["ddl"]);

    const std::string other = create_database();
    ASSERT_EQ(test::run_kit_migrate(dir / "drizzle", url(), out), 0) << out;
    ASSERT_EQ(test::run_kit_migrate(dir / "unsquashed", other, out), 0) << out;
    expect_same_schema(url(), other);
    EXPECT_EQ(recorded(url()), (std::vector<std::string>{before[0], squash, before[4]}));
}

TEST_F(SquashPg, DatabasesThatAppliedAllNoneOrSomeOfTheRange) {
    five_migrations();
    fs::copy(dir / "drizzle", dir / "unsquashed", fs::copy_options::recursive);
    const auto before = folders();
    const std::string all = url(), none = create_database(), some = create_database();
    std::string out;
    ASSERT_EQ(test::run_kit_migrate(dir / "drizzle", all, out), 0) << out;
    ASSERT_EQ(test::run_kit_migrate(first_migrations(1, "only_init"), none, out), 0) << out;
    ASSERT_EQ(test::run_kit_migrate(first_migrations(3, "up_to_rename"), some, out), 0) << out;
    auto db = pg::PgConnection::open(all);
    db->exec("INSERT INTO members (name) VALUES ('Ada')");
    db.reset();

    // A reachable database that applied part of the range refuses the squash itself.
    EXPECT_EQ(kit({"squash", "--from", "posts", "--to", "email", "--url", some}, out), 3) << out;
    EXPECT_NE(out.find("applied only part of the range (applied: " + before[1] + ", " + before[2] +
                       "; not applied: " + before[3] + ")"),
              std::string::npos)
        << out;
    EXPECT_EQ(folders(), before);
    ASSERT_EQ(kit({"squash", "--from", "posts", "--to", "email", "--url", all}, out), 0) << out;
    const std::string squash = before[3].substr(0, 14) + "_squash_posts_to_email";
    generate("color", kTagsColor);
    const std::string color = folders().back();

    // All: the squash is recorded, not run; the later migration runs.
    ASSERT_EQ(test::run_kit_migrate(dir / "drizzle", all, out), 0) << out;
    EXPECT_NE(out.find("notice: " + squash + " squashes migrations this database has all applied"), std::string::npos)
        << out;
    EXPECT_NE(out.find("1 migration(s) applied"), std::string::npos) << out;
    auto names = recorded(all);
    ASSERT_EQ(names.size(), 7u);
    EXPECT_EQ(names[5], squash);
    EXPECT_EQ(names[6], color);
    db = pg::PgConnection::open(all);
    EXPECT_EQ(test::pg_scalar(*db, "SELECT name FROM members"), "Ada");
    db.reset();
    ASSERT_EQ(test::run_kit_migrate(dir / "drizzle", all, out), 0) << out;
    EXPECT_NE(out.find("No pending migrations"), std::string::npos) << out;

    // None: the squash runs.
    ASSERT_EQ(test::run_kit_migrate(dir / "drizzle", none, out), 0) << out;
    EXPECT_NE(out.find("3 migration(s) applied"), std::string::npos) << out;
    EXPECT_EQ(recorded(none), (std::vector<std::string>{before[0], squash, before[4], color}));
    expect_same_schema(none, all);

    // Some: refused, nothing run or recorded.
    EXPECT_EQ(test::run_kit_migrate(dir / "drizzle", some, out), 3) << out;
    EXPECT_NE(out.find("squashes 3 migrations and the database has applied only some of them: applied " + before[1] +
                       ", " + before[2] + "; not applied " + before[3]),
              std::string::npos)
        << out;
    EXPECT_EQ(recorded(some).size(), 3u);
    // The way out the message gives: the folder before the squash, then back.
    ASSERT_EQ(test::run_kit_migrate(dir / "unsquashed", some, out), 0) << out;
    ASSERT_EQ(test::run_kit_migrate(dir / "drizzle", some, out), 0) << out;
    EXPECT_NE(out.find("notice: " + squash), std::string::npos) << out;
    expect_same_schema(some, all);
}

TEST_F(SquashPg, DrizzleKitFolderKeepsItsRecordedRenames) {
    // drizzle-kit 1.0's own folder: no decisions.json, the renames only in the snapshots' `renames`
    // ("public.t->public.t2"), and SQL that is exactly what its snapshots generate (no --force).
    test::copy_tree(test::fixture("drizzle-kit/postgresql/v1/steps/drizzle"), dir / "drizzle");
    test::copy_tree(dir / "drizzle", dir / "unsquashed");
    std::string out;
    ASSERT_EQ(kit({"squash", "--from", "addcol", "--to", "create_drop", "--name", "steps"}, out), 0) << out;
    EXPECT_EQ(out.find("hand-written"), std::string::npos) << out;
    ASSERT_EQ(folders().size(), 2u);
    const std::string squash = folders().back();
    EXPECT_EQ(squash, "20261122024724_steps");
    const std::string sql = test::read_file(dir / "drizzle" / squash / "migration.sql");
    EXPECT_NE(sql.find("ALTER TABLE \"t\" RENAME TO \"t2\""), std::string::npos) << sql;
    EXPECT_EQ(sql.find("DROP TABLE"), std::string::npos) << sql;
    const auto snap = nlohmann::json::parse(test::read_file(dir / "drizzle" / squash / "snapshot.json"));
    EXPECT_EQ(snap["renames"], nlohmann::json::parse(R"(["public.t->public.t2"])"));

    const std::string other = create_database();
    ASSERT_EQ(test::run_kit_migrate(dir / "drizzle", url(), out), 0) << out;
    ASSERT_EQ(test::run_kit_migrate(dir / "unsquashed", other, out), 0) << out;
    auto ca = pg::PgConnection::open(url());
    auto cb = pg::PgConnection::open(other);
    EXPECT_EQ(test::pg_catalog_lines(*ca), test::pg_catalog_lines(*cb));
}

} // namespace
