// The SQLite header writer for `pull`, handed to the shared header plan by the SQLite ops.
#pragma once

#include "pull/header_writers.hpp"

namespace drizzle::sqlite {

/// How a pulled header is spelled in the SQLite DSL (<drizzle/dsl/sqlite.hpp>).
const pull::detail::HeaderDialect& header_dialect();

} // namespace drizzle::sqlite
