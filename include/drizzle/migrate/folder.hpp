// The migrations folder in both drizzle-kit layouts: reading, and atomic writing of new migrations.
#pragma once

#include "drizzle/schema/model.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace drizzle {

/// v1: `<out>/<YYYYMMDDHHMMSS>_<name>/migration.sql` + `snapshot.json` (drizzle-kit 1.0, our default).
/// legacy: `<out>/0000_<name>.sql`, `<out>/meta/_journal.json`, `<out>/meta/0000_snapshot.json` (0.31).
enum class FolderLayout { v1, legacy };

/// One migration on disk.
struct MigrationEntry {
    std::string name;                    ///< v1: folder name; legacy: journal tag ("0000_base")
    std::filesystem::path sql_path;
    std::filesystem::path snapshot_path; ///< may not exist (v1 migration without snapshot)
    /// Where its down migration lives (may not exist): v1 `<folder>/down.sql`, legacy
    /// `<out>/<tag>.down.sql` beside the SQL file (drizzle-kit's migrator reads only the journal's
    /// files, so the folder stays drizzle-kit's).
    std::filesystem::path down_path{};
    std::int64_t created_at_ms = 0;      ///< what the migrator records: legacy journal `when`, v1 folder time
    bool breakpoints = true;
};

/// A migrations folder as found on disk. Entries are in apply order.
struct MigrationsFolder {
    std::filesystem::path dir;
    FolderLayout layout = FolderLayout::v1;
    std::vector<MigrationEntry> entries;

    /// Reads `dir`. A missing or empty folder is v1 with no entries. Throws UserError naming the
    /// file for a malformed journal, a journal entry without its SQL file, a v1 folder without
    /// migration.sql, or a mix of both layouts.
    static MigrationsFolder read(const std::filesystem::path& dir);

    /// The snapshot file generate diffs against: the newest entry's (v1) or the lexicographically
    /// last `meta/*_snapshot.json` not starting with `_` (legacy, as drizzle-kit does).
    std::optional<std::filesystem::path> latest_snapshot_path() const;
};

/// What `generate` writes.
struct NewMigration {
    std::string name;            ///< suffix, e.g. "add_posts" (already validated)
    std::string sql;             ///< file content exactly as written
    std::string snapshot_json;   ///< snapshot file content exactly as written
    bool breakpoints = true;     ///< legacy journal flag
    std::string prefix = "index";  ///< legacy only: index|timestamp|supabase|unix|none
    Dialect dialect;  ///< legacy journal "dialect" (default: SQLite)
    std::string snapshot_version;  ///< legacy journal entry "version" ("6" sqlite, "7" pg)
    /// v1 only: the rename/create decisions taken, written as `decisions.json` beside the SQL so
    /// `generate --answers` can replay them (empty = none taken, no file). drizzle-kit reads only
    /// migration.sql and snapshot.json from these folders. The legacy layout has no per-migration
    /// folder; there the snapshot's `_meta` keeps the renames.
    std::string decisions_json;
    /// The down migration (see kit::plan_down), written with the migration: v1 `down.sql` inside
    /// its folder, legacy `<tag>.down.sql` beside the SQL file (before the journal is rewritten).
    /// "" = no down file (pull's baseline, callers that write none).
    std::string down_sql;
};

/// Writes a new migration into `folder` (layout as `folder.layout`). Every file is written to a
/// temp file and renamed into place; a failure leaves the folder as it was. Returns the path of
/// the SQL file. `now_ms` is the wall clock used for names and the journal `when`.
/// - legacy: `<tag>.sql`, `<tag>.down.sql` (when `down_sql` is set) and `meta/<prefix>_snapshot.json`
///   first, then the journal (entry idx = count, when = now_ms), rewritten byte-compatible with
///   drizzle-kit; `meta/` is created.
/// - v1: `<YYYYMMDDHHMMSS UTC>_<name>/` built as `.tmp-...` and renamed into place. If that
///   folder exists (same name within one second) the next free second is used instead of
///   failing as drizzle-kit does.
/// UserError for a name collision (a leftover `<tag>.down.sql` included), a malformed journal, an unknown prefix, or a folder that
/// already holds the other layout.
std::filesystem::path write_migration(const MigrationsFolder& folder, const NewMigration& migration,
                                      std::int64_t now_ms);

/// Writes `content` to `path` atomically (temp file in the same folder + rename).
void write_file_atomically(const std::filesystem::path& path, const std::string& content);

}  // namespace drizzle
