// The SQLite DSL builds the model drizzle-orm's sqlite-core would describe.
#include "drizzle/dsl/registry.hpp"
#include "drizzle/dsl/sqlite.hpp"
#include "drizzle/schema/validate.hpp"

#include <gtest/gtest.h>

using namespace drizzle;
using namespace drizzle::sqlite;

namespace {

// Declared at namespace scope, as users do; they register themselves.
const auto authors = sqlite_table("dsl_authors", {
    integer("id").primary_key({.auto_increment = true}),
    text("email", {.length = 256}).not_null().unique(),
    integer("active", {.mode = IntegerMode::boolean}).default_(true),
    real("score").default_(1.5),
    real("ratio").default_(0.1),
    integer("created", {.mode = IntegerMode::timestamp}).default_(sql("(unixepoch())")),
    text("motto").default_("it's"),
    blob("avatar"),
    numeric("balance"),
});

const auto books = sqlite_table("dsl_books", {
    integer("id"),
    integer("author_id").references(authors["id"], {.on_delete = action::cascade}),
    text("title"),
    text("slug").generated_always_as("lower(title)", {.mode = GeneratedMode::stored}),
}, {
    primary_key({"id", "author_id"}),
    unique_index("dsl_books_title_idx").on({"title"}).where("title is not null"),
    index("dsl_books_lower_idx").on({sql("lower(title)"), "id"}),
    check("title_check", "length(title) > 0"),
    unique().on({"title", "author_id"}),
    foreign_key({"author_id"}, "books_author_explicit").references("dsl_authors", {"id"}).on_update(action::set_null),
});

const auto book_view = sqlite_view("dsl_book_titles", "select title from dsl_books");

TEST(DslSqlite, ColumnsCarryTypesModifiersAndDefaults) {
    Schema schema = dsl::registered_schema(Dialect::sqlite);
    const Table* table = schema.find_table("dsl_authors");
    ASSERT_NE(table, nullptr);
    ASSERT_EQ(table->columns.size(), 9u);
    const Column& id = table->columns[0];
    EXPECT_TRUE(id.primary_key);
    EXPECT_TRUE(id.autoincrement);
    EXPECT_EQ(id.type, "integer");
    EXPECT_EQ(table->columns[1].type, "text(256)");
    EXPECT_TRUE(table->columns[1].not_null);
    EXPECT_EQ(table->columns[2].default_value->sql, "true");
    EXPECT_EQ(table->columns[2].default_value->kind, ColumnDefault::Kind::boolean);
    EXPECT_EQ(table->columns[3].default_value->sql, "1.5");
    EXPECT_EQ(table->columns[3].default_value->kind, ColumnDefault::Kind::number);
    EXPECT_EQ(table->columns[4].default_value->sql, "0.1") << "shortest round-trip text, as JavaScript prints it";
    EXPECT_EQ(table->columns[5].default_value->sql, "(unixepoch())");
    EXPECT_EQ(table->columns[6].default_value->sql, "'it''s'");
    EXPECT_EQ(table->columns[7].type, "blob");
    EXPECT_EQ(table->columns[8].type, "numeric");
    ASSERT_EQ(table->uniques.size(), 1u);
    EXPECT_EQ(table->uniques[0].name, "dsl_authors_email_unique");
    EXPECT_FALSE(table->uniques[0].name_explicit);
}

TEST(DslSqlite, TableExtrasBecomeConstraintsAndIndexes) {
    Schema schema = dsl::registered_schema(Dialect::sqlite);
    const Table* table = schema.find_table("dsl_books");
    ASSERT_NE(table, nullptr);
    ASSERT_EQ(table->primary_keys.size(), 1u);
    EXPECT_EQ(table->primary_keys[0].name, "dsl_books_pk");
    EXPECT_EQ(table->primary_keys[0].columns, (std::vector<std::string>{"id", "author_id"}));
    ASSERT_EQ(table->foreign_keys.size(), 2u);
    EXPECT_EQ(table->foreign_keys[0].name, "fk_dsl_books_author_id_dsl_authors_id_fk");
    EXPECT_EQ(table->foreign_keys[0].on_delete, "cascade");
    EXPECT_EQ(table->foreign_keys[1].name, "books_author_explicit");
    EXPECT_TRUE(table->foreign_keys[1].name_explicit);
    EXPECT_EQ(table->foreign_keys[1].on_update, "set null");
    ASSERT_EQ(table->indexes.size(), 2u);
    EXPECT_TRUE(table->indexes[0].unique);
    EXPECT_EQ(table->indexes[0].where, "title is not null");
    EXPECT_TRUE(table->indexes[1].columns[0].is_expression);
    EXPECT_EQ(table->indexes[1].columns[0].expression, "lower(title)");
    EXPECT_FALSE(table->indexes[1].columns[1].is_expression);
    ASSERT_EQ(table->checks.size(), 1u);
    EXPECT_EQ(table->checks[0].value, "length(title) > 0");
    ASSERT_EQ(table->uniques.size(), 1u);
    EXPECT_EQ(table->uniques[0].name, "dsl_books_title_author_id_unique");
    ASSERT_TRUE(table->columns[3].generated);
    EXPECT_TRUE(table->columns[3].generated->stored);
    EXPECT_NE(schema.find_view("dsl_book_titles"), nullptr);
    EXPECT_TRUE(validate_schema(schema).empty());
}

TEST(DslSqlite, TablesAreSortedByName) {
    Schema schema = dsl::registered_schema(Dialect::sqlite);
    ASSERT_GE(schema.tables.size(), 2u);
    EXPECT_TRUE(std::is_sorted(schema.tables.begin(), schema.tables.end(),
                               [](const Table& a, const Table& b) { return a.name < b.name; }));
}

}  // namespace
