// drizzle.config.json: every key, defaults, unknown-key warnings and the error messages.
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

/// The message of the UserError `load` throws; fails the test when it throws nothing.
std::string user_error(const std::function<void()>& load) {
    try {
        load();
    } catch (const UserError& e) {
        return e.what();
    }
    ADD_FAILURE() << "expected a UserError";
    return "";
}

class ConfigJson : public ::testing::Test {
protected:
    Config load(const std::string& json) {
        write_file(dir_ / "drizzle.config.json", json);
        return load_config(dir_ / "drizzle.config.json");
    }
    std::string error(const std::string& json) {
        return user_error([&] { load(json); });
    }
    TempDir dir_{"drizzle-config-json"};
};

TEST_F(ConfigJson, MinimalConfigKeepsDrizzleKitDefaults) {
    Config c = load(R"({"dialect": "sqlite"})");
    EXPECT_EQ(c.dialect, Dialect::sqlite);
    EXPECT_EQ(c.dialect_name, "sqlite");
    EXPECT_EQ(c.out, "./drizzle");
    EXPECT_TRUE(c.schema.empty());
    EXPECT_TRUE(c.credentials.empty());
    EXPECT_EQ(c.migrations_table, "__drizzle_migrations");
    EXPECT_EQ(c.migrations_schema, "drizzle");
    EXPECT_FALSE(c.migrations_prefix);
    EXPECT_FALSE(c.strict);
    EXPECT_FALSE(c.verbose);
    EXPECT_TRUE(c.breakpoints);
    EXPECT_FALSE(c.casing);
    EXPECT_FALSE(c.driver);
    EXPECT_FALSE(c.introspect_casing);
    EXPECT_FALSE(c.roles.enabled);
    EXPECT_TRUE(c.warnings.empty());
    EXPECT_EQ(c.file, dir_ / "drizzle.config.json");
    EXPECT_EQ(c.base_dir, std::filesystem::absolute(dir_.path()).lexically_normal());
}

TEST_F(ConfigJson, ReadsEveryKey) {
    Config c = load(R"({
        "dialect": "postgresql",
        "schema": ["./src/a.ts", "./src/b/*.ts"],
        "out": "./migrations",
        "driver": "pglite",
        "dbCredentials": {"host": "localhost", "port": 5433, "user": "app", "password": "pw",
                          "database": "appdb", "ssl": "require"},
        "migrations": {"table": "my_migrations", "schema": "public", "prefix": "timestamp"},
        "tablesFilter": ["users*", "!temp"],
        "schemaFilter": ["public", "auth"],
        "extensionsFilters": ["postgis"],
        "strict": true,
        "verbose": true,
        "breakpoints": false,
        "casing": "snake_case",
        "introspect": {"casing": "preserve"},
        "entities": {"roles": {"provider": "supabase", "include": ["admin"], "exclude": ["guest"]}}
    })");
    EXPECT_EQ(c.dialect, Dialect::postgresql);
    EXPECT_EQ(c.schema, (std::vector<std::string>{"./src/a.ts", "./src/b/*.ts"}));
    EXPECT_EQ(c.out, "./migrations");
    EXPECT_EQ(c.driver, "pglite");
    EXPECT_EQ(c.credentials.host, "localhost");
    EXPECT_EQ(c.credentials.port, 5433);
    EXPECT_EQ(c.credentials.user, "app");
    EXPECT_EQ(c.credentials.password, "pw");
    EXPECT_EQ(c.credentials.database, "appdb");
    EXPECT_EQ(c.credentials.ssl, "require");
    EXPECT_FALSE(c.credentials.url);
    EXPECT_EQ(c.migrations_table, "my_migrations");
    EXPECT_EQ(c.migrations_schema, "public");
    EXPECT_EQ(c.migrations_prefix, "timestamp");
    EXPECT_EQ(c.tables_filter, (std::vector<std::string>{"users*", "!temp"}));
    EXPECT_EQ(c.schema_filter, (std::vector<std::string>{"public", "auth"}));
    EXPECT_EQ(c.extensions_filters, (std::vector<std::string>{"postgis"}));
    EXPECT_TRUE(c.strict);
    EXPECT_TRUE(c.verbose);
    EXPECT_FALSE(c.breakpoints);
    EXPECT_EQ(c.casing, "snake_case");
    EXPECT_EQ(c.introspect_casing, "preserve");
    EXPECT_TRUE(c.roles.enabled);
    EXPECT_EQ(c.roles.provider, "supabase");
    EXPECT_EQ(c.roles.include, (std::vector<std::string>{"admin"}));
    EXPECT_EQ(c.roles.exclude, (std::vector<std::string>{"guest"}));
    EXPECT_TRUE(c.warnings.empty());
    EXPECT_EQ(c.credentials.display(), "app@localhost:5433/appdb");
}

