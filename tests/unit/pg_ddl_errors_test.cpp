// PostgreSQL DDL files (libpg_query): every problem reported at file:line:column, several per run.
#ifdef DRIZZLE_HAVE_PG_QUERY
#include "drizzle/dialect/pg_ddl.hpp"
#include "drizzle/error.hpp"

#include <gtest/gtest.h>

using namespace drizzle;

namespace {

// The diagnostics of a script that must fail, one "where: message" line each.
std::vector<std::string> problems(const std::string& sql) {
    try {
        pg::parse_ddl(sql, "db/schema.sql");
    } catch (const DiagnosticsError& e) {
        std::vector<std::string> lines;
        for (const auto& d : e.diagnostics())
            lines.push_back(d.where + ": " + d.message);
        return lines;
    }
    ADD_FAILURE() << "no error for:\n" << sql;
    return {};
}

TEST(PgDdlErrors, SyntaxErrorsAtTheParsersCursorAllOfThem) {
    const auto lines = problems("CREATE TABLE ok (id integer);\n"
                                "CREATE TABLEX t (id integer);\n"
                                "CREATE TABLE u (\n"
                                "  id integer,, b int);\n");
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_EQ(lines[0], "db/schema.sql:2:8: syntax error at or near \"TABLEX\"");
    EXPECT_EQ(lines[1], "db/schema.sql:4:14: syntax error at or near \",\"");
}

TEST(PgDdlErrors, ColumnsCountCharactersNotBytes) {
    const auto lines = problems("CREATE TABLE \"żółw\" (\"ą\" integer, x integr[ );");
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_EQ(lines[0], "db/schema.sql:1:45: syntax error at or near \")\"");
}

TEST(PgDdlErrors, UnbalancedParenthesesAreReportedToo) {
    const auto lines = problems("SELECT 1;\nCREATE TABLE t (a integer));\n");
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_EQ(lines[0], "db/schema.sql:2:27: syntax error at or near \")\"");
}

TEST(PgDdlErrors, UnterminatedStringIsASyntaxError) {
    const auto lines = problems("CREATE TABLE t (a text DEFAULT 'oops);\n");
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_NE(lines[0].find("db/schema.sql:1:32: unterminated quoted string"), std::string::npos) << lines[0];
}

TEST(PgDdlErrors, UnsupportedStatementsAndClausesAreNamedWithTheirPosition) {
    const auto lines = problems("CREATE TABLE t (id integer PRIMARY KEY, a text COLLATE \"C\");\n"
                                "CREATE OR REPLACE FUNCTION f() RETURNS integer AS $$ SELECT 1 $$ LANGUAGE sql;\n"
                                "  CREATE TRIGGER tr AFTER INSERT ON t FOR EACH ROW EXECUTE FUNCTION f();\n"
                                "CREATE TEMPORARY TABLE tmp (id integer);\n"
                                "CREATE TABLE p (id integer) PARTITION BY RANGE (id);\n"
                                "ALTER TABLE t ALTER COLUMN a TYPE integer;\n"
                                "CREATE TABLE d (id integer REFERENCES t DEFERRABLE INITIALLY DEFERRED);\n"
                                "DO $$ BEGIN END $$;\n"
                                "SELECT 1 AS x INTO copy;\n");
    const std::vector<std::string> expected = {
        "db/schema.sql:1:48: column \"a\": COLLATE is not supported",
        "db/schema.sql:2:1: CREATE OR REPLACE FUNCTION is not supported in a schema file",
        "db/schema.sql:3:3: CREATE TRIGGER is not supported in a schema file",
        "db/schema.sql:4:1: TEMPORARY tables are not part of a schema",
        "db/schema.sql:5:1: PARTITION BY is not supported",
        "db/schema.sql:6:15: ALTER TABLE ... ALTER COLUMN is not supported",
        "db/schema.sql:7:41: column \"id\": DEFERRABLE and INITIALLY are not supported",
        "db/schema.sql:7:52: column \"id\": DEFERRABLE and INITIALLY are not supported",
        "db/schema.sql:8:1: DO blocks run PL/pgSQL code when a migration is applied; a schema file declares what "
        "exists, and the statements inside a DO block are not read as declarations. Write the DDL it runs as plain "
        "statements in the file, or leave the block to a migration if it only changes data",
        "db/schema.sql:9:1: SELECT ... INTO is not supported in a schema file; declare the table",
    };
    EXPECT_EQ(lines, expected);
}

TEST(PgDdlErrors, ReferencesToWhatTheScriptLacks) {
    const auto lines = problems("ALTER TABLE missing ENABLE ROW LEVEL SECURITY;\n"
                                "CREATE INDEX i ON nowhere (a);\n"
                                "CREATE TABLE t (a integer REFERENCES other, b integer);\n"
                                "ALTER TABLE t ALTER COLUMN zz SET NOT NULL;\n"
                                "ALTER TYPE mood ADD VALUE 'x';\n"
                                "CREATE TABLE t (a integer);\n"
                                "CREATE INDEX ON t ((a + 1));\n");
    const std::vector<std::string> expected = {
        "db/schema.sql:1:13: ALTER TABLE: table \"missing\" is not created in this file",
        "db/schema.sql:2:19: CREATE INDEX: table \"nowhere\" is not created in this file",
        "db/schema.sql:3:27: REFERENCES \"other\" without columns needs that table and its primary key in this file",
        "db/schema.sql:4:15: table \"t\" has no column \"zz\"",
        "db/schema.sql:5:1: ALTER TYPE: enum \"mood\" is not created in this file",
        "db/schema.sql:6:1: table \"t\" is created twice",
        "db/schema.sql:7:1: an index on expressions needs a name",
    };
    EXPECT_EQ(lines, expected);
}

TEST(PgDdlErrors, UnsupportedOptions) {
    const auto lines =
        problems("CREATE SEQUENCE s AS smallint OWNED BY NONE;\n"
                 "CREATE TABLE t (a integer, CONSTRAINT c CHECK (a > 0) NOT VALID, EXCLUDE USING gist (a WITH =));\n"
                 "CREATE VIEW v AS SELECT 1 AS x WITH CHECK OPTION;\n"
                 "CREATE TABLE u AS SELECT 1;\n");
    const std::vector<std::string> expected = {
        "db/schema.sql:1:19: sequence option AS type is not supported",
        "db/schema.sql:1:31: sequence option OWNED BY is not supported",
        "db/schema.sql:2:28: NOT VALID is not supported",
        "db/schema.sql:2:66: EXCLUDE constraints are not supported",
        "db/schema.sql:3:1: WITH CHECK OPTION is not supported",
        "db/schema.sql:4:1: CREATE TABLE ... AS is not supported; declare the table's columns",
    };
    EXPECT_EQ(lines, expected);
}

TEST(PgDdlErrors, RepeatedCreations) {
    const auto lines = problems("CREATE TABLE t (a integer);\n"
                                "CREATE TABLE t (a integer);\n"
                                "CREATE INDEX i ON t (a);\n"
                                "CREATE INDEX i ON t (a);\n"
                                "CREATE VIEW v AS SELECT 1;\n"
                                "CREATE VIEW v AS SELECT 1;\n"
                                "CREATE MATERIALIZED VIEW mv AS SELECT 1 AS x;\n"
                                "CREATE INDEX ON mv (x);\n"
                                "CREATE TYPE e AS ENUM ('a');\n"
                                "CREATE TYPE e AS ENUM ('b');\n");
    const std::vector<std::string> expected = {
        "db/schema.sql:2:1: table \"t\" is created twice",
        "db/schema.sql:4:1: index \"i\" is created twice",
        "db/schema.sql:6:1: view \"v\" is created twice",
        "db/schema.sql:8:17: indexes on materialized views are not supported",
        "db/schema.sql:10:1: type \"e\" is created twice",
    };
    EXPECT_EQ(lines, expected);
}

TEST(PgDdlErrors, TheMessageListsEveryProblem) {
    try {
        pg::parse_ddl(
            "CREATE FUNCTION f() RETURNS int AS 'select 1' LANGUAGE sql;\nCREATE RULE r AS ON INSERT TO t DO NOTHING;",
            "s.sql");
        FAIL() << "no error";
    } catch (const UserError& e) {
        EXPECT_STREQ(e.what(), "s.sql:1:1: CREATE FUNCTION is not supported in a schema file\n"
                               "s.sql:2:1: CREATE RULE is not supported in a schema file");
    }
}

}  // namespace
#endif
