// `up`: builds the 1.0 layout of a 0.31 folder beside it, then swaps it in with undoable renames.
#include "drizzle/kit/upgrade_folder.hpp"

#include "drizzle/error.hpp"
#include "drizzle/kit/folder_dialect.hpp"
#include "drizzle/migrate/folder.hpp"
#include "drizzle/snapshot/snapshot.hpp"
#include "kit/file_moves.hpp"
#include "migrate/timestamps.hpp"
#include "util/files.hpp"

#include <map>
#include <optional>

namespace drizzle::kit {

namespace fs = std::filesystem;

namespace {

/// One journal entry and what its v1 folder will hold.
struct Planned {
    const MigrationEntry* entry = nullptr;
    std::string folder;
    std::string sql;
    std::optional<std::string> snapshot; ///< the converted snapshot.json, none when it was missing
    std::optional<std::string> down;     ///< its `<tag>.down.sql`, byte for byte (its checksum stays valid)
};

/// The 1.0 text of a 0.31 snapshot file: same id, prevIds [prevId], written as `up` writes.
std::string converted_snapshot(const fs::path& path) {
    Snapshot snapshot = parse_snapshot(detail::read_file_bytes(path), path.string());
    if (snapshot.format != SnapshotFormat::legacy) {
        throw UserError("snapshot " + path.string() +
                        " is already in the drizzle-kit 1.0 format; a 0.31 folder's "
                        "meta/ should hold 0.31 snapshots only");
    }
    snapshot.format = SnapshotFormat::v1;
    snapshot.layout = SnapshotLayout::up;
    snapshot.ddl_layout = SnapshotLayout::up;
    return write_snapshot(snapshot);
}

std::vector<Planned> plan_upgrade(const MigrationsFolder& folder, std::vector<std::string>& warnings) {
    // With `--prefix none` every entry's snapshot is meta/_snapshot.json, overwritten by each
    // generate: it belongs to the newest entry naming it only.
    std::map<fs::path, std::size_t> snapshot_owner;
    for (std::size_t i = 0; i < folder.entries.size(); ++i)
        snapshot_owner[folder.entries[i].snapshot_path] = i;

    std::vector<Planned> plan;
    std::map<std::string, std::string> tag_of_folder;
    for (std::size_t i = 0; i < folder.entries.size(); ++i) {
        const MigrationEntry& entry = folder.entries[i];
        Planned planned;
        planned.entry = &entry;
        planned.folder = upgraded_folder_name(entry.name, entry.created_at_ms);
        if (auto [it, fresh] = tag_of_folder.emplace(planned.folder, entry.name); !fresh) {
            throw UserError("cannot upgrade " + folder.dir.string() + ": journal entries \"" + it->second +
                            "\" and \"" + entry.name + "\" would both become the folder " + planned.folder +
                            " (same name, `when` in the same second). Rename one of them first (its tag in "
                            "meta/_journal.json and its .sql file); the database does not record tags");
        }
        if (fs::exists(folder.dir / planned.folder)) {
            throw UserError("cannot upgrade " + folder.dir.string() + ": " + (folder.dir / planned.folder).string() +
                            " already exists; move it away first");
        }
        planned.sql = detail::read_file_bytes(entry.sql_path);
        if (fs::is_regular_file(entry.down_path)) planned.down = detail::read_file_bytes(entry.down_path);
        if (snapshot_owner[entry.snapshot_path] != i) {
            warnings.push_back(entry.name + ": its snapshot " + entry.snapshot_path.string() +
                               " was overwritten by a later migration (--prefix none); " + planned.folder +
                               " gets no snapshot.json");
        } else if (!fs::is_regular_file(entry.snapshot_path)) {
            warnings.push_back(entry.name + ": its snapshot " + entry.snapshot_path.string() + " is missing; " +
                               planned.folder +
                               " gets migration.sql only (generate diffs against the newest "
                               "snapshot there is)");
        } else {
            planned.snapshot = converted_snapshot(entry.snapshot_path);
        }
        plan.push_back(std::move(planned));
    }
    // Down files of no journal entry have no folder to go to: they stay where they are.
    for (const auto& item : fs::directory_iterator(folder.dir)) {
        const std::string name = item.path().filename().string();
        if (!item.is_regular_file() || !name.ends_with(".down.sql")) continue;
        bool owned = false;
        for (const auto& entry : folder.entries)
            owned = owned || entry.down_path.filename() == item.path().filename();
        if (!owned) {
            warnings.push_back(item.path().string() +
                               " is the down file of no journal entry; it was left where it is (delete it)");
        }
    }
    // v1 folders apply in name order; a journal whose `when` goes back in time changes the order.
    for (std::size_t i = 1; i < plan.size(); ++i) {
        if (plan[i].folder < plan[i - 1].folder) {
            warnings.push_back("journal entry \"" + plan[i].entry->name + "\" is older than \"" +
                               plan[i - 1].entry->name + "\" (`when`): in the 1.0 layout " + plan[i].folder +
                               " now comes before " + plan[i - 1].folder);
        }
    }
    return plan;
}

} // namespace

std::string upgraded_folder_name(const std::string& tag, std::int64_t when_ms) {
    const auto underscore = tag.find('_');
    const std::string suffix = underscore == std::string::npos ? tag : tag.substr(underscore + 1);
    return migrate_internal::utc_compact(when_ms) + "_" + suffix;
}

UpgradeResult upgrade_migrations_folder(const fs::path& dir) {
    UpgradeResult result;
    const MigrationsFolder folder = MigrationsFolder::read(dir);
    if (folder.layout == FolderLayout::v1) return result;

    // Everything that can fail on content (unreadable or malformed files, name collisions) fails
    // here, before anything on disk changes.
    const std::vector<Planned> plan = plan_upgrade(folder, result.warnings);

    const fs::path staging = kit_internal::sibling_temp_path(dir, "up-new");
    const fs::path old_files = kit_internal::sibling_temp_path(dir, "up-old");
    kit_internal::FileMoves moves;
    try {
        fs::create_directory(staging);
        for (const auto& p : plan) {
            write_file_atomically(staging / p.folder / "migration.sql", p.sql);
            if (p.snapshot) write_file_atomically(staging / p.folder / "snapshot.json", *p.snapshot);
            if (p.down) write_file_atomically(staging / p.folder / "down.sql", *p.down);
        }
        fs::create_directory(old_files);
        moves.move(dir / "meta", old_files / "meta");
        for (const auto& p : plan)
            moves.move(p.entry->sql_path, old_files / p.entry->sql_path.filename());
        for (const auto& p : plan) {
            if (p.down) moves.move(p.entry->down_path, old_files / p.entry->down_path.filename());
        }
        for (const auto& p : plan)
            moves.move(staging / p.folder, dir / p.folder);
    } catch (...) {
        moves.undo();
        std::error_code ignored;
        fs::remove_all(staging, ignored);
        fs::remove_all(old_files, ignored);
        throw;
    }
    std::error_code ignored;
    fs::remove_all(staging, ignored);
    fs::remove_all(old_files, ignored);

    result.upgraded = true;
    for (const auto& p : plan)
        result.migrations.push_back({p.entry->name, p.folder, p.snapshot.has_value()});
    return result;
}

UpgradeResult upgrade_folder(const Config& config) {
    const MigrationsFolder folder = MigrationsFolder::read(config.out_dir());
    require_folder_dialect(config, folder);
    return upgrade_migrations_folder(config.out_dir());
}

} // namespace drizzle::kit
