// split_enum_values: which ADD VALUE statements move ahead, their rewrite, and what stays byte for byte.
#include "migrate/enum_values.hpp"
#include "migrate/sql_lexer.hpp"

#include <gtest/gtest.h>

#include <set>

namespace drizzle::migrate_internal {
namespace {

auto existing(std::set<std::string> types) {
    return [types = std::move(types)](const std::string& type) { return types.count(type) > 0; };
}

TEST(EnumValues, ValuesOfExistingTypesMoveFirstWithIfNotExists) {
    auto split = split_enum_values({{"ALTER TYPE \"mood\" ADD VALUE 'happy' BEFORE 'ok';",
                                     "ALTER TABLE \"t\" ALTER COLUMN \"m\" SET DEFAULT 'happy';"}},
                                   existing({"\"mood\""}));
    ASSERT_EQ(split.first, (std::vector<std::string>{"ALTER TYPE \"mood\" ADD VALUE IF NOT EXISTS 'happy' BEFORE 'ok';"}));
    EXPECT_EQ(split.pieces.at(0), (std::vector<std::string>{"", "ALTER TABLE \"t\" ALTER COLUMN \"m\" SET DEFAULT 'happy';"}));
    EXPECT_FALSE(split.cut);
}

TEST(EnumValues, OtherStatementsOfAPieceStayAsWritten) {
    const std::string piece = "-- a; comment\nalter type s.mood add value 'x;y';\nUPDATE t SET m = 'x;y'; /* done; */";
    auto split = split_enum_values({{piece}}, existing({"s.mood"}));
    EXPECT_EQ(split.first, (std::vector<std::string>{"ALTER TYPE s.mood ADD VALUE IF NOT EXISTS 'x;y';"}));
    EXPECT_EQ(split.pieces.at(0).at(0), "\nUPDATE t SET m = 'x;y'; /* done; */");
}

TEST(EnumValues, PiecesWithoutValuesAreUntouched) {
    const std::string piece = "CREATE TABLE \"type\" (\"schema\" text DEFAULT 'ALTER TYPE x ADD VALUE ''y''');";
    auto split = split_enum_values({{piece}}, existing({"x"}));
    EXPECT_TRUE(split.first.empty());
    EXPECT_EQ(split.pieces.at(0).at(0), piece);
}

TEST(EnumValues, MissingTypesAndTypesChangedEarlierInTheFileStayInPlace) {
    auto split = split_enum_values({{"ALTER TYPE \"gone\" ADD VALUE 'a';",
                                     "ALTER TYPE \"mood\" RENAME TO \"feeling\";",
                                     "ALTER TYPE \"feeling\" ADD VALUE 'b';",
                                     "DROP TYPE \"x\"; CREATE TYPE \"x\" AS ENUM('a');",
                                     "ALTER TYPE \"x\" ADD VALUE 'b';"}},
                                   existing({"\"mood\"", "\"feeling\"", "\"x\""}));
    EXPECT_TRUE(split.first.empty());
    EXPECT_EQ(split.pieces.at(0).size(), 5u);
    EXPECT_EQ(split.pieces.at(0).at(2), "ALTER TYPE \"feeling\" ADD VALUE 'b';");
}

TEST(EnumValues, ATypeAnEarlierUnitCreatesCutsTheRunBeforeTheUnitThatExtendsIt) {
    auto split = split_enum_values({{"ALTER TYPE \"other\" ADD VALUE 'z';"},
                                    {"DO $tag$ BEGIN CREATE TYPE \"public\".\"mood\" AS ENUM('a'); END $tag$;"},
                                    {"ALTER TYPE \"public\".\"mood\" ADD VALUE 'b';"}},
                                   existing({"\"other\"", "\"public\".\"mood\""}));
    ASSERT_TRUE(split.cut);
    EXPECT_EQ(*split.cut, 2u);
    EXPECT_EQ(split.pieces.size(), 2u);
    EXPECT_EQ(split.first, (std::vector<std::string>{"ALTER TYPE \"other\" ADD VALUE IF NOT EXISTS 'z';"}));
}

TEST(SqlLexer, CommentOnlyText) {
    EXPECT_TRUE(is_comment_only("-- Custom SQL migration file, put your code below! --\n"));
    EXPECT_TRUE(is_comment_only("/* a /* nested */ comment */\n--> statement-breakpoint\n;"));
    EXPECT_FALSE(is_comment_only("-- x\nSELECT 1"));
    EXPECT_FALSE(is_comment_only("$$ -- not a comment $$"));
}

}  // namespace
}  // namespace drizzle::migrate_internal
