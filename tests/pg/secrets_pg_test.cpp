// Passwords of every shape, through every command that connects (and those that only read the config): no piece is printed.
#include "pg/pg_support.hpp"

#include "drizzle/error.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <set>

namespace drizzle::test {
namespace {

namespace fs = std::filesystem;

/// A wrong password the tests log in with. `url_safe`: may be written raw into a URL's user
/// info (every other shape must be refused there, with a hint to percent-encode).
struct PasswordShape {
    std::string name;
    std::string password;  ///< as the user means it
    std::string in_url;    ///< as written in the URL
    bool url_safe;
};

/// gtest prints the parameter by its name, not its bytes.
void PrintTo(const PasswordShape& shape, std::ostream* os) { *os << shape.name; }

std::string percent_encode(const std::string& text) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

std::vector<PasswordShape> shapes() {
    std::vector<PasswordShape> out;
    auto raw = [&](std::string name, std::string pw, bool safe) { out.push_back({name, pw, pw, safe}); };
    raw("at", "Zq7@Xw9k", false);
    raw("at_colon_slash", "Zq7@Kv:w/Rd9@Jh", false);  // the postgres://u:p@ss:w/rd@host/db shape
    raw("slash", "Zq7/Xw9k", false);
    raw("question", "Zq7?Xw9k", false);
    raw("hash", "Zq7#Xw9k", false);
    raw("space", "Zq7 Xw9k", false);
    raw("colon", "Zq7:Xw9k", false);
    raw("bad_percent", "Zq7%ZZw9k", false);
    raw("quotes", "Zq7'Xw\"9k", true);
    raw("backslash", "Zq7\\Xw9\\k", true);
    raw("unicode", "Zq7\xC3\xA9Xw\xE2\x82\xAC" "9k", true);
    std::string long_password;
    // Letters only: digit runs would also match the random numbers in temporary paths and names.
    for (int i = 0; long_password.size() < 300; ++i) {
        long_password += "Lq";
        long_password += static_cast<char>('A' + i * 7 % 26);
        long_password += static_cast<char>('A' + i * 11 % 26);
        long_password += "x";
    }
    raw("very_long", long_password, true);
    const std::string special = "Zq7@Kv:w/R?d#9 J%h";
    out.push_back({"percent_encoded", special, percent_encode(special), true});
    return out;
}

/// Every piece of the password (3 bytes or more) in each spelling it could be printed in.
std::set<std::string> fragments(const PasswordShape& shape) {
    std::set<std::string> out;
    for (const std::string& text : {shape.password, shape.in_url}) {
        for (std::size_t i = 0; i + 3 <= text.size(); ++i) {
            for (std::size_t n = 3; i + n <= text.size(); ++n) out.insert(text.substr(i, n));
        }
    }
    return out;
}

void expect_no_fragment(const PasswordShape& shape, const std::string& what, const std::string& output) {
    for (const auto& piece : fragments(shape)) {
        if (output.find(piece) != std::string::npos) {
            ADD_FAILURE() << what << " printed \"" << piece << "\", a piece of the password:\n" << output;
            return;
        }
    }
}

/// scripts/pg-test-server.sh makes drizzle_pw the one role that must give its password (every
/// other login is trusted), so every login below is drizzle_pw's. Its password is never one of
/// the shapes. Tests in parallel may race to create it: the loser finds it there.
void ensure_password_role(Connection& db) {
    try {
        db.exec("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'drizzle_pw') THEN "
                "CREATE ROLE drizzle_pw LOGIN PASSWORD 'right-secret'; END IF; END $$");
    } catch (const DbError&) {
        ASSERT_EQ(pg_scalar(db, "SELECT count(*) FROM pg_roles WHERE rolname = 'drizzle_pw'"), "1");
    }
}

class SecretsPgTest : public PgTest, public ::testing::WithParamInterface<PasswordShape> {};

// The role exists with another password, so every login below fails at authentication (or is
// refused before connecting), and the commands print their connection errors.
TEST_P(SecretsPgTest, NoPieceOfThePasswordIsPrintedByAnyCommand) {
    const PasswordShape& shape = GetParam();
    auto db = admin();
    ensure_password_role(*db);
    const std::string role = "drizzle_pw";
    const std::string port = pg_scalar(*db, "SELECT current_setting('port')");

    TempDir dir("pg-secrets");
    write_v1_migration(dir / "drizzle", 0, "a", "CREATE TABLE a (x int);");
    write_file(dir / "schema.sql", "CREATE TABLE a (x int);\n");
    const std::string url = "postgres://" + role + ":" + shape.in_url + "@127.0.0.1:" + port + "/" + database();
    nlohmann::json by_url = {{"dialect", "postgresql"},
                             {"schema", "./schema.sql"},
                             {"out", "./drizzle"},
                             {"dbCredentials", {{"url", url}}}};
    nlohmann::json by_fields = by_url;
    by_fields["dbCredentials"] = {{"host", "127.0.0.1"},
                                  {"port", std::stoi(port)},
                                  {"user", role},
                                  {"password", shape.password},
                                  {"database", database()}};
    write_file(dir / "url.json", by_url.dump(2));
    write_file(dir / "fields.json", by_fields.dump(2));

    const std::vector<std::vector<std::string>> commands = {
        {"migrate"},
        {"migrate", "down"},
        {"push", "--force"},
        {"pull", "--out", "./pulled"},
        {"generate", "--out", "./generated"},
        {"export"},
        // The team-workflow commands read the bookkeeping table (drop only asks; nothing is dropped).
        {"status"},
        {"check", "--db"},
        {"resolve", "--applied", "20250101000000_a"},
        {"drop", "--latest"}};
    for (const std::string config : {"url.json", "fields.json"}) {
        for (const auto& command : commands) {
            std::vector<std::string> args = command;
            args.insert(args.end(), {"--config", config});
            std::string output;
            const int code = run_kit(dir.path(), args, output);
            const std::string what = command[0] + (command.size() > 1 ? " " + command[1] : "") + " with " + config;
            expect_no_fragment(shape, what, output);
            if (command[0] == "generate" || command[0] == "export") {
                EXPECT_EQ(code, 0) << what << "\n" << output;  // no connection, and nothing to say about it
                continue;
            }
            if (config == "url.json" && !shape.url_safe) {
                EXPECT_EQ(code, 3) << what << "\n" << output;
                EXPECT_NE(output.find("Percent-encode the password"), std::string::npos) << what << "\n" << output;
            } else {
                EXPECT_EQ(code, 1) << what << "\n" << output;
                EXPECT_NE(output.find("password authentication failed"), std::string::npos) << what << "\n"
                                                                                          << output;
            }
        }
    }
}

INSTANTIATE_TEST_SUITE_P(Shapes, SecretsPgTest, ::testing::ValuesIn(shapes()),
                         [](const ::testing::TestParamInfo<PasswordShape>& info) { return info.param.name; });

class SecretsPgLoginTest : public PgTest {};

// The refusal is not a dead end: the same password percent-encoded logs in.
TEST_F(SecretsPgLoginTest, PercentEncodedSpecialCharactersLogIn) {
    auto db = admin();
    ensure_password_role(*db);
    const std::string password = "Wm4@Tb:e/N?c#2 H%y";
    db->exec("ALTER ROLE drizzle_pw PASSWORD 'Wm4@Tb:e/N?c#2 H%y'");
    db->exec("GRANT ALL ON DATABASE \"" + database() + "\" TO drizzle_pw");
    auto own = connect();
    own->exec("GRANT CREATE ON SCHEMA public TO drizzle_pw");
    const std::string port = pg_scalar(*db, "SELECT current_setting('port')");
    TempDir dir("pg-secrets");
    write_v1_migration(dir / "drizzle", 0, "a", "CREATE TABLE a (x int);");
    std::string output;
    const std::string url = "postgres://drizzle_pw:" + percent_encode(password) + "@127.0.0.1:" + port + "/" +
                            database();
    EXPECT_EQ(run_kit_migrate(dir / "drizzle", url, output), 0) << output;
    EXPECT_EQ(output.find("Wm4"), std::string::npos) << output;

    // Written raw, it is refused before any connection, naming what to encode.
    const std::string raw = "postgres://drizzle_pw:" + password + "@127.0.0.1:" + port + "/" + database();
    EXPECT_EQ(run_kit_migrate(dir / "drizzle", raw, output), 3) << output;
    EXPECT_NE(output.find("'@' -> %40"), std::string::npos) << output;
    EXPECT_NE(output.find("postgres://***@127.0.0.1:" + port), std::string::npos) << output;
    EXPECT_EQ(output.find("Wm4"), std::string::npos) << output;
    db->exec("ALTER ROLE drizzle_pw PASSWORD 'right-secret'");
}

}  // namespace
}  // namespace drizzle::test
