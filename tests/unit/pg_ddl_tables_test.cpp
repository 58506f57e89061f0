// PostgreSQL DDL files (libpg_query): tables, columns, types and constraints into the model.
#ifdef DRIZZLE_HAVE_PG_QUERY
#include "drizzle/dialect/pg_ddl.hpp"
#include "drizzle/dsl/pg.hpp"
#include "drizzle/dsl/registry.hpp"
#include "drizzle/error.hpp"

#include <gtest/gtest.h>

using namespace drizzle;

namespace {

Schema parse(const std::string& sql) {
    return pg::parse_ddl(sql, "schema.sql");
}

const Table& table(const Schema& schema, const std::string& name, const std::string& in = "") {
    const Table* found = schema.find_table(name, in);
    if (found == nullptr) throw std::runtime_error("no table " + name);
    return *found;
}

const Column& column(const Table& t, const std::string& name) {
    const Column* found = t.find_column(name);
    if (found == nullptr) throw std::runtime_error("no column " + name);
    return *found;
}

TEST(PgDdlTables, TypesAreSpelledAsTheDslSpellsThem) {
    namespace dsl = drizzle::pg::dsl;
    const Schema schema = parse(R"(CREATE TABLE "t" (
        a smallint, b integer, c bigint, d serial, e smallserial, f bigserial, g text,
        h varchar(256), i character varying, j char(3), k character, l boolean, m numeric(10, 2),
        n decimal(7), o real, p double precision, q date, r time, s time(3) with time zone,
        u timestamp, v timestamp(3) with time zone, w interval, x json, y jsonb, z uuid,
        aa inet, ab cidr, ac macaddr, ad int4, ae int8, af float(3), ag float, ah timestamptz(6),
        ai bool, aj int);)");
    const Table& t = table(schema, "t");
    const std::vector<std::pair<std::string, dsl::ColumnBuilder>> expected = {
        {"a", dsl::smallint("a")},
        {"b", dsl::integer("b")},
        {"c", dsl::bigint("c")},
        {"d", dsl::serial("d")},
        {"e", dsl::smallserial("e")},
        {"f", dsl::bigserial("f")},
        {"g", dsl::text("g")},
        {"h", dsl::varchar("h", {.length = 256})},
        {"i", dsl::varchar("i")},
        {"j", dsl::char_("j", {.length = 3})},
        {"k", dsl::char_("k")},
        {"l", dsl::boolean("l")},
        {"o", dsl::real("o")},
        {"p", dsl::double_precision("p")},
        {"q", dsl::date("q")},
        {"r", dsl::time("r")},
        {"s", dsl::time("s", {.precision = 3, .with_timezone = true})},
        {"u", dsl::timestamp("u")},
        {"v", dsl::timestamp("v", {.precision = 3, .with_timezone = true})},
        {"w", dsl::interval("w")},
        {"x", dsl::json("x")},
        {"y", dsl::jsonb("y")},
        {"z", dsl::uuid("z")},
        {"aa", dsl::inet("aa")},
        {"ab", dsl::cidr("ab")},
        {"ac", dsl::macaddr("ac")},
        {"ad", dsl::integer("ad")},
        {"ae", dsl::bigint("ae")},
        {"af", dsl::real("af")},
        {"ag", dsl::double_precision("ag")},
        {"ah", dsl::timestamp("ah", {.precision = 6, .with_timezone = true})},
        {"ai", dsl::boolean("ai")},
        {"aj", dsl::integer("aj")},
    };
    ASSERT_EQ(t.columns.size(), expected.size() + 2);
    for (const auto& [name, builder] : expected) {
        EXPECT_EQ(column(t, name), drizzle::dsl::to_column(builder)) << "column " << name;
    }
    // drizzle-orm's text, which a header's numeric() has once the exporter's snapshot is read
    // back; the builder alone writes numeric(10,2), and diff() takes both as the same type.
    EXPECT_EQ(column(t, "m").type, "numeric(10, 2)");
    EXPECT_EQ(column(t, "n").type, "numeric(7)");
}

