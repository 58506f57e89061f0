// The real drizzle-kit binary on bad input: each message names the file, line or object, with the right exit code.
#include "support/test_support.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

namespace fs = std::filesystem;
using namespace drizzle;

namespace {

class CliMessages : public ::testing::Test {
protected:
    test::TempDir dir{"cli-messages"};

    void SetUp() override { setenv("DRIZZLE_CACHE_DIR", (dir.path() / ".cache").c_str(), 1); }

    int kit(const std::string& args, std::string& output, const std::string& env = "") {
        return test::run_command("cd '" + dir.path().string() + "' && env " + env + " '" DRIZZLE_KIT_EXE "' " + args +
                                     " </dev/null",
                                 output);
    }

    static std::size_t count(const std::string& text, const std::string& what) {
        std::size_t n = 0;
        for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
        return n;
    }

    // drizzle-kit's own fixture folders, copied so a test may edit them.
    fs::path fixture_folder(const std::string& relative, const std::string& name) {
        const fs::path to = dir / name;
        fs::copy(test::fixture("drizzle-kit/" + relative), to, fs::copy_options::recursive);
        return to;
    }
};

// (a) Latin-1 bytes in a .sql source, for both dialects and every command reading a schema:
// the file, line and column of each bad line; nothing written. The PostgreSQL rename question
// used to die in the JSON writer (json.exception.type_error.316).
TEST_F(CliMessages, InvalidUtf8InASqlSourceNamesFileLineAndColumn) {
    test::write_file(dir / "bad.sql", "CREATE TABLE t (\n  id integer,\n  name text DEFAULT 'caf\xE9'\n);\n"
                                      "CREATE VIEW v AS SELECT '\xFF' AS x;\n");
    for (const std::string dialect : {"sqlite", "postgresql"}) {
        for (const std::string command : {"generate --out ./out", "export", "push --url ./p.db"}) {
            if (dialect == "postgresql" && command.starts_with("push")) continue;  // needs a server: see the pg tier
            std::string output;
            EXPECT_EQ(kit(command + " --dialect " + dialect + " --schema bad.sql", output), 3) << output;
            EXPECT_NE(output.find("bad.sql:3:25: invalid UTF-8 (byte 0xE9)"), std::string::npos) << output;
            EXPECT_NE(output.find("bad.sql:5:26: invalid UTF-8 (byte 0xFF)"), std::string::npos) << output;
            EXPECT_EQ(output.find("json.exception"), std::string::npos) << output;
        }
    }
    EXPECT_FALSE(fs::exists(dir / "out"));
    EXPECT_FALSE(fs::exists(dir / "p.db"));

    // The rename question of a table whose new name is not UTF-8.
    test::write_file(dir / "a.sql", "CREATE TABLE a (id integer);\n");
    test::write_file(dir / "b.sql", "CREATE TABLE \"b\xE9\" (id integer);\n");
    std::string output;
    ASSERT_EQ(kit("generate --dialect postgresql --schema a.sql --out ./pg", output), 0) << output;
    EXPECT_EQ(kit("generate --dialect postgresql --schema b.sql --out ./pg", output), 3) << output;
    EXPECT_NE(output.find("b.sql:1:16: invalid UTF-8"), std::string::npos) << output;
    EXPECT_EQ(output.find("json.exception"), std::string::npos) << output;
}

// (b) A string default that is not UTF-8, from a C++ header: refused naming table and column,
// instead of a snapshot holding U+FFFD that makes every later generate re-emit the default.
TEST_F(CliMessages, InvalidUtf8DefaultInAHeaderNamesTableAndColumn) {
    test::write_file(dir / "schema.hpp", "#pragma once\n#include <drizzle/dsl/sqlite.hpp>\n"
                                         "using namespace drizzle::sqlite;\n"
                                         "inline const auto t = sqlite_table(\"t\", {\n"
                                         "    integer(\"id\").primary_key(),\n"
                                         "    text(\"name\").default_(\"caf\\xE9\"),\n"
                                         "});\n");
    std::string output;
    EXPECT_EQ(kit("generate --dialect sqlite --schema schema.hpp --out ./out", output), 3) << output;
    EXPECT_NE(output.find("table \"t\", column \"name\": the default holds bytes that are not UTF-8 (0xE9"),
              std::string::npos)
        << output;
    EXPECT_FALSE(fs::exists(dir / "out"));

    // Written as UTF-8, it is generated once and then stable.
    test::write_file(dir / "schema.hpp", test::read_file(dir / "schema.hpp").replace(
                                             test::read_file(dir / "schema.hpp").find("caf\\xE9"), 7, "caf\xC3\xA9"));
    ASSERT_EQ(kit("generate --dialect sqlite --schema schema.hpp --out ./out", output), 0) << output;
    ASSERT_EQ(kit("generate --dialect sqlite --schema schema.hpp --out ./out", output), 0) << output;
    EXPECT_NE(output.find("No schema changes"), std::string::npos) << output;
}

// (c) A snapshot whose "dialect" contradicts its content: what the file holds, what it claims,
// and the config's dialect, instead of `"prevId" is missing`.
TEST_F(CliMessages, SnapshotWithTheWrongDialectSaysWhatItHolds) {
    const fs::path out = fixture_folder("sqlite/v1/steps/drizzle", "out");
    fs::path newest;
    for (const auto& entry : fs::directory_iterator(out)) {
        if (entry.is_directory() && entry.path() > newest) newest = entry.path();
    }
    std::string snapshot = test::read_file(newest / "snapshot.json");
    snapshot.replace(snapshot.find("\"dialect\": \"sqlite\""), 19, "\"dialect\": \"postgresql\"");
    test::write_file(newest / "snapshot.json", snapshot);
    test::write_file(dir / "s.sql", "CREATE TABLE z (id integer);\n");
    std::string output;
    EXPECT_EQ(kit("generate --dialect postgresql --schema s.sql --out ./out", output), 3) << output;
    EXPECT_NE(output.find((newest / "snapshot.json").string() + ": \"dialect\" says \"postgresql\", but the file "
                                                                "holds a sqlite snapshot"),
              std::string::npos)
        << output;
    EXPECT_NE(output.find("the config's dialect is postgresql"), std::string::npos) << output;
    EXPECT_EQ(output.find("prevId"), std::string::npos) << output;
}

// (d) An unset process.env variable in a .ts config: named with the config file and line in the
// error that follows from the missing key, and as a warning on every command for keys that
// otherwise fall back silently (here `out`).
TEST_F(CliMessages, UnsetProcessEnvIsNamed) {
    test::write_file(dir / "drizzle.config.ts", "import { defineConfig } from 'drizzle-kit';\n"
                                                "export default defineConfig({\n"
                                                "  dialect: 'sqlite',\n"
                                                "  schema: './s.sql',\n"
                                                "  dbCredentials: { url: process.env.DRIZZLE_TEST_UNSET_DB! },\n"
                                                "  out: `${process.env.DRIZZLE_TEST_UNSET_OUT}/migrations`,\n"
                                                "});\n");
    test::write_file(dir / "s.sql", "CREATE TABLE z (id integer);\n");
    test::write_file(dir / "drizzle/20250101000000_a/migration.sql", "CREATE TABLE z (id integer);\n");
    const std::string config = (dir / "drizzle.config.ts").string();
    const std::string unset = "-u DRIZZLE_TEST_UNSET_DB -u DRIZZLE_TEST_UNSET_OUT";
    for (const std::string command : {"migrate", "push", "pull"}) {
        std::string output;
        EXPECT_EQ(kit(command, output, unset), 3) << output;
        EXPECT_NE(output.find("dbCredentials.url is required"), std::string::npos) << output;
        EXPECT_NE(output.find("; process.env.DRIZZLE_TEST_UNSET_DB (" + config + ":5:"), std::string::npos) << output;
        EXPECT_NE(output.find(" is not set"), std::string::npos) << output;
    }
    for (const std::string command : {"generate", "export", "migrate", "push", "pull"}) {
        std::string output;
        kit(command, output, unset);
        EXPECT_NE(output.find("warning: " + config + ":6:"), std::string::npos) << command << "\n" << output;
        EXPECT_NE(output.find("process.env.DRIZZLE_TEST_UNSET_OUT is not set (in the environment), so 'out' is left "
                              "out"),
                  std::string::npos)
            << command << "\n" << output;
    }
    // A fallback that gives a value is no problem.
    test::write_file(dir / "drizzle.config.ts", "export default {\n  dialect: 'sqlite',\n  schema: './s.sql',\n"
                                                "  dbCredentials: { url: process.env.DRIZZLE_TEST_UNSET_DB ?? './x.db' },\n"
                                                "};\n");
    std::string output;
    EXPECT_EQ(kit("export", output, unset), 0) << output;
    EXPECT_EQ(output.find("DRIZZLE_TEST_UNSET_DB"), std::string::npos) << output;
}

// (e) Misspelt config keys: a warning with the nearest known key, on every command.
TEST_F(CliMessages, UnknownConfigKeysSuggestTheNearestKnownOne) {
    test::write_file(dir / "drizzle.config.json",
                     R"({"dialect": "sqlite", "schema": "./s.sql", "otu": "./out", "migrationsTable": "m",
                         "dbCredentials": {"url": "./x.db", "pasword": "x"}})");
    test::write_file(dir / "s.sql", "CREATE TABLE z (id integer);\n");
    for (const std::string command : {"generate", "export", "migrate", "push", "pull"}) {
        std::string output;
        kit(command, output);
        EXPECT_NE(output.find("warning: unknown key 'otu' in " + (dir / "drizzle.config.json").string() +
                              " (ignored); did you mean 'out'?"),
                  std::string::npos)
            << command << "\n" << output;
        EXPECT_NE(output.find("did you mean 'migrations.table'?"), std::string::npos) << command << "\n" << output;
        EXPECT_NE(output.find("unknown key 'dbCredentials.pasword'"), std::string::npos) << command << "\n" << output;
        EXPECT_NE(output.find("did you mean 'dbCredentials.password'?"), std::string::npos) << command << "\n" << output;
        EXPECT_EQ(count(output, "unknown key 'otu'"), 1u) << command << "\n" << output;
    }
}

