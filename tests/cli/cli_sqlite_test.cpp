// End-to-end: the drizzle-kit executable on real files, C++ schema headers and SQLite databases.
#include "support/test_support.hpp"

#include "drizzle/dialect/sqlite_connection.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <regex>

namespace fs = std::filesystem;
using namespace drizzle;

namespace {

const char* kSchemaV1 = R"(#pragma once
#include <drizzle/dsl/sqlite.hpp>
using namespace drizzle::sqlite;
inline const auto users = sqlite_table("users", {
    integer("id").primary_key({.auto_increment = true}),
    text("name").not_null(),
    text("email").unique(),
});
)";

class Cli : public ::testing::Test {
protected:
    test::TempDir dir{"cli"};

    void SetUp() override {
        // Each test gets its own exporter cache, so cold and cached builds are observable.
        setenv("DRIZZLE_CACHE_DIR", (dir.path() / ".cache").c_str(), 1);
        write_config(R"({"dialect": "sqlite", "schema": "./src/schema.hpp", "out": "./drizzle",
                         "dbCredentials": {"url": "./local.db"}})");
    }

    void write_config(const std::string& json) { test::write_file(dir / "drizzle.config.json", json); }
    void write_schema(const std::string& text) { test::write_file(dir / "src/schema.hpp", text); }

    int kit(const std::string& args, std::string& output) {
        return test::run_command("cd '" + dir.path().string() + "' && '" DRIZZLE_KIT_EXE "' " + args + " </dev/null",
                                 output);
    }

    std::vector<fs::path> migration_dirs() {
        std::vector<fs::path> dirs;
        if (!fs::exists(dir / "drizzle")) return dirs;
        for (const auto& entry : fs::directory_iterator(dir / "drizzle")) {
            if (entry.is_directory()) dirs.push_back(entry.path());
        }
        std::sort(dirs.begin(), dirs.end());
        return dirs;
    }

    std::vector<Row> query(const std::string& sql) {
        auto db = sqlite::SqliteConnection::open((dir / "local.db").string());
        return db->query(sql);
    }
};

TEST_F(Cli, GenerateThenMigrateFromACppHeader) {
    write_schema(kSchemaV1);
    std::string out;
    ASSERT_EQ(kit("generate --name init", out), 0) << out;
    EXPECT_NE(out.find("Read the schema headers without compiling: schema.hpp"), std::string::npos) << out;
    auto dirs = migration_dirs();
    ASSERT_EQ(dirs.size(), 1u);
    EXPECT_TRUE(std::regex_match(dirs[0].filename().string(), std::regex(R"(\d{14}_init)")));
    // `.unique()` is a UNIQUE constraint written on its column, as drizzle-kit 1.0 writes it.
    EXPECT_EQ(test::read_file(dirs[0] / "migration.sql"),
              "CREATE TABLE `users` (\n\t`id` integer PRIMARY KEY AUTOINCREMENT,\n\t`name` text NOT NULL,\n"
              "\t`email` text UNIQUE\n);\n");
    EXPECT_NE(test::read_file(dirs[0] / "snapshot.json").find("\"version\": \"7\""), std::string::npos);

    ASSERT_EQ(kit("migrate", out), 0) << out;
    auto rows = query("SELECT name, hash FROM __drizzle_migrations");
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(*rows[0][0], dirs[0].filename().string());
    EXPECT_EQ(query("SELECT name FROM sqlite_schema WHERE name = 'users'").size(), 1u);

    // Unchanged schema: nothing to generate, nothing written.
    ASSERT_EQ(kit("generate", out), 0) << out;
    EXPECT_NE(out.find("No schema changes"), std::string::npos) << out;
    EXPECT_EQ(migration_dirs().size(), 1u);

    // A change: one new migration with only that change.
    std::string changed = kSchemaV1;
    changed.replace(changed.find("    text(\"email\")"), 0, "    integer(\"age\"),\n");
    write_schema(changed);
    ASSERT_EQ(kit("generate --name add_age", out), 0) << out;
    dirs = migration_dirs();
    ASSERT_EQ(dirs.size(), 2u);
    EXPECT_EQ(test::read_file(dirs[1] / "migration.sql"), "ALTER TABLE `users` ADD `age` integer;");
    ASSERT_EQ(kit("migrate", out), 0) << out;
    EXPECT_EQ(query("SELECT count(*) FROM __drizzle_migrations")[0][0], "2");
}

