// status, resolve and drift on the real PostgreSQL, both folder layouts: each status, rows written by
// resolve equal to migrate's, and drift (none after migrate, a column added, an index dropped).
#include "drizzle/config/config.hpp"
#include "drizzle/error.hpp"
#include "drizzle/kit/drift.hpp"
#include "drizzle/kit/resolve.hpp"
#include "drizzle/kit/status.hpp"
#include "pg/pg_support.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>

namespace drizzle::test {
namespace {

namespace fs = std::filesystem;

const std::string A = "20250101000000_a";
const std::string B = "20250101000001_b";
const std::string C = "20250101000002_c";

class PgStatus : public PgTest {
protected:
    TempDir dir{"pg-status"};
    fs::path folder = dir / "drizzle";

    std::vector<std::string> base_args(const std::string& command) const {
        return {command, "--dialect", "postgresql", "--url", url(), "--out", folder.string()};
    }

    int kit(const std::vector<std::string>& args, std::string& output) { return run_kit(dir.path(), args, output); }

    nlohmann::json status_json() {
        std::string out;
        auto args = base_args("status");
        args.push_back("--json");
        EXPECT_EQ(kit(args, out), 0) << out;
        const auto start = out.find("{\n");
        EXPECT_NE(start, std::string::npos) << out;
        return nlohmann::json::parse(out.substr(start));
    }

    Config config() const {
        Config c;
        c.dialect = Dialect::postgresql;
        c.dialect_name = "postgresql";
        c.credentials.url = url();
        c.base_dir = dir.path();
        c.out = folder.string();
        return c;
    }

    std::string rows(Connection& db, const std::string& columns = "id, hash, created_at, name") {
        std::string text;
        for (const auto& r : db.query("SELECT " + columns + " FROM drizzle.__drizzle_migrations ORDER BY id")) {
            for (std::size_t i = 0; i < r.size(); ++i)
                text += (i ? "|" : "") + r[i].value_or("NULL");
            text += "\n";
        }
        return text;
    }

    void legacy(const std::vector<std::pair<std::string, std::int64_t>>& entries,
                const std::vector<std::string>& sqls) {
        std::string journal = R"({"version":"7","dialect":"postgresql","entries":[)";
        for (std::size_t i = 0; i < entries.size(); ++i) {
            journal += (i ? "," : "") + std::string(R"({"idx":)") + std::to_string(i) + R"(,"version":"7","when":)" +
                       std::to_string(entries[i].second) + R"(,"tag":")" + entries[i].first +
                       R"(","breakpoints":true})";
            write_file(folder / (entries[i].first + ".sql"), sqls[i]);
        }
        write_file(folder / "meta/_journal.json", journal + "]}");
    }
};

TEST_F(PgStatus, EachStatusOnTheV1Layout) {
    write_v1_migration(folder, 0, "a", "CREATE TABLE a (x integer);");
    write_v1_migration(folder, 2, "c", "CREATE TABLE c (x integer);");
    std::string out;
    ASSERT_EQ(run_kit_migrate(folder, url(), out), 0) << out;
    auto doc = status_json();
    EXPECT_EQ(doc["upToDate"], true);
    EXPECT_EQ(doc["applied"], 2);

    write_v1_migration(folder, 1, "b", "CREATE TABLE b (x integer);");         // out of order
    write_v1_migration(folder, 2, "c", "CREATE TABLE c (x integer, y text);"); // edited
    write_v1_migration(folder, 3, "d", "CREATE TABLE d (x integer);");         // pending
    fs::remove_all(folder / A);                                                // missing file
    doc = status_json();
    EXPECT_EQ(doc["upToDate"], false);
    ASSERT_EQ(doc["migrations"].size(), 4u) << doc.dump(2);
    EXPECT_EQ(doc["migrations"][0]["name"], B);
    EXPECT_EQ(doc["migrations"][0]["status"], "outOfOrder");
    EXPECT_EQ(doc["migrations"][1]["status"], "edited");
    EXPECT_EQ(doc["migrations"][2]["status"], "pending");
    EXPECT_EQ(doc["migrations"][3]["name"], A);
    EXPECT_EQ(doc["migrations"][3]["status"], "missingFile");
    EXPECT_EQ(doc["pending"], 2);

    auto args = base_args("status");
    args.push_back("--exit-code");
    EXPECT_EQ(kit(args, out), 1) << out;
    EXPECT_NE(out.find("1 pending, 1 out of order, 1 edited after apply, 1 missing file"), std::string::npos) << out;
    EXPECT_EQ(out.find("postgres://"), std::string::npos) << out; // the URL (and any password) is not printed
}

