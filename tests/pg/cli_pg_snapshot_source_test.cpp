// The CLI on real drizzle-kit-format inputs (issue 10, items 5-10): 0.x snapshots as push and
// generate sources, a drizzle-kit 1.0 history continued through a table rename, .sql sources with
// inert policies and names over 63 bytes. Each applies on the real server and a following
// `push --explain` must find nothing.
#include "pg_support.hpp"

#include "drizzle/dialect/pg.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace fs = std::filesystem;
using namespace drizzle;
using namespace drizzle::test;

namespace {

class CliPgSnapshotSource : public PgTest {
protected:
    TempDir dir{"cli-pg-snapshot-source"};

    void write_config(const std::string& schema, const std::string& database_url) {
        write_file(dir / "drizzle.config.json", R"({"dialect":"postgresql","schema":")" + schema +
                                                    R"(","out":"./drizzle","dbCredentials":{"url":")" +
                                                    database_url + "\"}}");
    }
    int kit(const std::vector<std::string>& args, std::string& out) {
        return run_kit(dir.path(), args, out, {{"DRIZZLE_CACHE_DIR", (dir.path() / ".cache").string()}});
    }
    void expect_nothing_to_push() {
        std::string out;
        ASSERT_EQ(kit({"push", "--explain"}, out), 0) << out;
        EXPECT_NE(out.find("No changes detected"), std::string::npos) << out;
    }
    std::vector<fs::path> migration_dirs() {
        std::vector<fs::path> dirs;
        for (const auto& entry : fs::directory_iterator(dir / "drizzle")) {
            if (entry.is_directory()) dirs.push_back(entry.path());
        }
        std::sort(dirs.begin(), dirs.end());
        return dirs;
    }
    // What the 0.x fixture must have produced in the database, whichever command applied it.
    void expect_legacy_fixture_applied(Connection& db) {
        // Item 5: the one-column key keeps its recorded name.
        EXPECT_EQ(pg_scalar(db, "SELECT conname FROM pg_constraint WHERE contype = 'p' AND "
                                "conrelid = '\"Suggestion\"'::regclass"),
                  "Suggestion_id_pk");
        // Item 9: 0.x names, not 1.0's.
        EXPECT_EQ(pg_scalar(db, "SELECT conname FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace"),
                  "Suggestion_registryId_Registry_id_fk");
        EXPECT_EQ(pg_scalar(db, "SELECT conname FROM pg_constraint WHERE contype = 'u' AND connamespace = 'public'::regnamespace"), "Suggestion_owner_unique");
        // Item 7: policies with isRLSEnabled false still get RLS, as drizzle-kit's SQL does.
        EXPECT_EQ(pg_scalar(db, "SELECT relrowsecurity FROM pg_class WHERE relname = 'Suggestion'"), "t");
        // Item 6: the enum column has the enum type.
        EXPECT_EQ(pg_scalar(db, "SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = "
                                "'\"Registry\"'::regclass AND attname = 'kinds'"),
                  "\"RegistryType\"[]");
        // Item 8: the repaired defaults hold the quote.
        db.exec("INSERT INTO \"Registry\" DEFAULT VALUES");
        db.exec("INSERT INTO \"Suggestion\" (\"registryId\", \"owner\") VALUES (1, 'me')");
        EXPECT_EQ(pg_scalar(db, "SELECT meta->>'note' FROM \"Suggestion\""), "it's");
        EXPECT_EQ(pg_scalar(db, "SELECT array_to_string(labels, '|') FROM \"Suggestion\""), "it's|plain");
        EXPECT_EQ(pg_scalar(db, "SELECT \"selfHosted\"::text FROM \"Registry\""), "npm");
    }
};

TEST_F(CliPgSnapshotSource, LegacySnapshotPushesAndThenHasNothingToPush) {
    fs::copy_file(fixture("pg-snapshot-sources/legacy_0x.json"), dir / "schema.json");
    write_config("./schema.json", url());
    std::string out;
    ASSERT_EQ(kit({"push", "--force"}, out), 0) << out;
    auto db = connect();
    expect_legacy_fixture_applied(*db);
    expect_nothing_to_push();
}

TEST_F(CliPgSnapshotSource, LegacySnapshotGeneratesSqlThatMigratesAndThenHasNothingToPush) {
    fs::copy_file(fixture("pg-snapshot-sources/legacy_0x.json"), dir / "schema.json");
    write_config("./schema.json", url());
    std::string out;
    ASSERT_EQ(kit({"generate", "--name", "init"}, out), 0) << out;
    const auto dirs = migration_dirs();
    ASSERT_EQ(dirs.size(), 1u);
    const std::string sql = read_file(dirs[0] / "migration.sql");
    EXPECT_NE(sql.find("CONSTRAINT \"Suggestion_id_pk\" PRIMARY KEY(\"id\")"), std::string::npos) << sql;
    EXPECT_NE(sql.find("\"selfHosted\" \"RegistryType\" DEFAULT 'npm' NOT NULL"), std::string::npos) << sql;
    EXPECT_NE(sql.find("ALTER TABLE \"Suggestion\" ENABLE ROW LEVEL SECURITY;"), std::string::npos) << sql;
    ASSERT_EQ(kit({"migrate"}, out), 0) << out;
    auto db = connect();
    expect_legacy_fixture_applied(*db);
    expect_nothing_to_push();
    // The snapshot written keeps the recorded names, so the next generate has nothing to do.
    ASSERT_EQ(kit({"generate"}, out), 0) << out;
    EXPECT_NE(out.find("No schema changes"), std::string::npos) << out;
}

// drizzle-kit 1.0's history (fixtures: t renamed to t2, keeping t_pkey and t_pid_parent_id_fkey)
// continued by our generate with another rename: only the rename, no constraint rebuilt.
TEST_F(CliPgSnapshotSource, V1HistoryRenamedAgainKeepsConstraintNames) {
    copy_tree(fixture("drizzle-kit/postgresql/v1/steps/drizzle"), dir / "drizzle");
    write_file(dir / "schema.hpp", R"SCHEMA(#pragma once
#include <drizzle/dsl/pg.hpp>
using namespace drizzle::pg::dsl;
inline const auto parent = pg_table("parent", {serial("id").primary_key()});
inline const auto t = pg_table("t3", {
    serial("id").primary_key(),
    bigint("a").not_null(),
    varchar("c2", {.length = 20}),
    integer("pid").references(parent["id"], {.on_delete = action::cascade}),
    text("d2").default_("x"),
});
)SCHEMA");
    write_file(dir / "answers.json", R"([{"type":"rename","kind":"table","from":["t2"],"to":["t3"]}])");
    write_config("./schema.hpp", url());
    std::string out;
    ASSERT_EQ(kit({"generate", "--name", "rename_again", "--answers", "answers.json"}, out), 0) << out;
    const auto dirs = migration_dirs();
    ASSERT_EQ(dirs.size(), 10u);
    EXPECT_EQ(read_file(dirs.back() / "migration.sql"), "ALTER TABLE \"t2\" RENAME TO \"t3\";");
    const std::string snapshot = read_file(dirs.back() / "snapshot.json");
    EXPECT_NE(snapshot.find("\"t_pid_parent_id_fkey\""), std::string::npos) << snapshot;
    EXPECT_NE(snapshot.find("\"t_pkey\""), std::string::npos) << snapshot;
    ASSERT_EQ(kit({"generate"}, out), 0) << out;
    EXPECT_NE(out.find("No schema changes"), std::string::npos) << out;
    // The whole history on a fresh database, then push from the header: nothing to change.
    ASSERT_EQ(kit({"migrate"}, out), 0) << out;
    auto db = connect();
    EXPECT_EQ(pg_scalar(*db, "SELECT conname FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace"), "t_pid_parent_id_fkey");
    expect_nothing_to_push();
}

TEST_F(CliPgSnapshotSource, SqlPoliciesWithoutRlsKeepTheirMeaningWithAWarning) {
    write_file(dir / "schema.sql", "CREATE TABLE \"notes\" (\"id\" serial PRIMARY KEY, \"owner\" text NOT NULL);\n"
                                   "CREATE POLICY \"own\" ON \"notes\" AS PERMISSIVE FOR SELECT TO public USING (true);\n");
    write_config("./schema.sql", url());
    std::string out;
    ASSERT_EQ(kit({"push", "--force"}, out), 0) << out;
    EXPECT_NE(out.find("schema.sql: table \"notes\" has 1 policy but row-level security is not enabled"),
              std::string::npos)
        << out;
    auto db = connect();
    EXPECT_EQ(pg_scalar(*db, "SELECT relrowsecurity FROM pg_class WHERE relname = 'notes'"), "f");
    EXPECT_EQ(pg_scalar(*db, "SELECT count(*) FROM pg_policy"), "1");
    expect_nothing_to_push();
    ASSERT_EQ(kit({"export"}, out), 0) << out;
    EXPECT_EQ(out.find("ALTER TABLE \"notes\" ENABLE ROW LEVEL SECURITY"), std::string::npos) << out;
    EXPECT_NE(out.find("row-level security is not enabled"), std::string::npos) << out;
    // A migrations folder cannot record inert policies (drizzle's snapshots say RLS is on), so
    // generate enables RLS, says so, and a second generate finds nothing (no DISABLE each time).
    ASSERT_EQ(kit({"generate", "--name", "init"}, out), 0) << out;
    EXPECT_NE(out.find("generate enables row-level security on \"notes\""), std::string::npos) << out;
    std::string sql;
    for (const auto& entry : fs::recursive_directory_iterator(dir / "drizzle")) {
        if (entry.path().filename() == "migration.sql") sql = read_file(entry.path());
    }
    EXPECT_NE(sql.find("ALTER TABLE \"notes\" ENABLE ROW LEVEL SECURITY"), std::string::npos) << sql;
    ASSERT_EQ(kit({"generate"}, out), 0) << out;
    EXPECT_NE(out.find("No schema changes"), std::string::npos) << out;
}

// drizzle-kit's own histories (0.31 and 1.0), migrated, are up to date for a push from their
// latest snapshot. Both rename table t to t2, and PostgreSQL keeps its key name t_pkey: a 0.31
// snapshot records no key name, so the database's stands; 1.0 records t_pkey.
TEST_F(CliPgSnapshotSource, DrizzleKitHistoriesAreUpToDateForAPushFromTheirLatestSnapshot) {
    for (const std::string layout : {"v031", "v1"}) {
        SCOPED_TRACE(layout);
        fs::remove_all(dir / "drizzle");
        fs::copy(fixture("drizzle-kit/postgresql/" + layout + "/steps/drizzle"), dir / "drizzle",
                 fs::copy_options::recursive);
        std::vector<fs::path> snapshots;
        for (const auto& entry : fs::recursive_directory_iterator(dir / "drizzle")) {
            const std::string name = entry.path().filename().string();
            if (name == "snapshot.json" || name.ends_with("_snapshot.json")) snapshots.push_back(entry.path());
        }
        std::sort(snapshots.begin(), snapshots.end());
        ASSERT_FALSE(snapshots.empty());
        const std::string database = create_database();
        write_config(snapshots.back().string(), database);
        std::string out;
        ASSERT_EQ(kit({"migrate"}, out), 0) << out;
        auto db = pg::PgConnection::open(database);
        EXPECT_EQ(pg_scalar(*db, "SELECT conname FROM pg_constraint WHERE contype = 'p' AND conrelid = 't2'::regclass"),
                  "t_pkey");
        expect_nothing_to_push();
    }
}

// Derived names over 63 bytes (the cut falls inside a two-byte character): generate + migrate,
// then push, must agree with what PostgreSQL stored.
TEST_F(CliPgSnapshotSource, NamesOver63BytesAreComparedAsPostgresqlStoresThem) {
    const std::string table = "überlange_tabelle_mit_vielen_zeichen";
    write_file(dir / "schema.sql",
               "CREATE TABLE \"elterntabelle_mit_langem_namen\" (\"id\" serial PRIMARY KEY);\n"
               "CREATE TABLE \"" + table + "\" (\n"
               "  \"id\" integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n"
               "  \"verweis_auf_die_eltern_tabelle_ülßä\" integer REFERENCES \"elterntabelle_mit_langem_namen\"(\"id\"),\n"
               "  \"eindeutiger_schlüssel_für_die_prüfung\" text UNIQUE,\n"
               "  \"nummer\" serial,\n"
               "  UNIQUE (\"verweis_auf_die_eltern_tabelle_ülßä\", \"eindeutiger_schlüssel_für_die_prüfung\")\n"
               ");\n");
    write_config("./schema.sql", url());
    std::string out;
    ASSERT_EQ(kit({"generate", "--name", "init"}, out), 0) << out;
    ASSERT_EQ(kit({"migrate"}, out), 0) << out;
    expect_nothing_to_push();
    ASSERT_EQ(kit({"generate"}, out), 0) << out;
    EXPECT_NE(out.find("No schema changes"), std::string::npos) << out;
    // And push alone onto another database.
    const std::string other = create_database();
    write_config("./schema.sql", other);
    ASSERT_EQ(kit({"push", "--force"}, out), 0) << out;
    expect_nothing_to_push();
}

}  // namespace
