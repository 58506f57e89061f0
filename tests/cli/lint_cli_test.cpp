// `drizzle-kit lint` end to end on a real SQLite file: the findings of the newest / unapplied
// migrations, --json's shape, --max-severity exit codes, --db row counts on seeded rows, directives,
// and the hooks in generate, check and push.
#include "support/test_support.hpp"

#include "drizzle/dialect/sqlite_connection.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>

namespace fs = std::filesystem;
using namespace drizzle;

namespace {

class CliLint : public ::testing::Test {
protected:
    test::TempDir dir{"cli-lint"};

    void SetUp() override {
        setenv("DRIZZLE_CACHE_DIR", (dir.path() / ".cache").c_str(), 1);
        test::write_file(dir / "drizzle.config.json", R"({"dialect": "sqlite", "schema": "./schema.sql",
            "out": "./drizzle", "dbCredentials": {"url": "./app.db"}})");
    }

    int kit(const std::string& args, std::string& output) {
        return test::run_command("cd '" + dir.path().string() + "' && '" DRIZZLE_KIT_EXE "' " + args + " </dev/null",
                                 output);
    }

    void exec(const std::string& sql) { sqlite::SqliteConnection::open((dir / "app.db").string())->exec(sql); }

    /// Writes the schema and generates (and migrates) it; returns generate's output.
    std::string step(const std::string& schema, const std::string& name, bool migrate = true) {
        test::write_file(dir / "schema.sql", schema);
        std::string out, migrated;
        EXPECT_EQ(kit("generate --name " + name, out), 0) << out;
        if (migrate) EXPECT_EQ(kit("migrate", migrated), 0) << migrated;
        return out;
    }

    /// The folder name of the migration whose name ends in `suffix`.
    std::string folder_of(const std::string& suffix) {
        for (const auto& e : fs::directory_iterator(dir / "drizzle")) {
            const std::string name = e.path().filename().string();
            if (name.ends_with("_" + suffix)) return name;
        }
        return "";
    }

    static nlohmann::json json_of(const std::string& out) { return nlohmann::json::parse(out.substr(out.find('{'))); }
};

const std::string kWithBio = "CREATE TABLE users (id integer PRIMARY KEY, name text, bio text);\n";
const std::string kWithoutBio = "CREATE TABLE users (id integer PRIMARY KEY, name text);\n";

TEST_F(CliLint, GenerateListsTheFindingsAndLintFailsOnTheError) {
    const std::string first = step(kWithBio, "init");
    EXPECT_EQ(first.find("Lint"), std::string::npos) << first; // a new table: nothing to say
    const std::string out = step(kWithoutBio, "drop_bio", /*migrate=*/false);
    const std::string folder = folder_of("drop_bio");
    const std::string line =
        "DS103 error    " + folder + "/migration.sql:1  column \"users\".\"bio\": drop column loses its values";
    // generate's own lines first, then the lint's; generate still succeeds.
    ASSERT_NE(out.find("Your SQL migration"), std::string::npos) << out;
    EXPECT_GT(out.find(line), out.find("Your SQL migration")) << out;
    EXPECT_NE(out.find("BC103 warning  " + folder + "/migration.sql:1"), std::string::npos) << out;

    std::string lint;
    EXPECT_EQ(kit("lint", lint), 1) << lint;
    EXPECT_NE(lint.find(folder + " (" + folder + "/migration.sql): 2 finding(s)"), std::string::npos) << lint;
    EXPECT_NE(lint.find(line), std::string::npos) << lint;
    EXPECT_NE(lint.find("Linted the newest migration (1 migration(s)): 1 error(s), 1 warning(s), 0 acknowledged"),
              std::string::npos)
        << lint;
    EXPECT_EQ(kit("lint --max-severity error", lint), 0) << lint;
    EXPECT_EQ(kit("lint --max-severity info", lint), 1) << lint;
    EXPECT_EQ(kit("lint --max-severity fatal", lint), 3) << lint;
    // --all: the first migration too (no findings), --name: one.
    EXPECT_EQ(kit("lint --all --json", lint), 1) << lint;
    EXPECT_EQ(json_of(lint)["migrations"].size(), 2u) << lint;
    EXPECT_EQ(kit("lint --name init", lint), 0) << lint;
    EXPECT_NE(lint.find("no findings"), std::string::npos) << lint;
    EXPECT_EQ(kit("lint --name nosuch", lint), 3) << lint;
}

