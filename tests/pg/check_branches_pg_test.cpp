// The git-branch scenario on the suite's real PostgreSQL through the real CLI: commuting branches
// merged and migrated, conflicting branches refused (tests/support/branch_scenario.hpp).
#include "pg/pg_support.hpp"
#include "support/branch_scenario.hpp"

#include <gtest/gtest.h>

using namespace drizzle;

namespace {

class CheckBranchesPg : public test::PgTest {
protected:
    test::TempDir dir{"check-branches-pg"};

    test::BranchScenario scenario() {
        test::BranchScenario s;
        s.project = dir.path();
        s.dialect = "postgresql";
        s.kit = [this](const std::string& args, std::string& output) {
            return test::run_command(
                "cd '" + dir.path().string() + "' && '" DRIZZLE_KIT_EXE "' " + args + " </dev/null", output);
        };
        s.new_database = [this] { return create_database(); };
        s.has_column = [](const std::string& url, const std::string& table, const std::string& column) {
            auto db = pg::PgConnection::open(url);
            return test::pg_scalar(*db,
                                   "SELECT count(*) FROM information_schema.columns WHERE table_schema = 'public' "
                                   "AND table_name = $1 AND column_name = $2",
                                   {table, column}) == "1";
        };
        return s;
    }
};

TEST_F(CheckBranchesPg, CommutingBranchesAreMergedAndMigrated) {
    test::run_commuting_branches(scenario());
}

TEST_F(CheckBranchesPg, ConflictingBranchesAreRefused) {
    test::run_conflicting_branches(scenario());
}

} // namespace
