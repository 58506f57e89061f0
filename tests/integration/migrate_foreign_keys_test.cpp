// SQLite table rebuilds must not cascade into child tables (drizzle-kit issue #1813).
#include "drizzle/dialect/sqlite_connection.hpp"
#include "drizzle/error.hpp"
#include "drizzle/migrate/folder.hpp"
#include "drizzle/migrate/migrator.hpp"
#include "integration/migrate_support.hpp"

#include <gtest/gtest.h>

namespace drizzle::test {
namespace {

namespace fs = std::filesystem;

const std::string kBase = "20260101000000_base";
const std::string kRebuild = "20260101000100_rebuild_parent";

const std::string kBaseSql =
    "CREATE TABLE `parent` (\n\t`id` integer PRIMARY KEY NOT NULL,\n\t`x` integer\n);\n"
    "--> statement-breakpoint\n"
    "CREATE TABLE `child` (\n\t`id` integer PRIMARY KEY NOT NULL,\n\t`pid` integer,\n"
    "\tFOREIGN KEY (`pid`) REFERENCES `parent`(`id`) ON UPDATE no action ON DELETE cascade\n);\n"
    "--> statement-breakpoint\n"
    "INSERT INTO parent VALUES (1, 10), (2, 20);--> statement-breakpoint\n"
    "INSERT INTO child VALUES (1, 1), (2, 1), (3, 2);";

/// Exactly drizzle-kit's recreation shape (parent.x integer -> text).
std::string rebuild_sql(const std::string& where = "") {
    return "PRAGMA foreign_keys=OFF;--> statement-breakpoint\n"
           "CREATE TABLE `__new_parent` (\n\t`id` integer PRIMARY KEY NOT NULL,\n\t`x` text\n);\n"
           "--> statement-breakpoint\n"
           "INSERT INTO `__new_parent`(\"id\", \"x\") SELECT \"id\", \"x\" FROM `parent`" +
           where +
           ";--> statement-breakpoint\n"
           "DROP TABLE `parent`;--> statement-breakpoint\n"
           "ALTER TABLE `__new_parent` RENAME TO `parent`;--> statement-breakpoint\n"
           "PRAGMA foreign_keys=ON;";
}

struct FkProject {
    TempDir dir{"migrate-fk"};
    fs::path folder = dir / "drizzle";
    std::unique_ptr<sqlite::SqliteConnection> db =
        sqlite::SqliteConnection::open((dir / "local.db").string());