TEST_F(ConfigJson, StringFormsOfSchemaAndFilters) {
    Config c = load(R"({"dialect": "sqlite", "schema": "./schema.ts", "tablesFilter": "users",
                        "schemaFilter": "public", "casing": "camelCase"})");
    EXPECT_EQ(c.schema, std::vector<std::string>{"./schema.ts"});
    EXPECT_EQ(c.tables_filter, std::vector<std::string>{"users"});
    EXPECT_EQ(c.schema_filter, std::vector<std::string>{"public"});
    EXPECT_EQ(c.casing, "camelCase");
}

TEST_F(ConfigJson, UrlCredentialsAndDriverExtras) {
    Config c = load(R"({"dialect": "turso", "dbCredentials": {"url": "libsql://db.turso.io",
                        "authToken": "tok"}})");
    EXPECT_EQ(c.dialect, Dialect::sqlite);
    EXPECT_EQ(c.dialect_name, "turso");
    EXPECT_EQ(c.credentials.url, "libsql://db.turso.io");
    EXPECT_EQ(c.credentials.extra.at("authToken"), "tok");
    EXPECT_FALSE(c.credentials.empty());

    Config d1 = load(R"({"dialect": "sqlite", "driver": "d1-http",
        "dbCredentials": {"accountId": "a", "databaseId": "d", "token": "t"}})");
    EXPECT_EQ(d1.credentials.extra.size(), 3u);
    EXPECT_EQ(d1.credentials.display(), "(accountId, databaseId, token)");
}

TEST_F(ConfigJson, MysqlDialect) {
    EXPECT_EQ(load(R"({"dialect": "mysql"})").dialect, Dialect::mysql);
}

TEST_F(ConfigJson, SslForms) {
    EXPECT_EQ(load(R"({"dialect":"postgresql","dbCredentials":{"ssl":true}})").credentials.ssl, "true");
    EXPECT_EQ(load(R"({"dialect":"postgresql","dbCredentials":{"ssl":false}})").credentials.ssl, "false");
    EXPECT_EQ(load(R"({"dialect":"postgresql","dbCredentials":{"ssl":"prefer"}})").credentials.ssl, "prefer");
    EXPECT_EQ(load(R"({"dialect":"postgresql","dbCredentials":{"ssl":{"rejectUnauthorized":false}}})")
                  .credentials.ssl,
              R"({"rejectUnauthorized":false})");
    auto e = error(R"({"dialect":"postgresql","dbCredentials":{"ssl":1}})");
    EXPECT_NE(e.find(R"("dbCredentials.ssl" must be a boolean, a string or an object)"), std::string::npos)
        << e;
}

TEST_F(ConfigJson, PortAsNumericString) {
    EXPECT_EQ(load(R"({"dialect":"postgresql","dbCredentials":{"port":"6543"}})").credentials.port, 6543);
    for (const char* bad : {R"("abc")", "0", "70000", "5.5", R"("")", "true"}) {
        auto e = error(std::string(R"({"dialect":"postgresql","dbCredentials":{"port":)") + bad + "}}");
        EXPECT_NE(e.find("drizzle.config.json: \"dbCredentials.port\" must be a port number"),
                  std::string::npos)
            << bad << ": " << e;
    }
}

TEST_F(ConfigJson, RolesAsBoolean) {
    EXPECT_TRUE(load(R"({"dialect":"postgresql","entities":{"roles":true}})").roles.enabled);
    EXPECT_FALSE(load(R"({"dialect":"postgresql","entities":{"roles":false}})").roles.enabled);
}

