// The PostgreSQL dialect's operations object (render, connect, introspect, bookkeeping, pull header).
#pragma once

#include "drizzle/dialect/dialect_ops.hpp"

namespace drizzle::pg {

/// The one PostgreSQL DialectOps; PgConnection::open registers it.
const DialectOps& dialect_ops_object();

}  // namespace drizzle::pg
