// Every PostgreSQL snapshot drizzle-kit wrote in the fixtures reads and writes back byte for byte,
// and the 0.31 / 1.0 / up files of the same steps describe the same schema.
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

const fs::path& pg_root() {
    static const fs::path root = fixture("drizzle-kit/postgresql");
    return root;
}

// All snapshot files (journals excluded), relative to the postgresql fixture root, sorted.
std::vector<std::string> snapshot_files() {
    std::vector<std::string> files;
    for (const auto& entry : fs::recursive_directory_iterator(pg_root())) {
        if (!entry.is_regular_file() || entry.path().extension() != ".json") continue;
        if (entry.path().filename() == "_journal.json") continue;
        files.push_back(fs::relative(entry.path(), pg_root()).generic_string());
    }
    std::sort(files.begin(), files.end());
    return files;
}

Snapshot parse_fixture(const std::string& relative) {
    return parse_snapshot(read_file(pg_root() / relative), relative);
}

// The 9 steps (00_base ... 08_create_drop) as each layout names them.
const std::vector<std::string> kV1Steps = {
    "20261122024658_base",           "20261122024701_addcol",  "20261122024703_dropcol",
    "20261122024705_chtype",         "20261122024708_notnull_default", "20261122024710_addfk",
    "20261122024715_rename_column",  "20261122024720_rename_table",    "20261122024724_create_drop",
};
const std::vector<std::string> kUpSteps = {
    "20261122024626_base",           "20261122024628_addcol",  "20261122024630_dropcol",
    "20261122024632_chtype",         "20261122024634_notnull_default", "20261122024635_addfk",
    "20261122024639_rename_column",  "20261122024644_rename_table",    "20261122024648_create_drop",
};

std::string legacy_step(std::size_t i) {
    return "v031/steps/drizzle/meta/000" + std::to_string(i) + "_snapshot.json";
}
std::string v1_step(std::size_t i) { return "v1/steps/drizzle/" + kV1Steps[i] + "/snapshot.json"; }

// Names drizzle-kit derived rather than was given differ between the formats (0.31 `_fk`/`_pk`,
// 1.0 `_fkey`/`_pkey`, and 1.0 keeps a key's name across a table rename); blank them to compare
// what the schema is.
Schema without_derived_names(Schema schema) {
    for (auto& table : schema.tables) {
        for (auto& column : table.columns) {
            if (!column.primary_key_name_explicit) column.primary_key_name.clear();
        }
        for (auto& fk : table.foreign_keys) {
            if (!fk.name_explicit) fk.name.clear();
        }
        for (auto& pk : table.primary_keys) {
            if (!pk.name_explicit) pk.name.clear();
        }
        for (auto& unique : table.uniques) {
            if (!unique.name_explicit) unique.name.clear();
        }
    }
    return schema;
}

class PgFixtureRoundTrip : public ::testing::TestWithParam<std::string> {};

TEST_P(PgFixtureRoundTrip, WritesBackIdenticalBytes) {
    const std::string original = read_file(pg_root() / GetParam());
    const Snapshot snapshot = parse_snapshot(original, GetParam());
    EXPECT_EQ(snapshot.schema.dialect, Dialect::postgresql);
    EXPECT_EQ(write_snapshot(snapshot), original);
}

std::string test_name(const ::testing::TestParamInfo<std::string>& info) {
    std::string name;
    for (char c : info.param) name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
    return name;
}

INSTANTIATE_TEST_SUITE_P(PgSnapshots, PgFixtureRoundTrip, ::testing::ValuesIn(snapshot_files()), test_name);

TEST(PgSnapshotFixtures, CoversEveryPostgresCase) {
    // v031/steps 9 + prefix-timestamp 2 + custom 2, v1/steps 9 + custom 2, up before 9 + after 9.
    EXPECT_EQ(snapshot_files().size(), 42u);
}