TEST_F(ConfigJson, UnknownKeysAreWarnings) {
    Config c = load(R"({"dialect": "sqlite", "x": 1, "migrations": {"folder": "m"},
        "dbCredentials": {"url": "file:a.db", "foo": 1}, "introspect": {"y": 1},
        "entities": {"roles": {"z": 1}, "w": 1}, "driver": "mystery"})");
    auto has = [&](const std::string& text) {
        for (const auto& w : c.warnings) {
            if (w.find(text) != std::string::npos) return true;
        }
        return false;
    };
    EXPECT_TRUE(has("unknown key 'x' in "));
    EXPECT_TRUE(has("drizzle.config.json"));
    EXPECT_TRUE(has("unknown key 'migrations.folder'"));
    EXPECT_TRUE(has("unknown key 'dbCredentials.foo'"));
    EXPECT_TRUE(has("unknown key 'introspect.y'"));
    EXPECT_TRUE(has("unknown key 'entities.roles.z'"));
    EXPECT_TRUE(has("unknown key 'entities.w'"));
    EXPECT_TRUE(has("unknown driver 'mystery'"));
    EXPECT_EQ(c.warnings.size(), 7u);
}

TEST_F(ConfigJson, WrongTypesNameFileAndKey) {
    struct Case {
        const char* json;
        const char* message;
    };
    const Case cases[] = {
        {R"({"dialect": "sqlite", "out": 1})", R"(drizzle.config.json: "out" must be a string)"},
        {R"({"dialect": 5})", R"("dialect" must be a string (found number))"},
        {R"({"dialect": "sqlite", "schema": {"a": 1}})",
         R"("schema" must be a string or an array of strings (found object))"},
        {R"({"dialect": "sqlite", "schema": ["a", 2]})", R"("schema[1]" must be a string (found number))"},
        {R"({"dialect": "sqlite", "dbCredentials": "x"})",
         R"("dbCredentials" must be an object (found string))"},
        {R"({"dialect": "sqlite", "dbCredentials": {"url": 1}})", R"("dbCredentials.url" must be a string)"},
        {R"({"dialect": "postgresql", "dbCredentials": {"host": []}})",
         R"("dbCredentials.host" must be a string)"},
        {R"({"dialect": "sqlite", "dbCredentials": {"user": null}})",
         R"("dbCredentials.user" must be a string (found null))"},
        {R"({"dialect": "sqlite", "dbCredentials": {"database": false}})",
         R"("dbCredentials.database" must be a string)"},
        {R"({"dialect": "sqlite", "dbCredentials": {"authToken": 1}})",
         R"("dbCredentials.authToken" must be a string)"},
        {R"({"dialect": "sqlite", "driver": true})", R"("driver" must be a string)"},
        {R"({"dialect": "sqlite", "migrations": []})", R"("migrations" must be an object (found array))"},
        {R"({"dialect": "sqlite", "migrations": {"table": 1}})", R"("migrations.table" must be a string)"},
        {R"({"dialect": "sqlite", "migrations": {"schema": 1}})", R"("migrations.schema" must be a string)"},
        {R"({"dialect": "sqlite", "migrations": {"prefix": "weekly"}})",
         R"("migrations.prefix" must be one of index, timestamp, supabase, unix, none (found "weekly"))"},
        {R"({"dialect": "sqlite", "tablesFilter": 1})",
         R"("tablesFilter" must be a string or an array of strings)"},
        {R"({"dialect": "sqlite", "schemaFilter": [1]})", R"("schemaFilter[0]" must be a string)"},
        {R"({"dialect": "sqlite", "extensionsFilters": "postgis"})",
         R"("extensionsFilters" must be an array of strings (found string))"},
        {R"({"dialect": "sqlite", "strict": "yes"})",
         R"("strict" must be a boolean (true or false) (found string))"},
        {R"({"dialect": "sqlite", "verbose": 1})", R"("verbose" must be a boolean)"},
        {R"({"dialect": "sqlite", "breakpoints": null})", R"("breakpoints" must be a boolean)"},
        {R"({"dialect": "sqlite", "casing": "kebab"})",
         R"("casing" must be one of camelCase, snake_case (found "kebab"))"},
        {R"({"dialect": "sqlite", "casing": 1})", R"("casing" must be a string)"},
        {R"({"dialect": "sqlite", "introspect": true})", R"("introspect" must be an object)"},
        {R"({"dialect": "sqlite", "introspect": {"casing": "snake"}})",
         R"("introspect.casing" must be one of camel, preserve)"},
        {R"({"dialect": "sqlite", "entities": 1})", R"("entities" must be an object)"},
        {R"({"dialect": "sqlite", "entities": {"roles": "all"}})",
         R"("entities.roles" must be a boolean or an object)"},
        {R"({"dialect": "sqlite", "entities": {"roles": {"provider": "aws"}}})",
         R"("entities.roles.provider" must be one of supabase, neon)"},
        {R"({"dialect": "sqlite", "entities": {"roles": {"include": "a"}}})",
         R"("entities.roles.include" must be an array of strings)"},
        {R"({"dialect": "sqlite", "entities": {"roles": {"exclude": [true]}}})",
         R"("entities.roles.exclude[0]" must be a string)"},
        {R"([1, 2])", "drizzle.config.json: the config must be an object (found array)"},
    };
    for (const auto& c : cases) {
        auto e = error(c.json);
        EXPECT_NE(e.find("drizzle.config.json: "), std::string::npos) << e;
        EXPECT_NE(e.find(c.message), std::string::npos) << c.json << "\n  got: " << e;
    }
}

