// Which migrations of a folder are applied, pending, out of order, edited or missing: the plan
// migrate() follows, computed without applying anything (for status, check and down).
#pragma once

#include "drizzle/migrate/folder.hpp"
#include "drizzle/migrate/migration_store.hpp"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace drizzle {

// ---- local migrations -------------------------------------------------------------------------

/// A migrations folder with every migration file read and hashed, as migrate() sees it.
struct LocalMigrations {
    MigrationsFolder folder;
    std::vector<LocalMigration> migrations; ///< one per folder.entries, same order
};

/// Reads and hashes the SQL file of every entry of `folder` (LocalMigration: drizzle-orm's hash,
/// the `txmode none` and foreign-keys-off markers). UserError naming a file that cannot be read.
std::vector<LocalMigration> read_local_migrations(const MigrationsFolder& folder);

/// Reads `dir` as migrate() does, refusing what migrate() refuses before touching a database
/// (see check_migrations_folder()): UserError when the folder does not exist, holds no
/// migration, or holds two migrations with identical SQL.
LocalMigrations load_migrations_folder(const std::filesystem::path& dir);

// ---- the plan ---------------------------------------------------------------------------------

/// An applied migration whose file changed since.
struct ModifiedMigration {
    std::size_t index = 0;     ///< into the local list
    std::string recorded_hash; ///< the hash recorded when it was applied
};

/// A pending migration older than one already applied (merged from another branch, say).
struct OutOfOrderMigration {
    std::size_t index = 0;         ///< the pending migration
    std::size_t newer_applied = 0; ///< an applied migration that comes after it
};

/// A recorded row that belongs to no local migration: its file was deleted (or renamed).
struct MissingMigration {
    RecordedRow row;
    std::optional<std::size_t> same_hash; ///< a local migration with the row's hash (a renamed folder?)
};

/// A squash migration (LocalMigration::replaces) of which the database recorded some replaced
/// migrations but not all: it cannot be run (part of it is applied) nor skipped (part is not).
struct PartialSquash {
    std::size_t index = 0;                 ///< the squash migration
    std::vector<std::string> recorded;     ///< replaced migrations the database records, in order
    std::vector<std::string> not_recorded; ///< replaced migrations it does not record, in order
};

/// The local migrations against the recorded rows. Indexes are into the local list.
struct MigrationPlan {
    std::vector<std::size_t> pending; ///< not recorded, in apply order
    std::vector<OutOfOrderMigration> out_of_order;
    std::vector<ModifiedMigration> modified;
    std::vector<MissingMigration> missing; ///< in recorded order
    std::size_t applied = 0;               ///< local migrations found recorded
    /// Squash migrations not recorded themselves whose replaced migrations all are: applied
    /// (counted in `applied`, not pending); migrate() records their own row without running them.
    std::vector<std::size_t> applied_through_replaces;
    /// Squash migrations only some of whose replaced migrations are recorded (they are also in
    /// `pending`); migrate() refuses them.
    std::vector<PartialSquash> partial_squashes;
};

/// Identity: v1 by name (rows without a name fall back to match_rows_by_time); legacy by
/// created_at == journal `when`. Pending = local migrations no row identifies. Out of order =
/// pending migrations that come before an applied one (in folder order or by time). Modified =
/// applied migrations whose file hash is neither the recorded one. Missing = rows no local
/// migration identifies (a row whose created_at cannot be read is not judged). Squash migrations
/// (LocalMigration::replaces): the rows of the migrations they replace (by name; unnamed 0.45 rows
/// by hash, else by created_at to the second) are neither missing nor matched to other files; a
/// squash not recorded itself is applied when all of them are recorded (applied_through_replaces),
/// pending when none is, and partial otherwise (partial_squashes). Pure: `rows`
/// come from MigrationStore::read_rows() (or peek_rows()).
MigrationPlan plan_migrations(FolderLayout layout, const std::vector<LocalMigration>& local,
                              const std::vector<RecordedRow>& rows);

/// drizzle-orm 1.0's matching of 0.45 rows to v1 folders: created_at truncated to the second
/// against the folder time; several candidates -> the one with the same hash; none -> any
/// migration with the same hash. One result per row (std::nullopt = no local migration).
std::vector<std::optional<std::size_t>> match_rows_by_time(const std::vector<LocalMigration>& local,
                                                           const std::vector<RecordedRow>& rows);

/// A stored created_at ("1795315665429", or "1.795e12" if stored as REAL) as integer ms.
std::optional<std::int64_t> parse_created_at(const std::optional<std::string>& text);

} // namespace drizzle