TEST_F(PgStatus, EachStatusOnTheLegacyLayout) {
    legacy({{"0000_a", 1700000000000}, {"0001_b", 1700000001000}},
           {"CREATE TABLE a (x integer);", "CREATE TABLE b (x integer);"});
    std::string out;
    ASSERT_EQ(run_kit_migrate(folder, url(), out), 0) << out;
    EXPECT_EQ(status_json()["upToDate"], true);

    legacy({{"0001_b", 1700000001000}, {"0002_m", 1699999999000}, {"0003_c", 1700000003000}},
           {"CREATE TABLE b (x integer, y text);", "CREATE TABLE m (x integer);", "CREATE TABLE c (x integer);"});
    auto doc = status_json();
    ASSERT_EQ(doc["migrations"].size(), 4u) << doc.dump(2);
    EXPECT_EQ(doc["migrations"][0]["status"], "edited");
    EXPECT_EQ(doc["migrations"][1]["status"], "outOfOrder");
    EXPECT_EQ(doc["migrations"][2]["status"], "pending");
    EXPECT_EQ(doc["migrations"][3]["status"], "missingFile");
    EXPECT_EQ(doc["migrations"][3]["name"], "created_at 1700000000000");
}

TEST_F(PgStatus, ReadStatusCreatesNoSchemaOrTable) {
    write_v1_migration(folder, 0, "a", "CREATE TABLE a (x integer);");
    const auto report = kit::read_status(config());
    ASSERT_EQ(report.entries.size(), 1u);
    EXPECT_EQ(report.entries[0].kind, kit::MigrationStatusKind::pending);
    EXPECT_FALSE(report.table_exists);
    EXPECT_FALSE(report.up_to_date());
    auto db = connect();
    EXPECT_EQ(pg_scalar(*db, "SELECT count(*) FROM pg_namespace WHERE nspname = 'drizzle'"), "0");
    EXPECT_EQ(pg_scalar(*db, "SELECT count(*) FROM pg_class WHERE relname = '__drizzle_migrations'"), "0");
}

TEST_F(PgStatus, ResolveAppliedThenMigrateWritesMigratesRows) {
    write_v1_migration(folder, 0, "a", "CREATE TABLE a (x integer);");
    write_v1_migration(folder, 1, "b", "CREATE TABLE b (x integer);");
    write_v1_migration(folder, 2, "c", "CREATE TABLE c (x integer);");
    const std::string reference = create_database();
    std::string out;
    ASSERT_EQ(run_kit_migrate(folder, reference, out), 0) << out;

    auto args = base_args("resolve");
    args.insert(args.end(), {"--applied", A});
    ASSERT_EQ(kit(args, out), 0) << out;
    EXPECT_NE(out.find("Recorded " + A + " as applied"), std::string::npos) << out;
    ASSERT_EQ(kit(args, out), 0) << out; // again: a no-op
    EXPECT_NE(out.find("already recorded"), std::string::npos) << out;
    ASSERT_EQ(run_kit_migrate(folder, url(), out), 0) << out;
    EXPECT_NE(out.find("2 migration(s) applied"), std::string::npos) << out;

    auto db = connect();
    EXPECT_EQ(pg_scalar(*db, "SELECT to_regclass('public.a') IS NULL"), "t"); // never run
    EXPECT_EQ(pg_scalar(*db, "SELECT to_regclass('public.c') IS NOT NULL"), "t");
    auto ref = pg::PgConnection::open(reference);
    EXPECT_EQ(rows(*db), rows(*ref));
    EXPECT_EQ(pg_scalar(*db, "SELECT count(*) FROM drizzle.__drizzle_migrations WHERE applied_at IS NOT NULL"), "3");

    // Forget c, undo it by hand: migrate runs it again.
    db->exec("DROP TABLE c");
    args = base_args("resolve");
    args.insert(args.end(), {"--rolled-back", C});
    ASSERT_EQ(kit(args, out), 0) << out;
    EXPECT_EQ(pg_scalar(*db, "SELECT count(*) FROM drizzle.__drizzle_migrations WHERE name = $1", {C}), "0");
    ASSERT_EQ(run_kit_migrate(folder, url(), out), 0) << out;
    EXPECT_EQ(pg_scalar(*db, "SELECT to_regclass('public.c') IS NOT NULL"), "t");
    EXPECT_EQ(rows(*db, "hash, created_at, name"), rows(*ref, "hash, created_at, name"));

    ASSERT_EQ(kit(args, out), 0) << out; // forget c again, then a second time is refused
    EXPECT_EQ(kit(args, out), 3) << out;
    EXPECT_NE(out.find("not recorded as applied"), std::string::npos) << out;
}

