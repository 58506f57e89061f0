// The PostgreSQL dialect's facts object (quoting, naming, snapshot formats): no libpq needed.
#pragma once

#include "drizzle/dialect/dialect_facts.hpp"

namespace drizzle::pg {

/// The one PostgreSQL DialectFacts, registered by the dialect registry.
const DialectFacts& dialect_facts_object();

}  // namespace drizzle::pg

namespace drizzle::pg {

/// PostgreSQL's answer to DialectFacts::type_change_risk: binary-compatible changes (varchar
/// widening, varchar -> text, numeric precision up at the same scale) rewrite nothing; narrowing
/// ones can truncate or fail; changes without an assignment cast need USING.
DialectFacts::TypeChangeRisk pg_type_change_risk(const Column& from, const Column& to);

/// Whether a DEFAULT calls a volatile function (random(), gen_random_uuid(), clock_timestamp(),
/// nextval(), ...): ADD COLUMN then rewrites the table instead of storing the default once.
bool pg_default_is_volatile(const std::string& expression);

}  // namespace drizzle::pg
