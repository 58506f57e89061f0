// The pull header writer without a compiler: literals, identifiers, and the DSL form it plans.
#include "drizzle/pull/cpp_header.hpp"
#include "pull/cpp_literal.hpp"
#include "pull/identifiers.hpp"

#include <gtest/gtest.h>

using namespace drizzle;
using namespace drizzle::pull;

namespace {

Column column(std::string name, std::string type) {
    Column c;
    c.name = std::move(name);
    c.type = std::move(type);
    return c;
}

ForeignKey foreign_key(std::string name, std::string column, std::string table_to, std::string schema_to = {},
                       std::string on_delete = "no action") {
    ForeignKey fk;
    fk.name = std::move(name);
    fk.name_explicit = true;
    fk.columns = {std::move(column)};
    fk.table_to = std::move(table_to);
    fk.columns_to = {"id"};
    fk.schema_to = std::move(schema_to);
    fk.on_delete = std::move(on_delete);
    return fk;
}

Table table(std::string name, std::vector<Column> columns, std::string schema = {}) {
    Table t;
    t.schema = std::move(schema);
    t.name = std::move(name);
    t.columns = std::move(columns);
    return t;
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

TEST(PullLiterals, PlainRawOrEscapedAsTheTextNeeds) {
    using detail::cpp_string;
    EXPECT_EQ(cpp_string("users"), "\"users\"");
    EXPECT_EQ(cpp_string("café"), "\"café\"");
    EXPECT_EQ(cpp_string("lower(\"email\")"), "R\"(lower(\"email\"))\"");
    EXPECT_EQ(cpp_string("a\\b"), "R\"(a\\b)\"");
    EXPECT_EQ(cpp_string("SELECT 1\n  FROM t"), "R\"(SELECT 1\n  FROM t)\"");
    EXPECT_EQ(cpp_string("x )\" y"), "R\"sql(x )\" y)sql\"");
    EXPECT_EQ(cpp_string("x )\" )sql\" y"), "R\"sql2(x )\" )sql\" y)sql2\"");
    EXPECT_EQ(cpp_string("a\rb\x01"
                         "9"),
              "\"a\\rb\\0019\"");
    EXPECT_EQ(cpp_string("\xff\"1"), "\"\\377\\\"1\"");
    EXPECT_EQ(detail::cpp_int64(INT64_MIN), "INT64_MIN");
    EXPECT_EQ(detail::cpp_int64(-5), "-5");
}

TEST(PullIdentifiers, ValidUnreservedAndUnique) {
    EXPECT_EQ(detail::identifier_words("user_groups", Casing::camel), "userGroups");
    EXPECT_EQ(detail::identifier_words("UserGroups", Casing::camel), "userGroups");
    EXPECT_EQ(detail::identifier_words("HTTP_logs", Casing::camel), "httpLogs");
    EXPECT_EQ(detail::identifier_words("user-groups", Casing::preserve), "user_groups");
    EXPECT_EQ(detail::identifier_words("__x__y", Casing::preserve), "x_y");
    EXPECT_TRUE(detail::is_reserved_identifier("class"));
    EXPECT_TRUE(detail::is_reserved_identifier("text"));
    EXPECT_TRUE(detail::is_reserved_identifier("log"));
    EXPECT_FALSE(detail::is_reserved_identifier("users"));

    detail::IdentifierPool pool(Casing::camel);
    EXPECT_EQ(pool.take("users", "", "table"), "users");
    EXPECT_EQ(pool.take("users", "billing", "table"), "billingUsers");
    EXPECT_EQ(pool.take("users", "", "view"), "usersView");
    EXPECT_EQ(pool.take("class", "", "table"), "classTable");
    EXPECT_EQ(pool.take("2fa", "", "table"), "table2fa");
    EXPECT_EQ(pool.take("???", "", "table"), "table");
    EXPECT_EQ(pool.take("users", "", "view"), "usersView2");
}

TEST(PullHeader, PostgresDefaultsAndTheirKinds) {
    Schema schema;
    schema.dialect = Dialect::postgresql;
    Table t = table("t", {column("n", "integer"), column("s", "text"), column("at", "timestamp"),
                          column("big", "bigint"), column("f", "real"), column("odd", "numeric")});
    t.columns[0].default_value = ColumnDefault{ColumnDefault::Kind::expression, "42"};
    t.columns[1].default_value = ColumnDefault{ColumnDefault::Kind::expression, "'it''s'"};
    t.columns[2].default_value = ColumnDefault{ColumnDefault::Kind::expression, "now()"};
    t.columns[3].default_value = ColumnDefault{ColumnDefault::Kind::expression, "5000000000"};
    t.columns[4].default_value = ColumnDefault{ColumnDefault::Kind::expression, "1.5"};
    t.columns[5].default_value = ColumnDefault{ColumnDefault::Kind::expression, "1.50"};
    schema.tables = {t};
    auto header = write_cpp_header(schema);
    EXPECT_TRUE(contains(header.text, "integer(\"n\").default_(42)")) << header.text;
    EXPECT_TRUE(contains(header.text, "text(\"s\").default_(\"it's\")")) << header.text;
    EXPECT_TRUE(contains(header.text, "timestamp(\"at\").default_now()")) << header.text;
    EXPECT_TRUE(contains(header.text, "bigint(\"big\").default_(std::int64_t{5000000000})")) << header.text;
    EXPECT_TRUE(contains(header.text, "real(\"f\").default_(1.5)")) << header.text;
    EXPECT_TRUE(contains(header.text, "numeric(\"odd\").default_sql(\"1.50\")")) << header.text;
    const auto& columns = header.declared.tables[0].columns;
    EXPECT_EQ(columns[0].default_value->kind, ColumnDefault::Kind::number); // what default_(42) gives
    EXPECT_EQ(columns[1].default_value->sql, "'it''s'");
    EXPECT_EQ(columns[5].default_value->kind, ColumnDefault::Kind::expression);
}

TEST(PullHeader, ReferencedTablesComeFirstAndCyclesUseRef) {
    Schema schema;
    schema.dialect = Dialect::postgresql;
    Table a = table("a", {column("id", "integer"), column("b_id", "integer")});
    a.columns[0].primary_key = true;
    a.foreign_keys = {foreign_key("a_b", "b_id", "b", "s")};
    Table b = table("b", {column("id", "integer"), column("a_id", "integer"), column("self", "integer")}, "s");
    b.columns[0].primary_key = true;
    b.foreign_keys = {foreign_key("b_a", "a_id", "a"), foreign_key("b_self", "self", "b", "s", "cascade")};
    Table lost = table("lost", {column("x", "integer")});
    lost.foreign_keys = {foreign_key("lost_fk", "x", "elsewhere")};
    schema.tables = {a, b, lost};
    schema.schemas = {"s"};
    auto header = write_cpp_header(schema);
    // b is declared first (a depends on it), so a's reference uses its variable; b's use ref().
    EXPECT_LT(header.text.find("sSchema.table(\"b\""), header.text.find("pg_table(\"a\"")) << header.text;
    EXPECT_TRUE(contains(header.text, ".references(b[\"id\"], {.name = \"a_b\"})")) << header.text;
    EXPECT_TRUE(contains(header.text, ".references(ref(\"a\", \"id\"), {.name = \"b_a\"})")) << header.text;
    EXPECT_TRUE(contains(header.text,
                         ".references(ref(\"s\", \"b\", \"id\"), {.on_delete = action::cascade, .name = \"b_self\"})"))
        << header.text;
    ASSERT_EQ(header.warnings.size(), 1u);
    EXPECT_TRUE(contains(header.warnings[0], "\"elsewhere\", which was not pulled"));
    EXPECT_TRUE(header.declared.find_table("lost")->foreign_keys.empty());
}

TEST(PullHeader, SqliteSpellingsTheDslNormalises) {
    Schema schema;
    schema.dialect = Dialect::sqlite;
    Table t = table("t", {column("id", "INTEGER"), column("name", "TEXT(20)"), column("at", "DATETIME"),
                          column("flag", "integer")});
    t.columns[0].primary_key = true;
    t.columns[0].autoincrement = true;
    t.columns[3].default_value = ColumnDefault{ColumnDefault::Kind::boolean, "TRUE"};
    t.checks = {{"", "id > 0"}, {"t_check", "flag IN (0, 1)"}};
    UniqueConstraint unique;
    unique.name = "t_name_unique";
    unique.columns = {"name"};
    t.uniques = {unique};
    schema.tables = {t};
    auto header = write_cpp_header(schema, {Casing::camel, "test"});
    EXPECT_TRUE(contains(header.text, "integer(\"id\").primary_key({.auto_increment = true})")) << header.text;
    EXPECT_TRUE(contains(header.text, "text(\"name\", {.length = 20}).unique()")) << header.text;
    EXPECT_TRUE(contains(header.text, "custom_type(\"at\", \"DATETIME\")")) << header.text;
    EXPECT_TRUE(contains(header.text, "integer(\"flag\").default_sql(\"TRUE\")")) << header.text;
    EXPECT_TRUE(contains(header.text, "check(\"t_check_1\", \"id > 0\")")) << header.text;
    const Table& declared = header.declared.tables[0];
    EXPECT_EQ(declared.columns[0].type, "integer");
    EXPECT_TRUE(declared.uniques[0].column_level);
    EXPECT_EQ(header.warnings.size(), 1u);
}

}  // namespace
