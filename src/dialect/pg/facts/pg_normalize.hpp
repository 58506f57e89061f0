// PostgreSQL's part of the canonical form the diff compares (DialectFacts::normalize).
#pragma once

#include "drizzle/schema/model.hpp"
#include "drizzle/schema/naming.hpp"

namespace drizzle::pg {

/// Keys, names and defaults of `schema` as the server stores them: a single-column key under its
/// default name is the column's own, names are cut to 63 bytes, literal defaults in their
/// catalog form, identity sequences under their default name left unnamed.
void normalize_schema(Schema& schema, NamingStyle naming);

} // namespace drizzle::pg
