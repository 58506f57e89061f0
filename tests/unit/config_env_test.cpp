// `${NAME}` expansion, password redaction and dotenv loading in drizzle.config.
#include "config/config_detail.hpp"
#include "drizzle/config/config.hpp"
#include "drizzle/error.hpp"
#include "support/test_support.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <functional>

namespace drizzle {
namespace {

using test::TempDir;
using test::write_file;

/// Sets (or unsets, with std::nullopt) an environment variable for the life of the object.
class ScopedEnv {
public:
    ScopedEnv(std::string name, const std::optional<std::string>& value) : name_(std::move(name)) {
        if (const char* old = std::getenv(name_.c_str())) old_ = old;
        if (value) {
            ::setenv(name_.c_str(), value->c_str(), 1);
        } else {
            ::unsetenv(name_.c_str());
        }
    }
    ~ScopedEnv() {
        if (old_) {
            ::setenv(name_.c_str(), old_->c_str(), 1);
        } else {
            ::unsetenv(name_.c_str());
        }
    }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

private:
    std::string name_;
    std::optional<std::string> old_;
};

/// Runs the test body in another working directory (dotenv reads `.env` from the cwd).
class ScopedCwd {
public:
    explicit ScopedCwd(const std::filesystem::path& dir) : old_(std::filesystem::current_path()) {
        std::filesystem::current_path(dir);
    }
    ~ScopedCwd() { std::filesystem::current_path(old_); }
    ScopedCwd(const ScopedCwd&) = delete;
    ScopedCwd& operator=(const ScopedCwd&) = delete;

private:
    std::filesystem::path old_;
};

std::string user_error(const std::function<void()>& load) {
    try {
        load();
    } catch (const UserError& e) {
        return e.what();
    }
    ADD_FAILURE() << "expected a UserError";
    return "";
}

TEST(ConfigExpandEnv, ReplacesPlaceholders) {
    ScopedEnv a("DRIZZLE_TEST_A", "alpha");
    ScopedEnv b("DRIZZLE_TEST_B", "");
    EXPECT_EQ(expand_env("plain", "w"), "plain");
    EXPECT_EQ(expand_env("${DRIZZLE_TEST_A}", "w"), "alpha");
    EXPECT_EQ(expand_env("x${DRIZZLE_TEST_A}y${DRIZZLE_TEST_B}z${DRIZZLE_TEST_A}", "w"), "xalphayzalpha");
    EXPECT_EQ(expand_env("$DRIZZLE_TEST_A costs $5 {}", "w"), "$DRIZZLE_TEST_A costs $5 {}");
    EXPECT_EQ(expand_env("trailing $", "w"), "trailing $");
}

TEST(ConfigExpandEnv, UnsetAndMalformedPlaceholders) {
    ScopedEnv unset("DRIZZLE_TEST_UNSET", std::nullopt);
    auto e = user_error([] { expand_env("a${DRIZZLE_TEST_UNSET}", "cfg.json: \"out\""); });
    EXPECT_EQ(e, "cfg.json: \"out\": environment variable DRIZZLE_TEST_UNSET is not set");
    e = user_error([] { expand_env("a${OPEN", "where"); });
    EXPECT_NE(e.find("where: unterminated '${'"), std::string::npos) << e;
    e = user_error([] { expand_env("${}", "where"); });
    EXPECT_NE(e.find("where: '${...}' must hold an environment variable name"), std::string::npos) << e;
    e = user_error([] { expand_env("${1A}", "where"); });
    EXPECT_NE(e.find("must hold an environment variable name"), std::string::npos) << e;
}

class ConfigEnv : public ::testing::Test {
protected:
    Config load(const std::string& text, const std::string& name = "drizzle.config.json") {
        write_file(dir_ / name, text);
        return load_config(dir_ / name);
    }
    std::string error(const std::string& text, const std::string& name = "drizzle.config.json") {
        return user_error([&] { load(text, name); });
    }
    TempDir dir_{"drizzle-config-env"};
};

TEST_F(ConfigEnv, ExpandsEveryStringValue) {
    ScopedEnv url("DRIZZLE_TEST_URL", "postgres://u:secret@h:5432/db");
    ScopedEnv port("DRIZZLE_TEST_PORT", "6000");
    ScopedEnv dir("DRIZZLE_TEST_DIR", "src");
    ScopedEnv dialect("DRIZZLE_TEST_DIALECT", "postgresql");
    Config c = load(R"({"dialect": "${DRIZZLE_TEST_DIALECT}", "schema": ["./${DRIZZLE_TEST_DIR}/a.ts"],
        "out": "./${DRIZZLE_TEST_DIR}/drizzle", "migrations": {"table": "${DRIZZLE_TEST_DIR}_m"},
        "dbCredentials": {"url": "${DRIZZLE_TEST_URL}", "port": "${DRIZZLE_TEST_PORT}",
                          "password": "pre-${DRIZZLE_TEST_DIR}"}})");
    EXPECT_EQ(c.dialect, Dialect::postgresql);
    EXPECT_EQ(c.schema, std::vector<std::string>{"./src/a.ts"});
    EXPECT_EQ(c.out, "./src/drizzle");
    EXPECT_EQ(c.migrations_table, "src_m");
    EXPECT_EQ(c.credentials.url, "postgres://u:secret@h:5432/db");
    EXPECT_EQ(c.credentials.port, 6000);
    EXPECT_EQ(c.credentials.password, "pre-src");
    EXPECT_EQ(c.credentials.display(), "postgres://u:***@h:5432/db");
}

TEST_F(ConfigEnv, BooleanKeysAcceptExpandedTrueAndFalse) {
    ScopedEnv on("DRIZZLE_TEST_ON", "true");
    ScopedEnv off("DRIZZLE_TEST_OFF", "false");
    ScopedEnv unset("DRIZZLE_TEST_DIALECT_NONE", std::nullopt);
    Config c =
        load(R"({"dialect": "sqlite", "verbose": "${DRIZZLE_TEST_ON}", "breakpoints": "${DRIZZLE_TEST_OFF}",
                        "strict": "true"})");
    EXPECT_TRUE(c.verbose);
    EXPECT_FALSE(c.breakpoints);
    EXPECT_TRUE(c.strict);
    auto e = error(R"({"dialect": "sqlite", "verbose": "${DRIZZLE_TEST_DIALECT_NONE}x"})");
    EXPECT_NE(e.find("\"verbose\": environment variable DRIZZLE_TEST_DIALECT_NONE is not set"),
              std::string::npos)
        << e;
}

