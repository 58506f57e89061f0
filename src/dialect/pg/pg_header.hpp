// The PostgreSQL header writer for `pull`, handed to the shared header plan by the PostgreSQL ops.
#pragma once

#include "pull/header_writers.hpp"

namespace drizzle::pg {

/// How a pulled header is spelled in the PostgreSQL DSL (<drizzle/dsl/pg.hpp>).
const pull::detail::HeaderDialect& header_dialect();

} // namespace drizzle::pg