TEST_F(CliLint, JsonShape) {
    step(kWithBio, "init");
    step(kWithoutBio, "drop_bio", false);
    std::string out;
    ASSERT_EQ(kit("lint --json", out), 1) << out;
    const auto doc = json_of(out);
    EXPECT_EQ(doc["version"], 1);
    EXPECT_EQ(doc["selection"], "the newest migration");
    ASSERT_EQ(doc["migrations"].size(), 1u);
    const auto& m = doc["migrations"][0];
    EXPECT_EQ(m["name"], folder_of("drop_bio"));
    EXPECT_EQ(m["file"], folder_of("drop_bio") + "/migration.sql");
    ASSERT_EQ(m["findings"].size(), 2u) << out;
    const auto& f = m["findings"][0];
    EXPECT_EQ(f["code"], "DS103");
    EXPECT_EQ(f["severity"], "error");
    EXPECT_EQ(f["object"], "column \"users\".\"bio\"");
    EXPECT_EQ(f["statement"], 1);
    EXPECT_EQ(f["message"], "drop column loses its values");
    EXPECT_EQ(f["acknowledged"], false);
    EXPECT_TRUE(f["reason"].is_null());
    EXPECT_TRUE(f["rows"].is_null());
    EXPECT_EQ(doc["summary"]["error"], 1);
    EXPECT_EQ(doc["summary"]["warning"], 1);
    EXPECT_EQ(doc["summary"]["info"], 0);
    EXPECT_EQ(doc["summary"]["acknowledged"], 0);
    EXPECT_EQ(doc["summary"]["counted"], false);
}

TEST_F(CliLint, DbCountsTheRowsOfTheUnappliedMigrations) {
    step(kWithBio, "init");
    exec("INSERT INTO users (name, bio) VALUES ('a', 'x'), ('b', NULL), ('c', 'z')");
    step("CREATE TABLE users (id integer PRIMARY KEY, name text, bio text, age integer NOT NULL);\n", "add_age", false);
    std::string out;
    ASSERT_EQ(kit("lint --db --json", out), 1) << out;
    auto doc = json_of(out);
    EXPECT_EQ(doc["selection"], "the migrations the database has not applied");
    EXPECT_EQ(doc["summary"]["counted"], true);
    ASSERT_EQ(doc["migrations"].size(), 1u) << out;
    std::map<std::string, nlohmann::json> by_code;
    for (const auto& f : doc["migrations"][0]["findings"])
        by_code[f["code"]] = f;
    ASSERT_TRUE(by_code.count("MF107")) << out;
    EXPECT_EQ(by_code["MF107"]["rows"], 3) << out;
    EXPECT_EQ(by_code["MF107"]["severity"], "error") << out; // 3 rows: the statement will fail
    ASSERT_TRUE(by_code.count("LK106")) << out;
    EXPECT_EQ(by_code["LK106"]["rows"], 3) << out;
    EXPECT_EQ(by_code["LK106"]["statement"], by_code["MF107"]["statement"]) << out;

    // Without --db the same finding is a warning: nothing proves it fails.
    ASSERT_EQ(kit("lint --json", out), 0) << out;
    for (const auto& f : json_of(out)["migrations"][0]["findings"]) {
        if (f["code"] == "MF107") EXPECT_EQ(f["severity"], "warning") << out;
    }

    // Drop the column instead: 2 rows hold a bio.
    fs::remove_all(dir / "drizzle" / folder_of("add_age"));
    step(kWithoutBio, "drop_bio", false);
    ASSERT_EQ(kit("lint --db --json", out), 1) << out;
    doc = json_of(out);
    for (const auto& f : doc["migrations"][0]["findings"]) {
        if (f["code"] == "DS103") EXPECT_EQ(f["rows"], 2) << out;
    }
    ASSERT_EQ(kit("lint --db", out), 1) << out;
    EXPECT_NE(out.find("drop column loses its values [2 rows with a value]"), std::string::npos) << out;
    // Once applied, nothing is left to lint.
    ASSERT_EQ(kit("migrate", out), 0) << out;
    ASSERT_EQ(kit("lint --db --json", out), 0) << out;
    EXPECT_EQ(json_of(out)["migrations"].size(), 0u) << out;
}

