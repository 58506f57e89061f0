// `drizzle-kit status` and `resolve` end to end on real SQLite files, both folder layouts: each
// status, the table, --json, --exit-code; resolve --applied / --baseline-to / --rolled-back.
#include "support/test_support.hpp"

#include "drizzle/dialect/sqlite_connection.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace fs = std::filesystem;
using namespace drizzle;

namespace {

const std::string A = "20260101000000_a";
const std::string B = "20260101000100_b";
const std::string C = "20260101000200_c";

class CliStatus : public ::testing::Test {
protected:
    test::TempDir dir{"cli-status"};

    void SetUp() override {
        test::write_file(dir / "drizzle.config.json",
                         R"({"dialect": "sqlite", "out": "./drizzle", "dbCredentials": {"url": "./local.db"}})");
    }

    int kit(const std::string& args, std::string& output) {
        return test::run_command("cd '" + dir.path().string() + "' && '" DRIZZLE_KIT_EXE "' " + args + " </dev/null",
                                 output);
    }
    void v1(const std::string& name, const std::string& sql) {
        test::write_file(dir / "drizzle" / name / "migration.sql", sql);
    }

    std::string query(const std::string& sql, const std::string& db = "local.db") {
        auto c = sqlite::SqliteConnection::open((dir / db).string());
        std::string out;
        for (const auto& row : c->query(sql)) {
            for (std::size_t i = 0; i < row.size(); ++i)
                out += (i ? "|" : "") + row[i].value_or("NULL");
            out += "\n";
        }
        return out;
    }

    /// Writes a 0.x journal folder with migrations tagged `tags` and their `when`s.
    void legacy(const std::vector<std::pair<std::string, std::int64_t>>& entries,
                const std::vector<std::string>& sqls) {
        std::string journal = R"({"version":"7","dialect":"sqlite","entries":[)";
        for (std::size_t i = 0; i < entries.size(); ++i) {
            journal += (i ? "," : "") + std::string(R"({"idx":)") + std::to_string(i) + R"(,"version":"6","when":)" +
                       std::to_string(entries[i].second) + R"(,"tag":")" + entries[i].first +
                       R"(","breakpoints":true})";
            test::write_file(dir / "drizzle" / (entries[i].first + ".sql"), sqls[i]);
        }
        test::write_file(dir / "drizzle/meta/_journal.json", journal + "]}");
    }

    nlohmann::json status_json(int expected_exit = 0, const std::string& extra = "") {
        std::string out;
        EXPECT_EQ(kit("status --json " + extra, out), expected_exit) << out;
        // stderr ("Reading config file ...") comes first; the document is the rest.
        const auto start = out.find("{\n");
        EXPECT_NE(start, std::string::npos) << out;
        return nlohmann::json::parse(out.substr(start));
    }
};

TEST_F(CliStatus, UpToDatePendingAndExitCode) {
    v1(A, "CREATE TABLE a (x integer);");
    v1(B, "CREATE TABLE b (x integer);");
    std::string out;
    ASSERT_EQ(kit("migrate", out), 0) << out;

    EXPECT_EQ(kit("status --exit-code", out), 0) << out;
    EXPECT_NE(out.find("Migration"), std::string::npos) << out;
    EXPECT_NE(out.find(A + "  applied"), std::string::npos) << out;
    EXPECT_NE(out.find("2026-01-01 00:01:00"), std::string::npos) << out;
    EXPECT_NE(out.find("[✓] Database is up to date (2 migrations applied)"), std::string::npos) << out;

    v1(C, "CREATE TABLE c (x integer);");
    EXPECT_EQ(kit("status", out), 0) << out; // informational without --exit-code
    EXPECT_NE(out.find(C + "  pending"), std::string::npos) << out;
    EXPECT_NE(out.find("[!] 1 pending (2 applied)"), std::string::npos) << out;
    EXPECT_EQ(kit("status --exit-code", out), 1) << out;

    auto doc = status_json(1, "--exit-code");
    EXPECT_EQ(doc["upToDate"], false);
    EXPECT_EQ(doc["applied"], 2);
    EXPECT_EQ(doc["pending"], 1);
    ASSERT_EQ(doc["migrations"].size(), 3u);
    EXPECT_EQ(doc["migrations"][0]["name"], A);
    EXPECT_EQ(doc["migrations"][0]["status"], "applied");
    EXPECT_EQ(doc["migrations"][0]["file"], A + "/migration.sql");
    EXPECT_EQ(doc["migrations"][2]["status"], "pending");
    EXPECT_EQ(doc["migrations"][2]["createdAt"], 1767225720000LL);

    ASSERT_EQ(kit("migrate", out), 0) << out;
    doc = status_json(0, "--exit-code");
    EXPECT_EQ(doc["upToDate"], true);
    EXPECT_EQ(doc["pending"], 0);
}