TEST_F(PgStatus, ResolveBaselineOnTheLegacyLayout) {
    legacy({{"0000_a", 1700000000000}, {"0001_b", 1700000001000}, {"0002_c", 1700000002000}},
           {"CREATE TABLE a (x integer);", "CREATE TABLE b (x integer);", "CREATE TABLE c (x integer);"});
    const std::string reference = create_database();
    std::string out;
    ASSERT_EQ(run_kit_migrate(folder, reference, out), 0) << out;

    kit::ResolveRequest request;
    request.action = kit::ResolveAction::baseline_to;
    request.name = "0001_b";
    const auto result = kit::resolve_migration(config(), request);
    EXPECT_EQ(result.recorded, (std::vector<std::string>{"0000_a", "0001_b"}));
    ASSERT_EQ(run_kit_migrate(folder, url(), out), 0) << out;
    auto db = connect();
    auto ref = pg::PgConnection::open(reference);
    EXPECT_EQ(rows(*db, "id, hash, created_at"), rows(*ref, "id, hash, created_at"));
    EXPECT_EQ(pg_scalar(*db, "SELECT to_regclass('public.b') IS NULL"), "t");
    // The table has 0.45's shape, as migrate creates it for this layout.
    EXPECT_EQ(pg_scalar(*db, "SELECT string_agg(attname, ',' ORDER BY attnum) FROM pg_attribute WHERE attrelid = "
                             "'drizzle.__drizzle_migrations'::regclass AND attnum > 0"),
              pg_scalar(*ref, "SELECT string_agg(attname, ',' ORDER BY attnum) FROM pg_attribute WHERE attrelid = "
                              "'drizzle.__drizzle_migrations'::regclass AND attnum > 0"));

    request.name = "0003_x";
    try {
        kit::resolve_migration(config(), request);
        FAIL() << "expected a UserError";
    } catch (const UserError& e) {
        EXPECT_NE(std::string(e.what()).find("no migration named \"0003_x\""), std::string::npos) << e.what();
    }
}

// A login that fails prints the server's error, never the password (drizzle_pw is the one role
// scripts/pg-test-server.sh makes give a password; its real one is not this).
TEST_F(PgStatus, PasswordIsNeverPrinted) {
    auto admin_db = admin();
    try {
        admin_db->exec("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'drizzle_pw') THEN "
                       "CREATE ROLE drizzle_pw LOGIN PASSWORD 'right-secret'; END IF; END $$");
    } catch (const DbError&) { // a test in parallel created it first
    }
    const std::string port = pg_scalar(*admin_db, "SELECT current_setting('port')");
    write_v1_migration(folder, 0, "a", "CREATE TABLE a (x integer);");
    const std::string password = "St4tusWr0ngPw";
    const std::string bad = "postgres://drizzle_pw:" + password + "@127.0.0.1:" + port + "/" + database();
    for (const auto& extra : std::vector<std::vector<std::string>>{
             {"status"}, {"status", "--json"}, {"resolve", "--applied", A}, {"resolve", "--rolled-back", A}}) {
        std::vector<std::string> args = extra;
        args.insert(args.end(), {"--dialect", "postgresql", "--url", bad, "--out", folder.string()});
        std::string out;
        EXPECT_EQ(kit(args, out), 1) << out;
        EXPECT_NE(out.find("password authentication failed"), std::string::npos) << out;
        EXPECT_EQ(out.find("St4tus"), std::string::npos) << out;
        EXPECT_EQ(out.find("Wr0ng"), std::string::npos) << out;
    }
}

