// The SQLite driver the migrator runs on: multi-statement exec, binding, error mapping.
#include "drizzle/dialect/sqlite_connection.hpp"
#include "drizzle/error.hpp"
#include "support/test_support.hpp"

#include <gtest/gtest.h>

#include <sqlite3.h>

namespace drizzle::test {
namespace {

using sqlite::SqliteConnection;

TEST(SqliteConnection, ExecRunsEveryStatementAndSkipsComments) {
    auto db = SqliteConnection::open(":memory:");
    db->exec(
        "-- leading comment\nCREATE TABLE t (a integer, b text);; /* c */ INSERT INTO t VALUES (1, 'x');\n"
        "SELECT * FROM t; INSERT INTO t VALUES (2, NULL); -- trailing");
    EXPECT_EQ(db->changes(), 1);
    auto rows = db->query("SELECT a, b FROM t ORDER BY a");
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0], (Row{"1", "x"}));
    EXPECT_EQ(rows[1], (Row{"2", std::nullopt}));
    db->exec("-- Custom SQL migration file, put your code below! --");  // no statement: no-op
    db->exec("");
}

TEST(SqliteConnection, QueryBindsEveryValueType) {
    auto db = SqliteConnection::open(":memory:");
    auto rows = db->query("SELECT ?, ?, ?, ?, typeof(?), ?",
                          {nullptr, std::int64_t{9007199254740993}, 1.5, std::string("t\xC3\xA9xt"), 1.5,
                           std::string("a\0b", 3)});
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0][0], std::nullopt);
    EXPECT_EQ(rows[0][1], "9007199254740993");
    EXPECT_EQ(rows[0][2], "1.5");
    EXPECT_EQ(rows[0][3], "t\xC3\xA9xt");
    EXPECT_EQ(rows[0][4], "real");
    EXPECT_EQ(rows[0][5], std::string("a\0b", 3));
}

TEST(SqliteConnection, ErrorsCarryCodeNameMessageAndStatement) {
    auto db = SqliteConnection::open(":memory:");
    db->exec("CREATE TABLE t (a integer PRIMARY KEY, b text NOT NULL UNIQUE)");
    db->exec("INSERT INTO t VALUES (1, 'x')");
    try {
        db->exec(
            "INSERT INTO t VALUES (2, 'y');\n  INSERT INTO t VALUES (3, 'x');\nINSERT INTO t VALUES (4, 'z');");
        FAIL() << "expected DbError";
    } catch (const DbError& e) {
        EXPECT_EQ(e.code(), "SQLITE_CONSTRAINT_UNIQUE");
        EXPECT_EQ(std::string(e.what()), "UNIQUE constraint failed: t.b");
        EXPECT_EQ(e.statement(), "INSERT INTO t VALUES (3, 'x');");
    }
    EXPECT_EQ(db->query("SELECT count(*) FROM t")[0][0], "2");  // statements before the failure ran
    try {
        db->exec("SELEC 1");
        FAIL() << "expected DbError";
    } catch (const DbError& e) {
        EXPECT_EQ(e.code(), "SQLITE_ERROR");
        EXPECT_EQ(std::string(e.what()), "near \"SELEC\": syntax error");
        EXPECT_EQ(e.statement(), "SELEC 1");
    }
    EXPECT_THROW(db->query("SELECT ?", {}), DbError);
    EXPECT_THROW(db->query("SELECT 1; SELECT 2"), DbError);
    EXPECT_NO_THROW(db->query("SELECT 1; -- fine"));
}

TEST(SqliteConnection, OpenNamesTheFileOnFailure) {
    try {
        SqliteConnection::open("/nonexistent-dir/sub/x.db");
        FAIL() << "expected DbError";
    } catch (const DbError& e) {
        EXPECT_NE(std::string(e.what()).find("/nonexistent-dir/sub/x.db"), std::string::npos);
        EXPECT_EQ(e.code(), "SQLITE_CANTOPEN");
    }
}

TEST(SqliteConnection, UrlsAndDescription) {
    EXPECT_EQ(sqlite::path_from_url("file:./local.db"), "./local.db");
    EXPECT_EQ(sqlite::path_from_url("file:///tmp/a.db"), "/tmp/a.db");
    EXPECT_EQ(sqlite::path_from_url("file:a.db?mode=rwc"), "a.db");
    EXPECT_EQ(sqlite::path_from_url("./x.db"), "./x.db");
    EXPECT_EQ(sqlite::path_from_url(":memory:"), ":memory:");
    TempDir dir("sqlite-conn");
    auto db = SqliteConnection::open("file:" + (dir / "x.db").string());
    EXPECT_EQ(db->describe(), "sqlite file " + (dir / "x.db").string());
    EXPECT_TRUE(std::filesystem::exists(dir / "x.db"));
    EXPECT_EQ(db->dialect(), Dialect::sqlite);
}

TEST(SqliteConnection, BusyTimeoutAndCodeNames) {
    TempDir dir("sqlite-conn");
    auto a = SqliteConnection::open((dir / "x.db").string(), 50);
    auto b = SqliteConnection::open((dir / "x.db").string(), 50);
    EXPECT_EQ(b->query("PRAGMA busy_timeout")[0][0], "50");
    a->exec("BEGIN IMMEDIATE");
    try {
        b->exec("BEGIN IMMEDIATE");
        FAIL() << "expected SQLITE_BUSY";
    } catch (const DbError& e) {
        EXPECT_EQ(e.code(), "SQLITE_BUSY");
    }
    a->exec("ROLLBACK");
    EXPECT_EQ(sqlite::result_code_name(SQLITE_CONSTRAINT_FOREIGNKEY), "SQLITE_CONSTRAINT_FOREIGNKEY");
    EXPECT_EQ(sqlite::result_code_name(SQLITE_IOERR_FSYNC), "SQLITE_IOERR_FSYNC");
    EXPECT_EQ(sqlite::result_code_name(SQLITE_CONSTRAINT | (99 << 8)), "SQLITE_CONSTRAINT_99");
}

}  // namespace
}  // namespace drizzle::test
