// Reading a migrations folder in either layout, with errors that name the offending file.
#include "util/files.hpp"
#include "drizzle/migrate/folder.hpp"

#include "drizzle/error.hpp"
#include "migrate/journal.hpp"
#include "migrate/timestamps.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>
#include <sstream>

namespace drizzle {

namespace fs = std::filesystem;

namespace {

bool is_hidden(const fs::path& p) { return p.filename().string().starts_with("."); }

/// Subfolders holding a migration.sql (the v1 layout), sorted by name.
std::vector<fs::path> v1_folders(const fs::path& dir) {
    std::vector<fs::path> found;
    for (const auto& item : fs::directory_iterator(dir)) {
        if (!item.is_directory() || is_hidden(item.path())) continue;
        if (fs::exists(item.path() / "migration.sql")) found.push_back(item.path());
    }
    std::sort(found.begin(), found.end());
    return found;
}

MigrationsFolder read_legacy(const fs::path& dir) {
    const fs::path journal_path = dir / "meta" / "_journal.json";
    auto journal = migrate_internal::parse_journal(detail::read_file_bytes(journal_path), journal_path);
    MigrationsFolder folder{dir, FolderLayout::legacy, {}};
    // A bad merge of the journal duplicates an entry; applying it would run its file twice.
    std::map<std::string, std::size_t> seen_tags;
    std::map<fs::path, std::string> seen_files;
    for (std::size_t i = 0; i < journal.entries.size(); ++i) {
        const auto& e = journal.entries[i];
        if (auto [it, fresh] = seen_tags.emplace(e.tag, i); !fresh) {
            throw UserError(journal_path.string() + " lists migration \"" + e.tag + "\" twice (entries[" +
                            std::to_string(it->second) + "] and entries[" + std::to_string(i) +
                            "]), probably from a merge; remove the duplicate entry");
        }
    }
    for (const auto& e : journal.entries) {
        MigrationEntry entry;
        entry.name = e.tag;
        entry.sql_path = dir / (e.tag + ".sql");
        entry.down_path = dir / (e.tag + ".down.sql");
        // The snapshot is named after the tag's prefix ("0003" of "0003_chtype"; "" with --prefix none).
        entry.snapshot_path = dir / "meta" / (e.tag.substr(0, e.tag.find('_')) + "_snapshot.json");
        entry.created_at_ms = e.when;
        entry.breakpoints = e.breakpoints;
        if (!fs::is_regular_file(entry.sql_path)) {
            throw UserError(journal_path.string() + " lists migration \"" + e.tag + "\" but its SQL file " +
                            entry.sql_path.string() + " is missing");
        }
        // Two tags naming one file ("0001_a" and "./0001_a") would apply it twice as well.
        if (auto [it, fresh] = seen_files.emplace(fs::weakly_canonical(entry.sql_path), e.tag); !fresh) {
            throw UserError(journal_path.string() + " lists the SQL file " + entry.sql_path.string() +
                            " twice (as \"" + it->second + "\" and \"" + e.tag +
                            "\"); remove the duplicate entry");
        }
        folder.entries.push_back(std::move(entry));
    }
    return folder;
}

MigrationsFolder read_v1(const fs::path& dir) {
    MigrationsFolder folder{dir, FolderLayout::v1, {}};
    for (const auto& item : fs::directory_iterator(dir)) {
        if (!item.is_directory() || is_hidden(item.path())) continue;
        std::string name = item.path().filename().string();
        bool has_sql = fs::exists(item.path() / "migration.sql");
        auto millis = migrate_internal::parse_utc_compact(name);
        if (!millis) {
            // Unrelated folders are tolerated; a migration.sql in one we cannot date is not.
            if (!has_sql) continue;
            throw UserError("migration folder " + item.path().string() +
                            " must be named <YYYYMMDDHHMMSS>_<name> (UTC time of creation)");
        }
        if (!has_sql) {
            throw UserError("migration folder " + item.path().string() + " has no migration.sql");
        }
        MigrationEntry entry;
        entry.name = name;
        entry.sql_path = item.path() / "migration.sql";
        entry.snapshot_path = item.path() / "snapshot.json";
        entry.down_path = item.path() / "down.sql";
        entry.created_at_ms = *millis;
        folder.entries.push_back(std::move(entry));
    }
    // drizzle-orm sorts with localeCompare; for names that start with 14 digits the byte order
    // gives the same result and does not depend on the locale.
    std::sort(folder.entries.begin(), folder.entries.end(),
              [](const MigrationEntry& a, const MigrationEntry& b) { return a.name < b.name; });
    return folder;
}

}  // namespace

MigrationsFolder MigrationsFolder::read(const fs::path& dir) {
    if (!fs::exists(dir)) return MigrationsFolder{dir, FolderLayout::v1, {}};
    if (!fs::is_directory(dir)) throw UserError("migrations folder " + dir.string() + " is not a folder");

    const fs::path meta = dir / "meta";
    const bool has_journal = fs::exists(meta / "_journal.json");
    const auto folders = v1_folders(dir);
    if (has_journal && !folders.empty()) {
        throw UserError("migrations folder " + dir.string() + " mixes both layouts: it has " +
                        (meta / "_journal.json").string() + " (drizzle-kit 0.31) and " +
                        (folders.front() / "migration.sql").string() +
                        " (drizzle-kit 1.0). Run `drizzle-kit up` to convert the old migrations, or move "
                        "one set elsewhere");
    }
    if (has_journal) return read_legacy(dir);
    if (folders.empty()) {
        // Leftovers of the legacy layout without their journal cannot be ordered or dated.
        if (fs::is_directory(meta)) {
            for (const auto& item : fs::directory_iterator(meta)) {
                if (item.path().filename().string().ends_with("snapshot.json")) {
                    throw UserError("migrations folder " + dir.string() + " has " + item.path().string() +
                                    " but no " + (meta / "_journal.json").string() +
                                    "; restore the journal (drizzle-kit 0.31 layout)");
                }
            }
        }
        for (const auto& item : fs::directory_iterator(dir)) {
            std::string stem = item.path().stem().string();
            bool legacy_name =
                stem.find('_') != std::string::npos &&
                (stem.front() == '_' || std::isdigit(static_cast<unsigned char>(stem.front())));
            if (item.is_regular_file() && item.path().extension() == ".sql" && legacy_name) {
                throw UserError("migrations folder " + dir.string() + " has " + item.path().string() +
                                " but no " + (meta / "_journal.json").string() +
                                "; restore the journal (drizzle-kit 0.31 layout)");
            }
        }
    }
    return read_v1(dir);
}

std::optional<fs::path> MigrationsFolder::latest_snapshot_path() const {
    if (layout == FolderLayout::v1) {
        // A hand-made migration may have no snapshot; the newest one that has one is the state
        // the schema was last generated from.
        for (auto it = entries.rbegin(); it != entries.rend(); ++it) {
            if (fs::is_regular_file(it->snapshot_path)) return it->snapshot_path;
        }
        return std::nullopt;
    }
    // drizzle-kit: the lexicographically last file in meta/ whose name does not start with '_'.
    const fs::path meta = dir / "meta";
    if (!fs::is_directory(meta)) return std::nullopt;
    std::optional<fs::path> best;
    for (const auto& item : fs::directory_iterator(meta)) {
        std::string name = item.path().filename().string();
        if (!item.is_regular_file() || name.starts_with("_") || !name.ends_with("snapshot.json")) continue;
        if (!best || name > best->filename().string()) best = item.path();
    }
    return best;
}

}  // namespace drizzle
