// Schema validation reports every mistake, each naming its object.
#include "drizzle/schema/validate.hpp"

#include <gtest/gtest.h>

using namespace drizzle;

namespace {

Column column(std::string name, std::string type = "integer") {
    Column c;
    c.name = std::move(name);
    c.type = std::move(type);
    return c;
}

std::string all_messages(const std::vector<Diagnostic>& diagnostics) {
    std::string text;
    for (const auto& d : diagnostics) text += d.where + ": " + d.message + "\n";
    return text;
}

TEST(Validate, CollectsAllProblemsAtOnce) {
    Schema schema;
    Table users;
    users.name = "users";
    users.columns = {column("id"), column("id"), column("name", "text")};
    users.columns[2].autoincrement = true;
    Table posts;
    posts.name = "posts";
    posts.columns = {column("id")};
    ForeignKey fk;
    fk.name = "posts_author_fk";
    fk.columns = {"author_id"};
    fk.table_to = "authors";
    fk.columns_to = {"id"};
    posts.foreign_keys.push_back(fk);
    Index index;
    index.name = "posts_idx";
    index.columns = {{.expression = "missing", .is_expression = false}};
    posts.indexes.push_back(index);
    Table empty;
    empty.name = "empty";
    schema.tables = {users, posts, empty, users};

    auto diagnostics = validate_schema(schema);
    std::string text = all_messages(diagnostics);
    EXPECT_NE(text.find("table \"users\", column \"id\": declared twice"), std::string::npos) << text;
    EXPECT_NE(text.find("table \"users\": declared twice"), std::string::npos) << text;
    EXPECT_NE(text.find("AUTOINCREMENT needs a primary key column"), std::string::npos) << text;
    EXPECT_NE(text.find("foreign key \"posts_author_fk\": names column \"author_id\""), std::string::npos) << text;
    EXPECT_NE(text.find("references table \"authors\", which is not declared"), std::string::npos) << text;
    EXPECT_NE(text.find("index \"posts_idx\": names column \"missing\""), std::string::npos) << text;
    EXPECT_NE(text.find("table \"empty\": has no columns"), std::string::npos) << text;
    EXPECT_THROW(require_valid(schema), DiagnosticsError);
}

TEST(Validate, AcceptsAValidSchema) {
    Schema schema;
    Table t;
    t.name = "t";
    t.columns = {column("id")};
    t.columns[0].primary_key = true;
    t.columns[0].autoincrement = true;
    schema.tables = {t};
    EXPECT_TRUE(validate_schema(schema).empty());
    EXPECT_NO_THROW(require_valid(schema));
}

}  // namespace
