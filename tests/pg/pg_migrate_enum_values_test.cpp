// Enum values added and used in the same run on the real PostgreSQL (55P04 otherwise), per tx mode.
#include "drizzle/error.hpp"
#include "drizzle/migrate/migrator.hpp"
#include "pg/pg_support.hpp"

#include <gtest/gtest.h>

namespace drizzle::test {
namespace {

namespace fs = std::filesystem;

class PgMigrateEnumValues : public PgTest, public ::testing::WithParamInterface<TxMode> {
protected:
    TempDir dir{"pg-enum-values"};
    fs::path folder = dir / "drizzle";

    MigrateResult run() {
        auto db = connect();
        MigrateOptions options;
        options.folder = folder;
        options.tx_mode = GetParam();
        return migrate(*db, options);
    }

    std::string scalar(const std::string& sql) {
        auto db = connect();
        return pg_scalar(*db, sql);
    }
};

TEST_P(PgMigrateEnumValues, ValueUsedAsDefaultInACheckAndInDataOfTheSameMigration) {
    write_v1_migration(folder, 0, "base",
                       "CREATE TYPE \"mood\" AS ENUM('sad', 'ok');--> statement-breakpoint\n"
                       "CREATE TABLE \"t\" (\"id\" int, \"m\" \"mood\" DEFAULT 'ok');--> statement-breakpoint\n"
                       "INSERT INTO \"t\" VALUES (1, 'sad'), (2, 'ok');");
    ASSERT_EQ(run().applied.size(), 1u);
    // Pending together in `all` mode: a table change first, then the value and its uses.
    write_v1_migration(folder, 1, "other", "CREATE TABLE \"other\" (\"x\" int);");
    write_v1_migration(folder, 2, "happy",
                       "ALTER TYPE \"mood\" ADD VALUE 'happy' BEFORE 'ok';--> statement-breakpoint\n"
                       "ALTER TABLE \"t\" ALTER COLUMN \"m\" SET DEFAULT 'happy';--> statement-breakpoint\n"
                       "ALTER TABLE \"t\" ADD CONSTRAINT \"t_not_happy_1\" CHECK (\"id\" <> 1 OR \"m\" <> 'happy');"
                       "--> statement-breakpoint\n"
                       "UPDATE \"t\" SET \"m\" = 'happy' WHERE \"id\" = 2;--> statement-breakpoint\n"
                       "CREATE TABLE \"t2\" (\"m\" \"mood\" DEFAULT 'happy' NOT NULL);");
    EXPECT_EQ(run().applied.size(), 2u);
    EXPECT_EQ(scalar("SELECT string_agg(enumlabel, ',' ORDER BY enumsortorder) FROM pg_enum WHERE enumtypid = "
                     "'mood'::regtype"),
              "sad,happy,ok");
    EXPECT_EQ(scalar("SELECT m FROM t WHERE id = 2"), "happy");
    EXPECT_EQ(scalar("SELECT count(*) FROM pg_constraint WHERE conname = 't_not_happy_1'"), "1");
    EXPECT_EQ(scalar("SELECT count(*) FROM drizzle.__drizzle_migrations"), "3");
}

TEST_P(PgMigrateEnumValues, SeveralStatementsInOnePieceAndQuotedNames) {
    write_v1_migration(folder, 0, "base",
                       "CREATE SCHEMA \"App\";\nCREATE TYPE \"App\".\"Mood\" AS ENUM('sad');\n"
                       "CREATE TABLE \"App\".\"t\" (\"m\" \"App\".\"Mood\");");
    ASSERT_EQ(run().applied.size(), 1u);
    // No breakpoints: the value and its use share one piece, with comments and a semicolon in a string.
    write_v1_migration(folder, 1, "more",
                       "-- the value ';' comes first\nALTER TYPE \"App\".\"Mood\" ADD VALUE 'it''s; fine';\n"
                       "/* then it is used */ INSERT INTO \"App\".\"t\" VALUES ('it''s; fine');\n"
                       "alter type \"App\".\"Mood\" add value if not exists 'ok';\nINSERT INTO \"App\".\"t\" VALUES ('ok');");
    EXPECT_EQ(run().applied.size(), 1u);
    EXPECT_EQ(scalar("SELECT string_agg(m::text, ',' ORDER BY m) FROM \"App\".t"), "it's; fine,ok");
}

TEST_P(PgMigrateEnumValues, AFailureLaterInTheRunKeepsTheValueAndTheRetryWorks) {
    write_v1_migration(folder, 0, "base", "CREATE TYPE \"mood\" AS ENUM('sad');\nCREATE TABLE \"t\" (\"m\" \"mood\");");
    ASSERT_EQ(run().applied.size(), 1u);
    write_v1_migration(folder, 1, "happy",
                       "ALTER TYPE \"mood\" ADD VALUE 'happy';--> statement-breakpoint\n"
                       "INSERT INTO \"t\" VALUES ('happy');--> statement-breakpoint\nSELECT 1/0;");
    EXPECT_THROW(run(), DbError);
    // The value was committed first; the migration itself was rolled back and is not recorded.
    EXPECT_EQ(scalar("SELECT count(*) FROM pg_enum WHERE enumlabel = 'happy'"), "1");
    EXPECT_EQ(scalar("SELECT count(*) FROM t"), "0");
    EXPECT_EQ(scalar("SELECT count(*) FROM drizzle.__drizzle_migrations"), "1");
    // Fixed and run again: ADD VALUE runs as ADD VALUE IF NOT EXISTS, so the retry goes through.
    fs::remove_all(folder / "20250101000001_happy");
    write_v1_migration(folder, 1, "happy",
                       "ALTER TYPE \"mood\" ADD VALUE 'happy';--> statement-breakpoint\n"
                       "INSERT INTO \"t\" VALUES ('happy');");
    EXPECT_EQ(run().applied.size(), 1u);
    EXPECT_EQ(scalar("SELECT m FROM t"), "happy");
}

TEST_P(PgMigrateEnumValues, TypeCreatedByAnEarlierMigrationOfTheSameRun) {
    // drizzle-kit 0.x wrote enums as DO blocks; the second file extends the type and uses the value.
    write_v1_migration(folder, 0, "base",
                       "DO $$ BEGIN\n CREATE TYPE \"public\".\"mood\" AS ENUM('sad');\nEXCEPTION\n WHEN duplicate_object "
                       "THEN null;\nEND $$;\n--> statement-breakpoint\nCREATE TABLE \"t\" (\"m\" \"mood\");");
    write_v1_migration(folder, 1, "happy",
                       "ALTER TYPE \"public\".\"mood\" ADD VALUE 'happy';--> statement-breakpoint\n"
                       "ALTER TABLE \"t\" ALTER COLUMN \"m\" SET DEFAULT 'happy';--> statement-breakpoint\n"
                       "INSERT INTO \"t\" DEFAULT VALUES;");
    write_v1_migration(folder, 2, "after", "CREATE TABLE \"after\" (\"m\" \"mood\" DEFAULT 'happy');");
    EXPECT_EQ(run().applied.size(), 3u);
    EXPECT_EQ(scalar("SELECT m FROM t"), "happy");
}

TEST_P(PgMigrateEnumValues, TypeCreatedAndExtendedInOneFileWithoutUseStaysInPlace) {
    write_v1_migration(folder, 0, "base",
                       "CREATE TYPE \"mood\" AS ENUM('sad');--> statement-breakpoint\n"
                       "ALTER TYPE \"mood\" ADD VALUE 'ok';--> statement-breakpoint\nCREATE TABLE \"t\" (\"m\" \"mood\");");
    EXPECT_EQ(run().applied.size(), 1u);
    EXPECT_EQ(scalar("SELECT count(*) FROM pg_enum WHERE enumtypid = 'mood'::regtype"), "2");
}

INSTANTIATE_TEST_SUITE_P(TxModes, PgMigrateEnumValues, ::testing::Values(TxMode::all, TxMode::file),
                         [](const ::testing::TestParamInfo<TxMode>& info) {
                             return info.param == TxMode::all ? "all" : "file";
                         });

TEST_F(PgTest, CliMigrateAppliesAGeneratedEnumValueMigrationInBothTxModes) {
    for (const char* mode : {"all", "file"}) {
        TempDir dir("pg-enum-values-cli");
        auto db = pg::PgConnection::open(create_database());
        db->exec("CREATE TYPE \"mood\" AS ENUM('sad', 'ok'); CREATE TABLE \"t\" (\"id\" int, \"label\" text);"
                 "INSERT INTO t VALUES (1, 'happy');");
        const std::string db_url = pg_scalar(*db, "SELECT current_database()");
        // The golden scenario's generated SQL, as `generate` writes it.
        write_v1_migration(dir / "drizzle", 0, "happy",
                           read_file(golden_case_dir("pg", "enums/add_value_used_by_existing_rows") / "expected.sql"));
        std::string out;
        EXPECT_EQ(run_kit_migrate(dir / "drizzle", pg_url_with_database(url(), db_url), out, {"--tx-mode", mode}), 0)
            << mode << ": " << out;
        EXPECT_EQ(pg_scalar(*db, "SELECT label::text || '/' || m::text FROM t"), "happy/happy") << mode;
    }
}

}  // namespace
}  // namespace drizzle::test