TEST(PgDdlTables, ArraysEnumsAndOtherTypes) {
    const Schema schema = parse(R"(
        CREATE TABLE "t" ("m" "mood" DEFAULT 'ok', "ms" mood[], "cur" billing.currency ARRAY,
                          "grid" integer[3][3], "v" VECTOR (3), "tags" public.CITEXT[], "q" "Quoted");
        CREATE TYPE "mood" AS ENUM ('sad', 'ok');
        CREATE SCHEMA billing;
        CREATE TYPE billing.currency AS ENUM ('usd', 'eur');)");
    const Table& t = table(schema, "t");
    EXPECT_EQ(column(t, "m").type, "mood");
    EXPECT_EQ(column(t, "m").type_schema, "public");
    EXPECT_EQ(column(t, "m").default_value->sql, "'ok'");
    EXPECT_EQ(column(t, "ms").type, "mood");
    EXPECT_EQ(column(t, "ms").dimensions, 1);
    EXPECT_EQ(column(t, "cur").type, "currency");
    EXPECT_EQ(column(t, "cur").type_schema, "billing");
    EXPECT_EQ(column(t, "cur").dimensions, 1);
    EXPECT_EQ(column(t, "grid").type, "integer");
    EXPECT_EQ(column(t, "grid").dimensions, 2);
    // Types the DSL has no builder for stay as written (as custom_type would hold them).
    EXPECT_EQ(column(t, "v").type, "vector (3)");
    EXPECT_EQ(column(t, "v").type_schema, "");
    EXPECT_EQ(column(t, "tags").type, "public.citext");
    EXPECT_EQ(column(t, "tags").dimensions, 1);
    EXPECT_EQ(column(t, "q").type, "\"Quoted\"");
    ASSERT_EQ(schema.enums.size(), 2u);
    EXPECT_EQ(schema.enums[1].schema, "billing");
    EXPECT_EQ(schema.schemas, std::vector<std::string>{"billing"});
}

TEST(PgDdlTables, ColumnConstraintsMatchTheDsl) {
    const Schema schema = parse(R"(
        CREATE TABLE "billing"."users" (
            "id" serial PRIMARY KEY,
            "email" varchar(256) NOT NULL UNIQUE,
            "nick" text CONSTRAINT "nick_key" UNIQUE NULLS NOT DISTINCT,
            "n" integer DEFAULT 42 NOT NULL,
            "neg" integer DEFAULT -1,
            "ratio" real DEFAULT 0.5,
            "on" boolean DEFAULT TRUE,
            "ts" timestamp with time zone DEFAULT now(),
            "j" jsonb DEFAULT '{}'::jsonb NOT NULL,
            "s" text DEFAULT 'it''s',
            "age" integer CHECK (age >= 0),
            "parent" integer REFERENCES "billing"."users" ("id") ON DELETE CASCADE ON UPDATE SET NULL,
            "twice" integer GENERATED ALWAYS AS (n * 2) STORED,
            "seq" bigint GENERATED BY DEFAULT AS IDENTITY (START WITH 100 INCREMENT BY 5 SEQUENCE NAME "users_seq"),
            "ident" integer GENERATED ALWAYS AS IDENTITY
        );)");
    const Table& t = table(schema, "users", "billing");
    EXPECT_EQ(t.schema, "billing");
    EXPECT_TRUE(column(t, "id").primary_key);
    EXPECT_FALSE(column(t, "id").not_null);
    EXPECT_TRUE(column(t, "email").not_null);

    ASSERT_EQ(t.uniques.size(), 2u);
    EXPECT_EQ(t.uniques[0].name, ""); // named by generate, in the folder's convention
    EXPECT_FALSE(t.uniques[0].name_explicit);
    EXPECT_TRUE(t.uniques[0].column_level);
    EXPECT_EQ(t.uniques[0].columns, std::vector<std::string>{"email"});
    EXPECT_EQ(t.uniques[1].name, "nick_key");
    EXPECT_TRUE(t.uniques[1].name_explicit);
    EXPECT_TRUE(t.uniques[1].nulls_not_distinct);

    EXPECT_EQ(*column(t, "n").default_value, (ColumnDefault{ColumnDefault::Kind::number, "42"}));
    EXPECT_EQ(column(t, "n").default_value->kind, ColumnDefault::Kind::number);
    EXPECT_EQ(column(t, "neg").default_value->sql, "-1");
    EXPECT_EQ(column(t, "neg").default_value->kind, ColumnDefault::Kind::number);
    EXPECT_EQ(column(t, "ratio").default_value->sql, "0.5");
    EXPECT_EQ(column(t, "on").default_value->sql, "true");
    EXPECT_EQ(column(t, "on").default_value->kind, ColumnDefault::Kind::boolean);
    EXPECT_EQ(column(t, "ts").default_value->sql, "now()");
    EXPECT_EQ(column(t, "ts").default_value->kind, ColumnDefault::Kind::expression);
    EXPECT_EQ(column(t, "j").default_value->sql, "'{}'::jsonb");
    EXPECT_TRUE(column(t, "j").not_null);
    EXPECT_EQ(column(t, "s").default_value->sql, "'it''s'");

    ASSERT_EQ(t.checks.size(), 1u);
    EXPECT_EQ(t.checks[0].name, "users_age_check"); // PostgreSQL's name for an unnamed check
    EXPECT_EQ(t.checks[0].value, "age >= 0");

    ASSERT_EQ(t.foreign_keys.size(), 1u);
    const ForeignKey& fk = t.foreign_keys[0];
    EXPECT_EQ(fk.name, "");
    EXPECT_FALSE(fk.name_explicit);
    EXPECT_EQ(fk.columns, std::vector<std::string>{"parent"});
    EXPECT_EQ(fk.table_to, "users");
    EXPECT_EQ(fk.schema_to, "billing");
    EXPECT_EQ(fk.columns_to, std::vector<std::string>{"id"});
    EXPECT_EQ(fk.on_delete, "cascade");
    EXPECT_EQ(fk.on_update, "set null");

    EXPECT_EQ(column(t, "twice").generated, (GeneratedColumn{"n * 2", true}));
    const Column& seq = column(t, "seq");
    ASSERT_TRUE(seq.identity);
    EXPECT_EQ(seq.identity->kind, IdentityColumn::Kind::by_default);
    EXPECT_EQ(seq.identity->sequence_name, "users_seq");
    // Every option is recorded, defaults for the type included, as a header's identity has them
    // once the exporter's snapshot is read back.
    EXPECT_EQ(seq.identity->options, (SequenceOptions{"5", "1", "9223372036854775807", "100", "1", false}));
    EXPECT_TRUE(seq.not_null);
    const Column& ident = column(t, "ident");
    EXPECT_EQ(ident.identity->kind, IdentityColumn::Kind::always);
    EXPECT_EQ(ident.identity->options, (SequenceOptions{"1", "1", "2147483647", "1", "1", false}));
    EXPECT_TRUE(ident.not_null);
}

