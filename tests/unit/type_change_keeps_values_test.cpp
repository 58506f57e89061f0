// DialectFacts::type_change_keeps_values: which type changes a down migration can undo with
// every value intact (the rest make the down irreversible).
#include "drizzle/dialect/registry.hpp"

#include <gtest/gtest.h>

using namespace drizzle;

namespace {

Column column(const std::string& type, const std::string& type_schema = "") {
    Column c;
    c.name = "c";
    c.type = type;
    c.type_schema = type_schema;
    return c;
}

bool keeps(Dialect dialect, const Column& from, const Column& to) {
    return dialect_facts(dialect).type_change_keeps_values(from, to);
}

TEST(TypeChangeKeepsValues, PostgresWideningsKeepValues) {
    const Dialect pg = Dialect::postgresql;
    EXPECT_TRUE(keeps(pg, column("integer"), column("bigint")));
    EXPECT_TRUE(keeps(pg, column("serial"), column("integer")));
    EXPECT_TRUE(keeps(pg, column("integer"), column("bigserial")));
    EXPECT_TRUE(keeps(pg, column("smallint"), column("text")));
    EXPECT_TRUE(keeps(pg, column("varchar(10)"), column("varchar(20)")));
    EXPECT_TRUE(keeps(pg, column("varchar(10)"), column("text")));
    EXPECT_TRUE(keeps(pg, column("numeric(10,2)"), column("numeric(12,3)")));
    EXPECT_TRUE(keeps(pg, column("real"), column("double precision")));
    EXPECT_TRUE(keeps(pg, column("text"), column("mood", "public")));
    EXPECT_TRUE(keeps(pg, column("mood", "public"), column("text")));
}

TEST(TypeChangeKeepsValues, PostgresNarrowingsAndReinterpretationsMayNot) {
    const Dialect pg = Dialect::postgresql;
    EXPECT_FALSE(keeps(pg, column("bigint"), column("integer")));
    EXPECT_FALSE(keeps(pg, column("varchar(20)"), column("varchar(10)")));
    EXPECT_FALSE(keeps(pg, column("text"), column("varchar(10)")));
    EXPECT_FALSE(keeps(pg, column("text"), column("integer")));
    EXPECT_FALSE(keeps(pg, column("text"), column("jsonb")));
    EXPECT_FALSE(keeps(pg, column("numeric(10,2)"), column("numeric(10,1)")));
    EXPECT_FALSE(keeps(pg, column("mood", "public"), column("varchar(3)")));
    Column array = column("integer");
    array.dimensions = 1;
    EXPECT_FALSE(keeps(pg, column("integer"), array));
}

TEST(TypeChangeKeepsValues, SqliteOnlyIntegerToTextAffinity) {
    const Dialect sqlite = Dialect::sqlite;
    EXPECT_TRUE(keeps(sqlite, column("integer"), column("text")));
    EXPECT_TRUE(keeps(sqlite, column("bigint"), column("varchar(10)")));
    EXPECT_FALSE(keeps(sqlite, column("text"), column("integer"))); // '007' -> 7
    EXPECT_FALSE(keeps(sqlite, column("integer"), column("real"))); // beyond 2^53
}

} // namespace
