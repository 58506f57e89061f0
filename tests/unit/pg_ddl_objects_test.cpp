// PostgreSQL DDL files (libpg_query): schemas, enums, sequences, indexes, views, policies, roles,
// skipped statements, and drizzle-kit's own migration files.
#ifdef DRIZZLE_HAVE_PG_QUERY
#include "drizzle/dialect/pg_ddl.hpp"
#include "support/test_support.hpp"

#include <gtest/gtest.h>

#include <filesystem>

using namespace drizzle;
namespace fs = std::filesystem;

namespace {

Schema parse(const std::string& sql) {
    return pg::parse_ddl(sql, "schema.sql");
}

TEST(PgDdlObjects, SchemasEnumsAndEnumChanges) {
    const Schema schema = parse(R"(
        CREATE SCHEMA "billing";
        CREATE SCHEMA IF NOT EXISTS public;
        CREATE TYPE "public"."mood" AS ENUM('sad', 'ok', 'happy');
        CREATE TYPE billing.currency AS ENUM ('usd');
        ALTER TYPE billing.currency ADD VALUE 'eur';
        ALTER TYPE billing.currency ADD VALUE 'chf' BEFORE 'usd';
        ALTER TYPE mood ADD VALUE IF NOT EXISTS 'ok';
        ALTER TYPE mood ADD VALUE 'meh' AFTER 'sad';
        ALTER TYPE mood RENAME VALUE 'happy' TO 'glad';)");
    EXPECT_EQ(schema.schemas, std::vector<std::string>{"billing"});
    ASSERT_EQ(schema.enums.size(), 2u);
    EXPECT_EQ(schema.enums[0], (Enum{"", "mood", {"sad", "meh", "ok", "glad"}}));
    EXPECT_EQ(schema.enums[1], (Enum{"billing", "currency", {"chf", "usd", "eur"}}));
}

TEST(PgDdlObjects, SequencesRecordEveryOptionAsTheDslDoes) {
    const Schema schema = parse(R"(
        CREATE SEQUENCE "counter" INCREMENT BY 2 START WITH 100;
        CREATE SEQUENCE billing.down INCREMENT -1 NO MINVALUE MAXVALUE 10 CACHE 5 CYCLE;)");
    ASSERT_EQ(schema.sequences.size(), 2u);
    const SequenceOptions& up = schema.sequences[0].options;
    EXPECT_EQ(schema.sequences[0].name, "counter");
    EXPECT_EQ(up.increment, "2");
    EXPECT_EQ(up.min_value, "1");
    EXPECT_EQ(up.max_value, "9223372036854775807");
    EXPECT_EQ(up.start_with, "100");
    EXPECT_EQ(up.cache, "1");
    EXPECT_FALSE(up.cycle);
    const SequenceOptions& down = schema.sequences[1].options;
    EXPECT_EQ(schema.sequences[1].schema, "billing");
    EXPECT_EQ(down.increment, "-1");
    EXPECT_EQ(down.min_value, "-9223372036854775808");
    EXPECT_EQ(down.max_value, "10");
    EXPECT_EQ(down.start_with, "10");
    EXPECT_EQ(down.cache, "5");
    EXPECT_TRUE(down.cycle);
}

TEST(PgDdlObjects, Indexes) {
    const Schema schema = parse(R"(
        CREATE TABLE "t" ("a" integer, "b" text, "j" jsonb, "deleted" boolean);
        CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "t_live" ON "t" USING btree ("b") WHERE deleted = false AND a > 0;
        CREATE INDEX "t_ord" ON ONLY "t" ("a" DESC NULLS LAST, "b" text_pattern_ops NULLS FIRST, ("a"));
        CREATE INDEX "t_j" ON public.t USING gin ("j" jsonb_path_ops) WITH (fastupdate = off, gin_pending_list_limit = 64);
        CREATE INDEX "t_expr" ON "t" (lower(b) DESC, (a + 1), (b || 'x') pg_catalog.text_ops);
        CREATE INDEX ON "t" ("a", "b");
        CREATE INDEX "t_pos" ON "t" ("a") WHERE (a > 0);)");
    const Table& t = schema.tables[0];
    ASSERT_EQ(t.indexes.size(), 6u);
    const Index& live = t.indexes[0];
    EXPECT_EQ(live.name, "t_live");
    EXPECT_TRUE(live.name_explicit);
    EXPECT_TRUE(live.unique);
    EXPECT_TRUE(live.concurrently);
    EXPECT_EQ(live.method, "");
    EXPECT_EQ(live.where, "deleted = false AND a > 0");
    EXPECT_EQ(live.columns, std::vector<IndexColumn>{index_column("b")});

    const Index& ord = t.indexes[1];
    ASSERT_EQ(ord.columns.size(), 3u);
    EXPECT_EQ(ord.columns[0], (IndexColumn{"a", false, false, "last", ""}));
    EXPECT_EQ(ord.columns[1], (IndexColumn{"b", false, true, "first", "text_pattern_ops"}));
    EXPECT_EQ(ord.columns[2], index_column("a"));

    const Index& gin = t.indexes[2];
    EXPECT_EQ(gin.method, "gin");
    EXPECT_EQ(gin.columns[0].opclass, "jsonb_path_ops");
    EXPECT_EQ(gin.with, (std::vector<std::pair<std::string, std::string>>{{"fastupdate", "off"},
                                                                          {"gin_pending_list_limit", "64"}}));

    const Index& expr = t.indexes[3];
    ASSERT_EQ(expr.columns.size(), 3u);
    EXPECT_EQ(expr.columns[0], (IndexColumn{"lower(b)", true, false, "", ""}));
    EXPECT_EQ(expr.columns[1], index_column("a + 1", true));
    EXPECT_EQ(expr.columns[2], (IndexColumn{"b || 'x'", true, true, "", "pg_catalog.text_ops"}));

    // Unnamed: drizzle's default name, as drizzle-orm gives an unnamed index().
    EXPECT_EQ(t.indexes[4].name, "t_a_b_index");
    EXPECT_FALSE(t.indexes[4].name_explicit);
    // Parentheses around a whole predicate are dropped, as the DSL's .where("a > 0") has none.
    EXPECT_EQ(t.indexes[5].where, "a > 0");
}

TEST(PgDdlObjects, ViewsAndMaterializedViews) {
    const Schema schema = parse(R"(
        CREATE TABLE "users" ("id" serial PRIMARY KEY, "name" text);
        CREATE VIEW "plain" AS SELECT id, name FROM users WHERE name <> '';
        CREATE OR REPLACE VIEW billing.v WITH (security_barrier, check_option = local) AS (select "id" from "users");
        CREATE MATERIALIZED VIEW "mv" USING heap WITH (fillfactor = 70) TABLESPACE pg_default AS SELECT count(*) AS n FROM users WITH NO DATA;
        CREATE MATERIALIZED VIEW "mv2" AS SELECT 1 AS data WITH DATA;)");
    ASSERT_EQ(schema.views.size(), 4u);
    EXPECT_EQ(schema.views[0].definition, "SELECT id, name FROM users WHERE name <> ''");
    EXPECT_FALSE(schema.views[0].materialized);
    EXPECT_EQ(schema.views[1].schema, "billing");
    EXPECT_EQ(schema.views[1].definition, "select \"id\" from \"users\"");
    EXPECT_EQ(schema.views[1].with, (std::vector<std::pair<std::string, std::string>>{{"security_barrier", "true"},
                                                                                      {"check_option", "local"}}));
    const View& mv = schema.views[2];
    EXPECT_TRUE(mv.materialized);
    EXPECT_TRUE(mv.with_no_data);
    EXPECT_EQ(mv.using_, "heap");
    EXPECT_EQ(mv.tablespace, "pg_default");
    EXPECT_EQ(mv.with, (std::vector<std::pair<std::string, std::string>>{{"fillfactor", "70"}}));
    EXPECT_EQ(mv.definition, "SELECT count(*) AS n FROM users");
    EXPECT_EQ(schema.views[3].definition, "SELECT 1 AS data");
    EXPECT_FALSE(schema.views[3].with_no_data);
}

TEST(PgDdlObjects, RepeatedCreationsThatPostgresAccepts) {
    const Schema schema = parse(R"(
        CREATE TABLE t (a integer);
        CREATE TABLE IF NOT EXISTS t (b integer);
        CREATE SEQUENCE IF NOT EXISTS s;
        CREATE SEQUENCE IF NOT EXISTS s START 5;
        CREATE INDEX t_a ON t (a);
        CREATE INDEX IF NOT EXISTS t_a ON t (a DESC);
        CREATE VIEW v AS SELECT 1 AS x;
        CREATE OR REPLACE VIEW v AS SELECT 2 AS x;
        CREATE MATERIALIZED VIEW mv AS SELECT 1 AS x;
        CREATE MATERIALIZED VIEW IF NOT EXISTS mv AS SELECT 2 AS x;)");
    ASSERT_EQ(schema.tables.size(), 1u);
    EXPECT_EQ(schema.tables[0].columns[0].name, "a");
    ASSERT_EQ(schema.sequences.size(), 1u);
    EXPECT_EQ(schema.sequences[0].options.start_with, "1");
    ASSERT_EQ(schema.tables[0].indexes.size(), 1u);
    EXPECT_TRUE(schema.tables[0].indexes[0].columns[0].asc);
    ASSERT_EQ(schema.views.size(), 2u);
    EXPECT_EQ(schema.views[0].definition, "SELECT 2 AS x");
    EXPECT_EQ(schema.views[1].definition, "SELECT 1 AS x");
}

TEST(PgDdlObjects, PoliciesOnDeclaredAndOtherTables) {
    const Schema schema = parse(R"(
        CREATE POLICY "own" ON "users" AS PERMISSIVE FOR SELECT TO public USING (name = current_user);
        CREATE TABLE "users" ("id" serial PRIMARY KEY, "name" text NOT NULL);
        ALTER TABLE "users" ENABLE ROW LEVEL SECURITY;
        CREATE POLICY "ins" ON "users" AS RESTRICTIVE FOR INSERT TO current_user, "admin" WITH CHECK (length(name) > 0);
        CREATE POLICY "upd" ON users FOR UPDATE USING (true) WITH CHECK (id > 0);
        CREATE POLICY "p" ON "auth"."users" USING (auth.uid() = id);)");
    const Table& users = schema.tables[0];
    EXPECT_TRUE(users.rls_enabled);
    ASSERT_EQ(users.policies.size(), 3u);
    Policy own;
    own.name = "own";
    own.for_ = "select";
    own.using_ = "name = current_user";
    EXPECT_EQ(users.policies[0], own);
    EXPECT_EQ(users.policies[1].as, "restrictive");
    EXPECT_EQ(users.policies[1].for_, "insert");
    EXPECT_EQ(users.policies[1].to, (std::vector<std::string>{"current_user", "admin"}));
    EXPECT_EQ(users.policies[1].with_check, "length(name) > 0");
    EXPECT_FALSE(users.policies[1].using_);
    EXPECT_EQ(users.policies[2].using_, "true");
    EXPECT_EQ(users.policies[2].with_check, "id > 0");
    EXPECT_EQ(users.policies[2].to, std::vector<std::string>{"public"});
    ASSERT_EQ(schema.policies.size(), 1u);
    EXPECT_EQ(schema.policies[0].schema, "auth");
    EXPECT_EQ(schema.policies[0].table, "users");
    EXPECT_EQ(schema.policies[0].policy.using_, "auth.uid() = id");
    EXPECT_EQ(schema.policies[0].policy.for_, "all");
}

TEST(PgDdlObjects, Roles) {
    const Schema schema = parse(R"(
        CREATE ROLE "admin" WITH CREATEDB CREATEROLE NOINHERIT;
        CREATE ROLE "reader";
        CREATE USER app WITH CONNECTION LIMIT 3 PASSWORD 'x' VALID UNTIL '2030-01-01' BYPASSRLS;)");
    ASSERT_EQ(schema.roles.size(), 3u);
    Role admin;
    admin.name = "admin";
    admin.create_db = true;
    admin.create_role = true;
    admin.inherit = false;
    EXPECT_EQ(schema.roles[0], admin);
    Role reader;
    reader.name = "reader";
    EXPECT_EQ(schema.roles[1], reader);
    EXPECT_TRUE(schema.roles[2].can_login);
    EXPECT_EQ(schema.roles[2].conn_limit, 3);
    EXPECT_EQ(schema.roles[2].password, "x");
    EXPECT_EQ(schema.roles[2].valid_until, "2030-01-01");
    EXPECT_TRUE(schema.roles[2].bypass_rls);
}

TEST(PgDdlObjects, CommentsBreakpointsAndStatementsThatDeclareNothing) {
    const Schema schema = parse(R"(-- header comment
        SET statement_timeout = 0;
        SELECT pg_catalog.set_config('search_path', '', false);
        BEGIN;
        CREATE EXTENSION IF NOT EXISTS "pgcrypto";
        /* block
           comment */
        CREATE TABLE "t" ("id" integer); -- trailing
        --> statement-breakpoint
        COMMENT ON TABLE "t" IS 'things';
        GRANT SELECT ON "t" TO PUBLIC;
        INSERT INTO "t" VALUES (1);
        COMMIT;)");
    ASSERT_EQ(schema.tables.size(), 1u);
    EXPECT_EQ(schema.tables[0].columns.size(), 1u);
    EXPECT_TRUE(parse("-- nothing here\n").tables.empty());
}

// Every first migration drizzle-kit wrote in the fixtures loads, with what its snapshot holds.
TEST(PgDdlObjects, DrizzleKitInitialMigrationsLoad) {
    const fs::path root = test::fixture("drizzle-kit/postgresql");
    int seen = 0;
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
        const std::string name = entry.path().filename().string();
        const std::string parent = entry.path().parent_path().filename().string();
        const bool first =
            name == "0000_base.sql" || (name == "migration.sql" && parent.find("_base") != std::string::npos);
        if (!entry.is_regular_file() || !first) continue;
        ++seen;
        const Schema schema = pg::parse_ddl(test::read_file(entry.path()), entry.path().string());
        ASSERT_EQ(schema.tables.size(), 2u) << entry.path();
        EXPECT_EQ(schema.tables[0].name, "parent");
        EXPECT_TRUE(schema.tables[0].columns[0].primary_key);
        EXPECT_EQ(schema.tables[1].find_column("c")->type, "varchar(10)");
    }
    EXPECT_GE(seen, 4);
}

}  // namespace
#endif
