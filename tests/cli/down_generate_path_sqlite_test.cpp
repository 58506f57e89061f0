// Every SQLite golden case through the real CLI, the path users take: generate prev and next (with
// the case's rename answers) into a v1 folder, migrate, `migrate down`, `migrate`. After the down the
// database must match prev's snapshot and after migrating again next's, as `check --db` measures it
// (introspection against the snapshot of the last applied migration: no drift).
#include "support/test_support.hpp"

#include <gtest/gtest.h>

namespace drizzle::test {
namespace {

namespace fs = std::filesystem;

class DownGeneratePathSqlite : public ::testing::TestWithParam<std::string> {
protected:
    TempDir dir{"sqlite-down-generate-path"};

    int kit(const std::string& args, std::string& output) {
        return run_command("cd '" + dir.path().string() + "' && '" DRIZZLE_KIT_EXE "' " + args + " </dev/null", output);
    }
};

TEST_P(DownGeneratePathSqlite, GeneratedDownRestoresPrevAndUpRestoresNext) {
    const fs::path golden = golden_case_dir("sqlite", GetParam());
    write_file(dir / "drizzle.config.json",
               R"({"dialect": "sqlite", "schema": "./schema.sql", "out": "./drizzle",
                   "dbCredentials": {"url": "./local.db"}})");
    std::string out;
    const std::string prev = optional_file(golden / "prev.sql");
    if (!prev.empty()) {
        write_file(dir / "schema.sql", prev);
        ASSERT_EQ(kit("generate --name prev", out), 0) << out;
        ASSERT_EQ(kit("migrate", out), 0) << out;
    }
    write_file(dir / "schema.sql", read_file(golden / "next.sql"));
    std::string generate = "generate --name next";
    if (fs::exists(golden / "answers.json")) generate += " --answers '" + (golden / "answers.json").string() + "'";
    ASSERT_EQ(kit(generate, out), 0) << out;
    // A case whose golden migration is empty has nothing to roll back. One case's change exists
    // only between schemas introspected from SQL (a key column SQLite left nullable); a snapshot
    // records keys NOT NULL already, so generate rightly sees no change.
    const bool unchanged =
        read_file(golden / "expected.sql").empty() || GetParam() == "constraints/nullable_keys_get_not_null";
    ASSERT_EQ(out.find("No schema changes") != std::string::npos, unchanged) << out;
    if (unchanged) return;
    ASSERT_EQ(kit("migrate", out), 0) << out;

    ASSERT_EQ(kit("migrate down", out), 0) << out;
    // The rolled-back migration is pending again (so check --db exits 1); the database matches prev.
    if (!prev.empty()) {
        kit("check --db", out);
        EXPECT_NE(out.find("No drift: the database matches"), std::string::npos) << "after the down:\n" << out;
        EXPECT_NE(out.find("prev/snapshot.json"), std::string::npos) << out;
    }
    ASSERT_EQ(kit("migrate", out), 0) << out;
    EXPECT_EQ(kit("check --db", out), 0) << "after migrating again:\n" << out;
}

INSTANTIATE_TEST_SUITE_P(Cases, DownGeneratePathSqlite, ::testing::ValuesIn(golden_cases("sqlite")),
                         [](const auto& info) {
                             std::string name = info.param;
                             for (char& c : name)
                                 if (c == '/') c = '_';
                             return name;
                         });

} // namespace
} // namespace drizzle::test