TEST(PgSnapshotFixtures, DetectsWhichCodePathWroteTheFile) {
    auto generate = parse_fixture("v031/custom/drizzle/meta/0000_snapshot.json");
    EXPECT_EQ(generate.format, SnapshotFormat::legacy);
    EXPECT_EQ(generate.layout, SnapshotLayout::generate);

    auto custom = parse_fixture("v031/custom/drizzle/meta/0001_snapshot.json");
    EXPECT_EQ(custom.format, SnapshotFormat::legacy);
    EXPECT_EQ(custom.layout, SnapshotLayout::custom);
    EXPECT_EQ(custom.prev_ids, std::vector<std::string>{generate.id});

    auto v1 = parse_fixture(v1_step(0));
    EXPECT_EQ(v1.format, SnapshotFormat::v1);
    EXPECT_EQ(v1.layout, SnapshotLayout::generate);
    EXPECT_EQ(v1.ddl_layout, SnapshotLayout::generate);

    auto v1_custom = parse_fixture("v1/custom/drizzle/20261122024731_seed_data/snapshot.json");
    EXPECT_EQ(v1_custom.format, SnapshotFormat::v1);
    EXPECT_EQ(v1_custom.layout, SnapshotLayout::custom);
    EXPECT_EQ(v1_custom.ddl_layout, SnapshotLayout::generate);

    auto up = parse_fixture("up/after/" + kUpSteps[0] + "/snapshot.json");
    EXPECT_EQ(up.format, SnapshotFormat::v1);
    EXPECT_EQ(up.layout, SnapshotLayout::up);
    EXPECT_EQ(up.ddl_layout, SnapshotLayout::up);
}

TEST(PgSnapshotFixtures, LegacyModelOfTheForeignKeyStep) {
    auto snapshot = parse_fixture(legacy_step(5));
    EXPECT_EQ(snapshot.id, "7a8a6265-2354-407a-9c2c-c0d31c2b7af0");
    EXPECT_EQ(snapshot.prev_ids, std::vector<std::string>{"97c0db48-897c-47df-9226-043dc07eefea"});
    const Schema& schema = snapshot.schema;
    ASSERT_EQ(schema.tables.size(), 2u);
    EXPECT_EQ(schema.tables[0].name, "parent");
    EXPECT_EQ(schema.tables[0].schema, "");  // public
    const Table& t = schema.tables[1];
    ASSERT_EQ(t.columns.size(), 5u);
    EXPECT_EQ(t.columns[0].type, "serial");
    EXPECT_TRUE(t.columns[0].primary_key);
    EXPECT_FALSE(t.columns[0].not_null);  // implied by the key
    EXPECT_EQ(t.columns[1].type, "bigint");
    EXPECT_TRUE(t.columns[1].not_null);
    EXPECT_EQ(t.columns[2].type, "varchar(20)");
    ASSERT_TRUE(t.columns[4].default_value);
    EXPECT_EQ(t.columns[4].default_value->sql, "'x'");
    ASSERT_EQ(t.foreign_keys.size(), 1u);
    const ForeignKey& fk = t.foreign_keys[0];
    EXPECT_EQ(fk.name, "t_pid_parent_id_fk");
    EXPECT_FALSE(fk.name_explicit);
    EXPECT_EQ(fk.schema_to, "");
    EXPECT_EQ(fk.table_to, "parent");
    EXPECT_EQ(fk.on_delete, "cascade");
    EXPECT_EQ(fk.on_update, "no action");
    EXPECT_TRUE(snapshot.renames.empty());  // 0.31 never records PostgreSQL renames
}

TEST(PgSnapshotFixtures, V1KeepsNamesAndRenames) {
    auto renamed_column = parse_fixture(v1_step(6));
    EXPECT_EQ(renamed_column.renames.verbatim, std::vector<std::string>{"public.t.d->public.t.d2"});

    auto snapshot = parse_fixture(v1_step(7));
    EXPECT_EQ(snapshot.renames.verbatim, std::vector<std::string>{"public.t->public.t2"});
    const Table& t2 = snapshot.schema.tables.at(1);
    EXPECT_EQ(t2.name, "t2");
    // drizzle-kit 1.0 keeps the names the keys got while the table was still called "t".
    EXPECT_TRUE(t2.columns.at(0).primary_key);
    EXPECT_EQ(t2.columns.at(0).primary_key_name, "t_pkey");
    EXPECT_EQ(t2.foreign_keys.at(0).name, "t_pid_parent_id_fkey");
    EXPECT_FALSE(t2.foreign_keys.at(0).name_explicit);
    EXPECT_EQ(t2.foreign_keys.at(0).on_delete, "cascade");
    // parent's key has the default name, so the model leaves it empty.
    EXPECT_EQ(snapshot.schema.tables.at(0).columns.at(0).primary_key_name, "");
}