// (f) A 0.x journal of another dialect: both named, before the database is opened or created.
TEST_F(CliMessages, JournalOfAnotherDialectIsRefusedNamingBoth) {
    const fs::path out = fixture_folder("postgresql/v031/steps/drizzle", "out");
    test::write_file(dir / "s.sql", "CREATE TABLE z (id integer);\n");
    const std::string expected = (out / "meta/_journal.json").string() +
                                 ": this migrations folder was written for \"dialect\": \"postgresql\", but the "
                                 "config's dialect is \"sqlite\"";
    for (const std::string command : {"migrate --url ./x.db", "generate --schema s.sql", "pull --url ./x.db"}) {
        std::string output;
        EXPECT_EQ(kit(command + " --dialect sqlite --out ./out", output), 3) << output;
        EXPECT_NE(output.find(expected), std::string::npos) << command << "\n" << output;
    }
    EXPECT_FALSE(fs::exists(dir / "x.db"));
    // "turso" is SQLite's: a sqlite journal is fine for it.
    fixture_folder("sqlite/v031/steps/drizzle", "lite");
    std::string output;
    EXPECT_EQ(kit("migrate --dialect turso --url ./t.db --out ./lite", output), 0) << output;
}

// (g) A failing statement of a migration is printed once, inside the message that says where.
TEST_F(CliMessages, FailingStatementIsPrintedOnce) {
    test::write_file(dir / "out/20250101000000_a/migration.sql",
                     "CREATE TABLE a (x integer);\n--> statement-breakpoint\nCREATE TABLE a_broken (x integer,);\n");
    std::string output;
    EXPECT_EQ(kit("migrate --dialect sqlite --url ./x.db --out ./out", output), 1) << output;
    EXPECT_NE(output.find("while applying 20250101000000_a"), std::string::npos) << output;
    EXPECT_EQ(count(output, "CREATE TABLE a_broken (x integer,);"), 1u) << output;
}

