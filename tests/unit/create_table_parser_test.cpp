// The reader of SQLite's stored DDL text finds names, checks, generated columns and index parts.
#include "dialect/sqlite/create_table_parser.hpp"

#include <gtest/gtest.h>

using namespace drizzle::sqlite::detail;

TEST(CreateTableParser, ReadsConstraintsAndColumnFacts) {
    auto parsed = parse_create_table(
        "CREATE TABLE `t` (\n\t`id` integer PRIMARY KEY AUTOINCREMENT,\n\t`a, b` text CHECK(length(\"a, b\") > 0),\n"
        "\t`g` integer GENERATED ALWAYS AS ((id + 1) * 2) STORED,\n"
        "\tCONSTRAINT `fk_x` FOREIGN KEY (`a, b`) REFERENCES `p`(`id`) ON DELETE CASCADE,\n"
        "\tCONSTRAINT \"age_check\" CHECK(id >= 0 AND ',' <> ')'),\n\tCONSTRAINT `t_pk` PRIMARY KEY(`id`, `g`)\n);");
    ASSERT_EQ(parsed.columns.size(), 3u);
    EXPECT_TRUE(parsed.columns[0].autoincrement);
    EXPECT_EQ(parsed.columns[1].name, "a, b");
    EXPECT_EQ(parsed.columns[2].generated_expression, "(id + 1) * 2");
    EXPECT_TRUE(parsed.columns[2].generated_stored);
    ASSERT_EQ(parsed.constraints.size(), 4u);
    EXPECT_EQ(parsed.constraints[0].kind, ParsedConstraint::Kind::check);
    EXPECT_EQ(parsed.constraints[0].expression, "length(\"a, b\") > 0");
    EXPECT_EQ(parsed.constraints[1].name, "fk_x");
    EXPECT_EQ(parsed.constraints[1].columns, std::vector<std::string>{"a, b"});
    EXPECT_EQ(parsed.constraints[2].name, "age_check");
    EXPECT_EQ(parsed.constraints[2].expression, "id >= 0 AND ',' <> ')'");
    EXPECT_EQ(parsed.constraints[3].kind, ParsedConstraint::Kind::primary_key);
    EXPECT_EQ(parsed.constraints[3].columns, (std::vector<std::string>{"id", "g"}));
}

TEST(CreateTableParser, ReadsIndexElementsAndPredicate) {
    auto index = parse_create_index("CREATE UNIQUE INDEX `i` ON `t` (lower(email),`id`, \"x\") WHERE deleted = 0");
    ASSERT_EQ(index.elements.size(), 3u);
    EXPECT_TRUE(index.elements[0].is_expression);
    EXPECT_EQ(index.elements[0].text, "lower(email)");
    EXPECT_FALSE(index.elements[1].is_expression);
    EXPECT_EQ(index.elements[1].text, "id");
    EXPECT_EQ(index.elements[2].text, "x");
    EXPECT_EQ(index.where, "deleted = 0");
}

TEST(CreateTableParser, UnquotesEveryStyle) {
    EXPECT_EQ(unquote_identifier("`a``b`"), "a`b");
    EXPECT_EQ(unquote_identifier("\"a\"\"b\""), "a\"b");
    EXPECT_EQ(unquote_identifier("[a b]"), "a b");
    EXPECT_EQ(unquote_identifier("plain"), "plain");
}
