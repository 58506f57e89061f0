// Golden SQLite scenarios: prev.sql + next.sql -> expected.sql, then a round trip on a real file.
//
// Each case folder under tests/golden/sqlite/<area>/<case>/ holds:
//   prev.sql       the starting schema (DDL), may be empty
//   next.sql       the target schema (DDL)
//   answers.json   optional rename/create decisions
//   seed.sql       optional rows inserted before migrating; their counts must survive
//   must_fail.sql  optional statements, one per line, each of which the migrated database must
//                  refuse (a NULL key, a duplicate under a unique constraint, a failing check)
//   expected.sql   the migration we must generate (DRIZZLE_UPDATE_GOLDEN=1 rewrites it)
#include "support/test_support.hpp"

#include "drizzle/dialect/sqlite.hpp"
#include "drizzle/dialect/sqlite_connection.hpp"
#include "drizzle/diff/diff.hpp"
#include "drizzle/migrate/migrator.hpp"
#include "drizzle/snapshot/snapshot.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <map>

namespace fs = std::filesystem;
using namespace drizzle;

namespace {

Schema schema_from_sql(const std::string& sql) {
    auto connection = sqlite::SqliteConnection::open(":memory:");
    if (!sql.empty()) connection->exec(sql);
    return sqlite::introspect(*connection);
}

std::string join_statements(const std::vector<std::string>& statements) {
    std::string sql;
    for (size_t i = 0; i < statements.size(); ++i) sql += (i ? "--> statement-breakpoint\n" : "") + statements[i];
    return sql;
}

std::map<std::string, long long> row_counts(Connection& connection, const Schema& schema) {
    std::map<std::string, long long> counts;
    for (const auto& table : schema.tables) {
        auto rows = connection.query("SELECT count(*) FROM " + sqlite::quote_identifier(table.name));
        counts[table.name] = std::stoll(*rows.at(0).at(0));
    }
    return counts;
}

// A v1 migrations folder holding one migration.
void write_v1_migration(const fs::path& out, const std::string& folder, const std::string& sql) {
    test::write_file(out / folder / "migration.sql", sql);
}

class GoldenSqlite : public ::testing::TestWithParam<std::string> {};

TEST_P(GoldenSqlite, GeneratesExpectedSqlAndRoundTrips) {
    const fs::path dir = test::golden_case_dir("sqlite", GetParam());
    const std::string prev_sql = test::optional_file(dir / "prev.sql");
    const Schema prev = schema_from_sql(prev_sql);
    const Schema next = schema_from_sql(test::read_file(dir / "next.sql"));
    const std::string answers = test::optional_file(dir / "answers.json");
    ScriptedResolver resolver(answers.empty() ? std::vector<RenameDecision>{}
                                              : decisions_from_json(answers, (dir / "answers.json").string()));

    const DiffResult result = diff(prev, next, resolver);
    ASSERT_TRUE(resolver.open_questions().empty()) << "case needs answers.json: " << questions_to_json(resolver.open_questions());
    const std::string generated = join_statements(sqlite::migration_statements(result));

    if (std::getenv("DRIZZLE_UPDATE_GOLDEN") != nullptr) test::write_file(dir / "expected.sql", generated);
    ASSERT_EQ(generated, test::read_file(dir / "expected.sql")) << "golden mismatch in " << dir;

    // Round trip on a real file: build prev, seed it, migrate with our migrator, introspect.
    test::TempDir temp("golden");
    const fs::path out = temp / "drizzle";
    if (!prev_sql.empty()) write_v1_migration(out, "20260101000000_prev", prev_sql);
    auto seed = test::optional_file(dir / "seed.sql");
    auto database = sqlite::SqliteConnection::open((temp / "local.db").string());
    database->exec("PRAGMA foreign_keys=ON;");
    MigrateOptions options;
    options.folder = out;
    if (!prev_sql.empty()) migrate(*database, options);
    if (!seed.empty()) database->exec(seed);
    const auto counts_before = row_counts(*database, prev);

    write_v1_migration(out, "20260101000001_next", generated);
    ASSERT_NO_THROW(migrate(*database, options)) << "generated SQL failed to apply";

    const Schema actual = sqlite::introspect(*database);
    ScriptedResolver no_questions;
    const DiffResult rediff = diff(actual, next, no_questions);
    // Lowered: a check or predicate SQLite re-spelled (RENAME TO rewrites qualifiers) is no change.
    const auto rediff_sql = sqlite::migration_statements(rediff);
    EXPECT_TRUE(rediff_sql.empty()) << "re-diff not empty after applying:\n" << join_statements(rediff_sql);
    EXPECT_EQ(normalize_for_diff(actual).tables.size(), next.tables.size());

    // Rows of every table that survives (possibly renamed) are all still there.
    const auto counts_after = row_counts(*database, actual);
    for (const auto& [table, count] : counts_before) {
        std::string now = table;
        for (const auto& d : result.decisions) {
            if (d.kind == RenameQuestion::Kind::table && d.from == table) now = d.name;
        }
        if (counts_after.count(now)) EXPECT_EQ(counts_after.at(now), count) << "rows lost in table " << now;
    }
    test::expect_statements_refused(*database, dir / "must_fail.sql");

    // The next schema survives a v1 and a legacy snapshot round trip unchanged.
    for (auto format : {SnapshotFormat::v1, SnapshotFormat::legacy}) {
        Snapshot snapshot;
        snapshot.format = format;
        snapshot.prev_ids = {std::string(kRootSnapshotId)};
        snapshot.schema = next;
        const Snapshot parsed = parse_snapshot(write_snapshot(snapshot), "written snapshot");
        ScriptedResolver none;
        // A 0.31 snapshot lives in a 0.31 folder, which compares with 0.31's conventions.
        const NamingStyle naming = format == SnapshotFormat::v1 ? NamingStyle::v1 : NamingStyle::legacy;
        EXPECT_TRUE(sqlite::migration_statements(diff(parsed.schema, next, none, naming)).empty())
            << "snapshot round trip changed the schema (" << (format == SnapshotFormat::v1 ? "v1" : "legacy") << ")";
    }
}

INSTANTIATE_TEST_SUITE_P(Cases, GoldenSqlite, ::testing::ValuesIn(test::golden_cases("sqlite")),
                         test::golden_case_test_name);

}  // namespace
