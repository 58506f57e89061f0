// `squash`: a contiguous range of v1 migrations replaced by one whose SQL is the range's net diff.
#pragma once

#include "drizzle/config/config.hpp"
#include "drizzle/diff/resolver.hpp"
#include "drizzle/migrate/folder.hpp"
#include "drizzle/migrate/migration_store.hpp"
#include "drizzle/snapshot/snapshot.hpp"

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace drizzle::kit {

/// What to squash.
struct SquashRequest {
    std::string from;   ///< first migration: folder name, or a unique prefix or suffix of one
    std::string to;     ///< last migration, the same way
    std::string name;   ///< the new migration's name suffix ("" = squash_<from suffix>_to_<to suffix>)
    bool force = false; ///< squash even when the range holds hand-written SQL (which is lost)
};

/// A squash ready to be written.
struct SquashPlan {
    MigrationsFolder folder;           ///< the folder as read
    std::vector<LocalMigration> local; ///< its migrations, as the migrator reads them
    std::size_t first = 0;             ///< the range, inclusive, as indexes into folder.entries
    std::size_t last = 0;
    std::string folder_name;                 ///< the new migration's folder name
    std::string sql;                         ///< its migration.sql
    std::string down_sql;                    ///< its down.sql: back to the first migration's parent
    Snapshot snapshot;                       ///< its snapshot: the last one's, with the first one's parents
    std::vector<ReplacedMigration> replaces; ///< what it replaces (its replaces.json)
    std::vector<RenameDecision> renames;     ///< the renames its diff makes (its decisions.json, snapshot renames)
    std::vector<std::string> hand_written;   ///< range migrations whose SQL is not their snapshots' diff
};

/// Plans a squash of the config's v1 folder: resolves both names, checks the range (a linear
/// snapshot chain, at least two migrations, no hand-written SQL unless `force`), diffs the first
/// migration's parent snapshot against the last one's with the range's renames replayed, and
/// names the new folder so it sorts where the range was. Its down (kit::plan_down) goes from the
/// last migration's state back to the first one's parent, the same renames turned around.
/// UserError naming what is wrong (a 0.x folder: run `drizzle-kit up`). Reads only; `log`
/// receives notices.
SquashPlan plan_squash(const Config& config, const SquashRequest& request,
                       const std::function<void(const std::string&)>& log);

/// Refuses (UserError) when `recorded` (a database's bookkeeping rows) records some but not all
/// of the range: after the squash that database could never migrate again.
void require_range_applied_whole(const SquashPlan& plan, const std::vector<RecordedRow>& recorded);

/// Writes the squash: the new folder is built under a temporary name and renamed into place,
/// then the replaced folders are moved aside and deleted. On error the folder is left as it
/// was. Returns the new migration.sql's path.
std::filesystem::path write_squash(const SquashPlan& plan);

} // namespace drizzle::kit
