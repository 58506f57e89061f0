// Pure pieces of the migrator: hashing, splitting, timestamps, journal text, pending detection.
#include "drizzle/migrate/migrator.hpp"
#include "migrate/hash.hpp"
#include "migrate/journal.hpp"
#include "migrate/plan.hpp"
#include "migrate/statements.hpp"
#include "migrate/timestamps.hpp"
#include "support/test_support.hpp"

#include <gtest/gtest.h>

namespace drizzle::test {
namespace {

namespace mi = migrate_internal;

TEST(MigratorInternals, Sha256) {
    EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    // The recorded hash of drizzle-kit's fixture file (migrations_table.tsv).
    EXPECT_EQ(
        mi::drizzle_file_hash(read_file(fixture("drizzle-kit/sqlite/v031/steps/drizzle/0000_base.sql"))),
        "bfedb7a24fd3e4728f1c90f87278904b9916ef86bdb0e3471fb9f7779d630c36");
}

TEST(MigratorInternals, NodeUtf8Roundtrip) {
    const std::string fffd = "\xEF\xBF\xBD";
    EXPECT_EQ(mi::node_utf8_roundtrip("plain \xC3\xA9 \xF0\x9F\x98\x80"), "plain \xC3\xA9 \xF0\x9F\x98\x80");
    EXPECT_EQ(mi::node_utf8_roundtrip("\xEF\xBB\xBFselect"), "\xEF\xBB\xBFselect");  // BOM kept
    EXPECT_EQ(mi::node_utf8_roundtrip("caf\xE9!"), "caf" + fffd + "!");              // Latin-1 byte
    EXPECT_EQ(mi::node_utf8_roundtrip("\xF0\x9F\x98"), fffd);                        // truncated at end
    EXPECT_EQ(mi::node_utf8_roundtrip("\xF0\x9F\x98x"), fffd + "x");                 // maximal subpart
    EXPECT_EQ(mi::node_utf8_roundtrip("\xED\xA0\x80"), fffd + fffd + fffd);          // surrogate
    EXPECT_EQ(mi::node_utf8_roundtrip("\xC0\x80"), fffd + fffd);                     // overlong
    EXPECT_EQ(mi::node_utf8_roundtrip("\xE0\x80\x80"), fffd + fffd + fffd);
    EXPECT_EQ(mi::node_utf8_roundtrip("\xF4\x90\x80\x80"), fffd + fffd + fffd + fffd);  // > U+10FFFF
}

TEST(MigratorInternals, SplitStatements) {
    std::string sql = read_file(fixture("drizzle-kit/sqlite/v031/steps/drizzle/0003_chtype.sql"));
    auto pieces = split_statements(sql);
    ASSERT_EQ(pieces.size(), 6u);
    EXPECT_EQ(pieces[0], "PRAGMA foreign_keys=OFF;");
    EXPECT_EQ(pieces[1].rfind("\nCREATE TABLE `__new_t` (", 0), 0u);
    EXPECT_EQ(pieces[5], "\nPRAGMA foreign_keys=ON;");
    EXPECT_EQ(split_statements("a;\nb;"), (std::vector<std::string>{"a;\nb;"}));
    EXPECT_EQ(split_statements("a;--> statement-breakpoint\n  \n--> statement-breakpoint\nb;"),
              (std::vector<std::string>{"a;", "\nb;"}));
    EXPECT_TRUE(split_statements("").empty());
    EXPECT_EQ(split_statements("-- only a comment").size(), 1u);
}

TEST(MigratorInternals, ForeignKeyPragmaScan) {
    EXPECT_TRUE(mi::switches_foreign_keys_off("PRAGMA foreign_keys=OFF;--> statement-breakpoint"));
    EXPECT_TRUE(mi::switches_foreign_keys_off("pragma  Foreign_Keys = off;"));
    EXPECT_TRUE(mi::switches_foreign_keys_off("PRAGMA main.foreign_keys=0"));
    EXPECT_TRUE(mi::switches_foreign_keys_off("PRAGMA foreign_keys = 'false'"));
    EXPECT_FALSE(mi::switches_foreign_keys_off("PRAGMA foreign_keys=ON;"));
    EXPECT_FALSE(mi::switches_foreign_keys_off("PRAGMA foreign_key_check;"));
    EXPECT_FALSE(mi::switches_foreign_keys_off("PRAGMA foreign_keys=offline"));
    EXPECT_FALSE(mi::switches_foreign_keys_off("CREATE TABLE t (x);"));
}

TEST(MigratorInternals, Timestamps) {
    EXPECT_EQ(mi::utc_compact(1795315692000), "20261122024812");
    EXPECT_EQ(mi::utc_compact(1795315692999), "20261122024812");
    EXPECT_EQ(mi::parse_utc_compact("20261122024812_base"), 1795315692000);
    EXPECT_EQ(mi::parse_utc_compact("19700101000000"), 0);
    EXPECT_EQ(mi::parse_utc_compact("20240229235959"), 1709251199000);  // leap day
    EXPECT_FALSE(mi::parse_utc_compact("20230229000000"));
    EXPECT_FALSE(mi::parse_utc_compact("20261322024812"));
    EXPECT_FALSE(mi::parse_utc_compact("2026112202481"));
    EXPECT_FALSE(mi::parse_utc_compact("2026112202481x"));
    EXPECT_EQ(mi::iso_utc(1795315715929), "2026-11-22T02:48:35.929Z");
    EXPECT_EQ(mi::iso_utc(0), "1970-01-01T00:00:00.000Z");
    EXPECT_EQ(mi::iso_utc(-1), "1969-12-31T23:59:59.999Z");
    for (std::int64_t ms : {951782400000LL, 4102444800000LL, 1795315692000LL}) {
        EXPECT_EQ(mi::parse_utc_compact(mi::utc_compact(ms)), ms);
    }
}

TEST(MigratorInternals, JournalRendering) {
    mi::Journal empty;
    empty.dialect = "sqlite";
    EXPECT_EQ(mi::render_journal(empty),
              "{\n  \"version\": \"7\",\n  \"dialect\": \"sqlite\",\n  \"entries\": []\n}");
    std::string fixture_text =
        read_file(fixture("drizzle-kit/sqlite/v031/custom/drizzle/meta/_journal.json"));
    auto journal = mi::parse_journal(fixture_text, "j.json");
    ASSERT_EQ(journal.entries.size(), 2u);
    EXPECT_EQ(mi::render_journal(journal), fixture_text);
    // Unknown keys survive an append.
    std::string extra = R"({"version":"7","dialect":"sqlite","x":[1],"entries":[]})";
    mi::JournalEntry entry{0, "6", 5, "0000_a", true};
    EXPECT_EQ(
        mi::append_journal_entry(extra, entry, "j.json"),
        "{\n  \"version\": \"7\",\n  \"dialect\": \"sqlite\",\n  \"x\": [\n    1\n  ],\n  \"entries\": [\n"
        "    {\n      \"idx\": 0,\n      \"version\": \"6\",\n      \"when\": 5,\n      \"tag\": \"0000_a\",\n"
        "      \"breakpoints\": true\n    }\n  ]\n}");
}

mi::LocalMigration local(const std::string& name, std::int64_t created, const std::string& hash) {
    mi::LocalMigration m;
    m.name = name;
    m.created_at_ms = created;
    m.hash = m.raw_hash = hash;
    return m;
}

mi::RecordedRow row(std::optional<std::string> name, std::optional<std::string> created,
                    const std::string& hash) {
    static std::int64_t key = 0;
    mi::RecordedRow r;
    r.key = ++key;
    r.name = std::move(name);
    r.created_at = std::move(created);
    r.hash = hash;
    return r;
}

TEST(MigratorInternals, PlanV1ByName) {
    std::vector<mi::LocalMigration> m = {local("20260101000000_a", 1767225600000, "ha"),
                                         local("20260101000100_b", 1767225660000, "hb"),
                                         local("20260101000200_c", 1767225720000, "hc")};
    auto none = mi::plan_migrations(FolderLayout::v1, m, {});
    EXPECT_EQ(none.pending, (std::vector<std::size_t>{0, 1, 2}));
    EXPECT_TRUE(none.out_of_order.empty());

    auto plan = mi::plan_migrations(
        FolderLayout::v1, m,
        {row("20260101000000_a", "1767225600000", "ha"), row("20260101000200_c", "1767225720000", "old"),
         row("20250101000000_elsewhere", "1", "zz")});
    EXPECT_EQ(plan.applied, 2u);
    EXPECT_EQ(plan.pending, (std::vector<std::size_t>{1}));
    ASSERT_EQ(plan.out_of_order.size(), 1u);
    EXPECT_EQ(plan.out_of_order[0].index, 1u);
    EXPECT_EQ(plan.out_of_order[0].newer_applied, 2u);
    ASSERT_EQ(plan.modified.size(), 1u);
    EXPECT_EQ(plan.modified[0].index, 2u);
    EXPECT_EQ(plan.modified[0].recorded_hash, "old");
}

TEST(MigratorInternals, PlanV1UnnamedRowsAreDated) {
    // Rows written by a 0.45 migrator into an upgraded table have no name.
    std::vector<mi::LocalMigration> m = {local("20261122024745_base", 1795315665000, "h0"),
                                         local("20261122024747_addcol", 1795315667000, "h1")};
    auto plan = mi::plan_migrations(FolderLayout::v1, m, {row(std::nullopt, "1795315665429", "h0")});
    EXPECT_EQ(plan.pending, (std::vector<std::size_t>{1}));
    EXPECT_TRUE(plan.out_of_order.empty());
    EXPECT_TRUE(plan.modified.empty());
}

TEST(MigratorInternals, PlanLegacyByWhen) {
    std::vector<mi::LocalMigration> m = {local("0000_a", 1000, "ha"), local("0001_b", 3000, "hb"),
                                         local("0002_c", 2000, "hc")};
    auto plan = mi::plan_migrations(FolderLayout::legacy, m,
                                    {row(std::nullopt, "1000", "ha"), row(std::nullopt, "3000", "hb")});
    EXPECT_EQ(plan.pending, (std::vector<std::size_t>{2}));
    ASSERT_EQ(plan.out_of_order.size(), 1u);  // after b in the journal, but older than b
    EXPECT_EQ(plan.out_of_order[0].newer_applied, 1u);
    // REAL-stored created_at and empty (bun) hashes.
    auto real = mi::plan_migrations(FolderLayout::legacy, m, {row(std::nullopt, "1000.0", "")});
    EXPECT_EQ(real.applied, 1u);
    EXPECT_TRUE(real.modified.empty());
}

TEST(MigratorInternals, MatchRowsByTimeLikeDrizzle) {
    std::vector<mi::LocalMigration> m = {local("20261122024745_a", 1795315665000, "ha"),
                                         local("20261122024745_b", 1795315665000, "hb"),
                                         local("20261122024750_c", 1795315670000, "hc")};
    auto matches =
        mi::match_rows_by_time(m, {row(std::nullopt, "1795315665429", "hb"),  // same second: hash
                                   row(std::nullopt, "1795315665001", "zz"),  // same second, no hash
                                   row(std::nullopt, "1795315670999", "zz"),  // single candidate
                                   row(std::nullopt, "1000", "hc"),           // no second: by hash
                                   row(std::nullopt, "1000", "nope")});
    EXPECT_EQ(matches[0], 1u);
    EXPECT_EQ(matches[1], std::nullopt);
    EXPECT_EQ(matches[2], 2u);
    EXPECT_EQ(matches[3], 2u);
    EXPECT_EQ(matches[4], std::nullopt);
}

}  // namespace
}  // namespace drizzle::test