    explicit FkProject(bool foreign_keys = true) {
        db->exec(foreign_keys ? "PRAGMA foreign_keys=ON" : "PRAGMA foreign_keys=OFF");
        write_file(folder / kBase / "migration.sql", kBaseSql);
    }
    void add_rebuild(const std::string& where = "") {
        write_file(folder / kRebuild / "migration.sql", rebuild_sql(where));
    }
    MigrateResult run(TxMode mode) {
        MigrateOptions options;
        options.folder = folder;
        options.tx_mode = mode;
        return migrate(*db, options);
    }
};

TEST(MigrateForeignKeys, DrizzleBehaviourLosesChildRows) {
    // The problem being fixed: the same statements in one transaction with foreign keys on.
    FkProject p;
    p.db->exec(kBaseSql);
    p.db->exec("BEGIN");
    for (const auto& piece : split_statements(rebuild_sql())) p.db->exec(piece);
    p.db->exec("COMMIT");
    EXPECT_EQ(scalar(*p.db, "SELECT count(*) FROM child"), "0");
}

TEST(MigrateForeignKeys, RebuildKeepsChildRowsAndRestoresSetting) {
    for (TxMode mode : {TxMode::all, TxMode::file}) {
        for (bool separate_runs : {false, true}) {
            SCOPED_TRACE(std::string(mode == TxMode::all ? "all" : "file") +
                         (separate_runs ? " separate" : " together"));
            FkProject p;
            if (separate_runs) p.run(mode);
            p.add_rebuild();
            auto result = p.run(mode);
            EXPECT_EQ(result.applied.back(), kRebuild);
            EXPECT_EQ(scalar(*p.db, "SELECT count(*) FROM child"), "3");
            EXPECT_EQ(scalar(*p.db, "SELECT lower(type) FROM pragma_table_info('parent') WHERE name = 'x'"),
                      "text");
            EXPECT_EQ(scalar(*p.db, "PRAGMA foreign_keys"), "1");
            // Enforcement is really back: deleting a parent cascades again.
            p.db->exec("DELETE FROM parent WHERE id = 1");
            EXPECT_EQ(scalar(*p.db, "SELECT count(*) FROM child"), "1");
        }
    }
}

TEST(MigrateForeignKeys, ViolationsAfterRebuildRollBack) {
    FkProject p;
    p.run(TxMode::all);
    p.add_rebuild(" WHERE id != 1");  // loses parent 1, which children 1 and 2 reference
    try {
        p.run(TxMode::all);
        FAIL() << "expected DbError";
    } catch (const DbError& e) {
        std::string message = e.what();
        EXPECT_EQ(e.code(), "SQLITE_CONSTRAINT_FOREIGNKEY");
        EXPECT_NE(message.find("while applying " + kRebuild), std::string::npos) << message;
        EXPECT_NE(message.find("table child rowid 1 references missing row in parent"), std::string::npos)
            << message;
        EXPECT_NE(message.find("table child rowid 2"), std::string::npos) << message;
    }
    EXPECT_EQ(scalar(*p.db, "SELECT count(*) FROM parent"), "2");
    EXPECT_EQ(scalar(*p.db, "SELECT lower(type) FROM pragma_table_info('parent') WHERE name = 'x'"),
              "integer");
    EXPECT_EQ(scalar(*p.db, "SELECT count(*) FROM __drizzle_migrations"), "1");
    EXPECT_EQ(scalar(*p.db, "PRAGMA foreign_keys"), "1");
}

TEST(MigrateForeignKeys, MigrationWithoutThePragmaKeepsCascades) {
    // Only files that ask for it run with enforcement off: a data migration relying on ON DELETE
    // CASCADE behaves as written.
    FkProject p;
    write_file(p.folder / "20260101000200_delete" / "migration.sql", "DELETE FROM parent WHERE id = 1;");
    p.run(TxMode::all);
    EXPECT_EQ(scalar(*p.db, "SELECT count(*) FROM child"), "1");
}

TEST(MigrateForeignKeys, ConnectionWithoutForeignKeysIsLeftAlone) {
    FkProject p(/*foreign_keys=*/false);
    p.add_rebuild(" WHERE id != 1");  // would violate, but the user does not enforce foreign keys
    EXPECT_EQ(p.run(TxMode::all).applied.size(), 2u);
    EXPECT_EQ(scalar(*p.db, "PRAGMA foreign_keys"), "0");
    EXPECT_EQ(scalar(*p.db, "SELECT count(*) FROM child"), "3");
}

TEST(MigrateForeignKeys, FixtureRebuildsKeepChildRows) {
    // drizzle-kit's fixture schema ends with t2.pid -> parent ON DELETE cascade. With rows in
    // both, a legacy migration appended by write_migration rebuilds parent in drizzle-kit's shape.
    TempDir dir("migrate-fk");
    auto db = sqlite::SqliteConnection::open((dir / "local.db").string());
    db->exec("PRAGMA foreign_keys=ON");
    copy_tree(fixture("drizzle-kit/sqlite/v031/steps/drizzle"), dir / "drizzle");
    MigrateOptions options;
    options.folder = dir / "drizzle";
    migrate(*db, options);
    db->exec("INSERT INTO parent VALUES (1); INSERT INTO t2 (id, a, pid) VALUES (1, 1.5, 1);");
    NewMigration m;
    m.name = "rebuild_parent";
    m.sql =
        "PRAGMA foreign_keys=OFF;--> statement-breakpoint\n"
        "CREATE TABLE `__new_parent` (\n\t`id` integer PRIMARY KEY NOT NULL,\n\t`n` text\n);\n"
        "--> statement-breakpoint\n"
        "INSERT INTO `__new_parent`(\"id\") SELECT \"id\" FROM `parent`;--> statement-breakpoint\n"
        "DROP TABLE `parent`;--> statement-breakpoint\n"
        "ALTER TABLE `__new_parent` RENAME TO `parent`;--> statement-breakpoint\n"
        "PRAGMA foreign_keys=ON;";
    m.snapshot_json = "{}";
    write_migration(MigrationsFolder::read(dir / "drizzle"), m, 1'900'000'000'000);
    EXPECT_EQ(migrate(*db, options).applied, (std::vector<std::string>{"0008_rebuild_parent"}));
    EXPECT_EQ(scalar(*db, "SELECT count(*) FROM t2"), "1");
}

}  // namespace
}  // namespace drizzle::test
