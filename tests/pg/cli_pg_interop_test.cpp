// Interop on PostgreSQL: our generate continues drizzle-kit's own histories (0.31 and 1.0 layouts).
#include "support/test_support.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <cstdlib>

namespace fs = std::filesystem;
using namespace drizzle;

namespace {

// The fixtures' last step (08_create_drop.ts) in our DSL; EXTRA adds a column.
const char* kStep08 = R"SCHEMA(#pragma once
#include <drizzle/dsl/pg.hpp>
using namespace drizzle::pg::dsl;
inline const auto parent = pg_table("parent", {serial("id").primary_key()});
inline const auto t = pg_table("t2", {
    serial("id").primary_key(),
    bigint("a").not_null(),
    varchar("c2", {.length = 20}),
    integer("pid").references(parent["id"], {.on_delete = action::cascade}),
    text("d2").default_("x"),
EXTRA});
)SCHEMA";

class PgInterop : public ::testing::TestWithParam<std::string> {
protected:
    test::TempDir dir{"pg-interop"};

    void SetUp() override {
        setenv("DRIZZLE_CACHE_DIR", (dir.path() / ".cache").c_str(), 1);
        fs::copy(test::fixture("drizzle-kit/postgresql/" + GetParam() + "/steps/drizzle"), dir / "drizzle",
                 fs::copy_options::recursive);
        test::write_file(dir / "drizzle.config.json",
                         R"({"dialect":"postgresql","schema":"./schema.hpp","out":"./drizzle"})");
    }

    void write_schema(const std::string& extra) {
        std::string text = kStep08;
        text.replace(text.find("EXTRA"), 5, extra);
        test::write_file(dir / "schema.hpp", text);
    }

    int kit(const std::string& args, std::string& output) {
        return test::run_command("cd '" + dir.path().string() + "' && '" DRIZZLE_KIT_EXE "' " + args + " </dev/null",
                                 output);
    }
};

TEST_P(PgInterop, SameSchemaAsTheHistoryGeneratesNothing) {
    write_schema("");
    std::string out;
    ASSERT_EQ(kit("generate", out), 0) << out;
    EXPECT_NE(out.find("No schema changes"), std::string::npos) << out;
}

TEST_P(PgInterop, OneChangeWritesOnlyThatChange) {
    write_schema("    text(\"e\"),\n");
    std::string out;
    ASSERT_EQ(kit("generate --name add_e", out), 0) << out;
    const std::string expected = "ALTER TABLE \"t2\" ADD COLUMN \"e\" text;";
    if (GetParam() == "v031") {
        EXPECT_EQ(test::read_file(dir / "drizzle/0009_add_e.sql"), expected);
        auto journal = nlohmann::json::parse(test::read_file(dir / "drizzle/meta/_journal.json"));
        ASSERT_EQ(journal["entries"].size(), 10u);
        EXPECT_EQ(journal["entries"][9]["version"], "7");
        auto prev = nlohmann::json::parse(test::read_file(dir / "drizzle/meta/0008_snapshot.json"));
        auto next = nlohmann::json::parse(test::read_file(dir / "drizzle/meta/0009_snapshot.json"));
        EXPECT_EQ(next["prevId"], prev["id"]);
        EXPECT_TRUE(next["tables"]["public.t2"]["columns"].contains("e"));
    } else {
        std::vector<fs::path> dirs;
        for (const auto& entry : fs::directory_iterator(dir / "drizzle")) dirs.push_back(entry.path());
        std::sort(dirs.begin(), dirs.end());
        ASSERT_EQ(dirs.size(), 10u);
        EXPECT_EQ(test::read_file(dirs.back() / "migration.sql"), expected);
        auto next = test::read_file(dirs.back() / "snapshot.json");
        // drizzle-kit 1.0 kept the foreign key's name across the t -> t2 rename; so do we.
        EXPECT_NE(next.find("\"t_pid_parent_id_fkey\""), std::string::npos) << next;
    }
}

INSTANTIATE_TEST_SUITE_P(Layouts, PgInterop, ::testing::Values("v031", "v1"));

}  // namespace
