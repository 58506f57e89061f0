// `drop`: removing an unapplied migration from the folder (both layouts), after asking the
// configured database whether it was applied.
#pragma once

#include "drizzle/config/config.hpp"
#include "drizzle/migrate/folder.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace drizzle::kit {

/// Which migration `drop` removes, and whether to go on when the database says no.
struct DropRequest {
    /// "" = the latest; else a folder name / journal tag, a unique prefix of one, or its name
    /// without the time/index prefix (see find_migration()).
    std::string name;
    /// Drop even when the database records the migration as applied, or cannot be reached.
    bool force = false;
};

/// What drop_migration() did.
struct DropResult {
    std::string dropped;               ///< the migration's name (folder name or journal tag)
    std::vector<std::string> removed;  ///< the paths removed (folder, or SQL, snapshot and down file)
    std::vector<std::string> relinked; ///< migrations whose snapshot now points at the dropped one's parent
    std::vector<std::string> later;    ///< migrations that came after it
    std::vector<std::string> warnings; ///< to print before the success line
    std::vector<std::string> notes;    ///< informational (database not checked, ...)
};

/// The index in `folder.entries` of the migration `name` names: an exact name, else the only
/// name starting with it, else the only one whose part after the first '_' equals it. UserError
/// listing the candidates when none or several match.
std::size_t find_migration(const MigrationsFolder& folder, const std::string& name);

/// Removes `folder.entries[index]` without asking any database, all or nothing:
/// - v1: its folder is renamed to a hidden name, then deleted;
/// - legacy: its SQL, snapshot and down file (`<tag>.down.sql`, when there is one) are moved
///   aside, the journal is rewritten without its entry
///   (byte-compatible with drizzle-kit), then they are deleted.
/// Migrations whose snapshot names it as parent (`prevId`/`prevIds`) are re-pointed at its
/// parents so the chain stays whole. On any error every file is restored. UserError for a
/// legacy folder with `--prefix none` (all migrations share one snapshot file).
DropResult remove_migration(const MigrationsFolder& folder, std::size_t index);

/// The config's folder (refusing one of another dialect): picks the migration (`request.name`
/// or the latest), asks the configured database whether it records it, then remove_migration().
/// A recorded migration is refused with UserError naming it and the row, unless `force` (then a
/// warning says the database keeps its changes and its row). No database configured, or a local
/// database file that does not exist: nothing can be recorded, dropped with a note. A database
/// that cannot be reached: Error unless `force` (then a warning). Messages never hold a password.
DropResult drop_migration(const Config& config, const DropRequest& request);

} // namespace drizzle::kit
