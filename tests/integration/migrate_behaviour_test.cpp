// Migrator behaviour on real SQLite files: reruns, out-of-order, edited files, failures, locking.
#include "drizzle/dialect/sqlite_connection.hpp"
#include "drizzle/error.hpp"
#include "drizzle/migrate/folder.hpp"
#include "drizzle/migrate/migrator.hpp"
#include "integration/migrate_support.hpp"

#include <gtest/gtest.h>

namespace drizzle::test {
namespace {

namespace fs = std::filesystem;

/// A temp dir with a database and a v1 migrations folder.
struct Project {
    TempDir dir{"migrate-behaviour"};
    fs::path folder = dir / "drizzle";
    std::unique_ptr<sqlite::SqliteConnection> db =
        sqlite::SqliteConnection::open((dir / "local.db").string());
    std::vector<std::string> log;

    void add(const std::string& name, const std::string& sql) {
        write_file(folder / name / "migration.sql", sql);
    }

    MigrateResult run(TxMode mode = TxMode::all, bool allow_out_of_order = false,
                      bool allow_modified = false) {
        MigrateOptions options;
        options.folder = folder;
        options.tx_mode = mode;
        options.allow_out_of_order = allow_out_of_order;
        options.allow_modified = allow_modified;
        options.log = [this](const std::string& line) { log.push_back(line); };
        return migrate(*db, options);
    }

