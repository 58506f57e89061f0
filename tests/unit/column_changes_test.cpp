// What an AlterColumn says changed: column_changes() per property, and the diff's AlterColumn carrying it.
#include "drizzle/diff/diff.hpp"
#include "drizzle/diff/operations.hpp"

#include <gtest/gtest.h>

using namespace drizzle;

namespace {

Column integer_column(std::string name) {
    Column column;
    column.name = std::move(name);
    column.type = "integer";
    return column;
}

TEST(ColumnChanges, EqualColumnsChangeNothing) {
    const Column c = integer_column("x");
    EXPECT_TRUE(column_changes(c, c).empty());
}

TEST(ColumnChanges, EachPropertyHasItsFlag) {
    const Column base = integer_column("x");
    auto only = [&](Column changed, ColumnChange flag) {
        const ColumnChanges changes = column_changes(base, changed);
        EXPECT_EQ(changes, ColumnChanges(flag));
    };
    Column c = base;
    c.type = "bigint";
    only(c, ColumnChange::type);
    c = base;
    c.type_schema = "public";
    only(c, ColumnChange::type_schema);
    c = base;
    c.dimensions = 1;
    only(c, ColumnChange::dimensions);
    c = base;
    c.not_null = true;
    only(c, ColumnChange::not_null);
    c = base;
    c.autoincrement = true;
    only(c, ColumnChange::autoincrement);
    c = base;
    c.default_value = ColumnDefault{ColumnDefault::Kind::number, "1"};
    only(c, ColumnChange::default_value);
    c = base;
    c.generated = GeneratedColumn{"1 + 1", true};
    only(c, ColumnChange::generated);
}

TEST(ColumnChanges, ImpliedNotNullCountsAsNotNull) {
    const Column base = integer_column("x");
    Column key = base;
    key.primary_key = true; // a key is NOT NULL in effect
    EXPECT_EQ(column_changes(base, key), ColumnChange::primary_key | ColumnChange::not_null);
    Column identity = base;
    identity.identity = IdentityColumn{};
    EXPECT_EQ(column_changes(base, identity), ColumnChange::identity | ColumnChange::not_null);
    Column serial = base;
    serial.type = "serial";
    EXPECT_EQ(column_changes(base, serial), ColumnChange::type | ColumnChange::not_null);
    // Declared NOT NULL on a key column changes nothing in effect.
    Column declared = key;
    declared.not_null = true;
    EXPECT_TRUE(column_changes(key, declared).empty());
}

TEST(ColumnChanges, SetOperations) {
    ColumnChanges changes = ColumnChange::type | ColumnChange::dimensions;
    EXPECT_TRUE(changes.has(ColumnChange::type));
    EXPECT_FALSE(changes.has(ColumnChange::not_null));
    EXPECT_TRUE(changes.has_any(ColumnChange::not_null | ColumnChange::dimensions));
    EXPECT_FALSE(changes.has_any(ColumnChange::not_null | ColumnChange::identity));
    changes |= ColumnChange::not_null;
    EXPECT_TRUE(changes.has(ColumnChange::not_null));
    EXPECT_FALSE(changes.empty());
}

TEST(ColumnChanges, AlterColumnComputesItsChanges) {
    Column to = integer_column("x");
    to.type = "text";
    to.not_null = true;
    const op::AlterColumn alter{"", "t", integer_column("x"), to};
    EXPECT_EQ(alter.changes, ColumnChange::type | ColumnChange::not_null);
}

TEST(ColumnChanges, DiffAlterColumnSaysWhatChanged) {
    Schema before;
    before.dialect = Dialect::sqlite;
    Table t;
    t.name = "t";
    t.columns.push_back(integer_column("x"));
    before.tables.push_back(t);
    Schema after = before;
    after.tables[0].columns[0].default_value = ColumnDefault{ColumnDefault::Kind::number, "7"};
    ScriptedResolver none;
    const auto result = diff(before, after, none);
    ASSERT_EQ(result.operations.size(), 1u);
    const auto* alter = std::get_if<op::AlterColumn>(&result.operations[0]);
    ASSERT_NE(alter, nullptr);
    EXPECT_EQ(alter->changes, ColumnChanges(ColumnChange::default_value));
}

} // namespace