TEST_F(CliStatus, OutOfOrderEditedAndMissingFile) {
    v1(A, "CREATE TABLE a (x integer);");
    v1(C, "CREATE TABLE c (x integer);");
    std::string out;
    ASSERT_EQ(kit("migrate", out), 0) << out;
    v1(B, "CREATE TABLE b (x integer);");            // merged from a branch: older than C
    v1(C, "CREATE TABLE c (x integer, y integer);"); // edited after apply
    fs::remove_all(dir / "drizzle" / A);             // recorded, file deleted

    EXPECT_EQ(kit("status --exit-code", out), 1) << out;
    EXPECT_NE(out.find(B + "  out of order"), std::string::npos) << out;
    EXPECT_NE(out.find("older than the applied migration " + C), std::string::npos) << out;
    EXPECT_NE(out.find(C + "  edited after apply"), std::string::npos) << out;
    EXPECT_NE(out.find("recorded hash "), std::string::npos) << out;
    EXPECT_NE(out.find(A + "  missing file"), std::string::npos) << out;
    EXPECT_NE(out.find("1 out of order, 1 edited after apply, 1 missing file"), std::string::npos) << out;

    auto doc = status_json(0);
    EXPECT_EQ(doc["outOfOrder"], 1);
    EXPECT_EQ(doc["edited"], 1);
    EXPECT_EQ(doc["missingFile"], 1);
    ASSERT_EQ(doc["migrations"].size(), 3u); // folder order (B, C), then the missing one
    EXPECT_EQ(doc["migrations"][0]["status"], "outOfOrder");
    EXPECT_EQ(doc["migrations"][1]["status"], "edited");
    EXPECT_EQ(doc["migrations"][2]["name"], A);
    EXPECT_EQ(doc["migrations"][2]["status"], "missingFile");
    EXPECT_TRUE(doc["migrations"][2]["file"].is_null());
}

TEST_F(CliStatus, CreatesNoDatabaseFileAndNoBookkeepingTable) {
    v1(A, "CREATE TABLE a (x integer);");
    std::string out;
    EXPECT_EQ(kit("status --exit-code", out), 1) << out;
    EXPECT_NE(out.find(A + "  pending"), std::string::npos) << out;
    EXPECT_NE(out.find("does not exist yet"), std::string::npos) << out;
    EXPECT_FALSE(fs::exists(dir / "local.db"));

    query("CREATE TABLE app (x integer)");
    EXPECT_EQ(kit("status", out), 0) << out;
    EXPECT_NE(out.find("records no migration"), std::string::npos) << out;
    EXPECT_EQ(query("SELECT count(*) FROM sqlite_schema WHERE name = '__drizzle_migrations'"), "0\n");

    EXPECT_EQ(kit("status --out ./nope", out), 3) << out;
    EXPECT_NE(out.find("nope"), std::string::npos) << out;

    EXPECT_EQ(kit("status --help", out), 0) << out;
    EXPECT_NE(out.find("--exit-code"), std::string::npos) << out;
    EXPECT_NE(out.find("\"upToDate\""), std::string::npos) << out;
    EXPECT_NE(out.find("Exit codes"), std::string::npos) << out;
}

