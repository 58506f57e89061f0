// Helpers for the PostgreSQL tests: a fresh database per test, dumps in the fixtures' formats, CLI runs.
#pragma once

#include "drizzle/dialect/pg_connection.hpp"
#include "support/test_support.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace drizzle::test {

/// The server of DRIZZLE_TEST_PG_URL ("" when unset).
std::string pg_admin_url();

/// `url` with its database (the path) replaced by `database`.
std::string pg_url_with_database(const std::string& url, const std::string& database);

/// `url` with its user and password replaced.
std::string pg_url_with_user(const std::string& url, const std::string& user, const std::string& password);

/// Each test gets a database of its own, created in SetUp and dropped in TearDown.
/// Without DRIZZLE_TEST_PG_URL the test fails, saying how to start a server; with
/// DRIZZLE_SKIP_PG=1 it is skipped instead, with the reason.
class PgTest : public ::testing::Test {
protected:
    void SetUp() override;
    void TearDown() override;

    /// The fresh database's URL.
    const std::string& url() const { return url_; }
    const std::string& database() const { return database_; }
    /// A new connection to the fresh database.
    std::unique_ptr<pg::PgConnection> connect() const;
    /// A connection to the server's maintenance database (from DRIZZLE_TEST_PG_URL).
    std::unique_ptr<pg::PgConnection> admin() const;
    /// Another fresh database (dropped in TearDown); returns its URL.
    std::string create_database();

private:
    std::string url_;
    std::string database_;
    std::vector<std::string> created_;
};

/// The folder of the server's own binaries (pg_ctl, pg_basebackup, pg_dump, ...):
/// DRIZZLE_TEST_PG_BIN, else the folder of the backend's executable when the server runs on this
/// machine (/proc/<backend pid>/exe), else empty.
std::filesystem::path pg_server_bin_dir(pg::PgConnection& db);

/// The OS user owning the server's data directory (whom its tools must run as), "" if unknown.
std::string pg_server_os_user(pg::PgConnection& db);

/// One cell of a single-row query, "" for NULL or no row.
std::string pg_scalar(Connection& db, const std::string& sql, const std::vector<SqlValue>& params = {});

/// The fixtures' migrations_table.tsv: a header of column names, then `SELECT * ... ORDER BY id`,
/// tab-separated, NULL as \N (what COPY ... TO STDOUT WITH (FORMAT text, HEADER true) prints).
std::string pg_dump_table_tsv(Connection& db, const std::string& schema, const std::string& table);

/// The fixtures' catalog.txt: tools/catalog_pg.sql's lines (" | " between fields), sorted,
/// without PostgreSQL 18's NOT NULL constraint rows (15, where the fixtures come from, has none).
std::vector<std::string> pg_catalog_lines(Connection& db);

/// Lines of a text, without the trailing empty one.
std::vector<std::string> split_lines(const std::string& text);

/// `'text'` for /bin/sh.
std::string shell_quote(const std::string& text);

/// Runs the drizzle-kit binary with `args` in `dir`; stdout+stderr into `output`; returns the exit code.
int run_kit(const std::filesystem::path& dir, const std::vector<std::string>& args, std::string& output,
            const std::map<std::string, std::string>& env = {});

/// `drizzle-kit migrate --dialect postgresql --url <url> --out <folder>` plus `extra`.
int run_kit_migrate(const std::filesystem::path& folder, const std::string& url, std::string& output,
                    const std::vector<std::string>& extra = {});

/// Copies a folder recursively to `to`.
void copy_tree(const std::filesystem::path& from, const std::filesystem::path& to);

/// Writes a v1 migration `<out>/<stamp>_<name>/migration.sql`; `index` makes the stamp
/// 20250101000000 + index seconds (so names sort in index order).
void write_v1_migration(const std::filesystem::path& out, int index, const std::string& name,
                        const std::string& sql);

}  // namespace drizzle::test