TEST_F(Cli, ChangedIncludedHeaderInvalidatesTheExporterCache) {
    test::write_file(dir / "src/columns.hpp", "#pragma once\n#define EXTRA_COLUMN text(\"a\"),\n");
    write_schema("#pragma once\n#include \"columns.hpp\"\n#include <drizzle/dsl/sqlite.hpp>\n"
                 "using namespace drizzle::sqlite;\n"
                 "inline const auto t = sqlite_table(\"t\", {integer(\"id\").primary_key(), EXTRA_COLUMN});\n");
    std::string out;
    ASSERT_EQ(kit("export", out), 0) << out;
    EXPECT_NE(out.find("`a` text"), std::string::npos) << out;
    test::write_file(dir / "src/columns.hpp", "#pragma once\n#define EXTRA_COLUMN text(\"b\"),\n");
    ASSERT_EQ(kit("export", out), 0) << out;
    EXPECT_NE(out.find("`b` text"), std::string::npos) << out;
}

TEST_F(Cli, SchemaCompileErrorShowsTheUsersFileAndLineAndWritesNothing) {
    write_schema("#pragma once\n#include <drizzle/dsl/sqlite.hpp>\nusing namespace drizzle::sqlite;\n"
                 "inline const auto t = sqlite_table(\"t\", {integer(\"id\").primary_kye()});\n");
    std::string out;
    EXPECT_EQ(kit("generate", out), 4) << out;
    EXPECT_NE(out.find("schema.hpp:4"), std::string::npos) << out;
    EXPECT_FALSE(fs::exists(dir / "drizzle")) << "nothing may be written";
}

TEST_F(Cli, InvalidSchemaIsReportedWithEveryProblem) {
    write_schema("#pragma once\n#include <drizzle/dsl/sqlite.hpp>\nusing namespace drizzle::sqlite;\n"
                 "inline const auto t = sqlite_table(\"t\", {integer(\"id\"), integer(\"id\"),\n"
                 "    integer(\"pid\").references(ref(\"missing\", \"id\"))});\n");
    std::string out;
    EXPECT_EQ(kit("generate", out), 3) << out;
    EXPECT_NE(out.find("column \"id\": declared twice"), std::string::npos) << out;
    EXPECT_NE(out.find("references table \"missing\""), std::string::npos) << out;
    // The compiler's check of the table places the duplicate at its line first.
    EXPECT_NE(out.find("schema.hpp:4:23: table \"t\": column \"id\" is declared twice\n"), std::string::npos) << out;
    EXPECT_FALSE(fs::exists(dir / "drizzle"));
}

TEST_F(Cli, BadConfigNamesTheFileAndWritesNothing) {
    write_schema(kSchemaV1);
    write_config("{\"dialect\": \"sqlite\",\n \"out\": }");
    std::string out;
    EXPECT_EQ(kit("generate", out), 3) << out;
    EXPECT_NE(out.find("drizzle.config.json"), std::string::npos) << out;
    EXPECT_FALSE(fs::exists(dir / "drizzle"));

    write_config(R"({"dialect": "oracle", "schema": "./src/schema.hpp"})");
    EXPECT_EQ(kit("generate", out), 3) << out;
    EXPECT_NE(out.find("oracle"), std::string::npos) << out;
    EXPECT_FALSE(fs::exists(dir / "drizzle"));
}

TEST_F(Cli, BadSnapshotNamesTheFileAndWritesNothing) {
    write_schema(kSchemaV1);
    std::string out;
    ASSERT_EQ(kit("generate --name init", out), 0) << out;
    auto snapshot = migration_dirs()[0] / "snapshot.json";
    test::write_file(snapshot, "{\"version\": \"7\", \"dialect\": \"sqlite\", \"ddl\": [ {\"entityType\": 5} ]}");
    write_schema(std::string(kSchemaV1) + "inline const auto u2 = sqlite_table(\"u2\", {integer(\"id\")});\n");
    EXPECT_EQ(kit("generate --name second", out), 3) << out;
    EXPECT_NE(out.find("snapshot.json"), std::string::npos) << out;
    EXPECT_EQ(migration_dirs().size(), 1u);
}

