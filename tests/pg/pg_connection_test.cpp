// The libpq driver: exec/query semantics, errors with SQLSTATE, notices, credentials, URL spellings.
#include "drizzle/dialect/pg_connection.hpp"
#include "drizzle/error.hpp"
#include "pg/pg_support.hpp"

#include <gtest/gtest.h>

namespace drizzle::test {
namespace {

using pg::PgConnection;

TEST(PgUrl, NodePostgresSpellingsBecomeLibpqs) {
    EXPECT_EQ(pg::normalize_url("postgres://u:p@h:5/db?ssl=true"), "postgres://u:p@h:5/db?sslmode=require");
    EXPECT_EQ(pg::normalize_url("postgres://h/db?ssl=false&x=1"), "postgres://h/db?x=1&sslmode=disable");
    EXPECT_EQ(pg::normalize_url("postgresql://h/db?sslmode=no-verify"), "postgresql://h/db?sslmode=require");
    EXPECT_EQ(pg::normalize_url("postgres://h/db?ssl=true&sslmode=verify-full"),
              "postgres://h/db?sslmode=verify-full");
    EXPECT_EQ(pg::normalize_url("postgres://h/db"), "postgres://h/db");
    EXPECT_EQ(pg::normalize_url("host=h dbname=db"), "host=h dbname=db");
}

TEST(PgUrl, SslConfigValues) {
    EXPECT_EQ(pg::sslmode_from_config("true"), "require");
    EXPECT_EQ(pg::sslmode_from_config("false"), "disable");
    EXPECT_EQ(pg::sslmode_from_config("verify-full"), "verify-full");
    EXPECT_EQ(pg::sslmode_from_config("{\"rejectUnauthorized\":false}"), "require");
    EXPECT_THROW(pg::sslmode_from_config("{\"ca\":\"...\"}"), UserError);
    EXPECT_THROW(pg::sslmode_from_config("sometimes"), UserError);
}

class PgConnectionTest : public PgTest {};

TEST_F(PgConnectionTest, ExecRunsSeveralStatementsAndQueryBindsParameters) {
    auto db = connect();
    EXPECT_EQ(db->dialect(), Dialect::postgresql);
    db->exec("CREATE TABLE t (i bigint, d double precision, s text); INSERT INTO t VALUES (1, 0.5, 'a');");
    db->query("INSERT INTO t VALUES ($1, $2, $3)", {std::int64_t{-9'000'000'000}, 2.25, std::string("b'\"")});
    db->query("INSERT INTO t VALUES ($1, $2, $3)", {nullptr, nullptr, nullptr});
    auto rows = db->query("SELECT i, d, s FROM t ORDER BY i NULLS LAST");
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[0][0], "-9000000000");
    EXPECT_EQ(rows[0][1], "2.25");
    EXPECT_EQ(rows[0][2], "b'\"");
    EXPECT_EQ(rows[1][2], "a");
    EXPECT_FALSE(rows[2][0].has_value());
    EXPECT_EQ(pg_scalar(*db, "SELECT current_setting('application_name')"), "drizzle-kit");
    // Comment-only text (drizzle-kit's unedited --custom migration) is an empty query: accepted.
    EXPECT_NO_THROW(db->exec("-- Custom SQL migration file, put your code below! --"));
    EXPECT_GT(db->server_version(), 100000);
    EXPECT_GT(db->backend_pid(), 0);
}

TEST_F(PgConnectionTest, ErrorsCarrySqlstateMessageAndStatement) {
    auto db = connect();
    try {
        db->exec("CREATE TABLE ok (x int);\nSELECT 1/0;");
        FAIL() << "expected a DbError";
    } catch (const DbError& e) {
        EXPECT_EQ(e.code(), "22012");
        EXPECT_NE(std::string(e.what()).find("division by zero (SQLSTATE 22012)"), std::string::npos) << e.what();
        EXPECT_EQ(e.statement(), "CREATE TABLE ok (x int);\nSELECT 1/0;");
    }
    // The implicit transaction of the failed exec rolled back, and the connection still works.
    EXPECT_EQ(pg_scalar(*db, "SELECT count(*) FROM pg_class WHERE relname = 'ok'"), "0");
    try {
        db->query("INSERT INTO missing VALUES ($1)", {std::int64_t{1}});
        FAIL() << "expected a DbError";
    } catch (const DbError& e) {
        EXPECT_EQ(e.code(), "42P01");
    }
    try {
        db->exec("CREATE TABLE u (id int PRIMARY KEY); INSERT INTO u VALUES (1), (1);");
        FAIL() << "expected a DbError";
    } catch (const DbError& e) {
        EXPECT_EQ(e.code(), "23505");
        EXPECT_NE(std::string(e.what()).find("DETAIL: Key (id)=(1) already exists."), std::string::npos) << e.what();
    }
    EXPECT_THROW(db->exec("COPY (SELECT 1) TO STDOUT; SELECT 1/0"), DbError);
    db->exec("CREATE TABLE c (x int)");
    EXPECT_THROW(db->exec("COPY c FROM STDIN"), DbError);
    EXPECT_EQ(pg_scalar(*db, "SELECT 1"), "1");
}

TEST_F(PgConnectionTest, NoticesGoToTheHandler) {
    auto db = connect();
    std::vector<pg::Notice> notices;
    db->set_notice_handler([&](const pg::Notice& n) { notices.push_back(n); });
    db->exec("DO $$ BEGIN RAISE WARNING 'careful: %', 42; END $$");
    db->exec("CREATE SCHEMA IF NOT EXISTS public");
    ASSERT_EQ(notices.size(), 2u);
    EXPECT_EQ(notices[0].severity, "WARNING");
    EXPECT_EQ(notices[0].message, "careful: 42");
    EXPECT_EQ(notices[1].severity, "NOTICE");
    EXPECT_EQ(notices[1].sqlstate, "42P06");
    db->set_notice_handler({});
    EXPECT_NO_THROW(db->exec("CREATE SCHEMA IF NOT EXISTS public"));
    EXPECT_EQ(notices.size(), 2u);
}

TEST_F(PgConnectionTest, OpensFromCredentialFields) {
    auto probe = connect();
    DbCredentials credentials;
    credentials.host = "127.0.0.1";
    credentials.port = std::stoi(pg_scalar(*probe, "SELECT current_setting('port')"));
    credentials.user = pg_scalar(*probe, "SELECT current_user");
    credentials.database = database();
    credentials.ssl = "false";
    auto db = PgConnection::open(credentials);
    EXPECT_EQ(pg_scalar(*db, "SELECT current_database()"), database());
    EXPECT_EQ(db->describe(), "postgresql " + *credentials.user + "@127.0.0.1:" +
                                  std::to_string(*credentials.port) + "/" + database());
    EXPECT_THROW(PgConnection::open(DbCredentials{}), UserError);
}

TEST_F(PgConnectionTest, WrongPasswordIsReportedWithoutThePassword) {
    // scripts/pg-test-server.sh makes drizzle_pw the one role that must give its password.
    auto db = admin();
    db->exec("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'drizzle_pw') THEN "
             "CREATE ROLE drizzle_pw LOGIN PASSWORD 'right-secret'; END IF; END $$");
    const std::string secret = "Wr0ng-s3cret-Pw";
    const std::string url = pg_url_with_user(this->url(), "drizzle_pw", secret);
    try {
        PgConnection::open(url);
        FAIL() << "the server accepted a wrong password for drizzle_pw: its pg_hba.conf must require "
                  "scram-sha-256 for that role (scripts/pg-test-server.sh adds the rule)";
    } catch (const DbError& e) {
        const std::string message = e.what();
        EXPECT_NE(message.find("password authentication failed"), std::string::npos) << message;
        EXPECT_EQ(message.find(secret), std::string::npos) << message;
        EXPECT_NE(message.find("drizzle_pw:***@"), std::string::npos) << message;
        EXPECT_EQ(e.code(), "08001");
    }
    // Nothing listening: the message names the redacted URL, never the password.
    try {
        PgConnection::open("postgres://someone:" + secret + "@127.0.0.1:1/x?connect_timeout=5");
        FAIL() << "expected a DbError";
    } catch (const DbError& e) {
        EXPECT_EQ(std::string(e.what()).find(secret), std::string::npos) << e.what();
    }
    // A key=value string with the password as a parameter.
    try {
        PgConnection::open("host=127.0.0.1 port=1 user=someone password=" + secret + " connect_timeout=5");
        FAIL() << "expected a DbError";
    } catch (const DbError& e) {
        EXPECT_EQ(std::string(e.what()).find(secret), std::string::npos) << e.what();
    }
}

}  // namespace
}  // namespace drizzle::test