// (i) A command that fails after opening a new SQLite file leaves no 0-byte database behind.
TEST_F(CliMessages, FailedCommandsLeaveNoEmptyDatabase) {
    test::write_file(dir / "badjournal/meta/_journal.json", "{bad");
    fs::create_directories(dir / "nosql/20250101000000_x");
    std::string output;
    EXPECT_EQ(kit("migrate --dialect sqlite --url ./a.db --out ./badjournal", output), 3) << output;
    EXPECT_EQ(kit("migrate --dialect sqlite --url ./b.db --out ./nosql", output), 3) << output;
    for (const char* file : {"a.db", "b.db"}) EXPECT_FALSE(fs::exists(dir / file)) << file;
    // An existing empty file is the user's: kept.
    test::write_file(dir / "mine.db", "");
    EXPECT_EQ(kit("migrate --dialect sqlite --url ./mine.db --out ./nosql", output), 3) << output;
    EXPECT_TRUE(fs::exists(dir / "mine.db"));
}

// (j) "turso": local files work as SQLite; a remote URL is refused saying what is supported;
// libSQL-only statements are named as such.
TEST_F(CliMessages, TursoRemoteUrlsAndLibsqlStatementsAreNamed) {
    test::write_file(dir / "drizzle.config.json",
                     R"({"dialect": "turso", "schema": "./s.sql",
                         "dbCredentials": {"url": "libsql://my-db.turso.io?authToken=Sekr3tT0ken", "authToken": "Sekr3tT0ken"}})");
    test::write_file(dir / "s.sql", "CREATE TABLE z (id integer);\n");
    // A folder to migrate, so migrate gets as far as the URL (a missing folder is reported first).
    {
        std::string output;
        ASSERT_EQ(kit("generate", output), 0) << output;
    }
    for (const std::string command : {"migrate", "push", "pull"}) {
        std::string output;
        EXPECT_EQ(kit(command, output), 3) << output;
        EXPECT_NE(output.find("is a remote libSQL (Turso) database"), std::string::npos) << output;
        EXPECT_NE(output.find("dialects sqlite and postgresql"), std::string::npos) << output;
        EXPECT_EQ(output.find("Sekr3t"), std::string::npos) << output;
    }
    std::string output;
    EXPECT_EQ(kit("generate", output), 0) << output;
    EXPECT_FALSE(fs::exists(dir / "libsql:"));

    // drizzle-kit's turso dialect writes ALTER COLUMN ... TO, which SQLite cannot run.
    test::write_file(dir / "lib/20250101000000_a/migration.sql",
                     "CREATE TABLE `users` (`code` text);\n--> statement-breakpoint\n"
                     "ALTER TABLE `users` ALTER COLUMN \"code\" TO \"code\" text NOT NULL;");
    EXPECT_EQ(kit("migrate --dialect turso --url ./lib.db --out ./lib", output), 1) << output;
    EXPECT_NE(output.find("ALTER TABLE ... ALTER COLUMN ... TO is libSQL (Turso) syntax, which SQLite does not have"),
              std::string::npos)
        << output;
    EXPECT_NE(output.find("drizzle-cpp supports the sqlite and postgresql dialects"), std::string::npos) << output;
    // ... and so does a .sql schema source holding it.
    test::write_file(dir / "lib.sql", "CREATE TABLE users (code text);\nALTER TABLE users ALTER COLUMN code TO code text NOT NULL;\n");
    EXPECT_EQ(kit("export --dialect turso --schema lib.sql", output), 3) << output;
    EXPECT_NE(output.find("lib.sql: near \"ALTER\": syntax error; ALTER TABLE ... ALTER COLUMN ... TO is libSQL"),
              std::string::npos)
        << output;
}

