// Planning a `generate`: the schema against the migrations folder's last snapshot, as a migration.
#pragma once

#include "drizzle/config/config.hpp"
#include "drizzle/diff/operations.hpp"
#include "drizzle/diff/resolver.hpp"
#include "drizzle/kit/lint.hpp"
#include "drizzle/kit/new_migration.hpp"
#include "drizzle/migrate/folder.hpp"

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace drizzle::kit {

/// What to generate.
struct GenerateRequest {
    std::string name;    ///< migration name suffix ("" = a random name); validated by plan_generate
    bool custom = false; ///< an empty migration for hand-written SQL, carrying the last state forward
};

/// Where a workflow's rename-or-create decisions come from. `resolver` is called once, right
/// before the diff: answers files are read only by the runs that diff, after the schema loaded.
/// `open_questions` is asked after the diff for the questions nobody answered.
struct DecisionSource {
    std::function<Resolver&()> resolver;
    std::function<std::vector<RenameQuestion>()> open_questions;
};

/// A migration ready to be written, or the finding that nothing changed.
struct GeneratePlan {
    MigrationsFolder folder;               ///< the folder as read, which the migration goes into
    MigrationDraft draft;                  ///< SQL, snapshot, decisions
    std::vector<RenameDecision> decisions; ///< the rename/create decisions taken, in order
    bool no_changes = false;               ///< the schema equals the last snapshot: nothing to write
    /// What the migration's down file recreates without its data (kit::DownMigration::irreversible),
    /// one line each; empty when the down restores everything (or for `--custom`).
    std::vector<std::string> down_irreversible;
    /// What the migration does, for linting it without reading the folder again: the state it
    /// starts from (the merged state for a merge migration) and diff's operations, renames replayed.
    Schema prev;
    std::vector<Operation> operations;
};

/// Plans a generate: checks that the dialect supports it and the name, reads the folder (refusing
/// one of another dialect) and its last snapshot, loads and validates the schema sources, asks
/// `decisions` the rename questions, diffs and renders through the dialect's operations, and
/// assembles the next snapshot and the down migration (kit::plan_down back to the previous, or
/// merged, state; `--custom` gets a hand-written template). Names the schema leaves unnamed
/// follow the folder's drizzle-kit generation. When the diff leaves questions open it throws
/// UnresolvedDecisionsError. `log` receives progress and notices (stderr in the CLI).
GeneratePlan plan_generate(const Config& config, const GenerateRequest& request, const DecisionSource& decisions,
                           const std::function<void(const std::string&)>& log);

/// Writes the planned migration into its folder; returns the SQL file's path.
std::filesystem::path write_generated(const Config& config, const GeneratePlan& plan);

/// The lint input of the migration `plan` wrote at `written` (as lint_folder would read it back).
LintInput planned_lint_input(const Config& config, const GeneratePlan& plan, const std::filesystem::path& written);

} // namespace drizzle::kit
