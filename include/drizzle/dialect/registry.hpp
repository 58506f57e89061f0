// Dialects by name: every dialect-specific question is asked of the object registered here.
#pragma once

#include "drizzle/dialect/dialect_facts.hpp"
#include "drizzle/schema/model.hpp"

#include <optional>
#include <string_view>
#include <vector>

namespace drizzle {

class DialectOps;

/// Adds (or replaces) the facts of `facts.dialect()`. The object must outlive every lookup
/// (a static). The built-in dialects' facts are registered before the first lookup.
void register_dialect_facts(const DialectFacts& facts);

/// The facts of `dialect`. Throws UserError naming the dialect when it is unknown or not built
/// into this program; never answers with another dialect's facts.
const DialectFacts& dialect_facts(Dialect dialect);

/// Adds (or replaces) the operations of `ops.facts().dialect()` (and registers its facts). The
/// object must outlive every lookup. drizzle::register_builtin_dialects() (drizzle/kit) registers
/// the dialects this program was built with; a Connection knows its own (Connection::ops()).
void register_dialect_ops(const DialectOps& ops);

/// The operations of `dialect`. Throws UserError when the dialect is unknown, or known but not
/// built into this program (e.g. configured with DRIZZLE_WITH_PG=OFF).
const DialectOps& dialect_ops(Dialect dialect);

/// Whether operations are registered for `dialect`.
bool has_dialect_ops(Dialect dialect);

/// The facts of every registered dialect, in registration order (the built-in ones first).
std::vector<const DialectFacts*> registered_dialect_facts();

/// Every dialect name drizzle.config may give, canonical names in a stable order (registered
/// dialects and the known ones not built here, such as "mysql").
std::vector<std::string_view> known_dialect_names();

}  // namespace drizzle
