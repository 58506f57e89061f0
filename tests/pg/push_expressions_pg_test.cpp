// push compares expressions by meaning: schemas written the way people write SQL are up to date after one push.
//
// PostgreSQL prints defaults, checks, generated columns, index expressions and predicates,
// policies and view bodies back in its own form (`price>0` -> `price > 0::numeric`). The schemas
// below are written in the other forms (lowercase, no spaces or parentheses, casts left out, IN
// lists, LIKE, BETWEEN, ::text, CURRENT_TIMESTAMP, ...), from a .sql file and from a C++ header:
// after one push, `push --explain` must find nothing, and a real change must still be found.
// Policy roles (`TO current_user`) and array dimensions (`integer[][]`), which the catalog also
// keeps in its own form, are part of it.
#include "pg_support.hpp"

#include "drizzle/dialect/pg.hpp"

#include <gtest/gtest.h>

using namespace drizzle;
using namespace drizzle::test;

namespace {

const char* kLooseSql = R"SQL(
create schema billing;
create type mood as enum ('sad','ok','happy');
create table users (
  id serial primary key,
  email varchar(255) not null,
  name text,
  price numeric(10,2),
  qty integer,
  status text default 'active',
  feeling mood default 'ok',
  created_at timestamptz default CURRENT_TIMESTAMP,
  seen_at timestamp default now(),
  two integer default (1+1),
  today date default current_date,
  minus bigint default -1,
  label text default lower('X'),
  tags text[] default '{}',
  matrix integer[][],
  total numeric generated always as (price*qty) stored,
  lower_email text generated always as (lower(email)) stored,
  code text generated always as (upper(name)||'-'||id::text) stored,
  constraint price_check check (price>0),
  constraint status_check check (status in ('active','inactive')),
  constraint email_check check (email like '%@%'),
  constraint qty_check check (qty between 0 and 1000),
  constraint feeling_check check (feeling <> 'sad'),
  constraint name_check check (name is not null or email::text <> ''),
  constraint qualified_check check ("users"."qty" >= 0 and users.price >= 0),
  constraint a_check_constraint_whose_name_is_longer_than_sixty_three_bytes_in_all check (qty<5000)
);
create index users_lower_email_idx on users (lower(email));
create index users_partial_idx on users (name) where status = 'active' and qty > 0;
create unique index users_expr_idx on users ((price*2), (email::text)) where email like 'a%';
create index an_expression_index_whose_name_is_longer_than_sixty_three_bytes_too on users (upper(name)) where users.qty>1;
create index users_case_idx on users ((case when qty>10 then 'big' else 'small' end));
create view active_users as select id, email from users where status='active';
create view recent_users as select u.id, u.email from active_users u join users on users.id=u.id where users.created_at > now() - interval '1 day';
create materialized view user_totals as select status, count(*) as n, sum(price*qty) as value from users group by status;
create policy own on users for select using (status = 'active');
create policy edit on users for update using (feeling in ('ok','happy')) with check (price>0);
create policy mine on users as restrictive for insert to current_user with check (length(name)>0);
alter table users enable row level security;
create table billing.invoices (
  id integer generated always as identity primary key,
  amount numeric(12,2) not null default 0,
  cents bigint generated always as ((amount*100)::bigint) stored,
  constraint amount_check check (amount>=0)
);
create index invoices_amount_idx on billing.invoices (amount) where amount>100;
create view billing.big_invoices as select id,amount from billing.invoices where amount>1000;
)SQL";

const char* kLooseHeader = R"CPP(#pragma once
#include <drizzle/dsl/pg.hpp>
using namespace drizzle::pg::dsl;
inline const auto mood = pg_enum("mood", {"sad", "ok", "happy"});
inline const auto users = pg_table("users", {
    serial("id").primary_key(),
    varchar("email", {.length = 255}).not_null(),
    text("name"),
    numeric("price", {.precision = 10, .scale = 2}),
    integer("qty"),
    text("status").default_sql("'active'"),
    mood("feeling").default_("ok"),
    timestamp("created_at", {.with_timezone = true}).default_sql("CURRENT_TIMESTAMP"),
    integer("two").default_sql("(1+1)"),
    text("label").default_sql("lower('X')"),
    numeric("total").generated_always_as("price*qty"),
    text("lower_email").generated_always_as("lower(email)"),
}, {
    index("users_lower_email_idx").on({sql("lower(email)")}),
    index("users_partial_idx").on({"name"}).where("status = 'active' and qty > 0"),
    unique_index("users_expr_idx").on({sql("price*2"), sql("email::text")}).where("email like 'a%'"),
    check("price_check", "price>0"),
    check("status_check", "status in ('active','inactive')"),
    check("email_check", "email like '%@%'"),
    check("qty_check", "qty between 0 and 1000"),
    pg_policy("own", {.for_ = "select", .using_ = "status = 'active'"}),
    pg_policy("edit", {.for_ = "update", .using_ = "feeling in ('ok','happy')", .with_check = "price>0"}),
});
inline const auto active_users = pg_view("active_users", "select id, email from users where status='active'");
inline const auto user_totals = pg_materialized_view("user_totals",
    "select status, count(*) as n, sum(price*qty) as value from users group by status");
)CPP";

