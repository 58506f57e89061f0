// plan_migrations with squash migrations (replaces.json): applied through the replaced rows,
// pending, partial, and the replaced rows never "missing"; and replaces.json's reading.
#include "drizzle/error.hpp"
#include "drizzle/migrate/plan.hpp"
#include "drizzle/migrate/replaces.hpp"

#include <gtest/gtest.h>

namespace drizzle {
namespace {

LocalMigration migration(const std::string& name, std::int64_t created, const std::string& hash) {
    LocalMigration m;
    m.name = name;
    m.created_at_ms = created;
    m.hash = m.raw_hash = hash;
    return m;
}

RecordedRow row(std::int64_t key, std::optional<std::string> name, const std::string& hash, std::int64_t created) {
    RecordedRow r;
    r.key = key;
    r.id = std::to_string(key);
    r.name = std::move(name);
    r.hash = hash;
    r.created_at = std::to_string(created);
    return r;
}

/// init, then a squash of b..d, then e.
std::vector<LocalMigration> folder() {
    std::vector<LocalMigration> local{migration("20250101000000_a", 1735689600000, "ha"),
                                      migration("20250101000400_sq", 1735689840000, "hsq"),
                                      migration("20250101000500_e", 1735689900000, "he")};
    local[1].replaces = {{"20250101000100_b", "hb", 1735689660000},
                         {"20250101000200_c", "hc", 1735689720000},
                         {"20250101000400_d", "hd", 1735689840000}};
    return local;
}

TEST(SquashPlan, AllReplacedRecordedMeansAppliedAndNothingMissing) {
    const auto local = folder();
    std::vector<RecordedRow> rows{
        row(1, "20250101000000_a", "ha", 1735689600000), row(2, "20250101000100_b", "hb", 1735689660000),
        row(3, "20250101000200_c", "hc", 1735689720000), row(4, "20250101000400_d", "hd", 1735689840000)};
    const auto plan = plan_migrations(FolderLayout::v1, local, rows);
    EXPECT_EQ(plan.pending, (std::vector<std::size_t>{2}));
    EXPECT_EQ(plan.applied, 2u);
    EXPECT_EQ(plan.applied_through_replaces, (std::vector<std::size_t>{1}));
    EXPECT_TRUE(plan.missing.empty());
    EXPECT_TRUE(plan.modified.empty());
    EXPECT_TRUE(plan.out_of_order.empty());
    EXPECT_TRUE(plan.partial_squashes.empty());
}

TEST(SquashPlan, SquashRecordedItselfKeepsReplacedRowsFromBeingMissing) {
    const auto local = folder();
    std::vector<RecordedRow> rows{
        row(1, "20250101000000_a", "ha", 1735689600000), row(2, "20250101000100_b", "hb", 1735689660000),
        row(3, "20250101000200_c", "hc", 1735689720000), row(4, "20250101000400_d", "hd", 1735689840000),
        row(5, "20250101000400_sq", "hsq", 1735689840000)};
    const auto plan = plan_migrations(FolderLayout::v1, local, rows);
    EXPECT_EQ(plan.pending, (std::vector<std::size_t>{2}));
    EXPECT_TRUE(plan.applied_through_replaces.empty());
    EXPECT_TRUE(plan.missing.empty());
    EXPECT_TRUE(plan.modified.empty());
}

TEST(SquashPlan, NoneRecordedIsPending) {
    const auto local = folder();
    const auto plan = plan_migrations(FolderLayout::v1, local, {row(1, "20250101000000_a", "ha", 1735689600000)});
    EXPECT_EQ(plan.pending, (std::vector<std::size_t>{1, 2}));
    EXPECT_TRUE(plan.partial_squashes.empty());
    EXPECT_TRUE(plan.applied_through_replaces.empty());
}

TEST(SquashPlan, SomeRecordedIsPartialAndPending) {
    const auto local = folder();
    std::vector<RecordedRow> rows{row(1, "20250101000000_a", "ha", 1735689600000),
                                  row(2, "20250101000100_b", "hb", 1735689660000)};
    const auto plan = plan_migrations(FolderLayout::v1, local, rows);
    ASSERT_EQ(plan.partial_squashes.size(), 1u);
    EXPECT_EQ(plan.partial_squashes[0].index, 1u);
    EXPECT_EQ(plan.partial_squashes[0].recorded, (std::vector<std::string>{"20250101000100_b"}));
    EXPECT_EQ(plan.partial_squashes[0].not_recorded,
              (std::vector<std::string>{"20250101000200_c", "20250101000400_d"}));
    EXPECT_EQ(plan.pending, (std::vector<std::size_t>{1, 2}));
    EXPECT_TRUE(plan.missing.empty());
}

TEST(SquashPlan, UnnamedRowsMatchReplacedByHashThenSecond) {
    // 0.45 rows (no name): d's row shares the squash's second but has d's hash, c's has another
    // hash (edited file) but c's time.
    const auto local = folder();
    std::vector<RecordedRow> rows{row(1, std::nullopt, "ha", 1735689600123), row(2, std::nullopt, "hb", 1735689660456),
                                  row(3, std::nullopt, "hc-edited", 1735689720789),
                                  row(4, std::nullopt, "hd", 1735689840321)};
    const auto plan = plan_migrations(FolderLayout::v1, local, rows);
    EXPECT_EQ(plan.applied_through_replaces, (std::vector<std::size_t>{1}));
    EXPECT_EQ(plan.pending, (std::vector<std::size_t>{2}));
    EXPECT_TRUE(plan.missing.empty());
    EXPECT_TRUE(plan.modified.empty());
}

TEST(SquashPlan, FolderWithoutSquashIsPlannedAsBefore) {
    auto local = folder();
    local[1].replaces.clear();
    std::vector<RecordedRow> rows{row(1, "20250101000000_a", "ha", 1735689600000),
                                  row(2, "20250101000100_b", "hb", 1735689660000)};
    const auto plan = plan_migrations(FolderLayout::v1, local, rows);
    ASSERT_EQ(plan.missing.size(), 1u);
    EXPECT_EQ(plan.missing[0].row.name, "20250101000100_b");
    EXPECT_EQ(plan.pending, (std::vector<std::size_t>{1, 2}));
}

TEST(SquashReplacesJson, RoundTripsAndNamesTheFileWhenMalformed) {
    std::vector<ReplacedMigration> replaces{{"20250101000100_b", "hb", 1735689660000},
                                            {"20250101000200_c", "hc", 1735689720000}};
    const std::string json = replaces_to_json(replaces);
    EXPECT_EQ(json, "[\n  {\n    \"name\": \"20250101000100_b\",\n    \"hash\": \"hb\",\n    \"createdAt\": "
                    "1735689660000\n  },\n  {\n    \"name\": \"20250101000200_c\",\n    \"hash\": \"hc\",\n    "
                    "\"createdAt\": 1735689720000\n  }\n]\n");
    const auto back = replaces_from_json(json, "x/replaces.json");
    ASSERT_EQ(back.size(), 2u);
    EXPECT_EQ(back[1].name, "20250101000200_c");
    EXPECT_EQ(back[1].created_at_ms, 1735689720000);
    for (const char* bad : {"{}", "[]", "[{\"name\": \"a\"}]",
                            "[{\"name\": \"a\", \"hash\": \"h\", \"createdAt\": \"1\"}]", "not json"}) {
        try {
            replaces_from_json(bad, "drizzle/20250101000400_sq/replaces.json");
            ADD_FAILURE() << "accepted " << bad;
        } catch (const UserError& e) {
            EXPECT_NE(std::string(e.what()).find("drizzle/20250101000400_sq/replaces.json"), std::string::npos)
                << e.what();
        }
    }
}

} // namespace
} // namespace drizzle