    bool has_table(const std::string& name) {
        return !db->query("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?", {name}).empty();
    }
    std::string recorded_names() {
        std::string names;
        for (auto& r : db->query("SELECT name FROM __drizzle_migrations ORDER BY rowid")) {
            names += (names.empty() ? "" : ",") + r[0].value_or("NULL");
        }
        return names;
    }
};

const std::string A = "20260101000000_a";
const std::string B = "20260101000100_b";
const std::string C = "20260101000200_c";

TEST(MigrateBehaviour, SecondRunAppliesNothing) {
    Project p;
    p.add(A, "CREATE TABLE ta (x integer);--> statement-breakpoint\nINSERT INTO ta VALUES (1);");
    p.add(B, "CREATE TABLE tb (x integer);");
    auto first = p.run();
    EXPECT_EQ(first.applied, (std::vector<std::string>{A, B}));
    EXPECT_EQ(first.already_applied, 0u);
    EXPECT_EQ(p.log, (std::vector<std::string>{"applied " + A + " (" + A + "/migration.sql)",
                                               "applied " + B + " (" + B + "/migration.sql)"}));
    std::string rows = dump_table_tsv(*p.db, "__drizzle_migrations");
    auto second = p.run();
    EXPECT_TRUE(second.applied.empty());
    EXPECT_EQ(second.already_applied, 2u);
    EXPECT_EQ(dump_table_tsv(*p.db, "__drizzle_migrations"), rows);
    EXPECT_EQ(scalar(*p.db, "SELECT count(*) FROM ta"), "1");
}

TEST(MigrateBehaviour, SecondRunAppliesNothingLegacy) {
    TempDir dir("migrate-behaviour");
    auto db = sqlite::SqliteConnection::open((dir / "local.db").string());
    MigrationsFolder folder{dir / "drizzle", FolderLayout::legacy, {}};
    NewMigration m;
    m.name = "init";
    m.sql = "CREATE TABLE t (x integer);";
    write_migration(folder, m, 1'700'000'000'000);
    m.name = "more";
    m.sql = "INSERT INTO t VALUES (1);";
    write_migration(folder, m, 1'700'000'001'000);
    MigrateOptions options;
    options.folder = folder.dir;
    EXPECT_EQ(migrate(*db, options).applied, (std::vector<std::string>{"0000_init", "0001_more"}));
    EXPECT_TRUE(migrate(*db, options).applied.empty());
    EXPECT_EQ(scalar(*db, "SELECT count(*) FROM t"), "1");
    EXPECT_EQ(scalar(*db, "SELECT group_concat(created_at) FROM __drizzle_migrations"),
              "1700000000000,1700000001000");
}

TEST(MigrateBehaviour, OutOfOrderIsAnErrorUnlessAllowed) {
    Project p;
    p.add(A, "CREATE TABLE ta (x integer);");
    p.add(C, "CREATE TABLE tc (x integer);");
    p.run();
    p.add(B, "CREATE TABLE tb (x integer);");  // merged from another branch
    p.add("20260101000300_d", "CREATE TABLE td (x integer);");
    try {
        p.run();
        FAIL() << "expected UserError";
    } catch (const UserError& e) {
        std::string message = e.what();
        EXPECT_NE(message.find("migration " + B + " is pending but older than the applied migration " + C),
                  std::string::npos)
            << message;
        EXPECT_EQ(message.find("20260101000300_d is pending"), std::string::npos) << message;
    }
    EXPECT_FALSE(p.has_table("tb"));
    EXPECT_FALSE(p.has_table("td"));  // nothing applied when refusing

    auto result = p.run(TxMode::all, /*allow_out_of_order=*/true);
    EXPECT_EQ(result.applied, (std::vector<std::string>{B, "20260101000300_d"}));
    EXPECT_EQ(result.out_of_order, (std::vector<std::string>{B}));
    EXPECT_TRUE(p.has_table("tb"));
    EXPECT_EQ(p.recorded_names(), A + "," + C + "," + B + ",20260101000300_d");
    EXPECT_NE(p.log.at(p.log.size() - 3).find("warning: applying out of order"), std::string::npos);
}

TEST(MigrateBehaviour, LegacyOlderJournalEntryIsNotSkippedSilently) {
    // drizzle-orm 0.45 skips an entry whose `when` is older than the newest applied one forever.
    TempDir dir("migrate-behaviour");
    auto db = sqlite::SqliteConnection::open((dir / "local.db").string());
    MigrationsFolder folder{dir / "drizzle", FolderLayout::legacy, {}};
    NewMigration m;
    m.name = "new";
    m.sql = "CREATE TABLE t_new (x integer);";
    write_migration(folder, m, 2'000);
    MigrateOptions options;
    options.folder = folder.dir;
    migrate(*db, options);
    m.name = "from_branch";
    m.sql = "CREATE TABLE t_branch (x integer);";
    write_migration(folder, m, 1'000);
    // generate dates it after the newest entry (2001); a branch merged with an older clock's entry
    // still can hold an older `when`: write it so, as the merge would.
    const fs::path journal = folder.dir / "meta" / "_journal.json";
    std::string text = read_file(journal);
    ASSERT_NE(text.find("\"when\": 2001"), std::string::npos) << text;
    text.replace(text.find("\"when\": 2001"), 12, "\"when\": 1000");
    write_file(journal, text);
    EXPECT_THROW(migrate(*db, options), UserError);
    options.allow_out_of_order = true;
    auto result = migrate(*db, options);
    EXPECT_EQ(result.applied, (std::vector<std::string>{"0001_from_branch"}));
    EXPECT_EQ(result.out_of_order, (std::vector<std::string>{"0001_from_branch"}));
}

TEST(MigrateBehaviour, EditedAppliedFileIsAnErrorUnlessAllowed) {
    Project p;
    p.add(A, "CREATE TABLE ta (x integer);");
    p.add(B, "CREATE TABLE tb (x integer);");
    p.run();
    std::string recorded = scalar(*p.db, "SELECT hash FROM __drizzle_migrations WHERE name = '" + B + "'");
    p.add(B, "CREATE TABLE tb (x integer, y text);");
    p.add(C, "CREATE TABLE tc (x integer);");
    std::string now = sha256_hex(read_file(p.folder / B / "migration.sql"));
    try {
        p.run();
        FAIL() << "expected UserError";
    } catch (const UserError& e) {
        std::string message = e.what();
        EXPECT_NE(message.find("migration " + B + " was applied but its file changed since (recorded hash " +
                               recorded.substr(0, 12) + ".., file hash " + now.substr(0, 12) + "..)"),
                  std::string::npos)
            << message;
    }
    EXPECT_FALSE(p.has_table("tc"));

    auto result = p.run(TxMode::all, false, /*allow_modified=*/true);
    EXPECT_EQ(result.modified, (std::vector<std::string>{B}));
    EXPECT_EQ(result.applied, (std::vector<std::string>{C}));
    // The row keeps the hash of what was applied; the edit is not silently adopted.
    EXPECT_EQ(scalar(*p.db, "SELECT hash FROM __drizzle_migrations WHERE name = '" + B + "'"), recorded);
}

void add_failing_set(Project& p) {
    p.add(A, "CREATE TABLE ta (x integer);--> statement-breakpoint\nINSERT INTO ta VALUES (1);");
    p.add(B, "CREATE TABLE tb (x integer);");
    p.add(C, "CREATE TABLE tc (x integer);--> statement-breakpoint\nINSERT INTO nope VALUES (1);");
}

void expect_failure_names_statement(Project& p, TxMode mode) {
    try {
        p.run(mode);
        FAIL() << "expected DbError";
    } catch (const DbError& e) {
        std::string message = e.what();
        EXPECT_EQ(
            message.rfind(
                "while applying " + C + " (" + C + "/migration.sql), statement 2: no such table: nope", 0),
            0u)
            << message;
        EXPECT_NE(message.find("INSERT INTO nope VALUES (1);"), std::string::npos) << message;
        EXPECT_EQ(e.code(), "SQLITE_ERROR");
        EXPECT_EQ(e.statement(), "INSERT INTO nope VALUES (1);");
    }
}

TEST(MigrateBehaviour, FailureInTxAllRollsBackEverything) {
    Project p;
    add_failing_set(p);
    expect_failure_names_statement(p, TxMode::all);
    EXPECT_FALSE(p.has_table("ta"));
    EXPECT_FALSE(p.has_table("tb"));
    EXPECT_FALSE(p.has_table("tc"));
    // The bookkeeping table was created before the transaction and stays, empty (as drizzle).
    EXPECT_TRUE(p.has_table("__drizzle_migrations"));
    EXPECT_EQ(scalar(*p.db, "SELECT count(*) FROM __drizzle_migrations"), "0");
    EXPECT_TRUE(p.log.empty());

    p.add(C, "CREATE TABLE tc (x integer);--> statement-breakpoint\nINSERT INTO tc VALUES (1);");
    EXPECT_EQ(p.run().applied, (std::vector<std::string>{A, B, C}));
    EXPECT_EQ(scalar(*p.db, "SELECT count(*) FROM ta"), "1");
}

TEST(MigrateBehaviour, FailureInTxFileKeepsEarlierMigrations) {
    Project p;
    add_failing_set(p);
    expect_failure_names_statement(p, TxMode::file);
    EXPECT_TRUE(p.has_table("ta"));
    EXPECT_TRUE(p.has_table("tb"));
    EXPECT_FALSE(p.has_table("tc"));
    EXPECT_EQ(p.recorded_names(), A + "," + B);
    EXPECT_EQ(p.log.size(), 2u);

    p.add(C, "CREATE TABLE tc (x integer);--> statement-breakpoint\nINSERT INTO tc VALUES (1);");
    EXPECT_EQ(p.run(TxMode::file).applied, (std::vector<std::string>{C}));
    EXPECT_EQ(p.recorded_names(), A + "," + B + "," + C);
}

TEST(MigrateBehaviour, StatementNumberCountsBreakpointPieces) {
    Project p;
    // One piece holding several statements (breakpoints off): the second statement fails.
    p.add(A,
          "CREATE TABLE ta (x integer);--> statement-breakpoint\n"
          "CREATE TABLE tb (x integer);\nINSERT INTO missing VALUES (1);\nCREATE TABLE tc (x);");
    try {
        p.run();
        FAIL() << "expected DbError";
    } catch (const DbError& e) {
        EXPECT_NE(std::string(e.what()).find("statement 2: no such table: missing"), std::string::npos)
            << e.what();
        EXPECT_EQ(e.statement(), "INSERT INTO missing VALUES (1);");
    }
    EXPECT_FALSE(p.has_table("ta"));
}

TEST(MigrateBehaviour, SeveralStatementsInOnePieceAllRun) {
    Project p;
    p.add(A, "CREATE TABLE ta (x integer);\nINSERT INTO ta VALUES (1);\nINSERT INTO ta VALUES (2);");
    p.run();
    EXPECT_EQ(scalar(*p.db, "SELECT count(*) FROM ta"), "2");
}

TEST(MigrateBehaviour, CustomTableName) {
    Project p;
    p.add(A, "CREATE TABLE ta (x integer);");
    MigrateOptions options;
    options.folder = p.folder;
    options.table = "my_migs";
    EXPECT_EQ(migrate(*p.db, options).applied.size(), 1u);
    EXPECT_TRUE(p.has_table("my_migs"));
    EXPECT_FALSE(p.has_table("__drizzle_migrations"));
    EXPECT_EQ(scalar(*p.db, "SELECT name FROM my_migs"), A);
    EXPECT_TRUE(migrate(*p.db, options).applied.empty());
}

TEST(MigrateBehaviour, MixedLayoutFolderIsRefused) {
    Project p;
    copy_tree(fixture("drizzle-kit/sqlite/up/before"), p.folder);
    p.add(A, "SELECT 1;");
    try {
        p.run();
        FAIL() << "expected UserError";
    } catch (const UserError& e) {
        EXPECT_NE(std::string(e.what()).find("drizzle-kit up"), std::string::npos) << e.what();
    }
}

TEST(MigrateBehaviour, WaitsForTheLockAndGivesUpAfterTheTimeout) {
    Project p;
    p.add(A, "CREATE TABLE ta (x integer);");
    p.db->exec("PRAGMA busy_timeout = 1234");
    auto other = sqlite::SqliteConnection::open((p.dir / "local.db").string());
    other->exec("BEGIN IMMEDIATE");
    MigrateOptions options;
    options.folder = p.folder;
    options.lock_timeout_ms = 100;
    try {
        migrate(*p.db, options);
        FAIL() << "expected DbError";
    } catch (const DbError& e) {
        EXPECT_EQ(e.code(), "SQLITE_BUSY");
        EXPECT_NE(std::string(e.what()).find("could not take the migration lock"), std::string::npos)
            << e.what();
    }
    other->exec("ROLLBACK");
    EXPECT_EQ(scalar(*p.db, "PRAGMA busy_timeout"), "1234");  // the run's timeout is not left behind
    EXPECT_EQ(migrate(*p.db, options).applied.size(), 1u);
}

TEST(MigrateBehaviour, InvalidUtf8FileIsHashedLikeDrizzle) {
    Project p;
    std::string sql = "-- caf\xE9\nCREATE TABLE ta (x integer);";
    p.add(A, sql);
    p.run();
    std::string as_node_reads_it = "-- caf\xEF\xBF\xBD\nCREATE TABLE ta (x integer);";
    EXPECT_EQ(scalar(*p.db, "SELECT hash FROM __drizzle_migrations"), sha256_hex(as_node_reads_it));
    EXPECT_TRUE(p.run().modified.empty());
}

}  // namespace
}  // namespace drizzle::test