TEST(PgDdlTables, TableConstraintsWithAndWithoutNames) {
    const Schema schema = parse(R"(
        CREATE TABLE "parent" ("a" integer, "b" integer, PRIMARY KEY ("a", "b"));
        CREATE TABLE "t" (
            "x" integer, "y" integer, "z" text,
            CONSTRAINT "t_xy_pk" PRIMARY KEY ("x", "y"),
            UNIQUE ("z"),
            CONSTRAINT "t_y_z" UNIQUE NULLS NOT DISTINCT ("y", "z"),
            FOREIGN KEY ("x", "y") REFERENCES "parent" ON DELETE RESTRICT,
            CONSTRAINT "t_fk" FOREIGN KEY ("y") REFERENCES public.parent ("b") ON UPDATE SET DEFAULT,
            CHECK (x < y),
            CHECK (x > 0),
            CHECK (x > 1),
            CONSTRAINT "positive" CHECK (y > 0)
        );)");
    const Table& parent = table(schema, "parent");
    ASSERT_EQ(parent.primary_keys.size(), 1u);
    EXPECT_EQ(parent.primary_keys[0].name, "");
    EXPECT_EQ(parent.primary_keys[0].columns, (std::vector<std::string>{"a", "b"}));
    EXPECT_TRUE(column(parent, "a").not_null); // as the DSL's primary_key({...}) records it

    const Table& t = table(schema, "t");
    ASSERT_EQ(t.primary_keys.size(), 1u);
    EXPECT_EQ(t.primary_keys[0], (PrimaryKey{"t_xy_pk", true, {"x", "y"}}));
    ASSERT_EQ(t.uniques.size(), 2u);
    EXPECT_FALSE(t.uniques[0].column_level);
    EXPECT_EQ(t.uniques[0].name, "");
    EXPECT_EQ(t.uniques[1].name, "t_y_z");
    EXPECT_TRUE(t.uniques[1].nulls_not_distinct);
    ASSERT_EQ(t.foreign_keys.size(), 2u);
    // Without a column list, REFERENCES means the target's primary key.
    EXPECT_EQ(t.foreign_keys[0].columns_to, (std::vector<std::string>{"a", "b"}));
    EXPECT_EQ(t.foreign_keys[0].on_delete, "restrict");
    EXPECT_EQ(t.foreign_keys[1].name, "t_fk");
    EXPECT_TRUE(t.foreign_keys[1].name_explicit);
    EXPECT_EQ(t.foreign_keys[1].schema_to, "");
    EXPECT_EQ(t.foreign_keys[1].on_update, "set default");
    ASSERT_EQ(t.checks.size(), 4u);
    // PostgreSQL's names: one column -> t_<col>_check, then check1, check2 on collisions.
    EXPECT_EQ(t.checks[0], (CheckConstraint{"t_check", "x < y"}));
    EXPECT_EQ(t.checks[1], (CheckConstraint{"t_x_check", "x > 0"}));
    EXPECT_EQ(t.checks[2], (CheckConstraint{"t_x_check1", "x > 1"}));
    EXPECT_EQ(t.checks[3], (CheckConstraint{"positive", "y > 0"}));
}