TEST_F(ConfigJson, MissingDialect) {
    auto e = error(R"({"schema": "./s.ts"})");
    EXPECT_NE(e.find(R"(drizzle.config.json: "dialect" is required (sqlite, postgresql or mysql))"),
              std::string::npos)
        << e;
}

TEST_F(ConfigJson, UnknownDialectListsValidOnes) {
    auto e = error(R"({"dialect": "oracle"})");
    EXPECT_NE(
        e.find(R"(drizzle.config.json: unknown dialect "oracle"; valid dialects: sqlite, postgresql, mysql)"),
        std::string::npos)
        << e;
    e = error(R"({"dialect": "gel"})");
    EXPECT_NE(
        e.find(R"(dialect "gel" is not supported by drizzle-cpp; valid dialects: sqlite, postgresql, mysql)"),
        std::string::npos)
        << e;
}

TEST_F(ConfigJson, InvalidJsonGivesLineAndColumn) {
    auto e = error("{\n  \"dialect\": \"sqlite\",\n  \"out\": ,\n}");
    EXPECT_NE(e.find("drizzle.config.json:3:10: invalid JSON: "), std::string::npos) << e;

    e = error("{\"dialect\": \"sqlite\"");
    EXPECT_NE(e.find("drizzle.config.json:1:"), std::string::npos) << e;
    EXPECT_NE(e.find("invalid JSON"), std::string::npos) << e;
}

TEST_F(ConfigJson, InvalidJsonNeverEchoesThePassword) {
    auto e = error("{\"dialect\": \"postgresql\", \"dbCredentials\": {\"password\": \"hunter2\\q\"}}");
    EXPECT_NE(e.find("drizzle.config.json:1:"), std::string::npos) << e;
    EXPECT_EQ(e.find("hunter2"), std::string::npos) << e;
}

TEST_F(ConfigJson, CommentsAreTolerated) {
    Config c = load("// generated\n{\n  /* the dialect */ \"dialect\": \"sqlite\"\n}");
    EXPECT_EQ(c.dialect, Dialect::sqlite);
}

TEST_F(ConfigJson, LaterDuplicateKeyWins) {
    EXPECT_EQ(load(R"({"dialect": "sqlite", "out": "a", "out": "b"})").out, "b");
}

TEST_F(ConfigJson, MissingFileAndUnsupportedExtension) {
    auto e = user_error([&] { load_config(dir_ / "drizzle.config.json"); });
    EXPECT_NE(e.find("drizzle.config.json: config file not found"), std::string::npos) << e;
    write_file(dir_ / "drizzle.config.yaml", "dialect: sqlite");
    e = user_error([&] { load_config(dir_ / "drizzle.config.yaml"); });
    EXPECT_NE(e.find("drizzle.config.yaml: unsupported config file type '.yaml'"), std::string::npos) << e;
}

}  // namespace
}  // namespace drizzle
