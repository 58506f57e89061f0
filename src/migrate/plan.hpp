// Which migrations are applied, pending, out of order or edited: pure functions over rows.
#pragma once

#include "migrate/migration_store.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace drizzle::migrate_internal {

struct ModifiedMigration {
    std::size_t index = 0;  ///< into the local list
    std::string recorded_hash;
};

struct OutOfOrderMigration {
    std::size_t index = 0;          ///< the pending migration
    std::size_t newer_applied = 0;  ///< an applied migration that comes after it
};

/// A recorded row that belongs to no local migration: its file was deleted (or renamed).
struct MissingMigration {
    RecordedRow row;
    std::optional<std::size_t> same_hash;  ///< a local migration with the row's hash (a renamed folder?)
};

struct MigrationPlan {
    std::vector<std::size_t> pending;  ///< local indexes, in apply order
    std::vector<OutOfOrderMigration> out_of_order;
    std::vector<ModifiedMigration> modified;
    std::vector<MissingMigration> missing;  ///< in recorded order
    std::size_t applied = 0;  ///< local migrations found recorded
};

/// drizzle-orm 1.0's matching of 0.45 rows to v1 folders: created_at truncated to the second
/// against the folder time; several candidates -> the one with the same hash; none -> any
/// migration with the same hash. One result per row (std::nullopt = no local migration).
std::vector<std::optional<std::size_t>> match_rows_by_time(const std::vector<LocalMigration>& local,
                                                           const std::vector<RecordedRow>& rows);

/// Identity: v1 by name (rows without a name fall back to match_rows_by_time); legacy by
/// created_at == journal `when`. Pending = local migrations no row identifies. Out of order =
/// pending migrations that come before an applied one (in folder order or by time). Modified =
/// applied migrations whose file hash is neither the recorded one. Missing = rows no local
/// migration identifies (a row whose created_at cannot be read is not judged).
MigrationPlan plan_migrations(FolderLayout layout, const std::vector<LocalMigration>& local,
                              const std::vector<RecordedRow>& rows);

/// A stored created_at ("1795315665429", or "1.795e12" if stored as REAL) as integer ms.
std::optional<std::int64_t> parse_created_at(const std::optional<std::string>& text);

}  // namespace drizzle::migrate_internal
