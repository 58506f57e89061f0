// The git-branch scenario on real SQLite files through the real CLI: commuting branches merged and
// migrated, conflicting branches refused (tests/support/branch_scenario.hpp).
#include "support/branch_scenario.hpp"

#include "drizzle/dialect/sqlite_connection.hpp"

#include <gtest/gtest.h>

namespace fs = std::filesystem;
using namespace drizzle;

namespace {

class CheckBranchesSqlite : public ::testing::Test {
protected:
    test::TempDir dir{"check-branches-sqlite"};
    int databases = 0;

    test::BranchScenario scenario() {
        test::BranchScenario s;
        s.project = dir.path();
        s.dialect = "sqlite";
        s.kit = [this](const std::string& args, std::string& output) {
            return test::run_command(
                "cd '" + dir.path().string() + "' && '" DRIZZLE_KIT_EXE "' " + args + " </dev/null", output);
        };
        s.new_database = [this] { return (dir.path() / ("db" + std::to_string(databases++) + ".sqlite")).string(); };
        s.has_column = [](const std::string& url, const std::string& table, const std::string& column) {
            auto db = sqlite::SqliteConnection::open(url);
            const auto rows =
                db->query("SELECT count(*) FROM pragma_table_info('" + table + "') WHERE name = '" + column + "'");
            return !rows.empty() && rows[0][0] == std::optional<std::string>("1");
        };
        return s;
    }
};

TEST_F(CheckBranchesSqlite, CommutingBranchesAreMergedAndMigrated) {
    test::run_commuting_branches(scenario());
}

TEST_F(CheckBranchesSqlite, ConflictingBranchesAreRefused) {
    test::run_conflicting_branches(scenario());
}

} // namespace
