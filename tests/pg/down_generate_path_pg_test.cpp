// Every PostgreSQL golden case through the real CLI, the path users take: generate prev and next
// (with the case's rename answers) into a v1 folder, migrate, `migrate down`, `migrate`. The golden
// harness diffs directly; generate also keeps constraint names through renames and adopts prev's
// derived names, so its down files are checked here: the catalog after the down is exactly prev's,
// and after migrating again exactly next's.
#include "pg/pg_support.hpp"
#include "support/test_support.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace drizzle::test {
namespace {

namespace fs = std::filesystem;

class DownGeneratePathPg : public PgTest, public ::testing::WithParamInterface<std::string> {};

std::string catalog(Connection& db) {
    std::string text;
    for (const auto& line : pg_catalog_lines(db))
        text += line + "\n";
    return text;
}

TEST_P(DownGeneratePathPg, GeneratedDownRestoresPrevAndUpRestoresNext) {
    const fs::path golden = golden_case_dir("pg", GetParam());
    TempDir dir("pg-down-generate-path");
    nlohmann::json config = {{"dialect", "postgresql"},
                             {"schema", "./schema.sql"},
                             {"out", "./drizzle"},
                             {"dbCredentials", {{"url", url()}}}};
    write_file(dir / "drizzle.config.json", config.dump(2));
    std::string out;
    const std::string prev = optional_file(golden / "prev.sql");
    auto db = connect();
    if (!prev.empty()) {
        write_file(dir / "schema.sql", prev);
        ASSERT_EQ(run_kit(dir.path(), {"generate", "--name", "prev"}, out), 0) << out;
        ASSERT_EQ(run_kit(dir.path(), {"migrate"}, out), 0) << out;
    }
    const std::string before = catalog(*db);

    write_file(dir / "schema.sql", read_file(golden / "next.sql"));
    std::vector<std::string> generate{"generate", "--name", "next"};
    if (fs::exists(golden / "answers.json")) {
        generate.push_back("--answers");
        generate.push_back((golden / "answers.json").string());
    }
    const int generated = run_kit(dir.path(), generate, out);
    ASSERT_EQ(generated, 0) << out;
    // A case whose golden migration is empty has nothing to roll back.
    const bool unchanged = read_file(golden / "expected.sql").empty();
    ASSERT_EQ(out.find("No schema changes") != std::string::npos, unchanged) << out;
    if (unchanged) return;
    ASSERT_EQ(run_kit(dir.path(), {"migrate"}, out), 0) << out;
    const std::string after = catalog(*db);

    ASSERT_EQ(run_kit(dir.path(), {"migrate", "down"}, out), 0) << out;
    EXPECT_EQ(catalog(*db), before);
    ASSERT_EQ(run_kit(dir.path(), {"migrate"}, out), 0) << out;
    EXPECT_EQ(catalog(*db), after);
}

INSTANTIATE_TEST_SUITE_P(Cases, DownGeneratePathPg, ::testing::ValuesIn(golden_cases("pg")), [](const auto& info) {
    std::string name = info.param;
    for (char& c : name)
        if (c == '/') c = '_';
    return name;
});

} // namespace
} // namespace drizzle::test
