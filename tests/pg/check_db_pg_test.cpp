// `drizzle-kit check --db` on the real PostgreSQL: no drift after migrate, a column added by hand
// and an index dropped by hand are drift with the SQL back; the password is never printed.
#include "pg/pg_support.hpp"

#include <gtest/gtest.h>

namespace drizzle::test {
namespace {

namespace fs = std::filesystem;

class PgCheckDb : public PgTest {
protected:
    TempDir dir{"pg-check-db"};

    int kit(const std::string& command, std::string& output) {
        return run_kit(dir.path(), {command, "--dialect", "postgresql", "--url", url(), "--out", "drizzle"}, output);
    }
    int check_db(std::string& output) {
        return run_kit(dir.path(), {"check", "--db", "--dialect", "postgresql", "--url", url(), "--out", "drizzle"},
                       output);
    }
};

TEST_F(PgCheckDb, DriftFoundAndNotFound) {
    write_file(dir / "schema.sql", "CREATE TABLE users (id serial PRIMARY KEY, email text NOT NULL);\n"
                                   "CREATE INDEX users_email_idx ON users (email);\n");
    std::string out;
    ASSERT_EQ(
        run_kit(dir.path(),
                {"generate", "--dialect", "postgresql", "--schema", "schema.sql", "--out", "drizzle", "--name", "init"},
                out),
        0)
        << out;
    ASSERT_EQ(kit("migrate", out), 0) << out;
    EXPECT_EQ(check_db(out), 0) << out;
    EXPECT_NE(out.find("[✓] No drift"), std::string::npos) << out;

    auto db = connect();
    db->exec("ALTER TABLE users ADD COLUMN nickname text");
    db->exec("DROP INDEX users_email_idx");
    EXPECT_EQ(check_db(out), 1) << out;
    EXPECT_NE(out.find("column \"users\".\"nickname\" exists in the database but not in the migrations"),
              std::string::npos)
        << out;
    EXPECT_NE(out.find("index \"users_email_idx\" on \"users\" is in the migrations but not in the database"),
              std::string::npos)
        << out;
    EXPECT_NE(out.find("ALTER TABLE \"users\" DROP COLUMN \"nickname\";"), std::string::npos) << out;
    EXPECT_NE(out.find("CREATE INDEX \"users_email_idx\""), std::string::npos) << out;
    EXPECT_EQ(out.find("__drizzle_migrations"), std::string::npos) << out; // bookkeeping is no drift
}

} // namespace
} // namespace drizzle::test
