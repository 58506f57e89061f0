// The lint engine: each code on a migration that has it (exact statement numbers) and its absence on
// the safe variant; the statement classifier for hand-written SQL; lint-ignore directives.
#include "drizzle/dialect/dialect_ops.hpp"
#include "drizzle/dialect/registry.hpp"
#include "drizzle/diff/diff.hpp"
#include "drizzle/kit/builtin_dialects.hpp"
#include "drizzle/kit/dialect_sql.hpp"
#include "drizzle/kit/lint.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

using namespace drizzle;
using kit::LintFinding;
using kit::LintSeverity;

namespace {

Schema schema_of(Dialect dialect, const std::string& sql) {
    kit::register_builtin_dialects();
    Schema schema;
    schema.dialect = dialect;
    if (!sql.empty()) schema = dialect_ops(dialect).schema_from_sql(sql, "lint_test");
    assign_default_names(schema, NamingStyle::v1);
    return schema;
}

struct Linted {
    std::string sql;
    std::vector<LintFinding> findings;

    /// The findings of `code`, as "statement:object".
    std::vector<std::string> of(const std::string& code) const {
        std::vector<std::string> out;
        for (const auto& f : findings) {
            if (f.code == code) out.push_back(std::to_string(f.statement) + ":" + f.object);
        }
        return out;
    }
    const LintFinding* first(const std::string& code) const {
        for (const auto& f : findings) {
            if (f.code == code) return &f;
        }
        return nullptr;
    }
    std::string dump() const {
        std::string out = sql + "\n----\n";
        for (const auto& f : findings)
            out += kit::format_lint_finding(f) + "\n";
        return out;
    }
};

/// Lints the migration from `prev` to `next`: the file generate writes, or `file` when given
/// (a hand-written or edited migration between the same snapshots).
Linted lint(Dialect dialect, const std::string& prev_sql, const std::string& next_sql,
            std::optional<std::string> file = std::nullopt, std::vector<RenameDecision> renames = {}) {
    const Schema prev = schema_of(dialect, prev_sql);
    Schema next = schema_of(dialect, next_sql);
    ScriptedResolver resolver(renames);
    DiffResult diff = drizzle::diff(prev, next, resolver, NamingStyle::v1);
    kit::LintInput input;
    input.dialect = dialect;
    input.migration = "m";
    input.file = "m/migration.sql";
    input.prev = prev;
    input.operations = diff.operations;
    if (file) {
        input.sql = *file;
    } else {
        bool no_transaction = false;
        const auto statements = kit::dialect_statements(dialect, diff, no_transaction);
        input.sql = (no_transaction ? "-- drizzle:txmode none\n" : "") + kit::join_statements(statements, true);
    }
    return {input.sql, kit::lint_migration(input)};
}

using Strings = std::vector<std::string>;

// ==== SQLite =====================================================================================

const Dialect sqlite_d = Dialect::sqlite;
const std::string kUsers = "CREATE TABLE users (id integer PRIMARY KEY, name text, bio text);\n";

TEST(LintSqlite, DropTableIsDS102) {
    const auto r = lint(sqlite_d, kUsers + "CREATE TABLE posts (id integer PRIMARY KEY);", kUsers);
    EXPECT_EQ(r.of("DS102"), Strings{"1:table \"posts\""}) << r.dump();
    EXPECT_EQ(r.first("DS102")->severity, LintSeverity::error);
    EXPECT_TRUE(lint(sqlite_d, kUsers, kUsers + "CREATE TABLE posts (id integer PRIMARY KEY);").of("DS102").empty());
}

TEST(LintSqlite, DropColumnIsDS103AndBC103) {
    const std::string next = "CREATE TABLE users (id integer PRIMARY KEY, name text);";
    const auto r = lint(sqlite_d, kUsers, next);
    EXPECT_EQ(r.of("DS103"), Strings{"1:column \"users\".\"bio\""}) << r.dump();
    EXPECT_EQ(r.of("BC103"), Strings{"1:column \"users\".\"bio\""}) << r.dump();
    EXPECT_EQ(r.first("BC103")->severity, LintSeverity::warning);
    // Keeping the column: nothing.
    EXPECT_TRUE(lint(sqlite_d, kUsers, kUsers).findings.empty());
}

TEST(LintSqlite, RenamesAreBC101AndBC102) {
    using Kind = RenameQuestion::Kind;
    const auto table = lint(sqlite_d, kUsers, "CREATE TABLE people (id integer PRIMARY KEY, name text, bio text);",
                            std::nullopt, {{Kind::table, "", "", "people", "users"}});
    EXPECT_EQ(table.of("BC101"), Strings{"1:table \"users\""}) << table.dump();
    EXPECT_TRUE(table.of("DS102").empty()) << table.dump();
    const auto column = lint(sqlite_d, kUsers, "CREATE TABLE users (id integer PRIMARY KEY, full_name text, bio text);",
                             std::nullopt, {{Kind::column, "", "users", "full_name", "name"}});
    EXPECT_EQ(column.of("BC102"), Strings{"1:column \"users\".\"name\""}) << column.dump();
    EXPECT_TRUE(column.of("DS103").empty()) << column.dump();
}

TEST(LintSqlite, NotNullColumnWithoutDefaultIsMF107AndARebuild) {
    const auto r = lint(sqlite_d, kUsers,
                        "CREATE TABLE users (id integer PRIMARY KEY, name text, bio text, "
                        "age integer NOT NULL);");
    ASSERT_EQ(r.of("MF107").size(), 1u) << r.dump();
    EXPECT_EQ(r.of("LK106").size(), 1u) << r.dump();
    // The rebuild's CREATE TABLE `__new_users` is the statement both point at.
    const int at = r.first("LK106")->statement;
    EXPECT_EQ(r.first("MF107")->statement, at);
    EXPECT_EQ(r.first("LK106")->object, "table \"users\"");
    // The safe variant: a default, added in place (no rebuild).
    const auto safe = lint(sqlite_d, kUsers,
                           "CREATE TABLE users (id integer PRIMARY KEY, name text, bio text, "
                           "age integer NOT NULL DEFAULT 0);");
    EXPECT_TRUE(safe.of("MF107").empty()) << safe.dump();
    EXPECT_TRUE(safe.of("LK106").empty()) << safe.dump();
}

TEST(LintSqlite, SetNotNullIsMF103AndBC104) {
    const auto r = lint(sqlite_d, kUsers, "CREATE TABLE users (id integer PRIMARY KEY, name text NOT NULL, bio text);");
    EXPECT_EQ(r.of("MF103").size(), 1u) << r.dump();
    EXPECT_EQ(r.of("BC104").size(), 1u) << r.dump();
    EXPECT_TRUE(r.of("LK104").empty()) << r.dump(); // PostgreSQL's lock advice only
    // With a default, old app versions inserting without it still work.
    const auto with_default = lint(
        sqlite_d, kUsers, "CREATE TABLE users (id integer PRIMARY KEY, name text NOT NULL DEFAULT 'x', bio text);");
    EXPECT_EQ(with_default.of("MF103").size(), 1u) << with_default.dump();
    EXPECT_TRUE(with_default.of("BC104").empty()) << with_default.dump();
}

TEST(LintSqlite, UniqueIndexOnAnExistingTableIsMF101) {
    const auto r = lint(sqlite_d, kUsers, kUsers + "CREATE UNIQUE INDEX users_name_idx ON users (name);");
    EXPECT_EQ(r.of("MF101"), Strings{"1:index \"users_name_idx\" on \"users\""}) << r.dump();
    EXPECT_TRUE(r.of("LK101").empty()) << r.dump(); // no CONCURRENTLY in SQLite
    // On a table the migration creates there are no rows yet.
    const auto fresh = lint(sqlite_d, "", kUsers + "CREATE UNIQUE INDEX users_name_idx ON users (name);");
    EXPECT_TRUE(fresh.findings.empty()) << fresh.dump();
}

TEST(LintSqlite, NullableColumnIsAddedInPlaceWithoutFindings) {
    const auto r =
        lint(sqlite_d, kUsers, "CREATE TABLE users (id integer PRIMARY KEY, name text, bio text, age integer);");
    EXPECT_TRUE(r.findings.empty()) << r.dump();
}

TEST(LintSqlite, HandWrittenStatementsAreClassified) {
    // A custom migration: the snapshots are equal, only the text says what happens.
    const auto r =
        lint(sqlite_d, kUsers + "CREATE TABLE posts (id integer);", kUsers + "CREATE TABLE posts (id integer);",
             "-- Custom SQL migration file, put your code below! --\nINSERT INTO users (name) VALUES ('a');"
             "\n--> statement-breakpoint\nDROP TABLE `posts`;\n--> statement-breakpoint\n"
             "ALTER TABLE `users` DROP COLUMN `bio`;");
    EXPECT_EQ(r.of("DS102"), Strings{"2:table \"posts\""}) << r.dump();
    EXPECT_EQ(r.of("DS103"), Strings{"3:column \"users\".\"bio\""}) << r.dump();
    EXPECT_EQ(r.of("BC103"), Strings{"3:column \"users\".\"bio\""}) << r.dump();
}

TEST(LintDirectives, FileAndStatementAcknowledgementsAndLint001) {
    const std::string prev = kUsers + "CREATE TABLE posts (id integer);";
    const std::string body = "DROP TABLE `posts`;\n--> statement-breakpoint\n"
                             "-- drizzle:lint-ignore DS103,BC103 bio moved to profiles in release 41\n"
                             "ALTER TABLE `users` DROP COLUMN `bio`;";
    const auto statement = lint(sqlite_d, prev, prev, body);
    ASSERT_NE(statement.first("DS103"), nullptr) << statement.dump();
    EXPECT_TRUE(statement.first("DS103")->acknowledged);
    EXPECT_EQ(statement.first("DS103")->reason, "bio moved to profiles in release 41");
    EXPECT_TRUE(statement.first("BC103")->acknowledged);
    EXPECT_FALSE(statement.first("DS102")->acknowledged) << statement.dump(); // statement 1: not covered

    const auto file = lint(sqlite_d, prev, prev, "-- drizzle:lint-ignore DS102 posts were archived\n" + body);
    EXPECT_TRUE(file.first("DS102")->acknowledged) << file.dump();
    EXPECT_EQ(file.first("DS102")->reason, "posts were archived");

    const auto no_reason = lint(sqlite_d, prev, prev, "-- drizzle:lint-ignore DS102\nDROP TABLE `posts`;");
    EXPECT_FALSE(no_reason.first("DS102")->acknowledged) << no_reason.dump();
    ASSERT_NE(no_reason.first("LINT001"), nullptr) << no_reason.dump();
    EXPECT_EQ(no_reason.first("LINT001")->severity, LintSeverity::warning);
    EXPECT_EQ(no_reason.first("LINT001")->statement, 0);
}

TEST(LintOutput, OneLinePerFinding) {
    LintFinding f;
    f.code = "DS103";
    f.severity = LintSeverity::error;
    f.file = "20261122_x/migration.sql";
    f.statement = 3;
    f.object = "column \"users\".\"bio\"";
    f.message = "drop column loses its values";
    EXPECT_EQ(kit::format_lint_finding(f),
              "DS103 error    20261122_x/migration.sql:3  column \"users\".\"bio\": drop column loses its values");
    f.acknowledged = true;
    f.reason = "moved";
    f.rows = 2;
    f.rows_detail = "with a value";
    EXPECT_EQ(kit::format_lint_finding(f), "DS103 error    20261122_x/migration.sql:3  column \"users\".\"bio\": drop "
                                           "column loses its values [2 rows with a value] (acknowledged: moved)");
}

// ==== PostgreSQL =================================================================================
#if defined(DRIZZLE_HAVE_PG) && defined(DRIZZLE_HAVE_PG_QUERY)

const Dialect pg_d = Dialect::postgresql;
const std::string kPgUsers = "CREATE TABLE users (id integer PRIMARY KEY, name varchar(100), age bigint, note text);\n";

TEST(LintPg, DropSchemaIsDS101) {
    const auto r = lint(pg_d, "CREATE SCHEMA audit;", "");
    EXPECT_EQ(r.of("DS101"), Strings{"1:schema \"audit\""}) << r.dump();
}

TEST(LintPg, RemovedEnumValueIsDS104) {
    const std::string t = "CREATE TABLE t (id integer PRIMARY KEY, s mood);";
    const auto r =
        lint(pg_d, "CREATE TYPE mood AS ENUM ('a', 'b', 'c');" + t, "CREATE TYPE mood AS ENUM ('a', 'b');" + t);
    ASSERT_EQ(r.of("DS104").size(), 1u) << r.dump();
    EXPECT_NE(r.first("DS104")->message.find("'c'"), std::string::npos);
    // Adding a value loses nothing.
    const auto added =
        lint(pg_d, "CREATE TYPE mood AS ENUM ('a', 'b');" + t, "CREATE TYPE mood AS ENUM ('a', 'b', 'c');" + t);
    EXPECT_TRUE(added.of("DS104").empty()) << added.dump();
}

TEST(LintPg, NarrowingIsDS105AndWideningIsNothing) {
    const auto narrow =
        lint(pg_d, kPgUsers, "CREATE TABLE users (id integer PRIMARY KEY, name varchar(50), age bigint, note text);");
    EXPECT_EQ(narrow.of("DS105"), Strings{"1:column \"users\".\"name\""}) << narrow.dump();
    EXPECT_EQ(narrow.of("LK103").size(), 1u) << narrow.dump();
    const auto bigint_to_int =
        lint(pg_d, kPgUsers, "CREATE TABLE users (id integer PRIMARY KEY, name varchar(100), age integer, note text);");
    EXPECT_EQ(bigint_to_int.of("DS105").size(), 1u) << bigint_to_int.dump();
    const auto to_varchar =
        lint(pg_d, kPgUsers,
             "CREATE TABLE users (id integer PRIMARY KEY, name varchar(100), age bigint, note varchar(20));");
    EXPECT_EQ(to_varchar.of("DS105").size(), 1u) << to_varchar.dump();
    // varchar widening and varchar -> text are binary compatible: no finding at all.
    for (const std::string type : {"varchar(200)", "text", "varchar"}) {
        const auto wide = lint(
            pg_d, kPgUsers, "CREATE TABLE users (id integer PRIMARY KEY, name " + type + ", age bigint, note text);");
        EXPECT_TRUE(wide.findings.empty()) << type << "\n" << wide.dump();
    }
}

TEST(LintPg, SmallerNumericIsDS105AndLargerPrecisionIsNothing) {
    const std::string prev = "CREATE TABLE p (id integer PRIMARY KEY, price numeric(10, 2));";
    const auto smaller = lint(pg_d, prev, "CREATE TABLE p (id integer PRIMARY KEY, price numeric(8, 2));");
    EXPECT_EQ(smaller.of("DS105"), Strings{"1:column \"p\".\"price\""}) << smaller.dump();
    const auto larger = lint(pg_d, prev, "CREATE TABLE p (id integer PRIMARY KEY, price numeric(12, 2));");
    EXPECT_TRUE(larger.findings.empty()) << larger.dump();
}

TEST(LintPg, CastIsMF104AndRewriteIsLK103) {
    const auto cast = lint(pg_d, kPgUsers,
                           "CREATE TABLE users (id integer PRIMARY KEY, name varchar(100), age bigint, note integer);");
    EXPECT_EQ(cast.of("MF104"), Strings{"1:column \"users\".\"note\""}) << cast.dump();
    const auto widen_int = lint(pg_d, "CREATE TABLE users (id integer PRIMARY KEY, n integer);",
                                "CREATE TABLE users (id integer PRIMARY KEY, n bigint);");
    EXPECT_EQ(widen_int.of("LK103").size(), 1u) << widen_int.dump();
    EXPECT_TRUE(widen_int.of("MF104").empty()) << widen_int.dump();
    EXPECT_TRUE(widen_int.of("DS105").empty()) << widen_int.dump();
}

TEST(LintPg, PrimaryKeyCheckAndForeignKeyOverExistingRows) {
    const std::string prev =
        "CREATE TABLE a (id integer NOT NULL, v integer);\nCREATE TABLE b (id integer PRIMARY KEY);";
    const auto pk = lint(pg_d, prev,
                         "CREATE TABLE a (id integer NOT NULL, v integer, CONSTRAINT a_pk PRIMARY KEY (id));\n"
                         "CREATE TABLE b (id integer PRIMARY KEY);");
    EXPECT_EQ(pk.of("MF102").size(), 1u) << pk.dump();
    const auto check = lint(pg_d, prev,
                            "CREATE TABLE a (id integer NOT NULL, v integer, CONSTRAINT v_pos CHECK (v > 0));\n"
                            "CREATE TABLE b (id integer PRIMARY KEY);");
    EXPECT_EQ(check.of("MF105"), Strings{"1:table \"a\""}) << check.dump();
    const std::string with_fk =
        "CREATE TABLE a (id integer NOT NULL, v integer, CONSTRAINT a_v_fk FOREIGN KEY (v) REFERENCES b (id));\n"
        "CREATE TABLE b (id integer PRIMARY KEY);";
    const auto fk = lint(pg_d, prev, with_fk);
    EXPECT_EQ(fk.of("MF106"), Strings{"1:table \"a\""}) << fk.dump();
    EXPECT_EQ(fk.of("LK105"), Strings{"1:table \"a\""}) << fk.dump();
    // The safe variant: NOT VALID, then VALIDATE in a statement of its own.
    const auto safe = lint(pg_d, prev, with_fk,
                           "ALTER TABLE \"a\" ADD CONSTRAINT \"a_v_fk\" FOREIGN KEY (\"v\") REFERENCES \"b\"(\"id\") "
                           "NOT VALID;\n--> statement-breakpoint\nALTER TABLE \"a\" VALIDATE CONSTRAINT \"a_v_fk\";");
    EXPECT_TRUE(safe.of("LK105").empty()) << safe.dump();
    EXPECT_EQ(safe.of("MF106").size(), 1u) << safe.dump(); // orphans still make VALIDATE fail
}

TEST(LintPg, CreateIndexIsLK101UnlessConcurrentlyOutsideATransaction) {
    const std::string next = kPgUsers + "CREATE INDEX users_name_idx ON users (name);";
    const auto plain = lint(pg_d, kPgUsers, next);
    EXPECT_EQ(plain.of("LK101"), Strings{"1:index \"users_name_idx\" on \"users\""}) << plain.dump();
    const auto concurrent = lint(pg_d, kPgUsers, next,
                                 "-- drizzle:txmode none\nCREATE INDEX CONCURRENTLY \"users_name_idx\" ON \"users\" "
                                 "USING btree (\"name\");");
    EXPECT_TRUE(concurrent.of("LK101").empty()) << concurrent.dump();
    const auto in_transaction =
        lint(pg_d, kPgUsers, next, "CREATE INDEX CONCURRENTLY \"users_name_idx\" ON \"users\" USING btree (\"name\");");
    ASSERT_EQ(in_transaction.of("LK101").size(), 1u) << in_transaction.dump();
    EXPECT_NE(in_transaction.first("LK101")->message.find("txmode none"), std::string::npos);
    // A new table has no rows to lock.
    EXPECT_TRUE(lint(pg_d, "", next).of("LK101").empty());
}

TEST(LintPg, VolatileDefaultIsLK102) {
    const auto r = lint(pg_d, kPgUsers,
                        "CREATE TABLE users (id integer PRIMARY KEY, name varchar(100), age bigint, note text, "
                        "token uuid DEFAULT gen_random_uuid());");
    EXPECT_EQ(r.of("LK102"), Strings{"1:column \"users\".\"token\""}) << r.dump();
    const auto stable = lint(pg_d, kPgUsers,
                             "CREATE TABLE users (id integer PRIMARY KEY, name varchar(100), age bigint, note text, "
                             "at timestamp DEFAULT now());");
    EXPECT_TRUE(stable.findings.empty()) << stable.dump();
}

TEST(LintPg, SetNotNullIsLK104UnlessACheckWasValidatedFirst) {
    const std::string next =
        "CREATE TABLE users (id integer PRIMARY KEY, name varchar(100) NOT NULL, age bigint, note text);";
    const auto r = lint(pg_d, kPgUsers, next);
    EXPECT_EQ(r.of("LK104"), Strings{"1:column \"users\".\"name\""}) << r.dump();
    EXPECT_EQ(r.of("MF103").size(), 1u) << r.dump();
    const auto safe = lint(pg_d, kPgUsers, next,
                           "ALTER TABLE \"users\" ADD CONSTRAINT \"name_nn\" CHECK (\"name\" IS NOT NULL) NOT VALID;\n"
                           "--> statement-breakpoint\nALTER TABLE \"users\" VALIDATE CONSTRAINT \"name_nn\";\n"
                           "--> statement-breakpoint\nALTER TABLE \"users\" ALTER COLUMN \"name\" SET NOT NULL;");
    EXPECT_TRUE(safe.of("LK104").empty()) << safe.dump();
    EXPECT_EQ(safe.first("MF103")->statement, 3) << safe.dump();
}

TEST(LintPg, AddedForeignKeyByHandWithoutNotValidIsLK105) {
    const std::string s =
        "CREATE TABLE a (id integer PRIMARY KEY, v integer);\nCREATE TABLE b (id integer PRIMARY KEY);";
    const auto r =
        lint(pg_d, s, s, "ALTER TABLE \"a\" ADD CONSTRAINT \"x\" FOREIGN KEY (\"v\") REFERENCES \"b\"(\"id\");");
    EXPECT_EQ(r.of("LK105"), Strings{"1:table \"a\""}) << r.dump();
    const auto safe = lint(
        pg_d, s, s, "ALTER TABLE \"a\" ADD CONSTRAINT \"x\" FOREIGN KEY (\"v\") REFERENCES \"b\"(\"id\") NOT VALID;");
    EXPECT_TRUE(safe.findings.empty()) << safe.dump();
    const auto index = lint(pg_d, s, s, "CREATE INDEX a_v ON a (v);");
    EXPECT_EQ(index.of("LK101"), Strings{"1:index \"a_v\" on \"a\""}) << index.dump();
}

#endif

} // namespace
