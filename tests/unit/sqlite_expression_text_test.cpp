// SQLite expression tokens: table qualifiers re-pointed and canonical forms, literals untouched.
#include "dialect/sqlite/expression_text.hpp"

#include <gtest/gtest.h>

using namespace drizzle::sqlite::detail;

TEST(SqliteExpressionText, TokensGiveTheTextBack) {
    const std::string sql = "\"t\".\"a\" >= 0 AND `t`.b <> 'it''s \"t\".x' -- note\n AND [t].c || x'00' /* c */ <= 1.5e3";
    std::string joined;
    for (const auto& token : tokenize_expression(sql)) joined += token.text;
    EXPECT_EQ(joined, sql);
}

TEST(SqliteExpressionText, RequalifiesEverySpellingOfTheTableButNotLiteralsOrOtherNames) {
    EXPECT_EQ(requalify(R"("products"."price" >= 0)", "products", "__new_products"),
              R"("__new_products"."price" >= 0)");
    EXPECT_EQ(requalify("`products`.`price` > 0 AND products.stock < 5 AND PRODUCTS . x AND [products].y",
                        "products", "__new_products"),
              R"("__new_products".`price` > 0 AND "__new_products".stock < 5 AND "__new_products" . x AND )"
              R"("__new_products".y)");
    EXPECT_EQ(requalify("main.products.price > 0", "products", "__new_products"), R"(main."__new_products".price > 0)");
    // Strings, comments, other tables, a column named like the table, function calls: unchanged.
    const std::string untouched =
        R"('"products"."price"' <> products AND other.products > 0 /* products.x */ AND products(1) -- products.y)";
    EXPECT_EQ(requalify(untouched, "products", "__new_products"), untouched);
    EXPECT_EQ(requalify(R"("we""ird".a = 1)", "we\"ird", "__new_we\"ird"), R"("__new_we""ird".a = 1)");
}

TEST(SqliteExpressionText, CanonicalFormIgnoresQualifiersQuotingCaseAndSpacing) {
    const std::vector<std::string> table = {"products"};
    const std::string canonical = canonical_expression("price >= 0", table);
    EXPECT_EQ(canonical_expression(R"("products"."price" >= 0)", table), canonical);
    EXPECT_EQ(canonical_expression("`Products`.`PRICE`>=0", table), canonical);
    EXPECT_EQ(canonical_expression("main.products.price >= /* x */ 0", table), canonical);
    EXPECT_NE(canonical_expression("price > 0", table), canonical);
    EXPECT_NE(canonical_expression("other.price >= 0", table), canonical);
    // Literals keep their case and content.
    EXPECT_NE(canonical_expression("label <> 'A'", table), canonical_expression("label <> 'a'", table));
    EXPECT_NE(canonical_expression(R"(label <> '"products".x')", table), canonical_expression("label <> 'x'", table));
    // Both names of a renamed table count as the table.
    EXPECT_EQ(canonical_expression(R"("old"."price" >= 0)", {"old", "products"}), canonical);
}
