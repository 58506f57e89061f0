// The quickstart's database schema: a tiny blog, declared with drizzle-cpp's SQLite DSL.
#pragma once

#include <drizzle/dsl/sqlite.hpp>

namespace blog {

using namespace drizzle::sqlite;

inline const auto users = sqlite_table("users", {
    integer("id").primary_key({.auto_increment = true}),
    text("name").not_null(),
    text("email", {.length = 256}).not_null().unique(),
    integer("active", {.mode = IntegerMode::boolean}).not_null().default_(true),
    integer("created_at", {.mode = IntegerMode::timestamp}).not_null().default_(sql("(unixepoch())")),
});

inline const auto posts = sqlite_table("posts", {
    integer("id").primary_key({.auto_increment = true}),
    integer("author_id").not_null().references(users["id"], {.on_delete = action::cascade}),
    text("title").not_null(),
    text("body"),
    integer("published", {.mode = IntegerMode::boolean}).not_null().default_(false),
}, {
    index("posts_author_idx").on({"author_id"}),
    index("posts_published_idx").on({"published"}).where("published = 1"),
});

inline const auto published_posts = sqlite_view(
    "published_posts", "select \"id\", \"title\" from \"posts\" where \"published\" = 1");

}  // namespace blog
