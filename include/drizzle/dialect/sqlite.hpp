// The SQLite dialect: SQL rendering (with table-rebuild lowering) and introspection.
#pragma once

#include "drizzle/diff/diff.hpp"
#include "drizzle/driver/connection.hpp"
#include "drizzle/schema/model.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace drizzle::sqlite {

/// `name` in backticks, inner backticks doubled (the SQLite DialectFacts' quoting).
std::string quote_identifier(std::string_view name);

/// Rewrites operations SQLite cannot run as ALTERs (column changes, constraint changes,
/// some added or dropped columns) into RecreateTable, and recreates views that read from
/// rebuilt tables (SQLite refuses to rename a table under a view that names it).
std::vector<Operation> lower(const DiffResult& diff);

/// SQL statements for lowered operations, one string per statement, in drizzle-kit 1.0's
/// SQLite conventions (a CREATE TABLE ends in ");\n").
std::vector<std::string> render(const std::vector<Operation>& operations);

/// `CREATE TABLE` for a table (ends in ");\n"), as in a migration.
std::string create_table_sql(const Table& table);
/// `CREATE [UNIQUE] INDEX ...;`.
std::string create_index_sql(const std::string& table, const Index& index);

/// diff + lower + render: the statements that take `prev` to `next`.
std::vector<std::string> migration_statements(const DiffResult& diff);

/// Reads the live schema of a SQLite database (tables, columns, indexes, foreign keys,
/// primary keys, checks, generated columns, views), skipping sqlite_* and drizzle's
/// bookkeeping table `migrations_table`.
Schema introspect(Connection& connection, const std::string& migrations_table = "__drizzle_migrations");

}  // namespace drizzle::sqlite
