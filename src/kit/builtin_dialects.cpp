// The registration lines of the built-in dialects: adding a dialect adds one line here.
#include "drizzle/kit/builtin_dialects.hpp"

#include "drizzle/dialect/registry.hpp"
#ifdef DRIZZLE_HAVE_SQLITE
#include "dialect/sqlite/sqlite_ops.hpp"
#endif
#ifdef DRIZZLE_HAVE_PG
#include "dialect/pg/pg_ops.hpp"
#endif

namespace drizzle::kit {

void register_builtin_dialects() {
#ifdef DRIZZLE_HAVE_SQLITE
    register_dialect_ops(sqlite::dialect_ops_object());
#endif
#ifdef DRIZZLE_HAVE_PG
    register_dialect_ops(pg::dialect_ops_object());
#endif
}

}  // namespace drizzle::kit