TEST_F(Cli, RenameWithoutTerminalExitsTwoWithQuestionsThenAnswersReplay) {
    write_schema(kSchemaV1);
    std::string out;
    ASSERT_EQ(kit("generate --name init", out), 0) << out;
    std::string renamed = kSchemaV1;
    renamed.replace(renamed.find("text(\"name\")"), 12, "text(\"full_name\")");
    write_schema(renamed);
    EXPECT_EQ(kit("generate --name rename", out), 2) << out;
    EXPECT_NE(out.find("\"missing_hints\""), std::string::npos) << out;
    EXPECT_NE(out.find("\"full_name\""), std::string::npos) << out;
    EXPECT_EQ(migration_dirs().size(), 1u);

    test::write_file(dir / "answers.json",
                     R"([{"type":"rename","kind":"column","from":["users","name"],"to":["users","full_name"]}])");
    ASSERT_EQ(kit("generate --name rename --answers answers.json", out), 0) << out;
    auto dirs = migration_dirs();
    ASSERT_EQ(dirs.size(), 2u);
    EXPECT_EQ(test::read_file(dirs[1] / "migration.sql"),
              "ALTER TABLE `users` RENAME COLUMN `name` TO `full_name`;");
    EXPECT_NE(test::read_file(dirs[1] / "snapshot.json").find("\"users.name->users.full_name\""), std::string::npos);

    // The decisions are kept with the migration and replay as answers.
    ASSERT_TRUE(fs::exists(dirs[1] / "decisions.json"));
    fs::copy_file(dirs[1] / "decisions.json", dir / "replay.json");
    fs::remove_all(dirs[1]);
    ASSERT_EQ(kit("generate --name replayed --answers replay.json", out), 0) << out;
    dirs = migration_dirs();
    ASSERT_EQ(dirs.size(), 2u);
    EXPECT_EQ(test::read_file(dirs[1] / "migration.sql"),
              "ALTER TABLE `users` RENAME COLUMN `name` TO `full_name`;");
    EXPECT_EQ(kit("generate --answers missing.json", out), 3) << out;
}

TEST_F(Cli, OnATerminalRenamesAreAsked) {
    write_schema(kSchemaV1);
    std::string out;
    ASSERT_EQ(kit("generate --name init", out), 0) << out;
    std::string renamed = kSchemaV1;
    renamed.replace(renamed.find("\"users\""), 7, "\"members\"");
    write_schema(renamed);
    // script(1) gives the CLI a pseudo-terminal; "2" picks "rename" for the one question.
    ASSERT_EQ(test::run_command("cd '" + dir.path().string() + "' && printf '2\\n' | script -qec '" DRIZZLE_KIT_EXE
                                " generate --name rename' /dev/null",
                                out),
              0)
        << out;
    EXPECT_NE(out.find("Is members table created or renamed from another table?"), std::string::npos) << out;
    EXPECT_NE(out.find("~ users › members table will be renamed"), std::string::npos) << out;
    auto dirs = migration_dirs();
    ASSERT_EQ(dirs.size(), 2u);
    // The UNIQUE constraint moves with its table: SQLite has no index of that name to drop.
    EXPECT_EQ(test::read_file(dirs[1] / "migration.sql"), "ALTER TABLE `users` RENAME TO `members`;");
    ASSERT_EQ(kit("migrate", out), 0) << out;
    auto db = sqlite::SqliteConnection::open((dir / "local.db").string());
    db->exec("INSERT INTO members (name, email) VALUES ('a', 'a@x')");
    EXPECT_THROW(db->exec("INSERT INTO members (name, email) VALUES ('b', 'a@x')"), std::exception);
    EXPECT_THROW(db->exec("INSERT INTO members (id, name) VALUES (NULL, NULL)"), std::exception);
    ASSERT_EQ(kit("generate", out), 0) << out;
    EXPECT_NE(out.find("No schema changes"), std::string::npos) << out;
}