TEST_F(CliLint, DirectiveAcknowledgesAndLint001WithoutReason) {
    step(kWithBio, "init");
    step(kWithoutBio, "drop_bio", false);
    const fs::path file = dir / "drizzle" / folder_of("drop_bio") / "migration.sql";
    const std::string sql = test::read_file(file);
    test::write_file(file, "-- drizzle:lint-ignore DS103, BC103 bio moved to profiles\n" + sql);
    std::string out;
    EXPECT_EQ(kit("lint", out), 0) << out;
    EXPECT_NE(out.find("drop column loses its values (acknowledged: bio moved to profiles)"), std::string::npos) << out;
    EXPECT_NE(out.find("0 error(s), 0 warning(s), 2 acknowledged"), std::string::npos) << out;

    test::write_file(file, "-- drizzle:lint-ignore DS103\n" + sql);
    EXPECT_EQ(kit("lint --json", out), 1) << out;
    const auto doc = json_of(out);
    bool lint001 = false;
    for (const auto& f : doc["migrations"][0]["findings"]) {
        if (f["code"] == "LINT001") lint001 = true;
        if (f["code"] == "DS103") EXPECT_EQ(f["acknowledged"], false) << out;
    }
    EXPECT_TRUE(lint001) << out;
}

TEST_F(CliLint, CheckListsLintFindingsAsNotesAndKeepsItsExitCode) {
    step(kWithBio, "init");
    step(kWithoutBio, "drop_bio", false);
    std::string out;
    EXPECT_EQ(kit("check", out), 0) << out;
    EXPECT_NE(out.find("Lint (notes; `drizzle-kit lint` fails on them):"), std::string::npos) << out;
    EXPECT_NE(out.find("DS103 error"), std::string::npos) << out;
    EXPECT_EQ(kit("check --json", out), 0) << out;
    const auto doc = json_of(out);
    EXPECT_TRUE(doc["ok"].get<bool>());
    EXPECT_EQ(doc["lint"]["summary"]["error"], 1) << out;
    // --db: the unapplied migrations only.
    EXPECT_EQ(kit("migrate", out), 0) << out;
    EXPECT_EQ(kit("check --db --json", out), 0) << out;
    EXPECT_EQ(json_of(out)["lint"]["migrations"].size(), 0u) << out;
    EXPECT_EQ(kit("check --all --json", out), 0) << out;
    EXPECT_EQ(json_of(out)["lint"]["migrations"].size(), 2u) << out;
}

TEST_F(CliLint, PushPrintsTheLintOfItsPlanBeforeItAsks) {
    exec(kWithBio);
    exec("INSERT INTO users (name, bio) VALUES ('a', 'x')");
    test::write_file(dir / "schema.sql", kWithoutBio);
    std::string out;
    EXPECT_EQ(kit("push --explain", out), 0) << out;
    EXPECT_NE(out.find("Lint of the planned statements:"), std::string::npos) << out;
    EXPECT_NE(out.find("DS103 error    statement 1  column \"users\".\"bio\""), std::string::npos) << out;
    // Without a terminal push still refuses to lose data: its exit code is the one it always had.
    EXPECT_EQ(kit("push", out), 2) << out;
    EXPECT_NE(out.find("Lint of the planned statements:"), std::string::npos) << out;
}

} // namespace
