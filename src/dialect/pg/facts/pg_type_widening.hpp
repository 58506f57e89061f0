// PostgreSQL type changes that keep every value (widenings), for reversibility of down migrations.
#pragma once

#include "drizzle/schema/model.hpp"

namespace drizzle::pg {

/// Whether ALTER COLUMN ... TYPE from `from`'s type to `to`'s keeps every stored value, so the
/// reverse change gives the same values back: serials as their integer types, integer widening
/// (smallint -> integer -> bigint, any of them -> numeric or text), varchar(n) widening or to
/// varchar/text, numeric(p,s) widening, real -> double precision, and text or varchar to an
/// enum (the up cast only succeeds when every value is a label) or back. Arrays must keep their
/// dimensions. Anything else (text -> integer, text -> jsonb, narrowing) may change values.
bool pg_type_change_keeps_values(const Column& from, const Column& to);

} // namespace drizzle::pg
