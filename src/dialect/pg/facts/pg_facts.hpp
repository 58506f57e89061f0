// The PostgreSQL dialect's facts object (quoting, naming, snapshot formats): no libpq needed.
#pragma once

#include "drizzle/dialect/dialect_facts.hpp"

namespace drizzle::pg {

/// The one PostgreSQL DialectFacts, registered by the dialect registry.
const DialectFacts& dialect_facts_object();

}  // namespace drizzle::pg
