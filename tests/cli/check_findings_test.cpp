// `check` on drizzle-kit's own folders (real output, both layouts): clean folders pass, and each
// finding (malformed snapshot, unsupported version, journal mismatch, non-increasing `when`, broken
// chain, hand-edited SQL) is reported with its file, through the real CLI and the kit API.
#include "support/test_support.hpp"

#include "drizzle/kit/check.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <iostream>
#include <map>

namespace fs = std::filesystem;
using namespace drizzle;

namespace {

class CheckFindings : public ::testing::Test {
protected:
    test::TempDir dir{"check-findings"};

    int kit(const std::string& args, std::string& output) {
        return test::run_command("cd '" + dir.path().string() + "' && '" DRIZZLE_KIT_EXE "' " + args + " </dev/null",
                                 output);
    }
    /// A fixture's migrations folder copied to <dir>/drizzle, and a config pointing at it.
    fs::path copy(const std::string& dialect, const std::string& relative) {
        const fs::path to = dir / "drizzle";
        fs::copy(test::fixture("drizzle-kit/" + dialect + "/" + relative + "/drizzle"), to,
                 fs::copy_options::recursive);
        test::write_file(dir / "drizzle.config.json",
                         R"({"dialect":")" + dialect + R"(","schema":"./schema.sql","out":"./drizzle"})");
        return to;
    }
};

TEST_F(CheckFindings, DrizzleKitFoldersAreClean) {
    for (const std::string layout : {"v031", "v1"}) {
        fs::remove_all(dir / "drizzle");
        copy("sqlite", layout + "/steps");
        std::string output;
        EXPECT_EQ(kit("check", output), 0) << layout << "\n" << output;
        EXPECT_EQ(output.find("error ["), std::string::npos) << layout << "\n" << output;
        // drizzle-cpp writes drizzle-kit 1.0's SQL; 0.31's files differ in style (see CheckFixtures).
        if (layout == "v1") {
            EXPECT_NE(output.find("Everything's fine"), std::string::npos) << output;
        }
    }
}

TEST_F(CheckFindings, MalformedSnapshotNamesTheFileAndGoesOn) {
    const fs::path out = copy("sqlite", "v1/steps");
    test::write_file(out / "20261122024816_dropcol" / "snapshot.json", "{\"version\": ");
    nlohmann::json json = nlohmann::json::parse(test::read_file(out / "20261122024826_addfk" / "snapshot.json"));
    json["version"] = "99";
    test::write_file(out / "20261122024826_addfk" / "snapshot.json", json.dump(2));
    std::string output;
    EXPECT_EQ(kit("check", output), 1) << output;
    EXPECT_NE(output.find("error [malformed_snapshot] 20261122024816_dropcol/snapshot.json"), std::string::npos)
        << output;
    EXPECT_NE(output.find("error [unsupported_snapshot_version] 20261122024826_addfk/snapshot.json"), std::string::npos)
        << output;
    EXPECT_EQ(kit("check --json", output), 1) << output;
    const auto report = nlohmann::json::parse(output.substr(output.find('{')));
    EXPECT_FALSE(report["ok"].get<bool>());
    EXPECT_EQ(report["findings"][0]["code"], "malformed_snapshot");
    EXPECT_EQ(report["findings"][0]["file"], "20261122024816_dropcol/snapshot.json");
}

TEST_F(CheckFindings, LegacySnapshotInAV1FolderSaysRunUp) {
    const fs::path out = copy("sqlite", "v1/steps");
    fs::copy_file(test::fixture("drizzle-kit/sqlite/v031/steps/drizzle/meta/0001_snapshot.json"),
                  out / "20261122024814_addcol" / "snapshot.json", fs::copy_options::overwrite_existing);
    std::string output;
    EXPECT_EQ(kit("check", output), 1) << output;
    EXPECT_NE(output.find("20261122024814_addcol/snapshot.json"), std::string::npos) << output;
    EXPECT_NE(output.find("run `drizzle-kit up`"), std::string::npos) << output;
}

TEST_F(CheckFindings, JournalEntriesFilesAndSnapshotsMustAgree) {
    const fs::path out = copy("sqlite", "v031/steps");
    fs::remove(out / "0003_chtype.sql");
    fs::remove(out / "meta" / "0005_snapshot.json");
    test::write_file(out / "0008_stray.sql", "CREATE TABLE stray (id integer);");
    std::string output;
    EXPECT_EQ(kit("check", output), 1) << output;
    EXPECT_NE(output.find("error [journal_mismatch] 0003_chtype.sql: meta/_journal.json lists migration "
                          "\"0003_chtype\" but its SQL file 0003_chtype.sql is missing"),
              std::string::npos)
        << output;
    EXPECT_NE(output.find("error [journal_mismatch] meta/0005_snapshot.json"), std::string::npos) << output;
    EXPECT_NE(output.find("error [journal_mismatch] 0008_stray.sql: 0008_stray.sql is not listed"), std::string::npos)
        << output;
}

TEST_F(CheckFindings, JournalWhenMustIncrease) {
    const fs::path out = copy("sqlite", "v031/steps");
    auto journal = nlohmann::ordered_json::parse(test::read_file(out / "meta" / "_journal.json"));
    journal["entries"][5]["when"] = journal["entries"][3]["when"].get<std::int64_t>() - 1;
    test::write_file(out / "meta" / "_journal.json", journal.dump(2));
    std::string output;
    EXPECT_EQ(kit("check", output), 1) << output;
    EXPECT_NE(output.find("error [journal_when_not_increasing] meta/_journal.json: \"0005_default\""),
              std::string::npos)
        << output;
    EXPECT_NE(output.find("skips \"0005_default\" forever"), std::string::npos) << output;
}

TEST_F(CheckFindings, ADeletedMigrationBreaksTheChain) {
    const fs::path out = copy("sqlite", "v1/steps");
    fs::remove_all(out / "20261122024816_dropcol");
    std::string output;
    EXPECT_EQ(kit("check", output), 1) << output;
    EXPECT_NE(output.find("error [broken_chain] 20261122024819_chtype/snapshot.json"), std::string::npos) << output;
}

TEST_F(CheckFindings, HandEditedSqlIsANoteOnBothLayouts) {
    for (const std::string layout : {"v031", "v1"}) {
        fs::remove_all(dir / "drizzle");
        const fs::path out = copy("sqlite", layout + "/steps");
        const fs::path sql = layout == "v1" ? out / "20261122024814_addcol" / "migration.sql" : out / "0001_addcol.sql";
        test::write_file(sql, test::read_file(sql) + "\n--> statement-breakpoint\nCREATE INDEX extra ON t (id);");
        std::string output;
        EXPECT_EQ(kit("check", output), 0) << layout << "\n" << output;
        const std::string rel = layout == "v1" ? "20261122024814_addcol/migration.sql" : "0001_addcol.sql";
        EXPECT_NE(output.find("note [hand_edited] " + rel + ": its SQL differs from what its snapshot pair"),
                  std::string::npos)
            << output;
        EXPECT_NE(output.find("file has `--> statement-breakpoint`"), std::string::npos) << output;
    }
}

TEST_F(CheckFindings, LegacyBranchCollisionIsReportedWithBothNames) {
    // 0007 generated from 0005 as well (a merged branch): 0006 adds an FK to "t", 0007 renames "t".
    const fs::path out = copy("sqlite", "v031/steps");
    const auto s6 = nlohmann::ordered_json::parse(test::read_file(out / "meta" / "0006_snapshot.json"));
    auto s7 = nlohmann::ordered_json::parse(test::read_file(out / "meta" / "0007_snapshot.json"));
    s7["prevId"] = s6["prevId"];
    test::write_file(out / "meta" / "0007_snapshot.json", s7.dump(2));
    std::string output;
    EXPECT_EQ(kit("check", output), 1) << output;
    EXPECT_NE(output.find("error [branch_conflict] 0007_rename_table_and_column.sql: non-commutative migrations: "
                          "0006_addfk and 0007_rename_table_and_column both follow 0005_default"),
              std::string::npos)
        << output;
    EXPECT_NE(output.find("table \"t\""), std::string::npos) << output;
}

TEST_F(CheckFindings, InvalidConfigExitsThree) {
    std::string output;
    EXPECT_EQ(kit("check --config missing.json", output), 3) << output;
}

/// Every drizzle-kit-generated folder of the fixtures, through the kit API: no errors, and how many
/// untouched migrations are flagged as hand-edited. v1 (drizzle-kit 1.0, whose SQL drizzle-cpp
/// writes): none. 0.31: drizzle-cpp writes 1.0's SQL into legacy folders too, so 0.31's own files
/// differ in style (key columns' NOT NULL, backticks vs quotes in SQLite renames, PostgreSQL FK
/// clauses and USING, breakpoint placement): 14 of its 25 migrations, listed in the output.
TEST(CheckFixtures, DrizzleKitMigrationsAreNotFlaggedAsEdited) {
    std::map<std::string, std::size_t> migrations, flagged;
    std::string list;
    for (const std::string dialect : {"sqlite", "postgresql"}) {
#ifndef DRIZZLE_HAVE_PG
        if (dialect == "postgresql") continue;
#endif
        for (const std::string layout : {"v031", "v1"}) {
            for (const auto& item : fs::directory_iterator(test::fixture("drizzle-kit/" + dialect + "/" + layout))) {
                const fs::path folder = item.path() / "drizzle";
                if (!fs::is_directory(folder)) continue;
                const auto report = kit::check_folder(folder, *parse_dialect(dialect));
                const std::string where = dialect + "/" + layout + "/" + item.path().filename().string();
                EXPECT_TRUE(report.ok()) << where;
                migrations[layout] += report.migrations;
                for (const auto& f : report.findings) {
                    if (f.code != "hand_edited" && f.severity != kit::CheckFinding::Severity::error) continue;
                    ++flagged[layout];
                    list += where + ": [" + f.code + "] " + f.file + ": " + f.message.substr(0, 200) + "\n";
                }
            }
        }
    }
    std::cout << "check on the drizzle-kit fixtures: v1 " << flagged["v1"] << " of " << migrations["v1"]
              << " flagged, v031 " << flagged["v031"] << " of " << migrations["v031"] << "\n"
              << list;
    EXPECT_GT(migrations["v1"], 10u);
    EXPECT_EQ(flagged["v1"], 0u) << list;
#ifdef DRIZZLE_HAVE_PG
    EXPECT_LE(flagged["v031"], 14u) << list;
#endif
}

} // namespace
