// How drizzle-kit builds the schema from C++ headers: one compiled object per header (an edit
// recompiles that header alone), ccache when present, and the DSL's compile-time check of each
// table, both by the compiler itself and through generate.
#include "support/test_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <ostream>
#include <string>
#include <thread>
#include <vector>

namespace fs = std::filesystem;
using namespace drizzle;

namespace {

class SchemaHeaderBuild : public ::testing::Test {
protected:
    test::TempDir dir{"schema-header-build"};

    /// drizzle-kit with the header reader off: these tests are about the compile path.
    int kit(const std::string& args, std::string& output, const std::string& env = "") {
        return test::run_command("cd '" + dir.path().string() + "' && env DRIZZLE_READ_HEADERS=0 DRIZZLE_CACHE_DIR='" +
                                     (dir.path() / ".cache").string() + "' " + env + " '" DRIZZLE_KIT_EXE "' " + args +
                                     " </dev/null 2>&1",
                                 output);
    }

    /// The compiled object of every header in the cache, by the header it compiles.
    std::map<std::string, fs::file_time_type> objects() {
        std::map<std::string, fs::file_time_type> found;
        for (const auto& entry : fs::recursive_directory_iterator(dir / ".cache")) {
            if (entry.path().filename() != "header.cpp") continue;
            const std::string source = test::read_file(entry.path());
            const auto start = source.find("#include \"") + 10;
            const std::string header = fs::path(source.substr(start, source.find('"', start) - start)).filename();
            found[header] = fs::last_write_time(entry.path().parent_path() / "header.so");
        }
        return found;
    }

    /// Compiles `header` as a user's own build would (the check is on by default).
    int compile(const fs::path& header, std::string& output) {
        return test::run_command("c++ -std=c++20 -fsyntax-only -I'" DRIZZLE_SOURCE_DIR "/include' -x c++ '" +
                                     header.string() + "' 2>&1",
                                 output);
    }
};

/// The migration folders of `out`, oldest first.
std::vector<fs::path> migration_folders(const fs::path& out) {
    std::vector<fs::path> folders;
    for (const auto& entry : fs::directory_iterator(out))
        if (entry.is_directory()) folders.push_back(entry.path());
    std::sort(folders.begin(), folders.end());
    return folders;
}

const char* const kUsers = R"(#pragma once
#include <drizzle/dsl/sqlite.hpp>
using namespace drizzle::sqlite;
inline const auto users = sqlite_table("users", {
    integer("id").primary_key(),
    text("email"),
});
)";

const char* const kPosts = R"(#pragma once
#include "users.hpp"
inline const auto posts = sqlite_table("posts", {
    integer("id").primary_key(),
    integer("author_id").references(users["id"]),
});
)";

TEST_F(SchemaHeaderBuild, EditingOneOfTwoHeadersRecompilesOnlyThatHeader) {
    test::write_file(dir / "users.hpp", kUsers);
    test::write_file(dir / "posts.hpp", kPosts);
    test::write_file(dir / "drizzle.config.json",
                     R"({"dialect": "sqlite", "schema": ["./users.hpp", "./posts.hpp"], "out": "./drizzle"})");
    std::string output;
    ASSERT_EQ(kit("generate --name init", output), 0) << output;
    EXPECT_NE(output.find("Compiling the schema exporter (c++): posts.hpp, users.hpp\n"), std::string::npos) << output;
    const auto first = objects();
    ASSERT_EQ(first.size(), 2u);

    // posts.hpp includes users.hpp, so only posts.hpp's object depends on it.
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    std::string posts = kPosts;
    posts.insert(posts.find("});"), "    text(\"title\"),\n");
    test::write_file(dir / "posts.hpp", posts);
    ASSERT_EQ(kit("generate --name title", output), 0) << output;
    EXPECT_NE(output.find("Compiling the schema exporter (c++): posts.hpp (1 unchanged header reused)"),
              std::string::npos)
        << output;
    const auto second = objects();
    EXPECT_EQ(second.at("users.hpp"), first.at("users.hpp")) << "users.hpp was compiled again";
    EXPECT_NE(second.at("posts.hpp"), first.at("posts.hpp"));
    const auto folders = migration_folders(dir / "drizzle");
    ASSERT_EQ(folders.size(), 2u);
    EXPECT_EQ(test::read_file(folders[1] / "migration.sql"), "ALTER TABLE `posts` ADD `title` text;");

    // An edit to the included header recompiles both objects.
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    std::string users = kUsers;
    users.insert(users.find("});"), "    text(\"name\"),\n");
    test::write_file(dir / "users.hpp", users);
    ASSERT_EQ(kit("generate --name name", output), 0) << output;
    EXPECT_NE(output.find("Compiling the schema exporter (c++): posts.hpp, users.hpp\n"), std::string::npos) << output;
    EXPECT_EQ(test::read_file(migration_folders(dir / "drizzle").at(2) / "migration.sql"),
              "ALTER TABLE `users` ADD `name` text;");

    // Nothing edited: nothing compiled, nothing to generate.
    ASSERT_EQ(kit("generate --name none", output), 0) << output;
    EXPECT_NE(output.find("reusing the cached exporter"), std::string::npos) << output;
    EXPECT_EQ(output.find("Compiling"), std::string::npos) << output;
    EXPECT_EQ(migration_folders(dir / "drizzle").size(), 3u);
}