class PushExpressionsPg : public PgTest {
protected:
    TempDir dir{"push-expressions-pg"};

    void use_schema(const std::string& file, const std::string& text) {
        write_file(dir / file, text);
        write_file(dir / "drizzle.config.json", R"({"dialect":"postgresql","schema":"./)" + file +
                                                    R"(","out":"./drizzle","dbCredentials":{"url":")" + url() +
                                                    "\"}}");
    }

    int kit(const std::vector<std::string>& args, std::string& output) {
        return run_kit(dir.path(), args, output, {{"DRIZZLE_CACHE_DIR", (dir / ".cache").string()}});
    }

    // Push, then `push --explain` must plan nothing and leave the catalog (and no scratch object) behind.
    void expect_up_to_date_after_one_push() {
        std::string out;
        ASSERT_EQ(kit({"push", "--force"}, out), 0) << out;
        auto db = connect();
        const auto catalog = pg_catalog_lines(*db);
        ASSERT_EQ(kit({"push", "--explain"}, out), 0) << out;
        EXPECT_NE(out.find("[i] No changes detected"), std::string::npos) << out;
        EXPECT_EQ(pg_catalog_lines(*db), catalog);
        EXPECT_EQ(pg_scalar(*db, "SELECT count(*) FROM pg_class WHERE relname LIKE '\\_\\_drizzle\\_expression%'"), "0");
        ASSERT_EQ(kit({"push"}, out), 0) << out;
        EXPECT_NE(out.find("[i] No changes detected"), std::string::npos) << out;
    }
};

TEST_F(PushExpressionsPg, SqlSourceWrittenLooselyIsUpToDateAfterOnePush) {
    use_schema("schema.sql", kLooseSql);
    expect_up_to_date_after_one_push();
}

TEST_F(PushExpressionsPg, DslSchemaWrittenLooselyIsUpToDateAfterOnePush) {
    use_schema("schema.hpp", kLooseHeader);
    expect_up_to_date_after_one_push();
}

// Aligning spellings must not hide a change of meaning: each changed expression is planned, the
// others are not.
TEST_F(PushExpressionsPg, ARealChangeOfAnExpressionIsStillPlanned) {
    use_schema("schema.sql", kLooseSql);
    std::string out;
    ASSERT_EQ(kit({"push", "--force"}, out), 0) << out;
    std::string changed = kLooseSql;
    auto replace = [&](const std::string& from, const std::string& to) {
        const auto at = changed.find(from);
        ASSERT_NE(at, std::string::npos) << from;
        changed.replace(at, from.size(), to);
    };
    replace("check (price>0)", "check (price>=0)");
    replace("where status = 'active' and qty > 0", "where status = 'active' and qty > 1");
    replace("generated always as (price*qty)", "generated always as (price*qty*2)");
    replace("default (1+1)", "default (1+2)");
    replace("using (status = 'active')", "using (status = 'inactive')");
    replace("where amount>1000", "where amount>2000");
    use_schema("schema.sql", changed);
    ASSERT_EQ(kit({"push", "--explain"}, out), 0) << out;
    for (const char* planned : {
             "ALTER TABLE \"users\" ADD CONSTRAINT \"price_check\" CHECK (price>=0);",
             "CREATE INDEX \"users_partial_idx\" ON \"users\" (\"name\") WHERE status = 'active' and qty > 1;",
             "ALTER TABLE \"users\" ADD COLUMN \"total\" numeric GENERATED ALWAYS AS (price*qty*2) STORED;",
             "ALTER TABLE \"users\" ALTER COLUMN \"two\" SET DEFAULT (1+2);",
             "CREATE POLICY \"own\" ON \"users\"",
             "CREATE VIEW \"billing\".\"big_invoices\" AS (select id,amount from billing.invoices where amount>2000);",
         }) {
        EXPECT_NE(out.find(planned), std::string::npos) << planned << "\n" << out;
    }
    for (const char* unchanged : {"status_check", "email_check", "users_lower_email_idx", "users_expr_idx",
                                  "\"lower_email\"", "\"label\"", "\"edit\"", "active_users", "user_totals",
                                  "amount_check", "invoices_amount_idx"}) {
        EXPECT_EQ(out.find(unchanged), std::string::npos) << unchanged << "\n" << out;
    }
}

