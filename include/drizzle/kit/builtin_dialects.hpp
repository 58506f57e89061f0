// The dialects this program was built with, registered in one call.
#pragma once

namespace drizzle::kit {

/// Registers the operations of every dialect built into this library (DRIZZLE_WITH_SQLITE,
/// DRIZZLE_WITH_PG). Idempotent and cheap; front ends call it once at start.
void register_builtin_dialects();

}  // namespace drizzle::kit
