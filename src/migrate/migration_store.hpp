// What the migrator and the dialects' migration stores share (the interface itself is public:
// drizzle/migrate/migration_store.hpp).
#pragma once

#include "drizzle/driver/connection.hpp"
#include "drizzle/migrate/folder.hpp"
#include "drizzle/migrate/migration_store.hpp"
#include "drizzle/migrate/migrator.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace drizzle::migrate_internal {

using drizzle::LocalMigration;
using drizzle::MigrationStore;
using drizzle::RecordedRow;

/// The store for `connection`'s dialect (open_migration_store()); UserError for dialects without one.
inline std::unique_ptr<MigrationStore> make_migration_store(Connection& connection, const MigrateOptions& options) {
    return open_migration_store(connection, options);
}

/// The rows of a bookkeeping query selecting `<store key>, id, hash, created_at, name` (further
/// columns are ignored), as RecordedRow.
std::vector<RecordedRow> recorded_rows(std::vector<Row> result);

/// The first 12 hex digits of a hash and "..", for messages.
std::string short_hash(const std::string& hash);

/// For an unnamed (0.45) row: the name of the migration a squash replaced that it records (same
/// hash, else same second, as plan_migrations matches them); std::nullopt when a local file has its
/// hash or no squash replaced such a migration.
std::optional<std::string> replaced_migration_of(const std::vector<LocalMigration>& local, const RecordedRow& row);

/// drizzle-orm 1.0's upgrade of a 0.45 table: the local migration each recorded row belongs to
/// (match_rows_by_time), as its name; rows of migrations a squash replaced get those names (see
/// replaced_migration_of). Rows that belong to no local migration abort the upgrade,
/// as there: UserError listing them (`row_label` names one row, e.g. "id 3 (rowid 3)"), naming
/// `table` (as quoted in the dialect's bookkeeping SQL) and `folder`.
std::vector<std::string> names_for_upgrade(const std::vector<LocalMigration>& local,
                                           const std::vector<RecordedRow>& rows, const std::string& table,
                                           const std::filesystem::path& folder,
                                           const std::function<std::string(const RecordedRow&)>& row_label);

} // namespace drizzle::migrate_internal