// With ccache on PATH (scripts/install-deps.sh installs it), going back to a version of a header
// compiles it again for drizzle-kit's own cache, but ccache serves it.
TEST_F(SchemaHeaderBuild, CcacheServesAHeaderThatWentBackToAnEarlierVersion) {
    std::string where;
    ASSERT_EQ(test::run_command("command -v ccache", where), 0) << "ccache is not installed (scripts/install-deps.sh)";
    test::write_file(dir / "users.hpp", kUsers);
    std::string users = kUsers;
    users.insert(users.find("});"), "    text(\"name\"),\n");
    const std::string env = "CCACHE_DIR='" + (dir.path() / "ccache").string() + "' DRIZZLE_CCACHE=1";
    std::string output;
    const std::string args = "export --dialect sqlite --schema users.hpp";
    ASSERT_EQ(kit(args, output, env), 0) << output;
    test::write_file(dir / "users.hpp", users);
    ASSERT_EQ(kit(args, output, env), 0) << output;
    EXPECT_NE(output.find("`name` text"), std::string::npos) << output;
    test::write_file(dir / "users.hpp", kUsers);
    ASSERT_EQ(kit(args, output, env), 0) << output;
    EXPECT_EQ(output.find("`name` text"), std::string::npos) << output;

    std::string stats;
    ASSERT_EQ(test::run_command("env " + env + " ccache --print-stats", stats), 0) << stats;
    EXPECT_NE(stats.find("direct_cache_hit\t1\n"), std::string::npos) << stats;
    EXPECT_NE(stats.find("direct_cache_miss\t2\n"), std::string::npos) << stats;
}

// One bad declaration per kind the compiler can see, as a user's own build compiles the header.
struct BadDeclaration {
    const char* name;
    const char* dialect_header;
    const char* table_call;
    const char* body;
    const char* message;
};

const BadDeclaration kBadDeclarations[] = {
    {"index_column", "sqlite", "sqlite_table",
     R"({ integer("id").primary_key(), text("email") }, { index("users_email_idx").on({"emial"}) })",
     R"(table "users": index "users_email_idx" names column "emial", which the table does not have)"},
    {"unique_columns", "pg", "pg_table",
     R"({ serial("id").primary_key(), text("a"), text("b") }, { unique("users_a_b").on({"a", "c"}) })",
     R"(table "users": unique constraint "users_a_b" names column "c", which the table does not have)"},
    {"primary_key", "sqlite", "sqlite_table", R"({ integer("a"), integer("b") }, { primary_key({"a", "bb"}) })",
     R"(table "users": primary key names column "bb", which the table does not have)"},
    {"foreign_key_columns", "pg", "pg_table",
     R"({ serial("id").primary_key(), integer("org") }, { foreign_key({"orgg"}).references("orgs", {"id"}) })",
     R"(table "users": foreign key names column "orgg", which the table does not have)"},
    {"foreign_key_to_itself", "sqlite", "sqlite_table",
     R"({ integer("id").primary_key(), integer("parent") }, { foreign_key({"parent"}).references("users", {"idd"}) })",
     R"(table "users": the target of foreign key names column "idd", which the table does not have)"},
    {"column_reference_to_itself", "pg", "pg_table",
     R"({ serial("id").primary_key(), integer("parent").references(ref("users", "iid")) })",
     R"(table "users": the reference of column "parent" names column "iid", which the table does not have)"},
    {"column_twice", "sqlite", "sqlite_table", R"({ integer("id").primary_key(), text("name"), text("name") })",
     R"(table "users": column "name" is declared twice)"},
    {"index_target_with_ordering", "pg", "pg_table",
     R"({ serial("id"), text("name") }, { index("by_name").on({IndexTarget("nam").desc()}) })",
     R"(table "users": index "by_name" names column "nam", which the table does not have)"},
};

void PrintTo(const BadDeclaration& bad, std::ostream* out) {
    *out << bad.name;
}

class BadDeclarations : public SchemaHeaderBuild, public ::testing::WithParamInterface<BadDeclaration> {};

