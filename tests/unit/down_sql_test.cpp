// plan_down: the reverse diff turns renames around, notes what it cannot restore, and the
// checksum line tells a generated down file from an edited or hand-written one.
#include "drizzle/kit/down_sql.hpp"

#include <gtest/gtest.h>

namespace drizzle::kit {
namespace {

Column column(const std::string& name, const std::string& type) {
    Column c;
    c.name = name;
    c.type = type;
    return c;
}

Schema sqlite_schema(std::vector<Table> tables) {
    Schema s;
    s.dialect = Dialect::sqlite;
    s.tables = std::move(tables);
    return s;
}

Table table(const std::string& name, std::vector<Column> columns) {
    Table t;
    t.name = name;
    t.columns = std::move(columns);
    return t;
}

TEST(DownSql, ReversesTableAndColumnRenamesThroughTheRenamedTable) {
    using Kind = RenameQuestion::Kind;
    const std::vector<RenameDecision> up{{Kind::table, "", "", "people", "users"},
                                         {Kind::column, "", "people", "full_name", "name"}};
    const auto reversed = reverse_decisions(up);
    ASSERT_EQ(reversed.size(), 2u);
    EXPECT_EQ(reversed[0].name, "users");
    EXPECT_EQ(reversed[0].from, "people");
    EXPECT_EQ(reversed[1].table, "users");
    EXPECT_EQ(reversed[1].name, "name");
    EXPECT_EQ(reversed[1].from, "full_name");

    const Schema prev = sqlite_schema({table("users", {column("id", "integer"), column("name", "text")})});
    const Schema next = sqlite_schema({table("people", {column("id", "integer"), column("full_name", "text")})});
    const DownMigration down = plan_down(prev, next, NamingStyle::v1, up, true);
    EXPECT_TRUE(down.irreversible.empty());
    EXPECT_NE(down.sql.find("RENAME TO `users`"), std::string::npos) << down.sql;
    EXPECT_NE(down.sql.find("RENAME COLUMN `full_name` TO `name`"), std::string::npos) << down.sql;
    EXPECT_EQ(down.sql.find("DROP TABLE"), std::string::npos) << down.sql;
    EXPECT_EQ(down_integrity(down.sql), DownIntegrity::generated);
}

TEST(DownSql, ADroppedColumnComesBackEmptyAndTheFileSaysSo) {
    const Schema prev = sqlite_schema({table("users", {column("id", "integer"), column("bio", "text")})});
    const Schema next = sqlite_schema({table("users", {column("id", "integer")})});
    const DownMigration down = plan_down(prev, next, NamingStyle::v1, {}, true);
    ASSERT_EQ(down.irreversible.size(), 1u);
    EXPECT_EQ(down.irreversible[0], "column \"users\".\"bio\" is recreated without its values");
    EXPECT_NE(down.sql.find("-- irreversible: column \"users\".\"bio\""), std::string::npos) << down.sql;
    EXPECT_NE(down.sql.find("ADD `bio` text"), std::string::npos) << down.sql;
    EXPECT_EQ(down.statements, 1u);
}

TEST(DownSql, NothingToUndoIsACommentOnlyFile) {
    const Schema same = sqlite_schema({table("users", {column("id", "integer")})});
    const DownMigration down = plan_down(same, same, NamingStyle::v1, {}, true);
    EXPECT_EQ(down.statements, 0u);
    EXPECT_TRUE(down_is_empty(down.sql));
    EXPECT_EQ(down_integrity(down.sql), DownIntegrity::generated);
}

TEST(DownSql, IntegrityTellsGeneratedEditedAndHandWritten) {
    const std::string body = "DROP TABLE `posts`;";
    const std::string file = down_checksum_line(body) + "\n" + body;
    EXPECT_EQ(down_integrity(file), DownIntegrity::generated);
    EXPECT_EQ(down_integrity(file + "\nDROP TABLE `users`;"), DownIntegrity::edited);
    EXPECT_EQ(down_integrity(body), DownIntegrity::hand_written);
    const std::string txmode = "-- drizzle:txmode none\n";
    const std::string with_txmode = txmode + down_checksum_line(txmode + body) + "\n" + body;
    EXPECT_EQ(down_integrity(with_txmode), DownIntegrity::generated);
    EXPECT_FALSE(down_is_empty(body));
    EXPECT_TRUE(down_is_empty("-- only a comment\n\n"));
}

} // namespace
} // namespace drizzle::kit
