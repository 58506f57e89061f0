// The PostgreSQL migrator: failures per tx mode, txmode none, the lock timeout, custom bookkeeping names.
#include "drizzle/error.hpp"
#include "drizzle/migrate/migrator.hpp"
#include "pg/pg_support.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

namespace drizzle::test {
namespace {

namespace fs = std::filesystem;

class PgMigrateTest : public PgTest {
protected:
    MigrateResult run(const fs::path& folder, TxMode mode = TxMode::all, int lock_timeout_ms = 60000) {
        auto db = connect();
        MigrateOptions options;
        options.folder = folder;
        options.tx_mode = mode;
        options.lock_timeout_ms = lock_timeout_ms;
        return migrate(*db, options);
    }

    std::string count(const std::string& sql) {
        auto db = connect();
        return pg_scalar(*db, sql);
    }

    bool table_exists(const std::string& name) {
        return count("SELECT count(*) FROM pg_class WHERE relname = '" + name + "' AND relkind = 'r'") == "1";
    }
};

/// a (table + row), b (table), c (table, then division by zero in its second statement).
void write_failing_folder(const fs::path& out) {
    write_v1_migration(out, 0, "a", "CREATE TABLE ta (x int);--> statement-breakpoint\nINSERT INTO ta VALUES (1);");
    write_v1_migration(out, 1, "b", "CREATE TABLE tb (x int);");
    write_v1_migration(out, 2, "c", "CREATE TABLE tc (x int);\n--> statement-breakpoint\nSELECT 1/0;");
}

/// Counts the statements a connection sends to the server.
class CountingConnection : public Connection {
public:
    explicit CountingConnection(Connection& inner) : inner_(inner) {}
    Dialect dialect() const override { return inner_.dialect(); }
    void exec(std::string_view sql) override {
        sent.emplace_back(sql);
        inner_.exec(sql);
    }
    std::vector<Row> query(std::string_view sql, const std::vector<SqlValue>& params) override {
        sent.emplace_back(sql);
        return inner_.query(sql, params);
    }
    std::string describe() const override { return inner_.describe(); }
    std::vector<std::string> sent;

private:
    Connection& inner_;
};

TEST_F(PgMigrateTest, UpToDateDatabaseIsRecognisedInOneRoundTrip) {
    TempDir dir("pg-uptodate");
    for (int i = 0; i < 3; ++i) {
        write_v1_migration(dir / "drizzle", i, "m" + std::to_string(i),
                           "CREATE TABLE m" + std::to_string(i) + " (x int);");
    }
    EXPECT_EQ(run(dir / "drizzle").applied.size(), 3u);

    auto db = connect();
    CountingConnection counted(*db);
    MigrateOptions options;
    options.folder = dir / "drizzle";
    const MigrateResult again = migrate(counted, options);
    EXPECT_TRUE(again.applied.empty());
    EXPECT_EQ(again.already_applied, 3u);
    ASSERT_EQ(counted.sent.size(), 1u) << "application start should read the bookkeeping table once";
    EXPECT_NE(counted.sent[0].find("FROM \"drizzle\".\"__drizzle_migrations\""), std::string::npos) << counted.sent[0];

    // Something pending takes the full path (lock, re-read) and is applied once.
    write_v1_migration(dir / "drizzle", 3, "m3", "CREATE TABLE m3 (x int);");
    counted.sent.clear();
    EXPECT_EQ(migrate(counted, options).applied, std::vector<std::string>{"20250101000003_m3"});
    EXPECT_GT(counted.sent.size(), 1u);
    EXPECT_EQ(count("SELECT count(*) FROM drizzle.__drizzle_migrations"), "4");

    // An edited applied file is still refused when nothing is pending.
    write_file(dir / "drizzle" / "20250101000001_m1" / "migration.sql", "CREATE TABLE m1 (y int);");
    EXPECT_THROW(migrate(counted, options), UserError);
}

TEST_F(PgMigrateTest, FailureInAllModeAppliesNothing) {
    TempDir dir("pg-fail");
    write_failing_folder(dir / "drizzle");
    try {
        run(dir / "drizzle");
        FAIL() << "expected a DbError";
    } catch (const DbError& e) {
        const std::string message = e.what();
        EXPECT_EQ(e.code(), "22012");
        EXPECT_NE(message.find("while applying 20250101000002_c (20250101000002_c/migration.sql), statement 2: "
                               "division by zero (SQLSTATE 22012)"),
                  std::string::npos)
            << message;
        EXPECT_EQ(e.statement(), "SELECT 1/0;");
    }
    // As drizzle: the bookkeeping table was created before the transaction and stays, empty.
    EXPECT_EQ(count("SELECT count(*) FROM drizzle.__drizzle_migrations"), "0");
    EXPECT_FALSE(table_exists("ta"));
    EXPECT_FALSE(table_exists("tb"));
    EXPECT_FALSE(table_exists("tc"));
}

TEST_F(PgMigrateTest, FailureInFileModeKeepsEarlierMigrationsAndRerunCompletes) {
    TempDir dir("pg-fail");
    write_failing_folder(dir / "drizzle");
    EXPECT_THROW(run(dir / "drizzle", TxMode::file), DbError);
    EXPECT_EQ(count("SELECT string_agg(name, ',' ORDER BY id) FROM drizzle.__drizzle_migrations"),
              "20250101000000_a,20250101000001_b");
    EXPECT_TRUE(table_exists("ta"));
    EXPECT_TRUE(table_exists("tb"));
    EXPECT_FALSE(table_exists("tc"));

    write_file(dir / "drizzle/20250101000002_c/migration.sql", "CREATE TABLE tc (x int);");
    MigrateResult result = run(dir / "drizzle", TxMode::file);
    EXPECT_EQ(result.applied, std::vector<std::string>{"20250101000002_c"});
    EXPECT_EQ(count("SELECT count(*) FROM drizzle.__drizzle_migrations"), "3");
    EXPECT_TRUE(table_exists("tc"));
    EXPECT_EQ(count("SELECT count(*) FROM ta"), "1");
}

TEST_F(PgMigrateTest, CliReportsFileStatementAndSqlstate) {
    TempDir dir("pg-fail");
    write_failing_folder(dir / "drizzle");
    std::string output;
    EXPECT_EQ(run_kit_migrate(dir / "drizzle", url(), output), 1) << output;
    EXPECT_NE(output.find("while applying 20250101000002_c (20250101000002_c/migration.sql), statement 2"),
              std::string::npos)
        << output;
    EXPECT_NE(output.find("SQLSTATE 22012"), std::string::npos) << output;
    EXPECT_NE(output.find("SELECT 1/0;"), std::string::npos) << output;

    write_file(dir / "drizzle/20250101000002_c/migration.sql", "CREATE TABLE tc (x int);");
    EXPECT_EQ(run_kit_migrate(dir / "drizzle", url(), output), 0) << output;
    EXPECT_NE(output.find("3 migration(s) applied successfully!"), std::string::npos) << output;
}

TEST_F(PgMigrateTest, TxmodeNoneRunsConcurrentIndexOutsideATransaction) {
    TempDir dir("pg-none");
    const fs::path out = dir / "drizzle";
    write_v1_migration(out, 0, "table",
                       "CREATE TABLE t (x int);--> statement-breakpoint\nINSERT INTO t SELECT generate_series(1, 1000);");
    write_v1_migration(out, 1, "index",
                       "-- drizzle:txmode none\nCREATE INDEX CONCURRENTLY t_x_idx ON t (x);--> statement-breakpoint\n"
                       "CREATE INDEX CONCURRENTLY IF NOT EXISTS t_x2_idx ON t ((x * 2));");
    write_v1_migration(out, 2, "after", "CREATE TABLE u (y int);");
    std::vector<std::string> log;
    auto db = connect();
    MigrateOptions options;
    options.folder = out;
    options.log = [&](const std::string& line) { log.push_back(line); };
    MigrateResult result = migrate(*db, options);
    ASSERT_EQ(result.applied.size(), 3u);
    EXPECT_EQ(count("SELECT count(*) FROM pg_index WHERE indrelid = 't'::regclass AND indisvalid"), "2");
    EXPECT_TRUE(table_exists("u"));
    // The batch was split around it: three transactions, so "index" and "after" differ in applied_at.
    EXPECT_EQ(count("SELECT count(DISTINCT applied_at) FROM drizzle.__drizzle_migrations"), "3");
    EXPECT_EQ(count("SELECT string_agg(name, ',' ORDER BY id) FROM drizzle.__drizzle_migrations"),
              "20250101000000_table,20250101000001_index,20250101000002_after");
    EXPECT_TRUE(run(out).applied.empty());
}

TEST_F(PgMigrateTest, ConcurrentIndexWithoutTheDirectiveFailsInTheTransaction) {
    TempDir dir("pg-none");
    write_v1_migration(dir / "drizzle", 0, "t", "CREATE TABLE t (x int);");
    write_v1_migration(dir / "drizzle", 1, "idx", "CREATE INDEX CONCURRENTLY t_x_idx ON t (x);");
    try {
        run(dir / "drizzle");
        FAIL() << "expected a DbError";
    } catch (const DbError& e) {
        EXPECT_EQ(e.code(), "25001") << e.what();  // active_sql_transaction
    }
}

TEST_F(PgMigrateTest, FailingTxmodeNoneMigrationIsNotRecorded) {
    TempDir dir("pg-none");
    write_v1_migration(dir / "drizzle", 0, "bad",
                       "-- drizzle:txmode none\nCREATE TABLE kept (x int);--> statement-breakpoint\nSELECT 1/0;");
    try {
        run(dir / "drizzle");
        FAIL() << "expected a DbError";
    } catch (const DbError& e) {
        EXPECT_NE(std::string(e.what()).find("txmode none: the statements before this one stay applied"),
                  std::string::npos)
            << e.what();
    }
    EXPECT_TRUE(table_exists("kept"));
    EXPECT_EQ(count("SELECT count(*) FROM drizzle.__drizzle_migrations"), "0");
}

TEST_F(PgMigrateTest, LockTimeoutNamesTheTimeoutAndTheHolder) {
    TempDir dir("pg-lock");
    write_v1_migration(dir / "drizzle", 0, "a", "CREATE TABLE a (x int);");
    // Another migrator of the same table: the key is sha256("drizzle.__drizzle_migrations")[0..8].
    const std::string key_hex = sha256_hex("drizzle.__drizzle_migrations").substr(0, 16);
    const auto key = static_cast<std::int64_t>(std::stoull(key_hex, nullptr, 16));
    auto holder = connect();
    holder->query("SELECT pg_advisory_lock($1::bigint)", {key});
    const std::string holder_pid = std::to_string(holder->backend_pid());

    try {
        run(dir / "drizzle", TxMode::all, 300);
        FAIL() << "expected a DbError";
    } catch (const DbError& e) {
        const std::string message = e.what();
        EXPECT_EQ(e.code(), "55P03");
        EXPECT_NE(message.find("could not take the migration lock"), std::string::npos) << message;
        EXPECT_NE(message.find("within 300 ms (--lock-timeout)"), std::string::npos) << message;
        EXPECT_NE(message.find("held by backend pid " + holder_pid), std::string::npos) << message;
    }
    // The bookkeeping is created under the lock too: nothing exists yet.
    EXPECT_EQ(count("SELECT count(*) FROM pg_namespace WHERE nspname = 'drizzle'"), "0");
    EXPECT_THROW(run(dir / "drizzle", TxMode::all, 0), DbError);

    std::string output;
    EXPECT_EQ(run_kit_migrate(dir / "drizzle", url(), output, {"--lock-timeout", "1"}), 1) << output;
    EXPECT_NE(output.find("within 1000 ms (--lock-timeout)"), std::string::npos) << output;

    holder->query("SELECT pg_advisory_unlock($1::bigint)", {key});
    EXPECT_EQ(run(dir / "drizzle", TxMode::all, 300).applied.size(), 1u);
    // The lock_timeout setting of the session was given back.
    auto db = connect();
    EXPECT_EQ(pg_scalar(*db, "SELECT current_setting('lock_timeout')"), "0");
}

TEST_F(PgMigrateTest, WaitsForAnotherMigratorWithinTheTimeout) {
    TempDir dir("pg-lock");
    write_v1_migration(dir / "drizzle", 0, "a", "CREATE TABLE a (x int);");
    const auto key = static_cast<std::int64_t>(
        std::stoull(sha256_hex("drizzle.__drizzle_migrations").substr(0, 16), nullptr, 16));
    auto holder = connect();
    holder->query("SELECT pg_advisory_lock($1::bigint)", {key});
    // The waiting migrator is woken by the unlock, well before its timeout.
    std::thread unlock([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(500));
        holder->query("SELECT pg_advisory_unlock($1::bigint)", {key});
    });
    MigrateResult result = run(dir / "drizzle", TxMode::all, 10000);
    unlock.join();
    EXPECT_EQ(result.applied.size(), 1u);
}

TEST_F(PgMigrateTest, HonoursMigrationsSchemaAndTable) {
    TempDir dir("pg-names");
    write_v1_migration(dir / "drizzle", 0, "a", "CREATE TABLE a (x int);");
    auto db = connect();
    MigrateOptions options;
    options.folder = dir / "drizzle";
    options.schema = "audit";
    options.table = "My Migs";
    EXPECT_EQ(migrate(*db, options).applied.size(), 1u);
    EXPECT_EQ(pg_scalar(*db, "SELECT count(*) FROM audit.\"My Migs\""), "1");
    // As drizzle: the default "drizzle" schema is not created then.
    EXPECT_EQ(pg_scalar(*db, "SELECT count(*) FROM pg_namespace WHERE nspname = 'drizzle'"), "0");

    std::string output;
    write_v1_migration(dir / "drizzle", 1, "b", "CREATE TABLE b (x int);");
    EXPECT_EQ(run_kit_migrate(dir / "drizzle", url(), output,
                              {"--migrations-schema", "audit", "--migrations-table", "My Migs"}),
              0)
        << output;
    EXPECT_EQ(pg_scalar(*db, "SELECT count(*) FROM audit.\"My Migs\""), "2");
}

TEST_F(PgMigrateTest, RefusesATableThatIsNotDrizzles) {
    TempDir dir("pg-names");
    write_v1_migration(dir / "drizzle", 0, "a", "CREATE TABLE a (x int);");
    auto db = connect();
    db->exec("CREATE SCHEMA drizzle; CREATE TABLE drizzle.__drizzle_migrations (version text);");
    EXPECT_THROW(run(dir / "drizzle"), UserError);
}

}  // namespace
}  // namespace drizzle::test
