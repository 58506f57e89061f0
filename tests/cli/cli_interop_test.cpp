// Interop: our generate continues drizzle-kit's own migration histories (0.31 and 1.0 layouts).
#include "support/test_support.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace fs = std::filesystem;
using namespace drizzle;

namespace {

// The schema of the fixtures' last step (07_rename_table_and_column.ts) in our DSL.
const char* kStep07 = R"(#pragma once
#include <drizzle/dsl/sqlite.hpp>
using namespace drizzle::sqlite;
inline const auto parent = sqlite_table("parent", {integer("id").primary_key()});
inline const auto t = sqlite_table("t2", {
    integer("id").primary_key(),
    real("a").not_null(),
    text("c"),
    integer("pid").references(parent["id"], {.on_delete = action::cascade}),
    text("d2").default_("x"),
EXTRA});
)";

class Interop : public ::testing::TestWithParam<std::string> {
protected:
    test::TempDir dir{"interop"};

    void SetUp() override {
        setenv("DRIZZLE_CACHE_DIR", (dir.path() / ".cache").c_str(), 1);
        fs::copy(test::fixture("drizzle-kit/sqlite/" + GetParam() + "/steps/drizzle"), dir / "drizzle",
                 fs::copy_options::recursive);
        test::write_file(dir / "drizzle.config.json",
                         R"({"dialect":"sqlite","schema":"./schema.hpp","out":"./drizzle","dbCredentials":{"url":"./local.db"}})");
    }

    void write_schema(const std::string& extra) {
        std::string text = kStep07;
        text.replace(text.find("EXTRA"), 5, extra);
        test::write_file(dir / "schema.hpp", text);
    }

    int kit(const std::string& args, std::string& output) {
        return test::run_command("cd '" + dir.path().string() + "' && '" DRIZZLE_KIT_EXE "' " + args + " </dev/null",
                                 output);
    }

    size_t file_count() {
        size_t n = 0;
        for (const auto& entry : fs::recursive_directory_iterator(dir / "drizzle")) n += entry.is_regular_file();
        return n;
    }
};

TEST_P(Interop, SameSchemaAsTheHistoryGeneratesNothing) {
    write_schema("");
    const size_t before = file_count();
    std::string out;
    ASSERT_EQ(kit("generate", out), 0) << out;
    EXPECT_NE(out.find("No schema changes"), std::string::npos) << out;
    EXPECT_EQ(file_count(), before);
}

TEST_P(Interop, OneChangeWritesOnlyThatChangeInTheFoldersOwnLayout) {
    write_schema("    text(\"e\"),\n");
    std::string out;
    ASSERT_EQ(kit("generate --name add_e", out), 0) << out;
    if (GetParam() == "v031") {
        EXPECT_EQ(test::read_file(dir / "drizzle/0008_add_e.sql"), "ALTER TABLE `t2` ADD `e` text;");
        auto journal = nlohmann::json::parse(test::read_file(dir / "drizzle/meta/_journal.json"));
        ASSERT_EQ(journal["entries"].size(), 9u);
        EXPECT_EQ(journal["entries"][8]["tag"], "0008_add_e");
        EXPECT_EQ(journal["entries"][8]["version"], "6");
        auto prev = nlohmann::json::parse(test::read_file(dir / "drizzle/meta/0007_snapshot.json"));
        auto next = nlohmann::json::parse(test::read_file(dir / "drizzle/meta/0008_snapshot.json"));
        EXPECT_EQ(next["prevId"], prev["id"]);
        EXPECT_EQ(next["version"], "6");
        EXPECT_TRUE(next["tables"]["t2"]["columns"].contains("e"));
    } else {
        std::vector<fs::path> dirs;
        for (const auto& entry : fs::directory_iterator(dir / "drizzle")) dirs.push_back(entry.path());
        std::sort(dirs.begin(), dirs.end());
        ASSERT_EQ(dirs.size(), 9u);
        EXPECT_EQ(test::read_file(dirs.back() / "migration.sql"), "ALTER TABLE `t2` ADD `e` text;");
        auto prev = nlohmann::json::parse(test::read_file(dirs[7] / "snapshot.json"));
        auto next = nlohmann::json::parse(test::read_file(dirs.back() / "snapshot.json"));
        EXPECT_EQ(next["prevIds"][0], prev["id"]);
        EXPECT_EQ(next["version"], "7");
    }
    // The extended folder still migrates from scratch, drizzle-kit's migrations and ours alike.
    ASSERT_EQ(kit("migrate", out), 0) << out;
    std::string columns;
    test::run_command("sqlite3 '" + (dir / "local.db").string() + "' \"SELECT group_concat(name) FROM pragma_table_info('t2')\"", columns);
    EXPECT_EQ(columns, "id,a,c,pid,d2,e\n");
}

