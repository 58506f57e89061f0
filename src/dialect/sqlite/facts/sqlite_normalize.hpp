// SQLite's part of the canonical form the diff compares (DialectFacts::normalize).
#pragma once

#include "drizzle/schema/model.hpp"
#include "drizzle/schema/naming.hpp"

namespace drizzle::sqlite {

/// Keys as the engine reports them: a one-column table-level key is the column's own, key columns
/// NOT NULL unless introspection found them nullable; in a 0.31 (`legacy`) folder, unique
/// constraints as the unique indexes drizzle-kit 0.31 writes.
void normalize_schema(Schema& schema, NamingStyle naming);

} // namespace drizzle::sqlite
