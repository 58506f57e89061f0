// PostgreSQL's 63-byte identifier rules and the 0.x default repairs, on their own.
#include "drizzle/schema/naming.hpp"
#include "drizzle/schema/pg_literals.hpp"
#include "dialect/pg/facts/snapshot/pg_common.hpp"

#include <gtest/gtest.h>

using namespace drizzle;

TEST(PgNames, TruncationNeverCutsACharacter) {
    const std::string ascii(70, 'a');
    EXPECT_EQ(pg_truncate_identifier(ascii), std::string(63, 'a'));
    // 62 ASCII bytes then a two-byte ü: byte 63 would be its first half, so the cut is at 62.
    const std::string split = std::string(62, 'a') + "üb";
    EXPECT_EQ(pg_truncate_identifier(split), std::string(62, 'a'));
    EXPECT_EQ(pg_truncate_identifier("short"), "short");
}

TEST(PgNames, ObjectNamesShortenTheLongerPartAsPostgresqlDoes) {
    // makeObjectName: `<t>_pkey`, `<t>_<c>_seq` within 63 bytes.
    const std::string table(70, 't');
    EXPECT_EQ(pg_default_primary_key_name(table), std::string(58, 't') + "_pkey");
    EXPECT_EQ(pg_default_sequence_name(table, "id"), std::string(56, 't') + "_id_seq");  // as the server names it
    EXPECT_EQ(pg_default_sequence_name("users", "id"), "users_id_seq");
    EXPECT_TRUE(pg_is_default_primary_key_name(table, table + "_pkey"));
    EXPECT_TRUE(pg_is_default_primary_key_name(table, std::string(58, 't') + "_pkey"));
    EXPECT_FALSE(pg_is_default_primary_key_name("Suggestion", "Suggestion_id_pk"));
}

TEST(PgNames, V1ForeignKeyNamesOver63UnitsAreHashedLikeDrizzleKit) {
    ForeignKey fk;
    fk.columns = {"a_really_long_column_name_for_the_reference"};
    fk.table_to = "parent_table";
    fk.columns_to = {"id"};
    const std::string name = default_foreign_key_name(NamingStyle::v1, Dialect::postgresql, "child", fk);
    EXPECT_EQ(name.rfind("child_", 0), 0u) << name;
    EXPECT_EQ(name.size(), std::string("child_").size() + 12 + std::string("_fkey").size()) << name;
    fk.columns = {"b"};
    EXPECT_EQ(default_foreign_key_name(NamingStyle::v1, Dialect::postgresql, "child", fk), "child_b_parent_table_id_fkey");
}

TEST(PgLegacyDefaults, UnescapedQuotesAreRepairedWhereDrizzleKitPrintedAValue) {
    using snapshot_detail::pg_repair_legacy_default;
    EXPECT_EQ(pg_repair_legacy_default(R"('{"note":"it's"}'::json)", "json", 0), R"('{"note":"it''s"}'::json)");
    EXPECT_EQ(pg_repair_legacy_default(R"('{"it's","plain"}')", "text", 1), R"('{it''s,plain}')");
    EXPECT_EQ(pg_repair_legacy_default("'it's'", "text", 0), "'it''s'");
    // Already valid, or an expression: untouched.
    EXPECT_EQ(pg_repair_legacy_default("'it''s'", "text", 0), "'it''s'");
    EXPECT_EQ(pg_repair_legacy_default("'a' || 'b'", "text", 0), "'a' || 'b'");
    EXPECT_EQ(pg_repair_legacy_default("now()", "timestamp", 0), "now()");
}

TEST(PgLiterals, ArraysArePrintedAsArrayOutDoes) {
    EXPECT_EQ(pg_canonical_array_literal(R"({"a","b c","",NULL,"NULL"})", false), R"({a,"b c","",NULL,"NULL"})");
    EXPECT_EQ(pg_canonical_array_literal("{true,false}", true), "{t,f}");
    EXPECT_EQ(pg_canonical_array_literal(R"({{"1","2"},{"3","4"}})", false), "{{1,2},{3,4}}");
    EXPECT_FALSE(pg_canonical_array_literal("not an array", false).has_value());
}