TEST_F(Cli, CustomMigrationIsEmptyWithACopiedSnapshot) {
    write_schema(kSchemaV1);
    std::string out;
    ASSERT_EQ(kit("generate --name init", out), 0) << out;
    ASSERT_EQ(kit("generate --custom --name seed", out), 0) << out;
    auto dirs = migration_dirs();
    ASSERT_EQ(dirs.size(), 2u);
    EXPECT_EQ(test::read_file(dirs[1] / "migration.sql"), "-- Custom SQL migration file, put your code below! --");
    test::write_file(dirs[1] / "migration.sql", "INSERT INTO users (name) VALUES ('seeded');");
    ASSERT_EQ(kit("migrate", out), 0) << out;
    EXPECT_EQ(query("SELECT name FROM users")[0][0], "seeded");
}

TEST_F(Cli, ExportPrintsTheWholeSchema) {
    write_schema(kSchemaV1);
    std::string out;
    ASSERT_EQ(kit("export", out), 0) << out;
    EXPECT_EQ(out,
              "CREATE TABLE `users` (\n\t`id` integer PRIMARY KEY AUTOINCREMENT,\n\t`name` text NOT NULL,\n"
              "\t`email` text UNIQUE\n);\n\n");
}

TEST_F(Cli, ParentRebuildKeepsCascadeChildren) {
    const std::string base = R"(#pragma once
#include <drizzle/dsl/sqlite.hpp>
using namespace drizzle::sqlite;
inline const auto parent = sqlite_table("parent", {integer("id").primary_key(), integer("x")});
inline const auto child = sqlite_table("child", {
    integer("id").primary_key(),
    integer("pid").references(parent["id"], {.on_delete = action::cascade}),
});
)";
    write_schema(base);
    std::string out;
    ASSERT_EQ(kit("generate --name init", out), 0) << out;
    ASSERT_EQ(kit("migrate", out), 0) << out;
    {
        auto db = sqlite::SqliteConnection::open((dir / "local.db").string());
        db->exec("INSERT INTO parent VALUES (1, 1), (2, 2); INSERT INTO child VALUES (1, 1), (2, 1), (3, 2);");
    }
    std::string changed = base;
    changed.replace(changed.find("integer(\"x\")"), 12, "text(\"x\")");
    write_schema(changed);
    ASSERT_EQ(kit("generate --name retype", out), 0) << out;
    EXPECT_NE(test::read_file(migration_dirs()[1] / "migration.sql").find("DROP TABLE `parent`;"), std::string::npos);
    ASSERT_EQ(kit("migrate", out), 0) << out;
    EXPECT_EQ(query("SELECT count(*) FROM child")[0][0], "3") << "drizzle-kit #1813: children must survive";
    EXPECT_EQ(query("SELECT count(*) FROM parent")[0][0], "2");
}

TEST_F(Cli, TsConfigIsReadToo) {
    fs::remove(dir / "drizzle.config.json");
    test::write_file(dir / "drizzle.config.ts", R"(import { defineConfig } from "drizzle-kit";
export default defineConfig({
  dialect: "sqlite",
  schema: "./src/schema.hpp",
  out: "./migrations",
  dbCredentials: { url: process.env.DB_FILE ?? "./ts.db" },
});
)");
    write_schema(kSchemaV1);
    std::string out;
    ASSERT_EQ(kit("generate --name init", out), 0) << out;
    EXPECT_TRUE(fs::exists(dir / "migrations"));
    ASSERT_EQ(kit("migrate", out), 0) << out;
    EXPECT_TRUE(fs::exists(dir / "ts.db"));
}

TEST_F(Cli, HelpListsCommandsFlagsAndExitCodes) {
    std::string out;
    EXPECT_EQ(kit("--help", out), 0);
    for (const char* word : {"generate", "migrate", "export", "Exit codes"}) {
        EXPECT_NE(out.find(word), std::string::npos) << word << "\n" << out;
    }
    EXPECT_EQ(kit("generate --help", out), 0);
    for (const char* flag : {"--name", "--custom", "--answers", "--config", "--schema", "--out"}) {
        EXPECT_NE(out.find(flag), std::string::npos) << flag << "\n" << out;
    }
    EXPECT_EQ(kit("migrate --help", out), 0);
    EXPECT_NE(out.find("--tx-mode"), std::string::npos) << out;
    EXPECT_EQ(kit("frobnicate", out), 3) << out;
}

}  // namespace
