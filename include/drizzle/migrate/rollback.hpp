// Rolling back applied migrations: their down files run newest first under the migrator's lock,
// and their bookkeeping rows are deleted in the same transaction (`migrate down`).
#pragma once

#include "drizzle/driver/connection.hpp"
#include "drizzle/error.hpp"
#include "drizzle/migrate/migrator.hpp"
#include "drizzle/migrate/plan.hpp"

#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace drizzle {

/// A rollback refused before anything ran: a migration to roll back has no down file, its file is
/// gone, it is a squash, or a check of RollbackRequest::verify failed (the CLI exits 1).
class RollbackRefused : public Error {
public:
    using Error::Error;
};

/// One applied migration a rollback undoes.
struct RollbackStep {
    std::size_t index = 0;            ///< into RollbackPlan::local.migrations (and local.folder.entries)
    std::string name;                 ///< the migration's name (folder name or journal tag)
    RecordedRow row;                  ///< its bookkeeping row, deleted with MigrationStore::forget
    std::filesystem::path down_path;  ///< its down file
    std::string down_display_path;    ///< the down file relative to the migrations folder
    std::string down_sql;             ///< the down file's bytes
    std::size_t statements = 0;       ///< breakpoint pieces holding SQL (comment-only pieces not counted)
    bool outside_transaction = false; ///< the down file starts with `-- drizzle:txmode none`
    bool switches_foreign_keys_off = false;
};

/// What a rollback will undo, computed under the lock from the recorded rows.
struct RollbackPlan {
    LocalMigrations local;           ///< the folder as migrate() reads it
    std::vector<RollbackStep> steps; ///< newest applied first: the order the down files run in
    std::size_t recorded = 0;        ///< rows in the bookkeeping table before the rollback
    /// The last applied migration in folder order: the database should match its snapshot
    /// (std::nullopt when nothing is applied).
    std::optional<std::size_t> latest_applied;
};

/// Which migrations to roll back, and the checks to make first.
struct RollbackRequest {
    std::size_t steps = 1; ///< the newest `steps` applied migrations (ignored when `to` is set)
    /// A local migration's exact name: roll back every migration applied after it (it stays applied).
    std::string to;
    bool dry_run = false; ///< plan (and verify) only: nothing runs, nothing is written
    /// Called under the lock with the plan, before anything runs (not called when the plan is
    /// empty); throws (e.g. RollbackRefused) to refuse. kit uses it for the down files' checksums
    /// and the drift check. May be empty.
    std::function<void(const RollbackPlan&, Connection&)> verify;
};

/// What a rollback did.
struct RollbackResult {
    RollbackPlan plan;                    ///< what was (or, for a dry run, would be) rolled back
    std::vector<std::string> rolled_back; ///< names rolled back, newest first (empty for a dry run)
};

/// Rolls back applied migrations of `options.folder` through `connection` (folder, table, schema,
/// lock timeout and log of `options`; the other fields are ignored):
/// - Under the migrator's lock (MigrationStore::begin), so it serialises with migrate() and push.
///   The rows are read under it; "newest" is the order they were recorded in.
/// - Refused (RollbackRefused, nothing changed) when a migration to roll back has no down file
///   (MigrationEntry::down_path), its file is gone from the folder, or it is a squash migration
///   (its row stands for the migrations it replaced; roll those back by hand and use `resolve`).
///   UserError when `steps` is 0 or more than are applied, or `to` is not applied.
/// - Runs the down files newest first in one transaction, deleting each migration's row in it. A
///   down file starting with `-- drizzle:txmode none` (PostgreSQL only) runs outside it, as in
///   migrate(): what ran before is committed first. SQLite: foreign keys are relaxed and checked
///   before COMMIT as migrate() does, so table rebuilds keep child rows.
/// - A failing statement rolls the transaction back and throws DbError "while rolling back <name>
///   (<down file>), statement N: ..." with the statement.
/// - Nothing recorded (or no bookkeeping table): nothing is created, an empty result.
RollbackResult rollback_migrations(Connection& connection, const MigrateOptions& options,
                                   const RollbackRequest& request);

} // namespace drizzle
