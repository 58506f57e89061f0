// Helpers for the migrator's integration tests: table/schema dumps in the fixtures' formats.
#pragma once

#include "drizzle/dialect/sqlite_connection.hpp"
#include "support/test_support.hpp"

#include <filesystem>
#include <string>

namespace drizzle::test {

/// The fixtures' migrations_table.tsv format: column names from pragma_table_info, every row
/// `SELECT * ... ORDER BY rowid`, tab-separated, NULL as \N, one line each.
inline std::string dump_table_tsv(Connection& db, const std::string& table) {
    std::string out;
    auto cols = db.query("SELECT name FROM pragma_table_info(?)", {table});
    for (std::size_t i = 0; i < cols.size(); ++i) out += (i ? "\t" : "") + cols[i][0].value_or("");
    out += "\n";
    for (const auto& row : db.query("SELECT * FROM \"" + table + "\" ORDER BY rowid")) {
        for (std::size_t i = 0; i < row.size(); ++i) out += (i ? "\t" : "") + row[i].value_or("\\N");
        out += "\n";
    }
    return out;
}

/// What `sqlite3 db .schema` prints (the fixtures' schema.sql): sqlite_schema in rowid order,
/// with the shell's rewrite of `CREATE TABLE "x"` to `CREATE TABLE IF NOT EXISTS "x"`.
inline std::string dump_schema(Connection& db) {
    std::string out;
    auto rows = db.query(
        "SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' "
        "ORDER BY rowid");
    for (const auto& row : rows) {
        std::string sql = row[0].value_or("");
        if (sql.rfind("CREATE TABLE ", 0) == 0 && sql.size() > 13 && (sql[13] == '"' || sql[13] == '\'')) {
            sql = "CREATE TABLE IF NOT EXISTS " + sql.substr(13);
        }
        out += sql + ";\n";
    }
    return out;
}

/// Copies a fixture folder (recursively) to `to`.
inline void copy_tree(const std::filesystem::path& from, const std::filesystem::path& to) {
    std::filesystem::create_directories(to);
    std::filesystem::copy(from, to, std::filesystem::copy_options::recursive);
}

/// One cell of a single-row query, "" for NULL.
inline std::string scalar(Connection& db, const std::string& sql) {
    auto rows = db.query(sql);
    return rows.empty() || rows[0].empty() ? "" : rows[0][0].value_or("");
}

}  // namespace drizzle::test
