// The consumer project's schema.
#pragma once
#include <drizzle/dsl/sqlite.hpp>

namespace consumer {
using namespace drizzle::sqlite;
inline const auto users = sqlite_table("users", {
    integer("id").primary_key(),
    text("name").not_null(),
    text("email").unique(),
});
inline const auto notes = sqlite_table("notes", {
    integer("id").primary_key(),
    integer("user_id").references(users["id"]),
});
}  // namespace consumer