TEST_F(ConfigEnv, UnsetVariableNamesVariableAndKey) {
    ScopedEnv unset("DRIZZLE_TEST_UNSET", std::nullopt);
    auto e = error(R"({"dialect": "sqlite", "dbCredentials": {"url": "${DRIZZLE_TEST_UNSET}"}})");
    EXPECT_EQ(e, "" + (dir_ / "drizzle.config.json").string() +
                     ": \"dbCredentials.url\": environment variable DRIZZLE_TEST_UNSET is not set");
    e = error(R"({"dialect": "sqlite", "schema": ["a", "${DRIZZLE_TEST_UNSET}"]})");
    EXPECT_NE(
        e.find("drizzle.config.json: \"schema[1]\": environment variable DRIZZLE_TEST_UNSET is not set"),
        std::string::npos)
        << e;
}

TEST_F(ConfigEnv, ErrorsAboutPasswordsDoNotPrintThem) {
    ScopedEnv unset("DRIZZLE_TEST_UNSET", std::nullopt);
    auto e =
        error(R"({"dialect": "postgresql", "dbCredentials": {"password": "hunter2${DRIZZLE_TEST_UNSET}"}})");
    EXPECT_NE(e.find("\"dbCredentials.password\": environment variable DRIZZLE_TEST_UNSET is not set"),
              std::string::npos)
        << e;
    EXPECT_EQ(e.find("hunter2"), std::string::npos) << e;
    e = error(R"({"dialect": "postgresql", "dbCredentials": {"password": "hunter2${broken"}})");
    EXPECT_EQ(e.find("hunter2"), std::string::npos) << e;
    e = error(R"({"dialect": "postgresql", "dbCredentials": {"password": 12345}})");
    EXPECT_NE(e.find("\"dbCredentials.password\" must be a string (found number)"), std::string::npos) << e;
    EXPECT_EQ(e.find("12345"), std::string::npos) << e;
    e = error(R"({"dialect": "postgres://u:hunter2@h/db"})");
    EXPECT_NE(e.find("unknown dialect \"postgres://u:***@h/db\""), std::string::npos) << e;
    EXPECT_EQ(e.find("hunter2"), std::string::npos) << e;
}

TEST_F(ConfigEnv, UnknownKeysAreNotExpanded) {
    ScopedEnv unset("DRIZZLE_TEST_UNSET", std::nullopt);
    Config c = load(R"({"dialect": "sqlite", "custom": "${DRIZZLE_TEST_UNSET}"})");
    EXPECT_EQ(c.warnings.size(), 1u);
}

TEST(ConfigRedactUrl, HidesPasswords) {
    EXPECT_EQ(redact_url("postgres://user:pass@host/db"), "postgres://user:***@host/db");
    EXPECT_EQ(redact_url("postgresql://user:pass@host:5432/db?sslmode=require"),
              "postgresql://user:***@host:5432/db?sslmode=require");
    EXPECT_EQ(redact_url("postgres://user:p@ss@host/db"), "postgres://user:***@host/db");
    EXPECT_EQ(redact_url("postgres://user:pa/ss@host/db"), "postgres://user:***@host/db");
    EXPECT_EQ(redact_url("mysql://root:secret@localhost:3306/app"), "mysql://root:***@localhost:3306/app");
    EXPECT_EQ(redact_url("postgres://h/db?user=u&password=secret&ssl=true"),
              "postgres://h/db?user=u&password=***&ssl=true");
    EXPECT_EQ(redact_url("libsql://db.turso.io?authToken=abc.def"), "libsql://db.turso.io?authToken=***");
    EXPECT_EQ(redact_url("host=h password='a b' user=u"), "host=h password=*** user=u");
    EXPECT_EQ(redact_url("host=h password=secret"), "host=h password=***");
    EXPECT_EQ(redact_url("postgres://u:a:b@h/db"), "postgres://u:***@h/db");
}

TEST(ConfigRedactUrl, LeavesStringsWithoutSecretsAlone) {
    for (const char* same : {"postgres://user@host/db", "postgres://host:5432/db", "file:./local.db",
                             "./sqlite.db", "", "postgres://u:@h/db", "mypassword=x", "https://x.io/a@b"}) {
        EXPECT_EQ(redact_url(same), same);
    }
}

TEST(ConfigDbCredentialsDisplay, NeverShowsThePassword) {
    DbCredentials c;
    EXPECT_EQ(c.display(), "");
    c.host = "h";
    c.password = "hunter2";
    EXPECT_EQ(c.display(), "h");
    c.user = "u";
    c.port = 1;
    c.database = "d";
    EXPECT_EQ(c.display(), "u@h:1/d");
    c.url = "postgres://u:hunter2@h/d";
    EXPECT_EQ(c.display(), "postgres://u:***@h/d");
}

TEST(ConfigDotenv, ParsesLikeTheDotenvPackage) {
    auto vars = config_detail::parse_dotenv(
        "# comment\n"
        "A=1\n"
        "export B = two  \n"
        "C='single # not a comment'\n"
        "D=\"line\\nbreak\"\n"
        "E=unquoted # comment\n"
        "F=\"multi\nline\"\n"
        "G=\n"
        "not a pair\n"
        "H.I-J=dots\r\n"
        "K=`back`\n");
    EXPECT_EQ(vars["A"], "1");
    EXPECT_EQ(vars["B"], "two");
    EXPECT_EQ(vars["C"], "single # not a comment");
    EXPECT_EQ(vars["D"], "line\nbreak");
    EXPECT_EQ(vars["E"], "unquoted");
    EXPECT_EQ(vars["F"], "multi\nline");
    EXPECT_EQ(vars["G"], "");
    EXPECT_EQ(vars["H.I-J"], "dots");
    EXPECT_EQ(vars["K"], "back");
    EXPECT_EQ(vars.count("not"), 0u);
}

/// Evaluates TS with `.env` files under `cwd` and a fixed process environment.
config_detail::TsConfigResult eval_with_dotenv(const std::string& source, const std::filesystem::path& cwd,
                                               std::map<std::string, std::string> env = {}) {
    config_detail::EnvLookup lookup = [env](const std::string& name) -> std::optional<std::string> {
        auto it = env.find(name);
        if (it == env.end()) return std::nullopt;
        return it->second;
    };
    return config_detail::parse_ts_config(source, "drizzle.config.ts", lookup, cwd);
}

TEST(ConfigDotenvInTs, EveryWayOfLoadingIt) {
    TempDir dir("drizzle-dotenv");
    write_file(dir / ".env", "DB_URL=from-dotenv\nSHARED=dotenv\n");
    write_file(dir / ".env.local", "DB_URL=from-local\n");
    const char* loaders[] = {
        "import 'dotenv/config';",
        "import * as dotenv from 'dotenv';\ndotenv.config();",
        "import dotenv from 'dotenv';\ndotenv.config({});",
        "import { config } from 'dotenv';\nconfig();",
        "import { config as load } from 'dotenv';\nload();",
        "require('dotenv').config();",
        "require('dotenv/config');",
        "const env = require('dotenv').config();",
        "const dotenv = require('dotenv');\ndotenv.config();",
    };
    for (const char* loader : loaders) {
        auto r = eval_with_dotenv(std::string(loader) +
                                      "\nexport default { url: process.env.DB_URL, "
                                      "shared: process.env.SHARED };",
                                  dir.path(), {{"SHARED", "process"}});
        EXPECT_EQ(r.value["url"], "from-dotenv") << loader;
        EXPECT_EQ(r.value["shared"], "process") << loader;  // the process environment wins
    }
    auto local = eval_with_dotenv(
        "import { config } from 'dotenv';\nconfig({ path: '.env.local' });\n"
        "export default { url: process.env.DB_URL };",
        dir.path());
    EXPECT_EQ(local.value["url"], "from-local");
    auto both = eval_with_dotenv(
        "import { config } from 'dotenv';\nconfig({ path: ['.env.local', '.env'] });\n"
        "export default { url: process.env.DB_URL };",
        dir.path());
    EXPECT_EQ(both.value["url"], "from-local");  // the first file that sets a variable wins
    auto override = eval_with_dotenv(
        "import { config } from 'dotenv';\nconfig({ override: true });\n"
        "export default { shared: process.env.SHARED };",
        dir.path(), {{"SHARED", "process"}});
    EXPECT_EQ(override.value["shared"], "dotenv");
    auto missing = eval_with_dotenv("import 'dotenv/config';\nexport default { url: process.env.DB_URL };",
                                    dir / "nowhere");
    EXPECT_FALSE(missing.value.contains("url"));
    auto none = eval_with_dotenv("export default { url: process.env.DB_URL };", dir.path());
    EXPECT_FALSE(none.value.contains("url"));  // no dotenv import: .env is not read
}

TEST(ConfigDotenvInTs, BadOptions) {
    TempDir dir("drizzle-dotenv");
    auto e = user_error([&] {
        eval_with_dotenv("import { config } from 'dotenv';\nconfig({ path: 1 });\nexport default {}",
                         dir.path());
    });
    EXPECT_NE(e.find("drizzle.config.ts:2:8: dotenv's 'path' option must be a string"), std::string::npos)
        << e;
}

TEST_F(ConfigEnv, DotenvVariablesReachPlaceholdersThroughLoadConfig) {
    ScopedEnv unset("DRIZZLE_TEST_FROM_DOTENV", std::nullopt);
    write_file(dir_ / ".env", "DRIZZLE_TEST_FROM_DOTENV=postgres://u:pw@h/db\n");
    ScopedCwd cwd(dir_.path());
    Config c = load(
        "import 'dotenv/config';\nexport default { dialect: 'postgresql', dbCredentials: "
        "{ url: process.env.DRIZZLE_TEST_FROM_DOTENV }, out: '${DRIZZLE_TEST_FROM_DOTENV}' };",
        "drizzle.config.ts");
    EXPECT_EQ(c.credentials.url, "postgres://u:pw@h/db");
    EXPECT_EQ(c.out, "postgres://u:pw@h/db");
    EXPECT_EQ(std::getenv("DRIZZLE_TEST_FROM_DOTENV"), nullptr);  // the process environment is untouched
}

}  // namespace
}  // namespace drizzle
