// Writing a migration (SQL file plus snapshot) into the configured folder, named and dated.
#pragma once

#include "drizzle/config/config.hpp"
#include "drizzle/migrate/folder.hpp"
#include "drizzle/snapshot/snapshot.hpp"

#include <filesystem>
#include <string>

namespace drizzle::kit {

/// What goes into a new migration of a folder.
struct MigrationDraft {
    std::string name;           ///< suffix such as "add_posts" (validated); "" = a random name
    std::string sql;            ///< the SQL file's text, exactly as written
    Snapshot snapshot;          ///< the state after the migration
    std::string decisions_json; ///< rename decisions to keep beside a v1 migration ("" = none)
    std::string down_sql;       ///< the down file's text ("" = no down file, e.g. pull's baseline)
};

/// Writes `draft` into `folder` as the config asks (breakpoints, 0.x prefix, the dialect's journal
/// snapshot version), dated after every migration already there, atomically: a failure leaves the
/// folder as it was. Returns the path of the SQL file written.
std::filesystem::path write_new_migration(const Config& config, const MigrationsFolder& folder,
                                          const MigrationDraft& draft);

/// Where the down file of the migration whose SQL file is `sql_path` goes: v1 `<folder>/down.sql`,
/// legacy `<out>/<tag>.down.sql` (as MigrationsFolder::read sets MigrationEntry::down_path).
std::filesystem::path down_path_of(const std::filesystem::path& sql_path, FolderLayout layout);

} // namespace drizzle::kit