// The comparison runs in a savepoint when the caller has a transaction open (push under its
// lock), and in a transaction of its own otherwise; either way it leaves nothing behind.
TEST_F(PushExpressionsPg, ComparisonLeavesTheCallersTransactionAndTheDatabaseAsTheyWere) {
    auto db = connect();
    db->exec("CREATE TABLE t (price numeric, CONSTRAINT positive CHECK (price > 0), CONSTRAINT small CHECK (price < 10))");
    const Schema live = pg::introspect(*db);
    for (const bool in_transaction : {false, true}) {
        SCOPED_TRACE(in_transaction ? "inside the caller's transaction" : "no transaction open");
        Schema desired = live;
        desired.tables[0].checks[0].value = "price>0";    // same meaning
        desired.tables[0].checks[1].value = "price<=10";  // another meaning
        if (in_transaction) db->exec("BEGIN; CREATE TABLE callers_work (x integer)");
        EXPECT_EQ(pg::adopt_live_expressions(*db, live, desired), 1u);
        EXPECT_EQ(desired.tables[0].checks[0].value, live.tables[0].checks[0].value);
        EXPECT_EQ(desired.tables[0].checks[1].value, "price<=10");
        if (in_transaction) {
            EXPECT_EQ(pg_scalar(*db, "SELECT count(*) FROM callers_work"), "0");  // still there, still usable
            db->exec("ROLLBACK");
        }
        EXPECT_EQ(pg_scalar(*db, "SELECT count(*) FROM pg_class WHERE relname LIKE '\\_\\_drizzle%'"), "0");
        EXPECT_EQ(pg_scalar(*db, "SELECT count(*) FROM pg_class WHERE relname = 'callers_work'"), "0");
    }
}

// A user without the TEMPORARY privilege (or a read-only standby) cannot make the scratch copies:
// the expressions are compared as written, as before, and one note says why.
TEST_F(PushExpressionsPg, WithoutTheTempPrivilegeExpressionsAreComparedAsWrittenAndANoteSaysWhy) {
    auto db = connect();
    const std::string role = "expr_probe_" + database();
    db->exec("CREATE TABLE t (price numeric, CONSTRAINT positive CHECK (price > 0)); CREATE ROLE " +
             pg::quote_identifier(role) + " LOGIN; REVOKE TEMPORARY ON DATABASE " +
             pg::quote_identifier(database()) + " FROM PUBLIC; GRANT SELECT ON t TO " + pg::quote_identifier(role));
    {
        auto limited = pg::PgConnection::open(pg_url_with_user(url(), role, ""));
        const Schema live = pg::introspect(*limited);
        Schema desired = live;
        desired.tables[0].checks[0].value = "price>0";
        std::vector<std::string> notes;
        EXPECT_EQ(pg::adopt_live_expressions(*limited, live, desired,
                                             [&](const std::string& note) { notes.push_back(note); }),
                  0u);
        EXPECT_EQ(desired.tables[0].checks[0].value, "price>0");
        ASSERT_EQ(notes.size(), 1u);
        EXPECT_NE(notes[0].find("could not make temporary copies of 1 table(s)"), std::string::npos) << notes[0];
        EXPECT_NE(notes[0].find("permission denied"), std::string::npos) << notes[0];
    }
    db->exec("REVOKE ALL ON t FROM " + pg::quote_identifier(role) + "; DROP ROLE " + pg::quote_identifier(role));
}

// generate never talks to a database: a snapshot of the loose schema diffs empty against it.
TEST_F(PushExpressionsPg, GenerateTwiceFromTheLooseSchemaFindsNothingTheSecondTime) {
    use_schema("schema.sql", kLooseSql);
    std::string out;
    ASSERT_EQ(kit({"generate", "--name", "init"}, out), 0) << out;
    ASSERT_EQ(kit({"generate", "--name", "again"}, out), 0) << out;
    EXPECT_NE(out.find("No schema changes"), std::string::npos) << out;
}

}  // namespace
