// The SQLite dialect's facts object (quoting, naming, snapshot formats): no SQLite library needed.
#pragma once

#include "drizzle/dialect/dialect_facts.hpp"

namespace drizzle::sqlite {

/// The one SQLite DialectFacts, registered by the dialect registry.
const DialectFacts& dialect_facts_object();

}  // namespace drizzle::sqlite
