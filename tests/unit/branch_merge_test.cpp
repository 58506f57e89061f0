// merge_branches (three-way merge of schema branches), the snapshot graph and the migrator's
// out-of-order decision for migrations of a commuting merged branch.
#include "drizzle/diff/merge.hpp"
#include "drizzle/migrate/branch_order.hpp"
#include "drizzle/migrate/snapshot_graph.hpp"
#include "drizzle/snapshot/snapshot.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <unistd.h>

using namespace drizzle;

namespace {

Column col(std::string name, std::string type = "integer") {
    Column c;
    c.name = std::move(name);
    c.type = std::move(type);
    return c;
}

Table table(std::string name, std::vector<Column> columns) {
    Table t;
    t.name = std::move(name);
    t.columns = std::move(columns);
    return t;
}

Schema base() {
    Schema s;
    s.tables.push_back(table("t1", {col("id"), col("a")}));
    s.tables.push_back(table("t2", {col("id")}));
    s.tables.push_back(table("t3", {col("id"), col("c", "text")}));
    return s;
}

Table& find(Schema& s, const std::string& name) {
    for (auto& t : s.tables) {
        if (t.name == name) return t;
    }
    throw std::runtime_error("no table " + name);
}

TEST(MergeBranches, ChangesToDifferentTablesCommuteAndBothApply) {
    const Schema p = base();
    Schema a = p, b = p;
    find(a, "t1").columns.push_back(col("added_on_a"));
    find(b, "t2").columns.push_back(col("added_on_b"));
    b.tables.push_back(table("t4", {col("id")}));
    const auto result = merge_branches(p, a, b);
    EXPECT_TRUE(result.conflicts.empty());
    Schema expected = p;
    find(expected, "t1").columns.push_back(col("added_on_a"));
    find(expected, "t2").columns.push_back(col("added_on_b"));
    expected.tables.push_back(table("t4", {col("id")}));
    EXPECT_EQ(result.merged, expected);
}

TEST(MergeBranches, DifferentColumnsOfOneTableCommute) {
    const Schema p = base();
    Schema a = p, b = p;
    find(a, "t3").columns.push_back(col("x"));
    find(b, "t3").columns[1].not_null = true; // c
    const auto result = merge_branches(p, a, b);
    EXPECT_TRUE(result.conflicts.empty());
    const Table* t3 = result.merged.find_table("t3");
    ASSERT_NE(t3, nullptr);
    ASSERT_EQ(t3->columns.size(), 3u);
    EXPECT_TRUE(t3->columns[1].not_null);
    EXPECT_EQ(t3->columns[2].name, "x");
}

TEST(MergeBranches, OneColumnChangedDifferentlyOnBothSidesConflicts) {
    const Schema p = base();
    Schema a = p, b = p;
    find(a, "t3").columns.erase(find(a, "t3").columns.begin() + 1); // drop c
    find(b, "t3").columns[1].type = "integer";                      // alter c
    const auto result = merge_branches(p, a, b);
    EXPECT_EQ(result.conflicts, std::vector<std::string>{"column \"t3\".\"c\""});
}

TEST(MergeBranches, TheSameChangeOnBothSidesIsNoConflict) {
    const Schema p = base();
    Schema a = p, b = p;
    find(a, "t3").columns[1].not_null = true;
    find(b, "t3").columns[1].not_null = true;
    const auto result = merge_branches(p, a, b);
    EXPECT_TRUE(result.conflicts.empty());
    EXPECT_EQ(result.merged, a);
}

TEST(MergeBranches, TableDroppedOnOneSideAndChangedOnTheOtherConflicts) {
    const Schema p = base();
    Schema a = p, b = p;
    a.tables.erase(a.tables.begin()); // drop t1
    find(b, "t1").columns.push_back(col("z"));
    const auto result = merge_branches(p, a, b);
    ASSERT_EQ(result.conflicts.size(), 1u);
    EXPECT_NE(result.conflicts[0].find("table \"t1\""), std::string::npos);
}

TEST(MergeBranches, IndexesEnumsAndSchemasAreKeyedByName) {
    Schema p = base();
    p.dialect = Dialect::postgresql;
    p.enums.push_back({"", "mood", {"sad", "ok"}});
    Schema a = p, b = p;
    a.enums[0].values.push_back("happy");
    b.enums[0].values.push_back("angry");
    Index i;
    i.name = "t1_a_idx";
    i.columns = {index_column("a")};
    find(a, "t1").indexes.push_back(i);
    i.unique = true;
    find(b, "t1").indexes.push_back(i);
    b.schemas.push_back("billing");
    const auto result = merge_branches(p, a, b);
    EXPECT_EQ(result.conflicts, (std::vector<std::string>{"index \"t1\".\"t1_a_idx\"", "enum \"mood\""}));
    EXPECT_EQ(result.merged.schemas, std::vector<std::string>{"billing"});
}

/// p <- a1 <- a2, p <- b1 (ids are the names).
SnapshotGraph forked() {
    SnapshotGraph g;
    g.nodes = {{0, "p", {std::string(kRootSnapshotId)}}, {1, "a1", {"p"}}, {2, "b1", {"p"}}, {3, "a2", {"a1"}}};
    return g;
}

TEST(SnapshotGraph, HeadsAncestorsAndCommonAncestor) {
    const SnapshotGraph g = forked();
    EXPECT_EQ(g.heads(), (std::vector<std::size_t>{2, 3}));
    EXPECT_TRUE(g.is_ancestor(0, 3));
    EXPECT_TRUE(g.is_ancestor(1, 3));
    EXPECT_FALSE(g.is_ancestor(2, 3));
    EXPECT_FALSE(g.is_ancestor(3, 3));
    EXPECT_EQ(g.common_ancestor({2, 3}), std::optional<std::size_t>(0));
}

TEST(SnapshotGraph, CollisionsAreMergedUntilAMergeMigrationJoinsThem) {
    SnapshotGraph g = forked();
    const Schema p = base();
    Schema a = p, b = p;
    find(a, "t1").columns.push_back(col("x"));
    find(b, "t2").columns.push_back(col("y"));
    auto load = [&](std::optional<std::size_t> node) -> Schema {
        if (!node || *node == 0) return p;
        return *node == 2 ? b : a;
    };
    auto collisions = branch_collisions(g, load);
    ASSERT_EQ(collisions.size(), 1u);
    EXPECT_EQ(collisions[0].child_a, 1u);
    EXPECT_EQ(collisions[0].child_b, 2u);
    EXPECT_EQ(collisions[0].head_a, 3u);
    EXPECT_EQ(collisions[0].head_b, 2u);
    EXPECT_TRUE(collisions[0].merge.conflicts.empty());
    g.nodes.push_back({4, "m", {"a2", "b1"}});
    EXPECT_TRUE(branch_collisions(g, load).empty());
    EXPECT_EQ(g.heads(), std::vector<std::size_t>{4});
}

MigrationPlan plan_with(std::vector<std::size_t> pending, std::vector<OutOfOrderMigration> out_of_order) {
    MigrationPlan plan;
    plan.pending = std::move(pending);
    plan.out_of_order = std::move(out_of_order);
    return plan;
}

TEST(CommutingOutOfOrder, APendingMigrationOnAnotherBranchIsAllowed) {
    // Entries in folder (time) order: p, a1, b1, a2. Applied: p, a1, a2; b1 pending and older than a2.
    const auto plan = plan_with({2}, {{2, 3}});
    int asked = 0;
    const auto allowed = commuting_out_of_order(forked(), plan, 4, [&] {
        ++asked;
        return false;
    });
    EXPECT_EQ(allowed, std::set<std::size_t>{2});
    EXPECT_EQ(asked, 1);
}

TEST(CommutingOutOfOrder, AConflictInTheFolderAllowsNothing) {
    const auto plan = plan_with({2}, {{2, 3}});
    EXPECT_TRUE(commuting_out_of_order(forked(), plan, 4, [] { return true; }).empty());
}

TEST(CommutingOutOfOrder, AnAncestorOfAnAppliedMigrationStaysRefused) {
    // a1 pending but a2 (generated on top of it) applied: a1 is skipped history, not a branch.
    const auto plan = plan_with({1}, {{1, 2}});
    int asked = 0;
    EXPECT_TRUE(commuting_out_of_order(forked(), plan, 4, [&] {
                    ++asked;
                    return false;
                }).empty());
    EXPECT_EQ(asked, 0);
}

TEST(CommutingOutOfOrder, MigrationsOutsideTheGraphKeepTodaysBehaviour) {
    SnapshotGraph g = forked();
    g.nodes.pop_back(); // a2 has no snapshot
    const auto plan = plan_with({2}, {{2, 3}});
    EXPECT_TRUE(commuting_out_of_order(g, plan, 4, [] { return false; }).empty());
    EXPECT_TRUE(commuting_out_of_order(SnapshotGraph{}, plan, 4, [] { return false; }).empty());
}

} // namespace

