// The SQLite dialect's operations object (render, connect, introspect, bookkeeping, pull header).
#pragma once

#include "drizzle/dialect/dialect_ops.hpp"

namespace drizzle::sqlite {

/// The one SQLite DialectOps; SqliteConnection::open registers it.
const DialectOps& dialect_ops_object();

}  // namespace drizzle::sqlite
