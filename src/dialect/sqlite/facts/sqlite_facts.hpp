// The SQLite dialect's facts object (quoting, naming, snapshot formats): no SQLite library needed.
#pragma once

#include "drizzle/dialect/dialect_facts.hpp"

#include <string>
#include <string_view>

namespace drizzle::sqlite {

/// The one SQLite DialectFacts, registered by the dialect registry.
const DialectFacts& dialect_facts_object();

// ---- drizzle-orm's quoting (bookkeeping SQL) ---------------------------------------------------

/// `"name"`, inner double quotes doubled: how drizzle-orm's SQLite driver quotes, so the
/// migrator's bookkeeping SQL. SQLite keeps the bookkeeping table's CREATE TABLE text, so it must
/// be drizzle-orm's byte for byte; drizzle-kit's DDL (DialectFacts::quote_identifier) uses
/// backticks instead. Same implementation, other quote character.
std::string quote_identifier_as_orm(std::string_view name);

}  // namespace drizzle::sqlite