TEST(PgDdlTables, NamedSingleColumnKeys) {
    const Schema schema = parse(R"(
        CREATE TABLE "a" ("id" integer CONSTRAINT "a_pkey" PRIMARY KEY);
        CREATE TABLE "b" ("id" integer CONSTRAINT "b_key" PRIMARY KEY);)");
    EXPECT_TRUE(column(table(schema, "a"), "id").primary_key);
    const Table& b = table(schema, "b");
    EXPECT_FALSE(column(b, "id").primary_key);
    EXPECT_TRUE(column(b, "id").not_null);
    EXPECT_EQ(b.primary_keys, (std::vector<PrimaryKey>{{"b_key", true, {"id"}}}));
}

TEST(PgDdlTables, LongUnnamedCheckNamesAreTruncatedAsPostgresDoes) {
    const std::string long_table(60, 't');
    const Schema schema = parse("CREATE TABLE " + long_table + " (c integer CHECK (c > 0));");
    // 63 bytes: the longer name loses characters until `<table>_<column>_check` fits.
    EXPECT_EQ(schema.tables[0].checks[0].name, std::string(55, 't') + "_c_check");
}

TEST(PgDdlTables, AlterTableStatementsWhateverTheOrder) {
    const Schema schema = parse(R"(
        ALTER TABLE "t2" ADD CONSTRAINT "t2_pid_parent_id_fkey" FOREIGN KEY ("pid") REFERENCES "public"."parent"("id") ON DELETE cascade ON UPDATE no action;
        CREATE TABLE "parent" ("id" serial PRIMARY KEY);
        CREATE TABLE "t2" ("id" serial PRIMARY KEY, "pid" integer, "a" integer);
        ALTER TABLE "t2" ENABLE ROW LEVEL SECURITY;
        ALTER TABLE ONLY public.t2 ADD COLUMN "b" text DEFAULT 'x', ALTER COLUMN "a" SET DEFAULT 7, ALTER COLUMN "a" SET NOT NULL;
        ALTER TABLE "t2" ADD CONSTRAINT "t2_a_check" CHECK (a > 0), ADD UNIQUE ("b");
        ALTER TABLE "t2" OWNER TO someone;)");
    const Table& t = table(schema, "t2");
    EXPECT_TRUE(t.rls_enabled);
    ASSERT_EQ(t.foreign_keys.size(), 1u);
    EXPECT_EQ(t.foreign_keys[0].name, "t2_pid_parent_id_fkey");
    EXPECT_TRUE(t.foreign_keys[0].name_explicit);
    EXPECT_EQ(t.foreign_keys[0].on_delete, "cascade");
    EXPECT_EQ(t.foreign_keys[0].on_update, "no action");
    EXPECT_EQ(column(t, "b").default_value->sql, "'x'");
    EXPECT_EQ(column(t, "a").default_value->sql, "7");
    EXPECT_EQ(column(t, "a").default_value->kind, ColumnDefault::Kind::number);
    EXPECT_TRUE(column(t, "a").not_null);
    EXPECT_EQ(t.checks, (std::vector<CheckConstraint>{{"t2_a_check", "a > 0"}}));
    EXPECT_EQ(t.uniques.size(), 1u);
}

TEST(PgDdlTables, ExpressionsKeepTheirSourceText) {
    const Schema schema = parse("CREATE TABLE t (a integer, b integer,\n"
                                "  c integer DEFAULT (a   +  /* why */ 1) NOT NULL,\n"
                                "  d text DEFAULT CASE WHEN true THEN 'x' ELSE 'y' END,\n"
                                "  e integer[] DEFAULT ARRAY[1, 2]::integer[],\n"
                                "  g integer GENERATED ALWAYS AS (CASE WHEN a IS NULL THEN 0 ELSE a END) STORED,\n"
                                "  CONSTRAINT ck CHECK (a IS NOT NULL AND (b > 0 OR b IS NULL)));");
    const Table& t = table(schema, "t");
    EXPECT_EQ(column(t, "c").default_value->sql, "(a   +  /* why */ 1)");
    EXPECT_EQ(column(t, "d").default_value->sql, "CASE WHEN true THEN 'x' ELSE 'y' END");
    EXPECT_EQ(column(t, "e").default_value->sql, "ARRAY[1, 2]::integer[]");
    EXPECT_EQ(column(t, "g").generated->expression, "CASE WHEN a IS NULL THEN 0 ELSE a END");
    EXPECT_EQ(t.checks[0].value, "a IS NOT NULL AND (b > 0 OR b IS NULL)");
}

}  // namespace
#endif
