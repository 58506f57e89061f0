// `check`: the migrations folder alone (snapshots, journal, snapshot chain, branches, edited SQL), for CI.
#pragma once

#include "drizzle/config/config.hpp"
#include "drizzle/migrate/folder.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace drizzle::kit {

/// One thing check found.
struct CheckFinding {
    /// Stable code for scripts: "malformed_snapshot", "unsupported_snapshot_version",
    /// "wrong_dialect", "malformed_folder", "journal_mismatch", "journal_when_not_increasing",
    /// "duplicate_snapshot_id", "missing_snapshot", "broken_chain", "branch_conflict",
    /// "branch_commutative", "hand_edited", "custom_migration", "orphan_down".
    std::string code;
    /// Only errors fail a check; warnings and infos are reported.
    enum class Severity { error, info, warning };
    Severity severity = Severity::error;
    std::string file;    ///< the file concerned, relative to the migrations folder ("" = the folder)
    std::string message; ///< one or more lines, naming the files and objects
    /// Migrations (names) and, for a branch conflict, the objects both branches change
    /// (`column "t3"."c"`).
    std::vector<std::string> objects;
};

/// Everything check found, in folder order per kind.
struct CheckReport {
    std::filesystem::path folder;
    FolderLayout layout = FolderLayout::v1;
    std::size_t migrations = 0; ///< migrations in the folder
    std::vector<CheckFinding> findings;
    /// True when no finding is an error (info findings: commutative branches, edited SQL; warning
    /// findings: a down file whose migration is gone).
    bool ok() const;
};

/// Checks the migrations folder `config.out_dir()` of `config.dialect` without any database:
/// - every snapshot parses, is of a version this build reads and of the config's dialect (a
///   0.x snapshot in a v1 folder: "run `drizzle-kit up`");
/// - legacy layout: journal entries, .sql files and meta snapshots agree; journal `when`
///   strictly increases (drizzle's migrator skips a migration whose `when` is not newer than
///   the last applied one, forever); a `<tag>.down.sql` is a migration's down file, not a
///   migration: one whose tag the journal does not list is an `orphan_down` warning (so is one
///   at the top of a 1.0 folder, where down files are `<folder>/down.sql`);
/// - the snapshot chain: duplicate ids, parents that name no snapshot (broken chain), and
///   branches leaving one parent (merged git branches), three-way merged (merge_branches):
///   conflicting -> error naming both migrations and the objects; commuting -> info;
/// - each migration's SQL against what its snapshot pair generates (renames replayed from
///   the snapshot / decisions.json): differences are `hand_edited` (info), the untouched
///   `--custom` file is `custom_migration` (info).
/// Problems are findings, not exceptions, wherever the folder can still be read; UserError only
/// for a config without a dialect or a folder that cannot be listed.
CheckReport check_folder(const Config& config);

/// The same for a folder and dialect; `breakpoints` is the config's (v1 migrations record none).
CheckReport check_folder(const std::filesystem::path& folder, Dialect dialect, bool breakpoints = true);

/// The report as JSON: {"folder","layout","migrations","ok","findings":[{code,severity,file,
/// message,objects}]}.
std::string check_report_json(const CheckReport& report);

} // namespace drizzle::kit
