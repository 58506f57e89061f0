// drizzle-kit migrate on PostgreSQL from a config file, credential errors, and the startup example.
#include "pg/pg_support.hpp"

#include <gtest/gtest.h>

namespace drizzle::test {
namespace {

namespace fs = std::filesystem;

class PgCliTest : public PgTest {};

TEST_F(PgCliTest, MigratesWithCredentialFieldsFromTheConfig) {
    TempDir dir("pg-cli");
    write_v1_migration(dir / "drizzle", 0, "a", "CREATE TABLE a (x int);");
    auto db = connect();
    const std::string port = pg_scalar(*db, "SELECT current_setting('port')");
    const std::string user = pg_scalar(*db, "SELECT current_user");
    write_file(dir / "drizzle.config.json",
               "{ \"dialect\": \"postgresql\", \"out\": \"./drizzle\", \"dbCredentials\": { \"host\": \"127.0.0.1\", "
               "\"port\": " + port + ", \"user\": \"" + user + "\", \"database\": \"" + database() +
                   "\", \"ssl\": false } }");
    std::string output;
    EXPECT_EQ(run_kit(dir.path(), {"migrate"}, output), 0) << output;
    EXPECT_NE(output.find("1 migration(s) applied successfully!"), std::string::npos) << output;
    EXPECT_EQ(pg_scalar(*db, "SELECT name FROM drizzle.__drizzle_migrations"), "20250101000000_a");
}

TEST_F(PgCliTest, WrongPasswordExitsOneWithoutPrintingIt) {
    auto db = admin();
    db->exec("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'drizzle_pw') THEN "
             "CREATE ROLE drizzle_pw LOGIN PASSWORD 'right-secret'; END IF; END $$");
    TempDir dir("pg-cli");
    write_v1_migration(dir / "drizzle", 0, "a", "CREATE TABLE a (x int);");
    const std::string secret = "N0t-the-Pa55word";
    std::string output;
    EXPECT_EQ(run_kit_migrate(dir / "drizzle", pg_url_with_user(url(), "drizzle_pw", secret), output), 1) << output;
    EXPECT_NE(output.find("password authentication failed"), std::string::npos) << output;
    EXPECT_NE(output.find("drizzle_pw:***@"), std::string::npos) << output;
    EXPECT_EQ(output.find(secret), std::string::npos) << output;

    // The same through the config's fields.
    write_file(dir / "drizzle.config.json",
               "{ \"dialect\": \"postgresql\", \"dbCredentials\": { \"host\": \"127.0.0.1\", \"port\": " +
                   pg_scalar(*db, "SELECT current_setting('port')") + ", \"user\": \"drizzle_pw\", \"password\": \"" +
                   secret + "\", \"database\": \"" + database() + "\" } }");
    EXPECT_EQ(run_kit(dir.path(), {"migrate"}, output), 1) << output;
    EXPECT_NE(output.find("password authentication failed"), std::string::npos) << output;
    EXPECT_EQ(output.find(secret), std::string::npos) << output;
}

TEST_F(PgCliTest, MissingCredentialsAreAConfigError) {
    TempDir dir("pg-cli");
    write_v1_migration(dir / "drizzle", 0, "a", "CREATE TABLE a (x int);");  // the folder is checked first
    write_file(dir / "drizzle.config.json", "{ \"dialect\": \"postgresql\" }");
    std::string output;
    EXPECT_EQ(run_kit(dir.path(), {"migrate"}, output), 3) << output;
    EXPECT_NE(output.find("dbCredentials.url"), std::string::npos) << output;
}

#ifdef DRIZZLE_EXAMPLE_PG_STARTUP_EXE
TEST_F(PgCliTest, StartupExampleMigratesThenFindsNothingPending) {
    const std::string exe = DRIZZLE_EXAMPLE_PG_STARTUP_EXE;
    std::string output;
    const std::string command = "env DATABASE_URL=" + shell_quote(url()) + " " + shell_quote(exe);
    ASSERT_EQ(run_command(command, output), 0) << output;
    EXPECT_NE(output.find("2 migration(s) applied now, 0 already applied"), std::string::npos) << output;
    EXPECT_NE(output.find("20250101000000_init"), std::string::npos) << output;
    EXPECT_NE(output.find("20250102000000_posts_author_idx"), std::string::npos) << output;

    ASSERT_EQ(run_command(command, output), 0) << output;
    EXPECT_NE(output.find("0 migration(s) applied now, 2 already applied"), std::string::npos) << output;
    auto db = connect();
    EXPECT_EQ(pg_scalar(*db, "SELECT indisvalid FROM pg_index WHERE indexrelid = 'posts_author_idx'::regclass"), "t");

    EXPECT_EQ(run_command("env -u DATABASE_URL " + shell_quote(exe), output), 2) << output;
}
#endif

}  // namespace
}  // namespace drizzle::test