TEST_P(BadDeclarations, FailToCompileWithTheTableAndColumnNamed) {
    const BadDeclaration& bad = GetParam();
    const std::string ns = std::string(bad.dialect_header) == "pg" ? "drizzle::pg::dsl" : "drizzle::sqlite";
    test::write_file(dir / "schema.hpp",
                     std::string("#include <drizzle/dsl/") + bad.dialect_header + ".hpp>\nusing namespace " + ns +
                         ";\ninline const auto users = " + bad.table_call + "(\"users\", " + bad.body + ");\n");
    std::string output;
    EXPECT_NE(compile(dir / "schema.hpp", output), 0) << output;
    // The compiler's first line names the table and the column, the next one the declaration.
    std::string escaped;
    for (const char* c = bad.message; *c != '\0'; ++c)
        escaped += *c == '"' ? std::string("\\\"") : std::string(1, *c);
    EXPECT_NE(output.find("DslCheck<drizzle::dsl::detail::Message{\"" + escaped + "\"}>"), std::string::npos) << output;
    EXPECT_NE(output.find((dir / "schema.hpp").string() + ":3:27:   required from here"), std::string::npos) << output;

    // generate compiles without the check, finds the schema invalid (exit 3), and puts the same
    // mistake at the header's line first; nothing written.
    const std::string dialect = std::string(bad.dialect_header) == "pg" ? "postgresql" : "sqlite";
    EXPECT_EQ(kit("generate --dialect " + dialect + " --schema schema.hpp --out out", output), 3) << output;
    EXPECT_NE(output.find("error: invalid schema:\n" + (dir / "schema.hpp").string() + ":3:27: " + bad.message + "\n"),
              std::string::npos)
        << output;
    EXPECT_FALSE(fs::exists(dir / "out"));
}

INSTANTIATE_TEST_SUITE_P(Kinds, BadDeclarations, ::testing::ValuesIn(kBadDeclarations),
                         [](const auto& info) { return std::string(info.param.name); });

// The declarations of the quick start, with a table from each dialect's every kind of extra,
// pass the check; a name computed at run time skips it with `(sqlite_table)(...)`.
TEST_F(SchemaHeaderBuild, CorrectHeadersAndRunTimeNamesCompile) {
    test::write_file(dir / "schema.hpp", R"HPP(#include <drizzle/dsl/sqlite.hpp>
#include <string>
using namespace drizzle::sqlite;
inline const auto users = sqlite_table("users", {
    integer("id").primary_key({.auto_increment = true}),
    text("email", {.length = 256}).not_null().unique(),
    integer("parent"),
    integer("manager").references(ref("users", "id")),
}, {
    index("users_email_idx").on({"email", sql("lower(email)")}),
    foreign_key({"parent"}).references("users", {"id"}),
});
inline const std::string prefix = "app_";
inline const auto settings = (sqlite_table)(prefix + "settings", {
    text("key").primary_key(),
    text("value").default_(std::string("none")),
});
)HPP");
    std::string output;
    EXPECT_EQ(compile(dir / "schema.hpp", output), 0) << output;
    ASSERT_EQ(kit("export --dialect sqlite --schema schema.hpp", output), 0) << output;
    EXPECT_NE(output.find("CREATE TABLE `app_settings`"), std::string::npos) << output;
    EXPECT_NE(output.find("`value` text DEFAULT 'none'"), std::string::npos) << output;
    EXPECT_NE(output.find("CREATE INDEX `users_email_idx` ON `users` (`email`,lower(email));"), std::string::npos)
        << output;
}

// A header from before the check that builds a name at run time: drizzle-kit compiles it as it is;
// a build of the header with the check says how to update it.
TEST_F(SchemaHeaderBuild, RunTimeNamesSayHowToSkipTheCheck) {
    test::write_file(dir / "schema.hpp", R"HPP(#include <drizzle/dsl/pg.hpp>
#include <string>
using namespace drizzle::pg::dsl;
inline const std::string prefix = "app_";
inline const auto users = pg_table(prefix + "users", {
    serial("id").primary_key(),
});
)HPP");
    std::string output;
    EXPECT_NE(compile(dir / "schema.hpp", output), 0) << output;
    // The compiler's quotes around the name depend on the locale.
    EXPECT_NE(output.find("prefix"), std::string::npos) << output;
    EXPECT_NE(output.find(" is not usable in a constant expression"), std::string::npos) << output;
    EXPECT_NE(output.find("/* computed at run time? write (pg_table)(...) */"), std::string::npos) << output;
    ASSERT_EQ(kit("export --dialect postgresql --schema schema.hpp", output), 0) << output;
    EXPECT_NE(output.find("CREATE TABLE \"app_users\""), std::string::npos) << output;
}

} // namespace