// ---- drift ------------------------------------------------------------------------------------

class PgDrift : public PgStatus {
protected:
    void SetUp() override {
        PgStatus::SetUp();
#ifndef DRIZZLE_HAVE_PG_QUERY
        GTEST_SKIP() << "PostgreSQL .sql schema sources need libpg_query";
#endif
        write_file(dir / "schema.sql", "CREATE TABLE users (id serial PRIMARY KEY, name text NOT NULL, email text);\n"
                                       "CREATE INDEX users_email_idx ON users (email);\n");
        write_file(dir / "drizzle.config.json", R"({"dialect": "postgresql", "schema": "./schema.sql", "out": ")" +
                                                    folder.string() + R"(", "dbCredentials": {"url": ")" + url() +
                                                    R"("}})");
    }

    void generate_and_migrate() {
        std::string out;
        ASSERT_EQ(kit({"generate", "--name", "init"}, out), 0) << out;
        ASSERT_EQ(kit({"migrate"}, out), 0) << out;
    }

    kit::DriftReport drift() {
        auto db = connect();
        return kit::detect_drift(load_config(dir / "drizzle.config.json"), *db, {});
    }

    static std::string joined(const std::vector<std::string>& lines) {
        std::string text;
        for (const auto& l : lines)
            text += l + "\n";
        return text;
    }
    static bool has(const std::vector<std::string>& lines, const std::string& line) {
        return std::find(lines.begin(), lines.end(), line) != lines.end();
    }
};

TEST_F(PgDrift, NoneAfterMigrateThenAColumnAddedByHand) {
    generate_and_migrate();
    auto report = drift();
    EXPECT_FALSE(report.drifted()) << joined(report.differences) << joined(report.statements);

    auto db = connect();
    db->exec("ALTER TABLE users ADD COLUMN nickname text");
    report = drift();
    EXPECT_TRUE(
        has(report.differences, "column \"users\".\"nickname\" exists in the database but not in the migrations"))
        << joined(report.differences);
    EXPECT_EQ(report.differences.size(), 1u) << joined(report.differences);
    for (const auto& statement : report.statements)
        db->exec(statement);
    EXPECT_FALSE(drift().drifted());
}

TEST_F(PgDrift, IndexDroppedByHandOnTheLegacyLayout) {
    write_file(folder / "meta/_journal.json", R"({"version":"7","dialect":"postgresql","entries":[]})");
    generate_and_migrate();
    ASSERT_TRUE(fs::exists(folder / "meta/0000_snapshot.json"));
    EXPECT_FALSE(drift().drifted());

    auto db = connect();
    db->exec("DROP INDEX users_email_idx");
    const auto report = drift();
    EXPECT_TRUE(
        has(report.differences, "index \"users_email_idx\" on \"users\" is in the migrations but not in the database"))
        << joined(report.differences);
    EXPECT_NE(joined(report.statements).find("CREATE INDEX"), std::string::npos) << joined(report.statements);
    for (const auto& statement : report.statements)
        db->exec(statement);
    EXPECT_FALSE(drift().drifted());
}

TEST_F(PgDrift, IndexDroppedByHandOnTheV1Layout) {
    generate_and_migrate();
    auto db = connect();
    db->exec("DROP INDEX users_email_idx");
    const auto report = drift();
    EXPECT_TRUE(
        has(report.differences, "index \"users_email_idx\" on \"users\" is in the migrations but not in the database"))
        << joined(report.differences);
    EXPECT_EQ(report.differences.size(), 1u) << joined(report.differences);
}

} // namespace
} // namespace drizzle::test
