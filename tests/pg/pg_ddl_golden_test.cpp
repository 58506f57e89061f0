// PostgreSQL .sql schema files on a real server: every golden next.sql, read by our parser and
// exported, builds the same database as the file itself; unnamed checks get PostgreSQL's names.
#ifdef DRIZZLE_HAVE_PG_QUERY
#include "pg/pg_support.hpp"

#include "drizzle/dialect/pg.hpp"
#include "drizzle/dialect/pg_ddl.hpp"
#include "drizzle/diff/diff.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace fs = std::filesystem;
using namespace drizzle;

namespace {

std::string joined(const std::vector<std::string>& statements) {
    std::string sql;
    for (const auto& statement : statements)
        sql += statement + "\n";
    return sql;
}

// What `export` prints for a schema: the diff from nothing, lowered and rendered.
std::vector<std::string> export_statements(const Schema& schema) {
    Schema empty;
    empty.dialect = Dialect::postgresql;
    ScriptedResolver no_questions;
    return pg::migration_statements(diff(empty, schema, no_questions));
}

// A constraint or index the file leaves unnamed gets drizzle's derived name from generate and
// export (as the DSL's do), where PostgreSQL would pick its own: the database built from the
// file directly is given drizzle's names for those before the two are compared.
void adopt_drizzle_names(const Schema& parsed, Schema& direct) {
    Schema named = parsed;
    assign_default_names(named, NamingStyle::v1);
    for (auto& table : direct.tables) {
        const Table* source = named.find_table(table.name, table.schema);
        const Table* declared = parsed.find_table(table.name, table.schema);
        if (source == nullptr) continue;
        for (std::size_t i = 0; i < declared->foreign_keys.size(); ++i) {
            const ForeignKey& want = source->foreign_keys[i];
            if (declared->foreign_keys[i].name_explicit) continue;
            for (auto& fk : table.foreign_keys) {
                if (fk.columns == want.columns && fk.table_to == want.table_to) fk.name = want.name;
            }
        }
        for (std::size_t i = 0; i < declared->uniques.size(); ++i) {
            if (declared->uniques[i].name_explicit) continue;
            for (auto& unique : table.uniques) {
                if (unique.columns == source->uniques[i].columns) unique.name = source->uniques[i].name;
            }
        }
        for (const auto& index : source->indexes) {
            if (index.name_explicit) continue;
            for (auto& built : table.indexes) {
                if (built.columns == index.columns) built.name = index.name;
            }
        }
    }
}

class PgDdlGolden : public test::PgTest, public ::testing::WithParamInterface<std::string> {};

TEST_P(PgDdlGolden, ExportOfTheParsedFileBuildsTheSameDatabase) {
    const fs::path file = test::golden_case_dir("pg", GetParam()) / "next.sql";
    const std::string sql = test::read_file(file);
    const Schema parsed = pg::parse_ddl(sql, file.string());
    const auto statements = export_statements(parsed);

    auto exported = connect();
    // One statement at a time, outside a transaction, as CREATE INDEX CONCURRENTLY needs.
    for (const auto& statement : statements) {
        ASSERT_NO_THROW(exported->exec(statement)) << "exported SQL failed:\n"
                                                   << statement << "\nall of it:\n"
                                                   << joined(statements);
    }
    auto direct = pg::PgConnection::open(create_database());
    direct->exec(sql);

    const Schema from_export = pg::introspect(*exported);
    Schema from_file = pg::introspect(*direct);
    adopt_drizzle_names(parsed, from_file);
    ScriptedResolver none;
    const DiffResult difference = diff(from_export, from_file, none);
    EXPECT_TRUE(difference.operations.empty()) << "the database built from our export differs from " << file << ":\n"
                                               << joined(pg::migration_statements(difference)) << "exported SQL:\n"
                                               << joined(statements);
}

INSTANTIATE_TEST_SUITE_P(Cases, PgDdlGolden, ::testing::ValuesIn(test::golden_cases("pg")),
                         test::golden_case_test_name);

class PgDdlNames : public test::PgTest {};

// Unnamed CHECK constraints have no drizzle-derived name (the DSL always names checks): the
// parser gives them the names PostgreSQL gives them, so applying the file keeps them.
TEST_F(PgDdlNames, UnnamedChecksGetPostgresNames) {
    const std::string sql = "CREATE SCHEMA s;\n"
                            "CREATE TABLE s.t (a integer CHECK (a > 0), b integer CHECK (b > a), c integer,\n"
                            "  CHECK (c > 0), CHECK (c < 10), CHECK (1 = 1), CONSTRAINT named CHECK (a < 100));\n"
                            "CREATE TABLE s.u (c integer CHECK (c > 0));\n"
                            "CREATE TABLE " +
                            std::string(60, 'x') + " (c integer CHECK (c > 0));\n";
    auto db = connect();
    db->exec(sql);
    std::vector<std::string> parsed_names;
    for (const auto& table : pg::parse_ddl(sql, "names.sql").tables) {
        for (const auto& check : table.checks)
            parsed_names.push_back(check.name);
    }
    std::vector<std::string> database_names;
    for (const auto& table : pg::introspect(*db).tables) {
        for (const auto& check : table.checks)
            database_names.push_back(check.name);
    }
    std::sort(parsed_names.begin(), parsed_names.end());
    std::sort(database_names.begin(), database_names.end());
    EXPECT_EQ(parsed_names, database_names);
}

}  // namespace
#endif