// Both drizzle-kit versions describe the same schema at every step.
TEST(PgSnapshotFixtures, LegacyAndV1StepsDescribeTheSameSchema) {
    for (std::size_t i = 0; i < kV1Steps.size(); ++i) {
        SCOPED_TRACE(kV1Steps[i]);
        auto legacy = parse_fixture(legacy_step(i));
        auto v1 = parse_fixture(v1_step(i));
        EXPECT_EQ(without_derived_names(legacy.schema), without_derived_names(v1.schema));
        if (i < 5) {
            EXPECT_EQ(legacy.schema, v1.schema);  // no derived names differ before the FK
        }
    }
}

// The 0.31 model written as 1.0 gives 1.0's bytes, once derived names are left to the writer
// (until the table rename, after which 1.0 keeps the old names).
TEST(PgSnapshotFixtures, LegacyModelWrittenAsV1MatchesDrizzleKit10) {
    for (std::size_t i = 0; i < 7; ++i) {
        SCOPED_TRACE(kV1Steps[i]);
        auto legacy = parse_fixture(legacy_step(i));
        auto v1 = parse_fixture(v1_step(i));
        legacy.schema = without_derived_names(legacy.schema);
        legacy.format = SnapshotFormat::v1;
        legacy.id = v1.id;
        legacy.prev_ids = v1.prev_ids;
        legacy.renames = v1.renames;
        EXPECT_EQ(write_snapshot(legacy), read_file(pg_root() / v1_step(i)));
    }
}

// What `drizzle-kit up` (1.0) does to each 0.31 snapshot: same model, `up` layout.
TEST(PgSnapshotFixtures, LegacyToUpLayoutMatchesDrizzleKitUp) {
    for (std::size_t i = 0; i < kUpSteps.size(); ++i) {
        SCOPED_TRACE(kUpSteps[i]);
        auto snapshot = parse_fixture("up/before/meta/000" + std::to_string(i) + "_snapshot.json");
        auto after = parse_fixture("up/after/" + kUpSteps[i] + "/snapshot.json");
        EXPECT_EQ(snapshot.schema, after.schema);
        snapshot.format = SnapshotFormat::v1;
        snapshot.layout = SnapshotLayout::up;
        snapshot.ddl_layout = SnapshotLayout::up;
        EXPECT_EQ(write_snapshot(snapshot),
                  read_file(pg_root() / ("up/after/" + kUpSteps[i] + "/snapshot.json")));
    }
}

// `generate --custom` re-serialises the previous snapshot with new ids.
TEST(PgSnapshotFixtures, CustomLayoutMatchesGenerateCustom) {
    auto legacy = parse_fixture("v031/custom/drizzle/meta/0000_snapshot.json");
    auto legacy_custom = parse_fixture("v031/custom/drizzle/meta/0001_snapshot.json");
    legacy.prev_ids = {legacy.id};
    legacy.id = legacy_custom.id;
    legacy.layout = SnapshotLayout::custom;
    EXPECT_EQ(write_snapshot(legacy), read_file(pg_root() / "v031/custom/drizzle/meta/0001_snapshot.json"));

    auto v1 = parse_fixture("v1/custom/drizzle/20261122024729_base/snapshot.json");
    const std::string custom_path = "v1/custom/drizzle/20261122024731_seed_data/snapshot.json";
    auto v1_custom = parse_fixture(custom_path);
    v1.prev_ids = {v1.id};
    v1.id = v1_custom.id;
    v1.layout = SnapshotLayout::custom;
    EXPECT_EQ(write_snapshot(v1), read_file(pg_root() / custom_path));
}

}  // namespace
}  // namespace drizzle
