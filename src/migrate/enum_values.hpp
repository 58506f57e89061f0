// PostgreSQL enum values added in a transaction cannot be used before it commits (SQLSTATE 55P04):
// the migrator and push take `ALTER TYPE … ADD VALUE` statements out and commit them first.
#pragma once

#include "migrate/migration_store.hpp"

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace drizzle::migrate_internal {

/// What runs once the ADD VALUE statements of some units (migration files, or push's statement
/// list) have been taken out to run first.
struct EnumValueSplit {
    /// `ALTER TYPE <type> ADD VALUE IF NOT EXISTS '<v>' [BEFORE|AFTER '<w>'];`, in their order:
    /// run and committed before the rest. IF NOT EXISTS makes a retry after a later failure work.
    std::vector<std::string> first;
    /// Per unit, its pieces without the statements moved to `first` ("" where nothing is left).
    /// Pieces that lost nothing are returned unchanged, byte for byte.
    std::vector<std::vector<std::string>> pieces;
    /// The first unit (never 0) that adds a value to a type an earlier unit creates, drops or
    /// renames: it cannot be hoisted over that unit, so the caller commits the units before it
    /// and runs it in a later transaction. `pieces` then holds only the units before it.
    std::optional<std::size_t> cut;
};

/// Splits `units` (each a list of breakpoint pieces, in run order). An ADD VALUE statement moves
/// to `first` when its type exists now (`type_exists(<type as written>)`) and no statement before
/// it in the same unit creates, drops or renames the type (or drops its schema), `DO` blocks
/// included; otherwise it stays where it is. Statements are found with split_sql(), so quotes,
/// comments and dollar-quoted bodies never confuse it.
EnumValueSplit split_enum_values(const std::vector<std::vector<std::string>>& units,
                                 const std::function<bool(const std::string& type)>& type_exists);

/// Runs `statements` (EnumValueSplit::first) in `store`'s open transaction and commits it; the
/// caller then begins the transaction of the rest. Only for stores whose lock outlives
/// transactions (PostgreSQL), so no other migrator or push can slip in between. A failure throws
/// DbError naming `what` (the migrations, or "push") and the statement, after a rollback.
void commit_enum_values_first(Connection& connection, MigrationStore& store, const std::vector<std::string>& statements,
                              const std::string& what);

}  // namespace drizzle::migrate_internal