// `.unique()` is what each drizzle-kit generation makes of it: 0.31 a named unique index (its
// snapshots know no unique constraints), 1.0 a UNIQUE constraint on the column. Either way a
// later table rename migrates, the constraint keeps working, and nothing is left to generate.
TEST_P(Interop, UniqueFollowsTheFoldersGenerationThroughATableRename) {
    const bool legacy = GetParam() == "v031";
    write_schema("    text(\"e\").unique(),\n");
    std::string out;
    ASSERT_EQ(kit("generate --name unique_e", out), 0) << out;
    auto newest_sql = [&]() {
        std::vector<fs::path> files;
        for (const auto& entry : fs::recursive_directory_iterator(dir / "drizzle")) {
            if (entry.path().extension() == ".sql") files.push_back(entry.path());
        }
        std::sort(files.begin(), files.end());
        return test::read_file(files.back());
    };
    std::string sql = newest_sql();
    if (legacy) {
        EXPECT_NE(sql.find("CREATE UNIQUE INDEX `t2_e_unique` ON `t2` (`e`);"), std::string::npos) << sql;
        auto snapshot = nlohmann::json::parse(test::read_file(dir / "drizzle/meta/0008_snapshot.json"));
        EXPECT_EQ(snapshot["tables"]["t2"]["indexes"]["t2_e_unique"]["isUnique"], true);
    } else {
        EXPECT_NE(sql.find("\t`e` text UNIQUE,\n"), std::string::npos) << sql;
        EXPECT_EQ(sql.find("CREATE UNIQUE INDEX"), std::string::npos) << sql;
    }
    ASSERT_EQ(kit("migrate", out), 0) << out;
    auto sqlite = [&](const std::string& statement) {
        std::string output;
        const int code = test::run_command("sqlite3 '" + (dir / "local.db").string() + "' \"" + statement + "\"", output);
        return code;
    };
    EXPECT_EQ(sqlite("INSERT INTO t2 (id, a, e) VALUES (1, 1.5, 'x')"), 0);
    EXPECT_NE(sqlite("INSERT INTO t2 (id, a, e) VALUES (2, 2.5, 'x')"), 0) << "duplicate accepted";
    ASSERT_EQ(kit("generate", out), 0) << out;
    EXPECT_NE(out.find("No schema changes"), std::string::npos) << out;

    std::string renamed = kStep07;
    renamed.replace(renamed.find("\"t2\""), 4, "\"t3\"");
    renamed.replace(renamed.find("EXTRA"), 5, "    text(\"e\").unique(),\n");
    test::write_file(dir / "schema.hpp", renamed);
    test::write_file(dir / "answers.json", R"([{"type": "rename", "kind": "table", "from": ["t2"], "to": ["t3"]}])");
    ASSERT_EQ(kit("generate --name rename_t3 --answers answers.json", out), 0) << out;
    sql = newest_sql();
    if (legacy) {
        // 0.31 derives the index name from the table, and it is a real index: renamed by drop + create.
        EXPECT_NE(sql.find("DROP INDEX `t2_e_unique`;"), std::string::npos) << sql;
    } else {
        EXPECT_EQ(sql, "ALTER TABLE `t2` RENAME TO `t3`;");
    }
    ASSERT_EQ(kit("migrate", out), 0) << out;
    EXPECT_NE(sqlite("INSERT INTO t3 (id, a, e) VALUES (3, 3.5, 'x')"), 0) << "duplicate accepted after the rename";
    EXPECT_EQ(sqlite("INSERT INTO t3 (id, a, e) VALUES (3, 3.5, 'y')"), 0);
    ASSERT_EQ(kit("generate --answers answers.json", out), 0) << out;
    EXPECT_NE(out.find("No schema changes"), std::string::npos) << out;
}

INSTANTIATE_TEST_SUITE_P(Layouts, Interop, ::testing::Values("v031", "v1"));

}  // namespace