TEST_F(CliStatus, LegacyLayoutStatuses) {
    legacy({{"0000_a", 1700000000000}, {"0001_b", 1700000001000}},
           {"CREATE TABLE a (x integer);", "CREATE TABLE b (x integer);"});
    std::string out;
    ASSERT_EQ(kit("migrate", out), 0) << out;
    EXPECT_EQ(kit("status --exit-code", out), 0) << out;
    EXPECT_NE(out.find("0001_b     applied"), std::string::npos) << out;

    // A branch's migration merged with an older `when`; b edited; a third pending.
    legacy({{"0000_a", 1700000000000}, {"0001_b", 1700000001000}, {"0002_m", 1699999999000}, {"0003_c", 1700000003000}},
           {"CREATE TABLE a (x integer);", "CREATE TABLE b (x integer, y integer);", "CREATE TABLE m (x integer);",
            "CREATE TABLE c (x integer);"});
    auto doc = status_json();
    ASSERT_EQ(doc["migrations"].size(), 4u);
    EXPECT_EQ(doc["migrations"][0]["status"], "applied");
    EXPECT_EQ(doc["migrations"][1]["status"], "edited");
    EXPECT_EQ(doc["migrations"][2]["status"], "outOfOrder");
    EXPECT_EQ(doc["migrations"][3]["status"], "pending");
    EXPECT_EQ(doc["migrations"][3]["file"], "0003_c.sql");

    // The journal loses b: its row has no name, so it is known by its time.
    legacy({{"0000_a", 1700000000000}}, {"CREATE TABLE a (x integer);"});
    doc = status_json();
    ASSERT_EQ(doc["migrations"].size(), 2u);
    EXPECT_EQ(doc["migrations"][1]["status"], "missingFile");
    EXPECT_EQ(doc["migrations"][1]["name"], "created_at 1700000001000");
}

// ---- resolve --------------------------------------------------------------------------------

TEST_F(CliStatus, ResolveAppliedThenMigrateAppliesTheRestOnlyWithMigratesRows) {
    v1(A, "CREATE TABLE a (x integer);");
    v1(B, "CREATE TABLE b (x integer);");
    std::string out;
    // The reference: what migrate itself records.
    ASSERT_EQ(kit("migrate --url ./reference.db", out), 0) << out;

    ASSERT_EQ(kit("resolve --applied " + A, out), 0) << out;
    EXPECT_NE(out.find("Recorded " + A + " as applied (its SQL was not run)"), std::string::npos) << out;
    EXPECT_EQ(query("SELECT count(*) FROM sqlite_schema WHERE name = 'a'"), "0\n");
    ASSERT_EQ(kit("migrate", out), 0) << out;
    EXPECT_NE(out.find("1 migration(s) applied"), std::string::npos) << out;
    EXPECT_EQ(query("SELECT count(*) FROM sqlite_schema WHERE name IN ('a', 'b')"), "1\n"); // b only

    const std::string rows = "SELECT id, hash, created_at, name FROM __drizzle_migrations ORDER BY id";
    EXPECT_EQ(query(rows), query(rows, "reference.db"));
    EXPECT_EQ(query("SELECT sql FROM sqlite_schema WHERE name = '__drizzle_migrations'"),
              query("SELECT sql FROM sqlite_schema WHERE name = '__drizzle_migrations'", "reference.db"));
    EXPECT_EQ(query("SELECT count(*) FROM __drizzle_migrations WHERE applied_at LIKE '____-__-__T__:__:__.___Z'"),
              "2\n");

    // Already applied: a no-op, exit 0.
    EXPECT_EQ(kit("resolve --applied " + A, out), 0) << out;
    EXPECT_NE(out.find("already recorded as applied"), std::string::npos) << out;
    EXPECT_EQ(query("SELECT count(*) FROM __drizzle_migrations"), "2\n");
}

TEST_F(CliStatus, ResolveBaselineToAndRolledBack) {
    v1(A, "CREATE TABLE a (x integer);");
    v1(B, "CREATE TABLE b (x integer);");
    v1(C, "CREATE TABLE c (x integer);");
    std::string out;
    ASSERT_EQ(kit("resolve --baseline-to drizzle/" + B + "/", out), 0) << out; // a path names it too
    EXPECT_NE(out.find("Recorded 2 migrations as applied"), std::string::npos) << out;
    EXPECT_EQ(query("SELECT name FROM __drizzle_migrations ORDER BY id"), A + "\n" + B + "\n");
    EXPECT_EQ(kit("resolve --baseline-to " + B, out), 0) << out;
    EXPECT_NE(out.find("already recorded as applied"), std::string::npos) << out;

    ASSERT_EQ(kit("migrate", out), 0) << out;
    EXPECT_EQ(query("SELECT group_concat(name) FROM sqlite_schema WHERE name IN ('a','b','c')"), "c\n");

    // Forget c (undone by hand), then migrate runs it again.
    query("DROP TABLE c");
    ASSERT_EQ(kit("resolve --rolled-back " + C, out), 0) << out;
    EXPECT_NE(out.find("Forgot " + C), std::string::npos) << out;
    EXPECT_EQ(query("SELECT count(*) FROM __drizzle_migrations WHERE name = '" + C + "'"), "0\n");
    auto doc = status_json();
    EXPECT_EQ(doc["migrations"][2]["status"], "pending");
    ASSERT_EQ(kit("migrate", out), 0) << out;
    EXPECT_EQ(query("SELECT count(*) FROM sqlite_schema WHERE name = 'c'"), "1\n");
    EXPECT_EQ(query("SELECT name FROM __drizzle_migrations ORDER BY id"), A + "\n" + B + "\n" + C + "\n");

    // A recorded migration whose folder is gone can be forgotten by its name.
    fs::remove_all(dir / "drizzle" / B);
    ASSERT_EQ(kit("resolve --rolled-back " + B, out), 0) << out;
    EXPECT_EQ(query("SELECT name FROM __drizzle_migrations ORDER BY id"), A + "\n" + C + "\n");
}

