// migrate down: the migrate layer's rollback, with kit's checks plugged in under its lock (down
// file checksums, drift against the last applied migration's snapshot).
#include "drizzle/kit/migrate_down.hpp"

#include "drizzle/dialect/dialect_ops.hpp"
#include "drizzle/dialect/registry.hpp"
#include "drizzle/error.hpp"
#include "drizzle/kit/database.hpp"
#include "drizzle/kit/down_sql.hpp"
#include "drizzle/kit/drop_migration.hpp"
#include "drizzle/kit/folder_dialect.hpp"
#include "drizzle/migrate/folder.hpp"

#include <filesystem>

namespace drizzle::kit {

namespace {

namespace fs = std::filesystem;

MigrateOptions store_options(const Config& config, const MigrateDownRequest& request) {
    MigrateOptions options;
    options.folder = config.out_dir();
    options.table = config.migrations_table;
    options.schema = config.migrations_schema;
    options.lock_timeout_ms = request.lock_timeout_ms;
    options.log = request.log;
    return options;
}

/// The drift refusal: every difference, then the SQL that would repair it.
std::string drift_text(const DriftReport& drift, const std::string& latest) {
    std::string text = "the database differs from " + drift.snapshot.string() + " (the snapshot of " + latest +
                       ", the last applied migration):";
    for (const auto& line : drift.differences)
        text += "\n  · " + line;
    if (!drift.statements.empty()) {
        text += "\nSQL that brings the database back to the migrations' state:";
        for (const auto& statement : drift.statements)
            text += "\n  " + statement;
    }
    return text;
}

/// Under the lock: the database against the last applied migration's snapshot.
void check_drift(const Config& config, Connection& connection, const RollbackPlan& plan,
                 const MigrateDownRequest& request, MigrateDownResult& result) {
    result.warnings.clear();
    result.drift_measured = false;
    if (!plan.latest_applied) return;
    const std::string& latest = plan.local.migrations[*plan.latest_applied].name;
    const fs::path snapshot = plan.local.folder.entries[*plan.latest_applied].snapshot_path;
    std::error_code ec;
    if (snapshot.empty() || !fs::is_regular_file(snapshot, ec)) {
        const std::string why = "the last applied migration " + latest + " has no snapshot (" + snapshot.string() +
                                "), so drift cannot be measured";
        if (!request.force) {
            throw RollbackRefused(why + ": rolling back is refused without that check (--force goes on without "
                                        "it). Nothing was rolled back.");
        }
        result.warnings.push_back(why + "; going on (--force)");
        return;
    }
    result.drift = detect_drift(config, connection, {}, snapshot);
    result.drift_measured = true;
    if (!result.drift.drifted()) return;
    if (!request.force) {
        throw RollbackRefused(drift_text(result.drift, latest) +
                              "\nThe down files were written for the migrations' state; on a database changed by "
                              "hand they may fail or undo the wrong thing. Bring the database back to that state "
                              "(or record the change in a migration), or roll back anyway with --force. Nothing was "
                              "rolled back.");
    }
    result.warnings.push_back(drift_text(result.drift, latest) + "\nrolling back anyway (--force)");
}

} // namespace

void verify_down_files(const RollbackPlan& plan) {
    for (const auto& step : plan.steps) {
        const LocalMigration& m = plan.local.migrations[step.index];
        if (down_integrity(step.down_sql) == DownIntegrity::edited) {
            throw RollbackRefused("the down file " + step.down_display_path + " of migration " + step.name +
                                  " was edited after it was generated (its `-- drizzle:down sha256=...` checksum no "
                                  "longer matches). Review the edit, then delete the `-- drizzle:down` line to "
                                  "accept it. Nothing was rolled back.");
        }
        if (down_is_empty(step.down_sql) && !down_is_empty(m.sql)) {
            throw RollbackRefused("the down file " + step.down_display_path + " of migration " + step.name +
                                  " holds no statement, but " + m.display_path +
                                  " does: rolling back would only forget the migration and keep its changes. Write "
                                  "the SQL that undoes it there. Nothing was rolled back.");
        }
    }
}

MigrateDownResult migrate_down(const Config& config, Connection& connection, const MigrateDownRequest& request) {
    const MigrationsFolder folder = MigrationsFolder::read(config.out_dir());
    require_folder_dialect(config, folder);
    RollbackRequest rollback;
    rollback.steps = request.steps;
    rollback.dry_run = request.dry_run;
    if (!request.to.empty()) rollback.to = folder.entries[find_migration(folder, request.to)].name;
    MigrateDownResult result;
    result.dry_run = request.dry_run;
    rollback.verify = [&](const RollbackPlan& plan, Connection& conn) {
        verify_down_files(plan);
        check_drift(config, conn, plan, request, result);
    };
    result.rollback = rollback_migrations(connection, store_options(config, request), rollback);
    if (result.rollback.plan.steps.empty()) {
        result.nothing_to_do = result.rollback.plan.recorded == 0 ? "the database records no applied migration"
                                                                  : rollback.to + " is the latest applied migration";
    }
    return result;
}

MigrateDownResult migrate_down(const Config& config, const MigrateDownRequest& request) {
    // Folder problems first, before any database is opened (or created).
    check_migrations_folder(store_options(config, request));
    const MigrationsFolder folder = MigrationsFolder::read(config.out_dir());
    require_folder_dialect(config, folder);
    const auto file = dialect_ops(*config.dialect).local_database_file(config);
    std::error_code ec;
    if (!file.empty() && !fs::exists(file, ec)) {
        if (!request.to.empty()) {
            const std::string name = folder.entries[find_migration(folder, request.to)].name;
            throw UserError("migration " + name + " is not recorded as applied (the database " + file.string() +
                            " does not exist), so there is nothing to roll back to");
        }
        MigrateDownResult result;
        result.dry_run = request.dry_run;
        result.nothing_to_do = "the database " + file.string() + " does not exist, so no migration is applied";
        return result;
    }
    auto connection = open_database(config);
    return migrate_down(config, *connection, request);
}

} // namespace drizzle::kit
