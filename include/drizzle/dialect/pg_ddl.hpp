// PostgreSQL DDL files as a schema source: parsed by libpg_query, PostgreSQL's own parser.
#pragma once

#include "drizzle/schema/model.hpp"

#include <string>
#include <string_view>

namespace drizzle::pg {

/// Reads the schema a PostgreSQL DDL script declares, the way the C++ DSL would declare it:
/// CREATE SCHEMA / TYPE ... AS ENUM / SEQUENCE / TABLE / [MATERIALIZED] VIEW / INDEX / POLICY /
/// ROLE, ALTER TABLE ... ADD CONSTRAINT, ADD COLUMN, ALTER COLUMN SET DEFAULT / SET NOT NULL,
/// ENABLE ROW LEVEL SECURITY, and ALTER TYPE ... ADD VALUE, in any order. Expressions (defaults,
/// checks, index expressions and predicates, generated columns, view bodies, policies) keep
/// their source text. Session and data statements (SET, SELECT, INSERT, ...), COMMENT ON, GRANT,
/// REVOKE, OWNER TO and CREATE EXTENSION declare nothing drizzle models and are skipped.
///
/// Throws DiagnosticsError listing every problem found, each `file_name:line:column: message`
/// (syntax errors at the parser's cursor; unsupported statements and clauses at their start).
Schema parse_ddl(std::string_view sql, const std::string& file_name);

}  // namespace drizzle::pg
