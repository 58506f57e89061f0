// Golden PostgreSQL scenarios: prev.sql + next.sql -> expected.sql, round-tripped on the real server.
//
// Each case folder under tests/golden/pg/<area>/<case>/ holds prev.sql (may be absent), next.sql,
// optional answers.json, seed.sql and verify.sql, and expected.sql (DRIZZLE_UPDATE_GOLDEN=1
// rewrites it). verify.sql runs on the migrated database and must succeed (an INSERT relying on a
// sequence, say: the schema can match while the next insert still collides).
// Both schemas are built in fresh databases and introspected, the diff is rendered, applied to
// the prev database through our migrator, and the result must introspect equal to next.
#include "support/test_support.hpp"

#include "drizzle/dialect/pg.hpp"
#include "drizzle/dialect/pg_connection.hpp"
#include "drizzle/diff/diff.hpp"
#include "drizzle/migrate/migrator.hpp"

#include <gtest/gtest.h>

#include <iostream>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <map>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace drizzle;

namespace {

// The server URL with another database name.
std::string with_database(const std::string& url, const std::string& database) {
    auto scheme = url.find("://");
    auto slash = url.find('/', scheme == std::string::npos ? 0 : scheme + 3);
    auto query = url.find('?');
    std::string base = slash == std::string::npos ? url.substr(0, query) : url.substr(0, slash);
    return base + "/" + database + (query == std::string::npos ? "" : url.substr(query));
}

// A database that exists for one test.
class ScratchDatabase {
public:
    ScratchDatabase(const std::string& server_url, const std::string& tag) : server_url_(server_url) {
        static std::atomic<int> counter{0};
        name_ = "golden_" + tag + "_" + std::to_string(getpid()) + "_" + std::to_string(counter++);
        auto admin = pg::PgConnection::open(server_url_);
        admin->exec("CREATE DATABASE " + pg::quote_identifier(name_));
        url_ = with_database(server_url_, name_);
    }
    ~ScratchDatabase() {
        try {
            auto admin = pg::PgConnection::open(server_url_);
            admin->exec("DROP DATABASE IF EXISTS " + pg::quote_identifier(name_) + " WITH (FORCE)");
        } catch (...) {
        }
    }
    std::unique_ptr<pg::PgConnection> connect() const { return pg::PgConnection::open(url_); }

private:
    std::string server_url_;
    std::string name_;
    std::string url_;
};

std::string join_statements(const std::vector<std::string>& statements) {
    std::string sql;
    for (size_t i = 0; i < statements.size(); ++i) sql += (i ? "--> statement-breakpoint\n" : "") + statements[i];
    return sql;
}

std::map<std::string, long long> row_counts(Connection& connection, const Schema& schema) {
    std::map<std::string, long long> counts;
    for (const auto& table : schema.tables) {
        auto rows = connection.query("SELECT count(*) FROM " + pg::qualified_name(table.schema, table.name));
        counts[table.schema + "." + table.name] = std::stoll(*rows.at(0).at(0));
    }
    return counts;
}

class GoldenPg : public ::testing::TestWithParam<std::string> {
protected:
    void SetUp() override {
        const char* url = std::getenv("DRIZZLE_TEST_PG_URL");
        if (url == nullptr || *url == '\0') {
            if (std::getenv("DRIZZLE_SKIP_PG") != nullptr) GTEST_SKIP() << "DRIZZLE_SKIP_PG is set: PostgreSQL tests skipped";
            FAIL() << "DRIZZLE_TEST_PG_URL is not set: run the suite through scripts/test.sh, which starts PostgreSQL "
                      "(or set DRIZZLE_SKIP_PG=1 to skip PostgreSQL tests explicitly)";
        }
        server_url_ = url;
    }
    std::string server_url_;
};

TEST_P(GoldenPg, GeneratesExpectedSqlAndRoundTrips) {
    const fs::path dir = test::golden_case_dir("pg", GetParam());
    const std::string prev_sql = test::optional_file(dir / "prev.sql");
    ScratchDatabase prev_db(server_url_, "prev");
    ScratchDatabase next_db(server_url_, "next");
    auto prev_connection = prev_db.connect();
    auto next_connection = next_db.connect();
    if (!prev_sql.empty()) prev_connection->exec(prev_sql);
    next_connection->exec(test::read_file(dir / "next.sql"));
    const Schema prev = pg::introspect(*prev_connection);
    const Schema next = pg::introspect(*next_connection);

    const std::string answers = test::optional_file(dir / "answers.json");
    ScriptedResolver resolver(answers.empty() ? std::vector<RenameDecision>{}
                                              : decisions_from_json(answers, (dir / "answers.json").string()));
    const DiffResult result = diff(prev, next, resolver);
    ASSERT_TRUE(resolver.open_questions().empty()) << "case needs answers.json: "
                                                   << questions_to_json(resolver.open_questions());
    const auto operations = pg::lower(result);
    std::string generated = join_statements(pg::render(operations));
    if (pg::needs_no_transaction(operations)) generated = "-- drizzle:txmode none\n" + generated;
    // The SQL holds text the server normalises (view bodies, check and default expressions), so
    // the expected files are recorded against PostgreSQL 15; other majors check the round trip.
    const int major = std::stoi(*prev_connection->query("SHOW server_version_num").at(0).at(0)) / 10000;
    if (std::getenv("DRIZZLE_UPDATE_GOLDEN") != nullptr && major == 15) test::write_file(dir / "expected.sql", generated);
    if (major == 15) {
        ASSERT_EQ(generated, test::read_file(dir / "expected.sql")) << "golden mismatch in " << dir;
    } else if (generated != test::read_file(dir / "expected.sql")) {
        std::cout << "note: PostgreSQL " << major << " renders " << GetParam()
                  << " differently from the PostgreSQL 15 golden file; checking the round trip only\n";
    }

    const std::string seed = test::optional_file(dir / "seed.sql");
    if (!seed.empty()) prev_connection->exec(seed);
    const auto counts_before = row_counts(*prev_connection, prev);

    test::TempDir temp("golden-pg");
    test::write_file(temp / "drizzle/20260101000001_next/migration.sql", generated);
    MigrateOptions options;
    options.folder = temp / "drizzle";
    ASSERT_NO_THROW(migrate(*prev_connection, options)) << "generated SQL failed to apply";

    const Schema actual = pg::introspect(*prev_connection);
    ScriptedResolver none;
    const DiffResult rediff = diff(actual, next, none);
    EXPECT_TRUE(rediff.operations.empty()) << "re-diff not empty after applying:\n"
                                           << join_statements(pg::migration_statements(rediff));

    const auto counts_after = row_counts(*prev_connection, actual);
    for (const auto& [table, count] : counts_before) {
        std::string now = table;
        for (const auto& d : result.decisions) {
            if (d.kind == RenameQuestion::Kind::table && table == d.schema + "." + d.from) now = d.schema + "." + d.name;
        }
        if (counts_after.count(now)) EXPECT_EQ(counts_after.at(now), count) << "rows lost in table " << now;
    }

    const std::string verify = test::optional_file(dir / "verify.sql");
    if (!verify.empty()) {
        try {
            prev_connection->exec(verify);
        } catch (const std::exception& e) {
            ADD_FAILURE() << "verify.sql failed on the migrated database: " << e.what();
        }
    }
}

INSTANTIATE_TEST_SUITE_P(Cases, GoldenPg, ::testing::ValuesIn(test::golden_cases("pg")),
                         test::golden_case_test_name);

}  // namespace
