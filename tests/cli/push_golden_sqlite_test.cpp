// `push` over every golden SQLite scenario: the database built from prev.sql (+ seed.sql) is pushed to next.sql.
//
// Each case: push --force (with the case's answers.json) through the real CLI; the database must
// then introspect as next.sql does, keep the seeded rows of surviving tables, and a second push
// must find nothing. A push the seeded rows would make fail is refused with nothing changed.
#include "support/test_support.hpp"

#include "drizzle/dialect/sqlite.hpp"
#include "drizzle/dialect/sqlite_connection.hpp"
#include "drizzle/diff/diff.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>

namespace fs = std::filesystem;
using namespace drizzle;

namespace {

std::map<std::string, std::string> row_counts(Connection& db) {
    std::map<std::string, std::string> counts;
    for (const auto& table : sqlite::introspect(db).tables) {
        counts[table.name] = *db.query("SELECT count(*) FROM " + sqlite::quote_identifier(table.name)).at(0).at(0);
    }
    return counts;
}

std::string schema_sql(Connection& db) {
    auto rows = db.query("SELECT group_concat(coalesce(sql, ''), ';') FROM (SELECT sql FROM sqlite_schema ORDER BY name)");
    return rows.empty() || !rows[0][0] ? "" : *rows[0][0];
}

class PushGoldenSqlite : public ::testing::TestWithParam<std::string> {};

TEST_P(PushGoldenSqlite, PushReachesTheTargetSchemaAndKeepsRows) {
    const fs::path dir = test::golden_case_dir("sqlite", GetParam());
    test::TempDir temp("push-golden");
    auto db = sqlite::SqliteConnection::open((temp / "local.db").string());
    db->exec("PRAGMA foreign_keys=ON;");
    db->exec(test::optional_file(dir / "prev.sql"));
    db->exec(test::optional_file(dir / "seed.sql"));
    const auto counts_before = row_counts(*db);
    const std::string schema_before = schema_sql(*db);

    test::write_file(temp / "drizzle.config.json",
                     R"({"dialect": "sqlite", "schema": ")" + (dir / "next.sql").string() +
                         R"(", "dbCredentials": {"url": "./local.db"}})");
    std::string answers;
    if (fs::exists(dir / "answers.json")) answers = " --answers '" + (dir / "answers.json").string() + "'";
    auto kit = [&](const std::string& args, std::string& out) {
        return test::run_command("cd '" + temp.path().string() + "' && '" DRIZZLE_KIT_EXE "' " + args + " </dev/null",
                                 out);
    };
    std::string out;
    const int code = kit("push --force" + answers, out);
    if (code == 3 && out.find("would fail") != std::string::npos) {
        // The seeded rows block the change (e.g. NOT NULL without default): refused, untouched.
        EXPECT_EQ(schema_sql(*db), schema_before) << out;
        EXPECT_EQ(row_counts(*db), counts_before);
        return;
    }
    ASSERT_EQ(code, 0) << out;

    auto expected_db = sqlite::SqliteConnection::open(":memory:");
    expected_db->exec(test::read_file(dir / "next.sql"));
    ScriptedResolver none;
    const DiffResult rediff = diff(sqlite::introspect(*db), sqlite::introspect(*expected_db), none);
    const auto rediff_sql = sqlite::migration_statements(rediff);
    EXPECT_TRUE(rediff_sql.empty()) << "database differs from next.sql after push:\n"
                                    << (rediff_sql.empty() ? "" : rediff_sql.front()) << "\n" << out;

    const auto counts_after = row_counts(*db);
    for (const auto& [table, count] : counts_before) {
        if (counts_after.count(table)) EXPECT_EQ(counts_after.at(table), count) << "rows lost in " << table;
    }
    test::expect_statements_refused(*db, dir / "must_fail.sql");
    ASSERT_EQ(kit("push" + answers, out), 0) << out;
    EXPECT_NE(out.find("No changes detected"), std::string::npos) << out;
}

INSTANTIATE_TEST_SUITE_P(Cases, PushGoldenSqlite, ::testing::ValuesIn(test::golden_cases("sqlite")),
                         test::golden_case_test_name);

}  // namespace
