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

INSTANTIATE_TEST_SUITE_P(Layouts, Interop, ::testing::Values("v031", "v1"));

}  // namespace
