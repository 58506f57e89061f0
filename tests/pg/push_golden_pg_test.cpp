// `push` over every golden PostgreSQL scenario: a database built from prev.sql (+ seed.sql) is pushed to next.
//
// The target is given as a snapshot (next.sql built in a second database, introspected, written
// in drizzle-kit 1.0's format), pushed with --force, the case's answers.json and both sides'
// schemas as --schemaFilter through the real CLI. The database must then introspect as next does, keep the seeded rows of surviving tables,
// run verify.sql (when present), and a second push must find nothing. A push the seeded rows would make fail is refused with
// nothing changed.
#include "pg_support.hpp"

#include "drizzle/dialect/pg.hpp"
#include "drizzle/diff/diff.hpp"
#include "drizzle/snapshot/snapshot.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>

namespace fs = std::filesystem;
using namespace drizzle;
using namespace drizzle::test;

namespace {

std::map<std::string, std::string> row_counts(Connection& db) {
    std::map<std::string, std::string> counts;
    for (const auto& table : pg::introspect(db).tables) {
        counts[table.schema + "." + table.name] =
            pg_scalar(db, "SELECT count(*) FROM " + pg::qualified_name(table.schema, table.name));
    }
    return counts;
}

class PushGoldenPg : public PgTest, public ::testing::WithParamInterface<std::string> {};

TEST_P(PushGoldenPg, PushReachesTheTargetSchemaAndKeepsRows) {
    const fs::path dir = test::golden_case_dir("pg", GetParam());
    TempDir temp("push-golden-pg");
    auto db = connect();
    const std::string prev_sql = test::optional_file(dir / "prev.sql");
    if (!prev_sql.empty()) db->exec(prev_sql);
    const std::string seed = test::optional_file(dir / "seed.sql");
    if (!seed.empty()) db->exec(seed);
    const auto counts_before = row_counts(*db);
    const auto catalog_before = pg_catalog_lines(*db);
    const Schema prev_schema = pg::introspect(*db);

    auto target_db = pg::PgConnection::open(create_database());
    target_db->exec(read_file(dir / "next.sql"));
    const Schema target = pg::introspect(*target_db);
    Snapshot snapshot;
    snapshot.schema = target;
    write_file(temp / "schema.json", write_snapshot(snapshot));
    write_file(temp / "drizzle.config.json",
               R"({"dialect":"postgresql","schema":"./schema.json","dbCredentials":{"url":")" + url() + "\"}}");

    // Push manages public plus the code's schemas unless told otherwise; a schema the case drops
    // is only dropped when the filter names it.
    std::vector<std::string> args = {"push", "--force", "--schemaFilter", "public"};
    for (const auto* side : {&target, &prev_schema}) {
        for (const auto& name : side->schemas) args.insert(args.end(), {"--schemaFilter", name});
    }
    if (fs::exists(dir / "answers.json")) args.insert(args.end(), {"--answers", (dir / "answers.json").string()});
    std::string out;
    const int code = run_kit(temp.path(), args, out);
    if (code == 3 && out.find("would fail") != std::string::npos) {
        EXPECT_EQ(pg_catalog_lines(*db), catalog_before) << out;
        return;
    }
    ASSERT_EQ(code, 0) << out;

    ScriptedResolver none;
    const DiffResult rediff = diff(pg::introspect(*db), target, none);
    EXPECT_TRUE(rediff.operations.empty()) << "database differs from next.sql after push: "
                                           << describe(rediff.operations.front()) << "\n" << out;
    const auto counts_after = row_counts(*db);
    for (const auto& [table, count] : counts_before) {
        if (counts_after.count(table)) EXPECT_EQ(counts_after.at(table), count) << "rows lost in " << table;
    }
    // What the database must accept after the push (the next insert into a former serial, say).
    const std::string verify = test::optional_file(dir / "verify.sql");
    if (!verify.empty()) {
        try {
            db->exec(verify);
        } catch (const std::exception& e) {
            ADD_FAILURE() << "verify.sql failed on the pushed database: " << e.what();
        }
    }
    args[1] = "--explain";
    ASSERT_EQ(run_kit(temp.path(), args, out), 0) << out;
    EXPECT_NE(out.find("No changes detected"), std::string::npos) << out;
}

// The case's next.sql, as written by hand, as the schema source (.sql files are parsed, and keep
// their expressions' text): one push must leave nothing for the next one, however the SQL spells
// its defaults, checks, generated columns, indexes, policies and views.
TEST_P(PushGoldenPg, PushFromTheHandWrittenSqlIsIdempotent) {
#ifndef DRIZZLE_HAVE_PG_QUERY
    GTEST_SKIP() << ".sql schema sources need libpg_query (DRIZZLE_WITH_PG_QUERY)";
#endif
    const fs::path dir = test::golden_case_dir("pg", GetParam());
    TempDir temp("push-golden-pg-sql");
    auto db = connect();
    const std::string prev_sql = test::optional_file(dir / "prev.sql");
    if (!prev_sql.empty()) db->exec(prev_sql);
    const std::string seed = test::optional_file(dir / "seed.sql");
    if (!seed.empty()) db->exec(seed);
    write_file(temp / "schema.sql", read_file(dir / "next.sql"));
    write_file(temp / "drizzle.config.json",
               R"({"dialect":"postgresql","schema":"./schema.sql","dbCredentials":{"url":")" + url() + "\"}}");
    std::vector<std::string> args = {"push", "--force", "--schemaFilter", "public"};
    for (const auto& name : pg::introspect(*db).schemas) args.insert(args.end(), {"--schemaFilter", name});
    for (const auto& line : split_lines(read_file(dir / "next.sql"))) {
        // CREATE SCHEMA "x"; -> --schemaFilter x, so dropped and created schemas are both managed.
        const std::string prefix = "CREATE SCHEMA \"";
        if (line.rfind(prefix, 0) == 0) {
            const auto end = line.find('"', prefix.size());
            args.insert(args.end(), {"--schemaFilter", line.substr(prefix.size(), end - prefix.size())});
        }
    }
    if (fs::exists(dir / "answers.json")) args.insert(args.end(), {"--answers", (dir / "answers.json").string()});
    std::string out;
    const int code = run_kit(temp.path(), args, out);
    if (code == 3 && out.find("would fail") != std::string::npos) return;  // refused by the seeded rows
    ASSERT_EQ(code, 0) << out;
    args[1] = "--explain";
    ASSERT_EQ(run_kit(temp.path(), args, out), 0) << out;
    EXPECT_NE(out.find("No changes detected"), std::string::npos) << out;
}

INSTANTIATE_TEST_SUITE_P(Cases, PushGoldenPg, ::testing::ValuesIn(test::golden_cases("pg")),
                         test::golden_case_test_name);

}  // namespace
