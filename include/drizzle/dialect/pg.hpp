// The PostgreSQL dialect: SQL rendering and catalog introspection.
#pragma once

#include "drizzle/diff/diff.hpp"
#include "drizzle/driver/connection.hpp"
#include "drizzle/schema/model.hpp"

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace drizzle::pg {

/// `"name"`, inner quotes doubled (the PostgreSQL DialectFacts' quoting).
std::string quote_identifier(std::string_view name);
/// `"schema"."name"`, or `"name"` for the default schema ("" or "public").
std::string qualified_name(std::string_view schema, std::string_view name);

/// Moves foreign keys out of CREATE TABLE into ALTER TABLE ... ADD CONSTRAINT after every table,
/// column, unique constraint and index they may reference exists.
std::vector<Operation> lower(const DiffResult& diff);

/// SQL statements for lowered operations, one string per statement, in drizzle-kit 1.0's
/// PostgreSQL conventions (CREATE TABLE ends in ");\n"), with working SQL where drizzle-kit's
/// fails: USING casts on type changes, enum value removal by recreating the type.
std::vector<std::string> render(const std::vector<Operation>& operations);

/// diff + lower + render.
std::vector<std::string> migration_statements(const DiffResult& diff);

/// True when some statement cannot run inside a transaction (CREATE INDEX CONCURRENTLY);
/// generate then starts the file with `-- drizzle:txmode none`.
bool needs_no_transaction(const std::vector<Operation>& operations);

/// Reads the live schema from pg_catalog, for the schemas in `schemas` ({} = every user
/// schema), skipping drizzle's bookkeeping schema/table. A fixed number of queries.
Schema introspect(Connection& connection, const std::vector<std::string>& schemas = {},
                  const std::string& migrations_schema = "drizzle",
                  const std::string& migrations_table = "__drizzle_migrations");

/// For push: spells each expression of `desired` (column defaults, generated columns, checks,
/// index elements and predicates, policy USING / WITH CHECK, view bodies) exactly as `live` (an
/// introspection of `connection`) does whenever the server stores both the same way, so that
/// `price>0` and the catalog's `price > 0::numeric` are no change. The server decides: each
/// differing expression is created on a temporary copy of its live table (or as a temporary
/// view) in a transaction, or a savepoint of the caller's, that is rolled back, and read back
/// through introspect(). Expressions that cannot be created there keep their text. Returns how
/// many expressions took the live text; `note` hears why a table could not be compared. Policy
/// roles and array dimensions of columns are aligned the same way (`TO current_user` is stored as
/// the role; `text[][]` as `text[]`).
std::size_t adopt_live_expressions(Connection& connection, const Schema& live, Schema& desired,
                                   const std::function<void(const std::string&)>& note = {});

}  // namespace drizzle::pg
