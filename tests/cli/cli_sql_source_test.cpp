// The same schema written as a C++ header and as a .sql file gives the same export and the same
// snapshot, through the real CLI, on both dialects (PostgreSQL .sql is read by libpg_query).
#include "support/test_support.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <cstdlib>

namespace fs = std::filesystem;
using namespace drizzle;

namespace {

const char* kPgHeader = R"sql(#pragma once
#include <drizzle/dsl/pg.hpp>
using namespace drizzle::pg::dsl;

inline const auto billing = pg_schema("billing");
inline const auto mood = pg_enum("mood", {"sad", "ok", "happy"});
inline const auto currency = billing.enum_("currency", {"usd", "eur"});
inline const auto counter = pg_sequence("counter", {.increment = 2, .start_with = 100});

inline const auto users = pg_table("users", {
    serial("id").primary_key(),
    varchar("email", {.length = 256}).not_null().unique(),
    timestamp("created_at", {.precision = 3, .with_timezone = true}).not_null().default_now(),
    numeric("balance", {.precision = 10, .scale = 2}).default_(0),
    uuid("token").default_random(),
    mood("mood").default_("ok"),
    text("tags").array(),
    boolean("active").not_null().default_(true),
    integer("age"),
    integer("age2").generated_always_as("age * 2"),
    jsonb("meta").default_sql("'{}'::jsonb"),
    char_("code", {.length = 3}).unique("users_code_key", true),
}, {
    index("users_created_idx").on({IndexTarget("created_at").desc().nulls_last()}).where("balance > 0"),
    unique_index("users_email_lower").on({sql("lower((email)::text)")}),
    index("users_tags_idx").on({"tags"}).using_("gin"),
    index("users_age_idx").on({IndexTarget("age").op("int4_ops")}).with({{"fillfactor", "70"}}),
    check("balance_check", "balance >= 0"),
    pg_policy("own_rows", {.for_ = "select", .using_ = "true"}),
});

inline const auto invoices = billing.table("invoices", {
    bigint("id").generated_always_as_identity({.start_with = 1000}),
    integer("user_id").references(users["id"], {.on_delete = action::cascade}),
    currency("cur").not_null(),
    text("number"),
    double_precision("amount").default_(1.5),
}, {
    primary_key({"id"}),
    unique().on({"user_id", "number"}).nulls_not_distinct(),
    foreign_key({"user_id"}, "invoices_user_fk").references("users", {"id"}).on_update(action::cascade),
});

inline const auto active_users = pg_view("active_users", "select id, email from users where active");
inline const auto user_stats = pg_materialized_view("user_stats", "select count(*) as n from users",
                                                    {.with = {}, .with_no_data = true, .using_ = {}, .tablespace = {}});
)sql";

// The same schema in SQL, written the way people write it (not the way drizzle prints it).
const char* kPgSql = R"sql(-- the twin of schema.hpp
CREATE SCHEMA billing;
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE TYPE billing.currency AS ENUM ('usd', 'eur');
CREATE SEQUENCE counter INCREMENT BY 2 START WITH 100;

CREATE TABLE users (
    id serial PRIMARY KEY,
    email character varying(256) NOT NULL UNIQUE,
    created_at timestamptz(3) NOT NULL DEFAULT now(),
    balance decimal(10, 2) DEFAULT 0,
    token uuid DEFAULT gen_random_uuid(),
    mood mood DEFAULT 'ok',
    tags text[],
    active bool NOT NULL DEFAULT TRUE,
    age int,
    age2 int GENERATED ALWAYS AS (age * 2) STORED,
    meta jsonb DEFAULT '{}'::jsonb,
    code character(3) CONSTRAINT users_code_key UNIQUE NULLS NOT DISTINCT,
    CONSTRAINT balance_check CHECK (balance >= 0)
);
CREATE INDEX users_created_idx ON users (created_at DESC NULLS LAST) WHERE balance > 0;
CREATE UNIQUE INDEX users_email_lower ON users (lower((email)::text));
CREATE INDEX users_tags_idx ON users USING gin (tags);
CREATE INDEX users_age_idx ON users (age int4_ops) WITH (fillfactor = 70);
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_rows ON users FOR SELECT USING (true);