#ifdef DRIZZLE_HAVE_PG_QUERY
// (h) DO blocks in PostgreSQL .sql sources: why they are not schema, the statement to write
// instead for drizzle-kit's old wrapper, and every occurrence in every file.
TEST_F(CliMessages, DoBlocksAreExplainedInEveryFile) {
    const std::string first_migration =
        "CREATE TABLE \"users\" (\"id\" serial PRIMARY KEY);\n"
        "CREATE TABLE \"posts\" (\"id\" serial PRIMARY KEY, \"author\" integer);\n"
        "DO $$ BEGIN\n"
        " ALTER TABLE \"posts\" ADD CONSTRAINT \"posts_author_users_id_fk\" FOREIGN KEY (\"author\") REFERENCES "
        "\"public\".\"users\"(\"id\") ON DELETE no action ON UPDATE no action;\n"
        "EXCEPTION\n WHEN duplicate_object THEN null;\nEND $$;\n"
        "DO $$ BEGIN RAISE NOTICE 'hello'; END $$;\n";
    test::write_file(dir / "a.sql", first_migration);
    test::write_file(dir / "b.sql", first_migration);
    std::string output;
    EXPECT_EQ(kit("export --dialect postgresql --schema a.sql --schema b.sql", output), 3) << output;
    for (const std::string file : {"a.sql", "b.sql"}) {
        const std::string at = (dir / file).string();
        EXPECT_NE(output.find(at + ":3:1: DO blocks run PL/pgSQL code"), std::string::npos) << output;
        EXPECT_NE(output.find(at + ":8:1: DO blocks run PL/pgSQL code"), std::string::npos) << output;
    }
    EXPECT_EQ(count(output, "write the statement without it: ALTER TABLE \"posts\" ADD CONSTRAINT "
                            "\"posts_author_users_id_fk\""),
              2u)
        << output;
    EXPECT_EQ(count(output, "Write the DDL it runs as plain statements"), 2u) << output;
}
#endif

}  // namespace

namespace {

// A misspelt or missing command says so and lists the commands, instead of CLI11's "A subcommand
// is required"; a real command and the top-level --help / --version still parse.
TEST_F(CliMessages, UnknownOrMissingCommandListsTheCommands) {
    std::string output;
    EXPECT_EQ(kit("generte --out x", output), 3) << output;
    EXPECT_NE(output.find("error: unknown command \"generte\""), std::string::npos) << output;
    EXPECT_NE(output.find("Commands: generate, migrate, push, pull, export"), std::string::npos) << output;
    EXPECT_EQ(output.find("A subcommand is required"), std::string::npos) << output;

    EXPECT_EQ(kit("", output), 3) << output;
    EXPECT_NE(output.find("error: no command given"), std::string::npos) << output;

    EXPECT_EQ(kit("introspect --help", output), 0) << output; // an alias is a command
    EXPECT_EQ(kit("--version", output), 0) << output;
    EXPECT_EQ(kit("--help", output), 0) << output;
}

} // namespace
