// The `-- drizzle:txmode none` directive: recognised only as a migration file's first line.
#include "migrate/statements.hpp"

#include <gtest/gtest.h>

namespace drizzle::migrate_internal {
namespace {

TEST(TxmodeNone, RecognisedOnTheFirstLineOnly) {
    EXPECT_TRUE(declares_txmode_none("-- drizzle:txmode none\nCREATE INDEX CONCURRENTLY i ON t (x);"));
    EXPECT_TRUE(declares_txmode_none("--drizzle:txmode   none  \r\nSELECT 1;"));
    EXPECT_TRUE(declares_txmode_none("\xEF\xBB\xBF-- drizzle:txmode none"));
    EXPECT_TRUE(declares_txmode_none("  -- drizzle:txmode none"));
    EXPECT_FALSE(declares_txmode_none("SELECT 1;\n-- drizzle:txmode none"));
    EXPECT_FALSE(declares_txmode_none("-- drizzle:txmode nonessential"));
    EXPECT_FALSE(declares_txmode_none("-- drizzle:txmodenone"));
    EXPECT_FALSE(declares_txmode_none("-- drizzle:txmode all"));
    EXPECT_FALSE(declares_txmode_none("-- txmode none"));
    EXPECT_FALSE(declares_txmode_none(""));
}

}  // namespace
}  // namespace drizzle::migrate_internal
