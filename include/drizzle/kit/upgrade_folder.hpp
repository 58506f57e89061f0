// `up`: converting a drizzle-kit 0.31 migrations folder (meta/_journal.json) to the 1.0 layout.
#pragma once

#include "drizzle/config/config.hpp"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace drizzle::kit {

/// One migration of an upgraded folder.
struct UpgradedMigration {
    std::string tag;          ///< its 0.31 journal tag ("0001_addcol")
    std::string folder;       ///< its v1 folder name ("20261122024628_addcol")
    bool has_snapshot = true; ///< false: its 0.31 snapshot was missing, the folder has no snapshot.json
};

/// What upgrade_migrations_folder() did.
struct UpgradeResult {
    /// false: the folder already uses the 1.0 layout (or holds no migration); nothing changed.
    bool upgraded = false;
    std::vector<UpgradedMigration> migrations; ///< in journal order
    /// Things to tell the user that did not stop the upgrade (a missing snapshot, a changed order).
    std::vector<std::string> warnings;
};

/// The v1 folder name drizzle-kit 1.0's `up` gives a journal entry:
/// `<YYYYMMDDHHMMSS UTC of when>_<tag without its prefix>` ("0001_addcol" -> "..._addcol"; the
/// prefix is everything up to the first '_', whatever the 0.31 `prefix` mode was).
std::string upgraded_folder_name(const std::string& tag, std::int64_t when_ms);

/// Converts the 0.31 folder `dir` as drizzle-kit 1.0's `up` does: one folder per journal entry
/// holding its SQL byte for byte and its snapshot in the 1.0 format (same id, prevIds [prevId],
/// SnapshotLayout::up), and its down file `<tag>.down.sql`, if any, as `down.sql` byte for byte;
/// then meta/ and the old .sql files are gone (a down file of no journal entry stays, with a warning).
/// Atomic: everything is built in a hidden folder beside `dir` and renamed into place; any error
/// restores the folder as it was. A folder already in the 1.0 layout is left alone
/// (`upgraded == false`). A journal entry whose snapshot is missing (PR #5595: drizzle-kit
/// crashed) gets a folder without snapshot.json and a warning naming the file.
/// UserError naming the file for a malformed journal or snapshot, and for two entries that would
/// get the same folder name (same second, same name).
UpgradeResult upgrade_migrations_folder(const std::filesystem::path& dir);

/// The config's folder: refuses a folder of another dialect (require_folder_dialect), then
/// upgrade_migrations_folder(config.out_dir()).
UpgradeResult upgrade_folder(const Config& config);

} // namespace drizzle::kit
