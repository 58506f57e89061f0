// The git-branch scenario shared by the SQLite (cli) and PostgreSQL (pg) tiers: two branches generate
// from one parent, their folders merge, check/generate/migrate handle it; and the conflicting variant.
#pragma once

#include "support/test_support.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace drizzle::test {

/// What the scenario needs from its tier: the real CLI and real databases.
struct BranchScenario {
    std::filesystem::path project; ///< a folder of its own; the scenario writes config and schema
    std::string dialect;           ///< "sqlite" | "postgresql"
    /// Runs the drizzle-kit binary in `project` with `args`; output = stdout+stderr.
    std::function<int(const std::string& args, std::string& output)> kit;
    std::function<std::string()> new_database; ///< a fresh database's --url
    /// Whether `table` has `column` in the database at `url`.
    std::function<bool(const std::string& url, const std::string& table, const std::string& column)> has_column;
};

namespace branch_scenario {

namespace fs = std::filesystem;

inline const char* kParent = "CREATE TABLE t1 (id integer PRIMARY KEY, a text);\n"
                             "CREATE TABLE t2 (id integer PRIMARY KEY);\n"
                             "CREATE TABLE t3 (id integer PRIMARY KEY, c text);\n";

/// The migration folders of `out` (v1 layout), sorted.
inline std::vector<std::string> migrations(const fs::path& out) {
    std::vector<std::string> names;
    if (!fs::exists(out)) return names;
    for (const auto& item : fs::directory_iterator(out)) {
        if (item.is_directory()) names.push_back(item.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
}

inline std::string snapshot_id(const fs::path& folder) {
    return nlohmann::json::parse(read_file(folder / "snapshot.json"))["id"].get<std::string>();
}

/// Writes the config and the parent schema, generates "base", then for each branch restores the
/// parent folder, writes its schema and generates its migration. Returns {base, a, b} names;
/// `branch_folder` receives each branch's migration folder copy.
inline std::vector<std::string> make_branches(const BranchScenario& s, const std::string& schema_a,
                                              const std::string& schema_b) {
    write_file(s.project / "drizzle.config.json",
               R"({"dialect":")" + s.dialect + R"(","schema":"./schema.sql","out":"./drizzle"})");
    write_file(s.project / "schema.sql", kParent);
    std::string output;
    EXPECT_EQ(s.kit("generate --name base", output), 0) << output;
    const fs::path out = s.project / "drizzle";
    const fs::path parent = s.project / "parent";
    fs::copy(out, parent, fs::copy_options::recursive);
    std::vector<std::string> names = migrations(out);
    for (const auto& [schema, name] : {std::pair{schema_a, "branch_a"}, std::pair{schema_b, "branch_b"}}) {
        fs::remove_all(out);
        fs::copy(parent, out, fs::copy_options::recursive);
        write_file(s.project / "schema.sql", schema);
        EXPECT_EQ(s.kit(std::string("generate --name ") + name, output), 0) << output;
        auto now = migrations(out);
        EXPECT_EQ(now.size(), 2u);
        names.push_back(now.back());
        fs::create_directories(s.project / name / now.back());
        fs::copy(out / now.back(), s.project / name / now.back(), fs::copy_options::recursive);
    }
    return names;
}

/// The folder as on the branch `name` (parent + that branch's migration).
inline void checkout(const BranchScenario& s, const std::vector<std::string>& branches) {
    const fs::path out = s.project / "drizzle";
    fs::remove_all(out);
    fs::copy(s.project / "parent", out, fs::copy_options::recursive);
    for (const auto& b : branches)
        fs::copy(s.project / b, out, fs::copy_options::recursive);
}

} // namespace branch_scenario

/// Branch A adds t1.x, branch B adds t2.y; merged, check notes the commuting branches, generate
/// writes the merge migration, migrate applies both branches to a fresh database and to one that
/// had branch B only (A being older: out of order by time), and nothing is pending afterwards.
inline void run_commuting_branches(const BranchScenario& s) {
    using namespace branch_scenario;
    const std::string t3 = "CREATE TABLE t3 (id integer PRIMARY KEY, c text);\n";
    const std::string t1_x = "CREATE TABLE t1 (id integer PRIMARY KEY, a text, x integer);\n";
    const std::string t2_y = "CREATE TABLE t2 (id integer PRIMARY KEY, y integer);\n";
    const std::string schema_a = t1_x + "CREATE TABLE t2 (id integer PRIMARY KEY);\n" + t3;
    const std::string schema_b = "CREATE TABLE t1 (id integer PRIMARY KEY, a text);\n" + t2_y + t3;
    const auto names = make_branches(s, schema_a, schema_b);
    ASSERT_EQ(names.size(), 3u);
    const std::string& a = names[1];
    const std::string& b = names[2];
    ASSERT_LE(a, b);
    std::string output;

    // A database on branch B: base and B applied.
    checkout(s, {"branch_b"});
    const std::string db_b = s.new_database();
    ASSERT_EQ(s.kit("migrate --url '" + db_b + "'", output), 0) << output;

    // The branches merged (git merge of both folders).
    checkout(s, {"branch_a", "branch_b"});
    EXPECT_EQ(s.kit("check", output), 0) << output;
    EXPECT_NE(output.find("[branch_commutative]"), std::string::npos) << output;
    EXPECT_NE(output.find(a), std::string::npos) << output;
    EXPECT_NE(output.find(b), std::string::npos) << output;
    EXPECT_NE(output.find("merge migration"), std::string::npos) << output;
    EXPECT_EQ(s.kit("check --json", output), 0) << output;
    EXPECT_NE(output.find("\"code\": \"branch_commutative\""), std::string::npos) << output;

    // migrate before the merge migration: A is older than the applied B but on another branch.
    EXPECT_EQ(s.kit("migrate --url '" + db_b + "'", output), 0) << output;
    EXPECT_NE(output.find("notice: applying " + a), std::string::npos) << output;
    EXPECT_TRUE(s.has_column(db_b, "t1", "x"));

    // generate joins the heads: the schema equals the merged state, so the SQL is a comment.
    write_file(s.project / "schema.sql", t1_x + t2_y + t3);
    EXPECT_EQ(s.kit("generate --name merge", output), 0) << output;
    const auto after = migrations(s.project / "drizzle");
    ASSERT_EQ(after.size(), 4u);
    const fs::path merge = s.project / "drizzle" / after.back();
    EXPECT_TRUE(after.back().ends_with("_merge")) << after.back();
    const auto snapshot = nlohmann::json::parse(read_file(merge / "snapshot.json"));
    EXPECT_EQ(snapshot["prevIds"],
              nlohmann::json::array({snapshot_id(s.project / "drizzle" / a), snapshot_id(s.project / "drizzle" / b)}));
    const std::string sql = read_file(merge / "migration.sql");
    EXPECT_TRUE(sql.starts_with("-- merge migration: joins " + a + " and " + b)) << sql;
    EXPECT_EQ(s.kit("generate --name again", output), 0) << output;
    EXPECT_NE(output.find("No schema changes"), std::string::npos) << output;
    EXPECT_EQ(s.kit("check", output), 0) << output;
    EXPECT_EQ(output.find("[branch_"), std::string::npos) << output;
    EXPECT_EQ(output.find("[hand_edited]"), std::string::npos) << output;

    // Both databases reach the merged state and nothing is pending.
    const std::string fresh = s.new_database();
    for (const std::string& url : {fresh, db_b}) {
        EXPECT_EQ(s.kit("migrate --url '" + url + "'", output), 0) << output;
        EXPECT_TRUE(s.has_column(url, "t1", "x"));
        EXPECT_TRUE(s.has_column(url, "t2", "y"));
        EXPECT_EQ(s.kit("migrate --url '" + url + "'", output), 0) << output;
        EXPECT_NE(output.find("No pending migrations (4 already applied)"), std::string::npos) << output;
    }
}

/// Both branches change column t3.c: check exits 1 naming both migrations and the column, generate
/// refuses with the same report, and migrate keeps refusing the out-of-order one.
inline void run_conflicting_branches(const BranchScenario& s) {
    using namespace branch_scenario;
    const std::string schema_a = "CREATE TABLE t1 (id integer PRIMARY KEY, a text);\n"
                                 "CREATE TABLE t2 (id integer PRIMARY KEY);\n"
                                 "CREATE TABLE t3 (id integer PRIMARY KEY);\n";
    const std::string schema_b = "CREATE TABLE t1 (id integer PRIMARY KEY, a text);\n"
                                 "CREATE TABLE t2 (id integer PRIMARY KEY);\n"
                                 "CREATE TABLE t3 (id integer PRIMARY KEY, c text NOT NULL DEFAULT 'z');\n";
    const auto names = make_branches(s, schema_a, schema_b);
    ASSERT_EQ(names.size(), 3u);
    std::string output;
    checkout(s, {"branch_b"});
    const std::string db_b = s.new_database();
    ASSERT_EQ(s.kit("migrate --url '" + db_b + "'", output), 0) << output;

    checkout(s, {"branch_a", "branch_b"});
    EXPECT_EQ(s.kit("check", output), 1) << output;
    EXPECT_NE(output.find("[branch_conflict]"), std::string::npos) << output;
    EXPECT_NE(output.find(names[1]), std::string::npos) << output;
    EXPECT_NE(output.find(names[2]), std::string::npos) << output;
    EXPECT_NE(output.find("column \"t3\".\"c\""), std::string::npos) << output;
    EXPECT_EQ(s.kit("check --json", output), 1) << output;
    EXPECT_NE(output.find("\"ok\": false"), std::string::npos) << output;

    write_file(s.project / "schema.sql", schema_b);
    EXPECT_EQ(s.kit("generate --name merge", output), 3) << output;
    EXPECT_NE(output.find("cannot write a merge migration"), std::string::npos) << output;
    EXPECT_NE(output.find("column \"t3\".\"c\""), std::string::npos) << output;
    EXPECT_EQ(migrations(s.project / "drizzle").size(), 3u);

    EXPECT_EQ(s.kit("migrate --url '" + db_b + "'", output), 3) << output;
    EXPECT_NE(output.find("older than migrations already applied"), std::string::npos) << output;
}

} // namespace drizzle::test