CREATE TABLE billing.invoices (
    id bigint GENERATED ALWAYS AS IDENTITY (START WITH 1000),
    user_id integer REFERENCES users (id) ON DELETE CASCADE,
    cur billing.currency NOT NULL,
    number text,
    amount double precision DEFAULT 1.5,
    PRIMARY KEY (id),
    UNIQUE NULLS NOT DISTINCT (user_id, number)
);
--> statement-breakpoint
ALTER TABLE billing.invoices ADD CONSTRAINT invoices_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON UPDATE CASCADE;

CREATE VIEW active_users AS select id, email from users where active;
CREATE MATERIALIZED VIEW user_stats AS select count(*) as n from users WITH NO DATA;
)sql";

const char* kSqliteHeader = R"sql(#pragma once
#include <drizzle/dsl/sqlite.hpp>
using namespace drizzle::sqlite;

inline const auto users = sqlite_table("users", {
    integer("id").primary_key({.auto_increment = true}),
    text("email").not_null(),
    real("score").default_(1.5),
    integer("age").default_(3),
}, {
    unique_index("users_email_idx").on({"email"}),
});

inline const auto posts = sqlite_table("posts", {
    integer("id").primary_key(),
    integer("author_id").not_null().references(users["id"], {.on_delete = action::cascade}),
    text("title").not_null(),
}, {
    index("posts_author_idx").on({"author_id"}),
    check("title_not_empty", "title <> ''"),
});
)sql";

const char* kSqliteSql = R"sql(CREATE TABLE users (
    id integer PRIMARY KEY AUTOINCREMENT,
    email text NOT NULL,
    score real DEFAULT 1.5,
    age integer DEFAULT 3
);
CREATE UNIQUE INDEX users_email_idx ON users (email);
CREATE TABLE posts (
    id integer PRIMARY KEY,
    author_id integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    title text NOT NULL,
    CONSTRAINT title_not_empty CHECK (title <> '')
);
CREATE INDEX posts_author_idx ON posts (author_id);
)sql";

class CliSqlSource : public ::testing::Test {
protected:
    test::TempDir dir{"cli-sql-source"};

    void SetUp() override { setenv("DRIZZLE_CACHE_DIR", (dir.path() / ".cache").c_str(), 1); }

    std::string kit(const std::string& args) {
        std::string output;
        const int rc =
            test::run_command("cd '" + dir.path().string() + "' && '" DRIZZLE_KIT_EXE "' " + args + " 2>&1", output);
        EXPECT_EQ(rc, 0) << "drizzle-kit " << args << ":\n" << output;
        return output;
    }

    // The snapshot `generate` writes into a fresh `out`, without its random id.
    nlohmann::json generated_snapshot(const std::string& dialect, const std::string& schema, const std::string& out) {
        kit("generate --dialect " + dialect + " --schema " + schema + " --out " + out + " --name init");
        for (const auto& entry : fs::directory_iterator(dir / out)) {
            if (!entry.is_directory()) continue;
            auto snapshot = nlohmann::json::parse(test::read_file(entry.path() / "snapshot.json"));
            snapshot.erase("id");
            return snapshot;
        }
        ADD_FAILURE() << "no migration in " << out;
        return {};
    }

    void expect_twins(const std::string& dialect, const std::string& header, const std::string& sql) {
        test::write_file(dir / "src/schema.hpp", header);
        test::write_file(dir / "src/schema.sql", sql);
        const std::string from_cpp = kit("export --dialect " + dialect + " --schema src/schema.hpp");
        const std::string from_sql = kit("export --dialect " + dialect + " --schema src/schema.sql");
        EXPECT_EQ(from_sql, from_cpp);
        EXPECT_EQ(generated_snapshot(dialect, "src/schema.sql", "from_sql").dump(2),
                  generated_snapshot(dialect, "src/schema.hpp", "from_cpp").dump(2));
    }
};

#ifdef DRIZZLE_HAVE_PG_QUERY
TEST_F(CliSqlSource, PostgresqlHeaderAndSqlFileAreTwins) {
    expect_twins("postgresql", kPgHeader, kPgSql);
}
#endif

TEST_F(CliSqlSource, SqliteHeaderAndSqlFileAreTwins) {
    expect_twins("sqlite", kSqliteHeader, kSqliteSql);
}

}  // namespace