TEST_F(CliStatus, ResolveRefusals) {
    v1(A, "CREATE TABLE a (x integer);");
    v1(B, "CREATE TABLE b (x integer);");
    std::string out;
    EXPECT_EQ(kit("resolve --applied 20260101000000_aa", out), 3) << out;
    EXPECT_NE(out.find("no migration named \"20260101000000_aa\""), std::string::npos) << out;
    EXPECT_NE(out.find("did you mean:\n  " + A), std::string::npos) << out;

    EXPECT_EQ(kit("resolve --rolled-back " + A, out), 3) << out;
    EXPECT_NE(out.find("not recorded as applied"), std::string::npos) << out;
    ASSERT_EQ(kit("resolve --applied " + A, out), 0) << out;
    EXPECT_EQ(kit("resolve --rolled-back " + B, out), 3) << out;
    EXPECT_NE(out.find("migration " + B + " is not recorded as applied"), std::string::npos) << out;
    EXPECT_EQ(query("SELECT name FROM __drizzle_migrations"), A + "\n");

    EXPECT_EQ(kit("resolve", out), 3) << out;
    EXPECT_NE(out.find("exactly one of --applied"), std::string::npos) << out;
    EXPECT_EQ(kit("resolve --applied " + A + " --rolled-back " + A, out), 3) << out;

    EXPECT_EQ(kit("resolve --help", out), 0) << out;
    EXPECT_NE(out.find("--baseline-to"), std::string::npos) << out;
    EXPECT_NE(out.find("Examples"), std::string::npos) << out;
}

TEST_F(CliStatus, ResolveOnTheLegacyLayoutRecordsWhatMigrateRecords) {
    legacy({{"0000_a", 1700000000000}, {"0001_b", 1700000001000}, {"0002_c", 1700000002000}},
           {"CREATE TABLE a (x integer);", "CREATE TABLE b (x integer);", "CREATE TABLE c (x integer);"});
    std::string out;
    ASSERT_EQ(kit("migrate --url ./reference.db", out), 0) << out;
    ASSERT_EQ(kit("resolve --baseline-to 0001_b.sql", out), 0) << out;
    ASSERT_EQ(kit("migrate", out), 0) << out;
    EXPECT_EQ(query("SELECT group_concat(name) FROM sqlite_schema WHERE name IN ('a','b','c')"), "c\n");
    const std::string rows = "SELECT * FROM __drizzle_migrations ORDER BY rowid";
    EXPECT_EQ(query(rows), query(rows, "reference.db"));
    EXPECT_EQ(query("SELECT sql FROM sqlite_schema WHERE name = '__drizzle_migrations'"),
              query("SELECT sql FROM sqlite_schema WHERE name = '__drizzle_migrations'", "reference.db"));

    ASSERT_EQ(kit("resolve --rolled-back 0001_b", out), 0) << out;
    EXPECT_EQ(query("SELECT created_at FROM __drizzle_migrations ORDER BY rowid"), "1700000000000\n1700000002000\n");
    // b was baselined, never run: forgotten, migrate runs it now (older than c: out of order).
    ASSERT_EQ(kit("migrate --allow-out-of-order", out), 0) << out;
    EXPECT_EQ(query("SELECT count(*) FROM sqlite_schema WHERE name = 'b'"), "1\n");
}

} // namespace
