// Every SQLite snapshot drizzle-kit wrote in the fixtures reads and writes back byte for byte.
#include "drizzle/error.hpp"
#include "drizzle/snapshot/snapshot.hpp"
#include "support/test_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

namespace drizzle {
namespace {

namespace fs = std::filesystem;
using test::fixture;
using test::read_file;

const fs::path& sqlite_root() {
    static const fs::path root = fixture("drizzle-kit/sqlite");
    return root;
}

// All snapshot files (journals excluded), relative to the sqlite fixture root, sorted.
std::vector<std::string> snapshot_files() {
    std::vector<std::string> files;
    for (const auto& entry : fs::recursive_directory_iterator(sqlite_root())) {
        if (!entry.is_regular_file() || entry.path().extension() != ".json") continue;
        if (entry.path().filename() == "_journal.json") continue;
        files.push_back(fs::relative(entry.path(), sqlite_root()).generic_string());
    }
    std::sort(files.begin(), files.end());
    return files;
}

Snapshot parse_fixture(const std::string& relative) {
    return parse_snapshot(read_file(sqlite_root() / relative), relative);
}

class FixtureRoundTrip : public ::testing::TestWithParam<std::string> {};

TEST_P(FixtureRoundTrip, WritesBackIdenticalBytes) {
    const std::string original = read_file(sqlite_root() / GetParam());
    const Snapshot snapshot = parse_snapshot(original, GetParam());
    EXPECT_EQ(write_snapshot(snapshot), original);
}

std::string test_name(const ::testing::TestParamInfo<std::string>& info) {
    std::string name;
    for (char c : info.param) name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
    return name;
}

INSTANTIATE_TEST_SUITE_P(SqliteSnapshots, FixtureRoundTrip, ::testing::ValuesIn(snapshot_files()), test_name);

TEST(SnapshotFixtures, CoversEverySqliteCase) {
    // v031/steps 8 + prefix-timestamp 2 + custom 2, v1/steps 8 + custom 2, up before 8 + after 8.
    EXPECT_EQ(snapshot_files().size(), 38u);
}

TEST(SnapshotFixtures, DetectsWhichCodePathWroteTheFile) {
    auto generate = parse_fixture("v031/custom/drizzle/meta/0000_snapshot.json");
    EXPECT_EQ(generate.format, SnapshotFormat::legacy);
    EXPECT_EQ(generate.layout, SnapshotLayout::generate);

    auto custom = parse_fixture("v031/custom/drizzle/meta/0001_snapshot.json");
    EXPECT_EQ(custom.format, SnapshotFormat::legacy);
    EXPECT_EQ(custom.layout, SnapshotLayout::custom);
    EXPECT_EQ(custom.prev_ids, std::vector<std::string>{generate.id});

    auto v1_custom = parse_fixture("v1/custom/drizzle/20261122024840_seed_data/snapshot.json");
    EXPECT_EQ(v1_custom.format, SnapshotFormat::v1);
    EXPECT_EQ(v1_custom.layout, SnapshotLayout::custom);
    EXPECT_EQ(v1_custom.ddl_layout, SnapshotLayout::generate);

    auto up = parse_fixture("up/after/20261122024745_base/snapshot.json");
    EXPECT_EQ(up.format, SnapshotFormat::v1);
    EXPECT_EQ(up.layout, SnapshotLayout::up);
    EXPECT_EQ(up.ddl_layout, SnapshotLayout::up);
}

TEST(SnapshotFixtures, LegacyModelOfTheRenameStep) {
    auto snapshot = parse_fixture("v031/steps/drizzle/meta/0007_snapshot.json");
    EXPECT_EQ(snapshot.id, "a3e72785-f25e-4d2c-a714-cb1f80cf9941");
    EXPECT_EQ(snapshot.prev_ids, std::vector<std::string>{"945d10db-d471-48a8-b66c-ebd97f61eec7"});
    const Schema& schema = snapshot.schema;
    ASSERT_EQ(schema.tables.size(), 2u);
    EXPECT_EQ(schema.tables[0].name, "parent");
    const Table& t2 = schema.tables[1];
    EXPECT_EQ(t2.name, "t2");
    ASSERT_EQ(t2.columns.size(), 5u);
    EXPECT_TRUE(t2.columns[0].primary_key);
    EXPECT_FALSE(t2.columns[0].not_null);  // as drizzle-kit 1.0 records a key column
    EXPECT_TRUE(t2.columns[1].not_null);
    EXPECT_EQ(t2.columns[1].type, "real");
    ASSERT_TRUE(t2.columns[4].default_value);
    EXPECT_EQ(t2.columns[4].default_value->sql, "'x'");
    EXPECT_EQ(t2.columns[4].default_value->kind, ColumnDefault::Kind::expression);
    ASSERT_EQ(t2.foreign_keys.size(), 1u);
    const ForeignKey& fk = t2.foreign_keys[0];
    EXPECT_EQ(fk.name, "t2_pid_parent_id_fk");
    EXPECT_FALSE(fk.name_explicit);
    EXPECT_EQ(fk.columns, std::vector<std::string>{"pid"});
    EXPECT_EQ(fk.table_to, "parent");
    EXPECT_EQ(fk.on_delete, "cascade");
    EXPECT_EQ(fk.on_update, "no action");

    ASSERT_EQ(snapshot.renames.tables.size(), 1u);
    EXPECT_EQ(snapshot.renames.tables[0].from, "t");
    EXPECT_EQ(snapshot.renames.tables[0].to, "t2");
    ASSERT_EQ(snapshot.renames.columns.size(), 1u);
    EXPECT_EQ(snapshot.renames.columns[0].table, "t2");
    EXPECT_EQ(snapshot.renames.columns[0].from, "d");
    EXPECT_EQ(snapshot.renames.columns[0].to, "d2");
}

TEST(SnapshotFixtures, V1KeepsNamesChosenBeforeARename) {
    auto snapshot = parse_fixture("v1/steps/drizzle/20261122024833_rename_table_and_column/snapshot.json");
    const Table& t2 = snapshot.schema.tables.at(1);
    EXPECT_EQ(t2.name, "t2");
    // drizzle-kit 1.0 keeps the names the keys got while the table was still called "t".
    EXPECT_EQ(t2.foreign_keys.at(0).name, "fk_t_pid_parent_id_fk");
    EXPECT_FALSE(t2.foreign_keys.at(0).name_explicit);
    EXPECT_EQ(t2.foreign_keys.at(0).on_delete, "cascade");
    EXPECT_TRUE(t2.columns.at(0).primary_key);
    EXPECT_EQ(t2.columns.at(0).primary_key_name, "t_pk");
    EXPECT_TRUE(t2.primary_keys.empty());
    // parent's key has the default name, so the model leaves it empty.
    EXPECT_EQ(snapshot.schema.tables.at(0).columns.at(0).primary_key_name, "");
    ASSERT_EQ(snapshot.renames.tables.size(), 1u);
    ASSERT_EQ(snapshot.renames.columns.size(), 1u);
    EXPECT_EQ(snapshot.renames.columns[0].table, "t2");
}

// Both drizzle-kit versions describe the same schema steps; before the FK step their models agree,
// and the 0.31 model written as v1 is byte-identical to what 1.0 generated.
TEST(SnapshotFixtures, LegacyAndV1StepsDescribeTheSameSchema) {
    const std::vector<std::pair<std::string, std::string>> steps = {
        {"0000", "20261122024812_base"},    {"0001", "20261122024814_addcol"},
        {"0002", "20261122024816_dropcol"}, {"0003", "20261122024819_chtype"},
        {"0004", "20261122024821_notnull"}, {"0005", "20261122024824_default"},
    };
    for (const auto& [legacy_step, v1_step] : steps) {
        SCOPED_TRACE(legacy_step);
        auto legacy = parse_fixture("v031/steps/drizzle/meta/" + legacy_step + "_snapshot.json");
        const std::string v1_path = "v1/steps/drizzle/" + v1_step + "/snapshot.json";
        auto v1 = parse_fixture(v1_path);
        EXPECT_EQ(legacy.schema, v1.schema);

        legacy.format = SnapshotFormat::v1;
        legacy.id = v1.id;
        legacy.prev_ids = v1.prev_ids;
        EXPECT_EQ(write_snapshot(legacy), read_file(sqlite_root() / v1_path));
    }
}

// What `drizzle-kit up` (1.0) does to each 0.31 snapshot: same model, `up` layout.
TEST(SnapshotFixtures, LegacyToUpLayoutMatchesDrizzleKitUp) {
    const std::vector<std::string> after = {
        "20261122024745_base",    "20261122024747_addcol",
        "20261122024749_dropcol", "20261122024751_chtype",
        "20261122024752_notnull", "20261122024754_default",
        "20261122024756_addfk",   "20261122024803_rename_table_and_column",
    };
    for (std::size_t i = 0; i < after.size(); ++i) {
        SCOPED_TRACE(after[i]);
        auto snapshot = parse_fixture("up/before/meta/000" + std::to_string(i) + "_snapshot.json");
        snapshot.format = SnapshotFormat::v1;
        snapshot.layout = SnapshotLayout::up;
        snapshot.ddl_layout = SnapshotLayout::up;
        EXPECT_EQ(write_snapshot(snapshot),
                  read_file(sqlite_root() / ("up/after/" + after[i] + "/snapshot.json")));
    }
}

// `generate --custom` re-serialises the previous snapshot with new ids.
TEST(SnapshotFixtures, CustomLayoutMatchesGenerateCustom) {
    auto legacy = parse_fixture("v031/custom/drizzle/meta/0000_snapshot.json");
    auto legacy_custom = parse_fixture("v031/custom/drizzle/meta/0001_snapshot.json");
    legacy.prev_ids = {legacy.id};
    legacy.id = legacy_custom.id;
    legacy.layout = SnapshotLayout::custom;
    EXPECT_EQ(write_snapshot(legacy),
              read_file(sqlite_root() / "v031/custom/drizzle/meta/0001_snapshot.json"));

    auto v1 = parse_fixture("v1/custom/drizzle/20261122024838_base/snapshot.json");
    const std::string custom_path = "v1/custom/drizzle/20261122024840_seed_data/snapshot.json";
    auto v1_custom = parse_fixture(custom_path);
    v1.prev_ids = {v1.id};
    v1.id = v1_custom.id;
    v1.layout = SnapshotLayout::custom;
    EXPECT_EQ(write_snapshot(v1), read_file(sqlite_root() / custom_path));
}

}  // namespace
}  // namespace drizzle
