// `drizzle-kit lint` on the real PostgreSQL: --db counts on seeded rows (duplicates under a new
// unique index, NULLs under SET NOT NULL, orphans under a foreign key), the CONCURRENTLY safe variant.
#include "pg/pg_support.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <map>

namespace drizzle::test {
namespace {

namespace fs = std::filesystem;

class PgLint : public PgTest {
protected:
    TempDir dir{"pg-lint"};

    int kit(const std::vector<std::string>& args, std::string& output) {
        std::vector<std::string> all = args;
        for (const char* flag : {"--dialect", "postgresql", "--out", "drizzle"})
            all.push_back(flag);
        return run_kit(dir.path(), all, output);
    }
    int with_url(std::vector<std::string> args, std::string& output) {
        args.push_back("--url");
        args.push_back(url());
        return kit(args, output);
    }
    void step(const std::string& schema, const std::string& name, bool migrate) {
        write_file(dir / "schema.sql", schema);
        std::string out;
        ASSERT_EQ(kit({"generate", "--schema", "schema.sql", "--name", name}, out), 0) << out;
        if (migrate) ASSERT_EQ(with_url({"migrate"}, out), 0) << out;
    }
    std::string folder_of(const std::string& suffix) {
        for (const auto& e : fs::directory_iterator(dir / "drizzle")) {
            const std::string name = e.path().filename().string();
            if (name.ends_with("_" + suffix)) return name;
        }
        return "";
    }
    /// code -> finding of the only migration linted.
    static std::map<std::string, nlohmann::json> findings(const std::string& out) {
        const auto doc = nlohmann::json::parse(out.substr(out.find('{')));
        std::map<std::string, nlohmann::json> by_code;
        if (doc["migrations"].size() != 1) return by_code;
        for (const auto& f : doc["migrations"][0]["findings"])
            by_code[f["code"]] = f;
        return by_code;
    }
};

const std::string kBase = "CREATE TABLE teams (id integer PRIMARY KEY);\n"
                          "CREATE TABLE users (id integer PRIMARY KEY, email text, team integer);\n";

TEST_F(PgLint, DbCountsDuplicatesNullsAndOrphans) {
    step(kBase, "init", true);
    connect()->exec("INSERT INTO teams VALUES (1); INSERT INTO users VALUES (1, 'a', 1), (2, 'a', 7), (3, 'a', 9), "
                    "(4, NULL, 1), (5, 'b', NULL)");
    step("CREATE TABLE teams (id integer PRIMARY KEY);\n"
         "CREATE TABLE users (id integer PRIMARY KEY, email text NOT NULL, team integer REFERENCES teams (id));\n"
         "CREATE UNIQUE INDEX users_email_idx ON users (email);\n",
         "tighten", false);
    std::string out;
    ASSERT_EQ(with_url({"lint", "--db", "--json"}, out), 1) << out;
    auto f = findings(out);
    ASSERT_TRUE(f.count("MF103")) << out;
    EXPECT_EQ(f["MF103"]["rows"], 1) << out; // one NULL email
    EXPECT_EQ(f["MF103"]["severity"], "error") << out;
    ASSERT_TRUE(f.count("MF101")) << out;
    EXPECT_EQ(f["MF101"]["rows"], 3) << out; // three rows share 'a'
    EXPECT_EQ(f["MF101"]["severity"], "error") << out;
    ASSERT_TRUE(f.count("MF106")) << out;
    EXPECT_EQ(f["MF106"]["rows"], 2) << out; // teams 7 and 9 do not exist
    EXPECT_TRUE(f.count("LK101")) << out;
    EXPECT_TRUE(f.count("LK104")) << out;
    EXPECT_TRUE(f.count("LK105")) << out;

    // Fix the data: the counts drop to zero and the MF findings are warnings again.
    connect()->exec("UPDATE users SET email = 'e' || id, team = 1");
    ASSERT_EQ(with_url({"lint", "--db", "--json"}, out), 0) << out;
    f = findings(out);
    EXPECT_EQ(f["MF103"]["rows"], 0) << out;
    EXPECT_EQ(f["MF103"]["severity"], "warning") << out;
    EXPECT_EQ(f["MF101"]["rows"], 0) << out;
    EXPECT_EQ(f["MF106"]["rows"], 0) << out;
}

TEST_F(PgLint, ConcurrentIndexInATxmodeNoneFilePasses) {
    step(kBase, "init", true);
    step(kBase + "CREATE INDEX users_email_idx ON users (email);\n", "index", false);
    std::string out;
    ASSERT_EQ(kit({"lint", "--json"}, out), 0) << out;
    auto f = findings(out);
    ASSERT_TRUE(f.count("LK101")) << out;
    EXPECT_EQ(f["LK101"]["statement"], 1) << out;
    const fs::path file = dir / "drizzle" / folder_of("index") / "migration.sql";
    write_file(file, "-- drizzle:txmode none\nCREATE INDEX CONCURRENTLY \"users_email_idx\" ON \"users\" USING btree "
                     "(\"email\");");
    ASSERT_EQ(kit({"lint", "--json"}, out), 0) << out;
    EXPECT_TRUE(findings(out).empty()) << out;
    // And it really runs: migrate applies it outside a transaction.
    ASSERT_EQ(with_url({"migrate"}, out), 0) << out;
}

TEST_F(PgLint, DropTableCountsItsRows) {
    step(kBase, "init", true);
    connect()->exec("INSERT INTO teams VALUES (1), (2)");
    step("CREATE TABLE users (id integer PRIMARY KEY, email text, team integer);\n", "drop_teams", false);
    std::string out;
    ASSERT_EQ(with_url({"lint", "--db"}, out), 1) << out;
    EXPECT_NE(out.find("DS102 error    " + folder_of("drop_teams") +
                       "/migration.sql:1  table \"teams\": drop table: "
                       "its rows are lost [2 rows]"),
              std::string::npos)
        << out;
}

TEST_F(PgLint, GenerateAndPushPrintTheFindings) {
    step(kBase, "init", true);
    write_file(dir / "schema.sql", "CREATE TABLE teams (id integer PRIMARY KEY);\n"
                                   "CREATE TABLE users (id integer PRIMARY KEY, email varchar(10), team integer);\n");
    std::string out;
    // push --explain: the planned statements' findings, numbered as planned; nothing runs.
    ASSERT_EQ(run_kit(dir.path(),
                      {"push", "--explain", "--dialect", "postgresql", "--schema", "schema.sql", "--url", url()}, out),
              0)
        << out;
    EXPECT_NE(out.find("Lint of the planned statements:"), std::string::npos) << out;
    EXPECT_NE(out.find("DS105 error    statement 1  column \"users\".\"email\": narrowing type change text -> "
                       "varchar(10)"),
              std::string::npos)
        << out;
    EXPECT_NE(out.find("LK103 warning  statement 1"), std::string::npos) << out;
    // generate: the same findings for the migration it writes, after its own lines; exit 0.
    ASSERT_EQ(kit({"generate", "--schema", "schema.sql", "--name", "narrow"}, out), 0) << out;
    EXPECT_NE(out.find("DS105 error    " + folder_of("narrow") + "/migration.sql:1  column \"users\".\"email\""),
              std::string::npos)
        << out;
}

} // namespace
} // namespace drizzle::test