namespace {

// The graph reads a snapshot's ids from the head of the file and the whole file only when they
// are not there: ids after a large first key, or a parent list cut by the head, still count, and
// a file that is not JSON stays unreadable.
TEST(SnapshotGraph, IdsBeyondTheFileHeadAreStillRead) {
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / ("snapshot-graph-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    const std::string pad(100 * 1024, 'x');
    auto write = [&](const std::string& name, const std::string& text) {
        std::ofstream(dir / name, std::ios::binary) << text;
        MigrationEntry entry;
        entry.name = name;
        entry.snapshot_path = dir / name;
        return entry;
    };
    MigrationsFolder folder;
    folder.dir = dir;
    folder.entries = {
        write("a", R"({"version":"8","id":"a","prevIds":["00000000-0000-0000-0000-000000000000"]})"),
        write("b", R"({"pad":")" + pad + R"(","id":"b","prevIds":["a"]})"),
        write("c", R"({"id":"c","pad":")" + pad + R"(","prevIds":["b"]})"),
        write("d", R"({"id":"d","prevIds":["c"],"pad":")" + pad), // cut short after its ids
        write("e", R"({"pad":")" + pad),                          // cut short before any id
    };
    const SnapshotGraph graph = read_snapshot_graph(folder);
    ASSERT_EQ(graph.nodes.size(), 4u);
    EXPECT_EQ(graph.nodes[1].id, "b");
    EXPECT_EQ(graph.nodes[1].prev_ids, (std::vector<std::string>{"a"}));
    EXPECT_EQ(graph.nodes[2].id, "c");
    EXPECT_EQ(graph.nodes[2].prev_ids, (std::vector<std::string>{"b"}));
    EXPECT_EQ(graph.nodes[3].id, "d");
    EXPECT_EQ(graph.unreadable, (std::vector<std::size_t>{4}));
    EXPECT_EQ(graph.heads(), (std::vector<std::size_t>{3}));
    fs::remove_all(dir);
}

} // namespace
