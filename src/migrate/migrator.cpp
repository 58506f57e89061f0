// The migrator: reads the folder, asks the store what is recorded (under its lock), applies what
// is pending in the chosen transaction mode, and records each migration in the same transaction.
#include "drizzle/migrate/migrator.hpp"

#include "drizzle/error.hpp"
#include "drizzle/migrate/branch_order.hpp"
#include "drizzle/migrate/folder.hpp"
#include "drizzle/migrate/plan.hpp"
#include "migrate/enum_values.hpp"
#include "migrate/migration_store.hpp"
#include "migrate/plan.hpp"
#include "migrate/statements.hpp"

#include <algorithm>
#include <set>

namespace drizzle {

namespace mi = migrate_internal;

namespace {

std::string modified_line(const mi::LocalMigration& m, const std::string& recorded) {
    return "migration " + m.name + " was applied but its file changed since (recorded hash " +
           mi::short_hash(recorded) + ", file hash " + mi::short_hash(m.hash) + ")";
}

std::string missing_line(const std::vector<mi::LocalMigration>& local, const mi::MissingMigration& m) {
    std::string text = "migration " + (m.row.name ? *m.row.name : "created_at " + m.row.created_at.value_or("NULL")) +
                       " is recorded as applied (hash " + mi::short_hash(m.row.hash) + ") but has no file in the folder";
    if (m.same_hash) {
        text += " (its hash is that of " + local[*m.same_hash].name +
                ": a renamed migration, or one recorded twice)";
    }
    return text;
}

std::string missing_label(const mi::MissingMigration& m) {
    return m.row.name ? *m.row.name : "created_at " + m.row.created_at.value_or("NULL");
}

std::string out_of_order_line(const std::vector<mi::LocalMigration>& local,
                              const mi::OutOfOrderMigration& o) {
    return "migration " + local[o.index].name + " is pending but older than the applied migration " +
           local[o.newer_applied].name;
}

std::string commuting_line(const std::vector<mi::LocalMigration>& local, const mi::OutOfOrderMigration& o) {
    return "notice: applying " + local[o.index].name + " although it is older than the applied migration " +
           local[o.newer_applied].name +
           ": it comes from a merged branch that commutes with the applied ones "
           "(no applied migration was generated on top of it, and the branches change different objects)";
}

/// Refuses edited, out-of-order or missing migrations unless allowed; collects what was allowed.
/// Out-of-order migrations on a commuting merged branch (commuting_out_of_order) are applied
/// without --allow-out-of-order, with a notice.
void check_plan(const mi::MigrationPlan& plan, const std::vector<mi::LocalMigration>& local,
                const MigrateOptions& options, const MigrationsFolder& folder, MigrateResult& result,
                std::set<std::string>& reported) {
    std::set<std::size_t> commuting;
    if (!plan.out_of_order.empty() && !options.allow_out_of_order) {
        commuting = commuting_out_of_order(folder, plan);
    }
    std::vector<mi::OutOfOrderMigration> refused;
    for (const auto& o : plan.out_of_order) {
        if (!commuting.count(o.index)) refused.push_back(o);
    }
    if (!plan.missing.empty() && !options.allow_missing) {
        std::string text = std::to_string(plan.missing.size()) +
                           " migration(s) recorded in the database have no file in " + options.folder.string() + ":";
        for (const auto& m : plan.missing) text += "\n  " + missing_line(local, m);
        text +=
            "\nRestore the deleted files (or check out the branch they belong to), or go on without them with "
            "--allow-missing (they stay recorded; nothing of theirs is undone).";
        throw UserError(text);
    }
    if (!plan.modified.empty() && !options.allow_modified) {
        std::string text =
            std::to_string(plan.modified.size()) + " applied migration(s) no longer match their files:";
        for (const auto& m : plan.modified) text += "\n  " + modified_line(local[m.index], m.recorded_hash);
        text +=
            "\nRestore the files as they were applied (and put new changes in a new migration), or "
            "accept the edits with --allow-modified (the database is not changed for them).";
        throw UserError(text);
    }
    if (!refused.empty() && !options.allow_out_of_order) {
        std::string text =
            std::to_string(refused.size()) + " pending migration(s) are older than migrations already applied:";
        for (const auto& o : refused)
            text += "\n  " + out_of_order_line(local, o);
        text +=
            "\nThey were probably merged from another branch. Check that they still make sense on top of "
            "the applied ones, then apply them with --allow-out-of-order.";
        throw UserError(text);
    }
    for (const auto& m : plan.modified) {
        if (!reported.insert("m:" + local[m.index].name).second) continue;
        result.modified.push_back(local[m.index].name);
        if (options.log) options.log("warning: " + modified_line(local[m.index], m.recorded_hash));
    }
    for (const auto& m : plan.missing) {
        if (!reported.insert("x:" + missing_label(m)).second) continue;
        result.missing.push_back(missing_label(m));
        if (options.log) options.log("warning: " + missing_line(local, m));
    }
    for (const auto& o : plan.out_of_order) {
        if (!reported.insert("o:" + local[o.index].name).second) continue;
        result.out_of_order.push_back(local[o.index].name);
        if (!options.log) continue;
        options.log(commuting.count(o.index) ? commuting_line(local, o)
                                             : "warning: applying out of order: " + out_of_order_line(local, o));
    }
}

/// Runs the breakpoint pieces of `m` (split_statements(m.sql), or those left once enum values
/// were taken out: "" = nothing left of that piece).
void apply_pieces(Connection& connection, const mi::LocalMigration& m, const std::vector<std::string>& pieces) {
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        if (pieces[i].empty()) continue;
        try {
            // A comment-only piece runs as a no-op (better-sqlite3 would reject it; see migrate()).
            connection.exec(pieces[i]);
        } catch (const DbError& e) {
            std::string statement = e.statement().empty() ? pieces[i] : e.statement();
            throw DbError("while applying " + m.name + " (" + m.display_path + "), statement " +
                              std::to_string(i + 1) + ": " + e.what() + "\n  statement: " + statement,
                          e.code(), statement);
        }
    }
}

void apply_one(Connection& connection, const mi::LocalMigration& m) {
    apply_pieces(connection, m, split_statements(m.sql));
}

/// Refuses `-- drizzle:txmode none` migrations where the store cannot keep other migrators out
/// between transactions (SQLite), before anything of the run is applied.
void check_txmode_none(const mi::MigrationPlan& plan, const std::vector<mi::LocalMigration>& local,
                       const mi::MigrationStore& store) {
    if (store.lock_survives_transactions()) return;
    for (std::size_t i : plan.pending) {
        if (!local[i].outside_transaction) continue;
        throw UserError(local[i].display_path +
                        ": `-- drizzle:txmode none` is supported on PostgreSQL only (its migration lock outlives "
                        "transactions); on this database every migration runs in a transaction: remove the line");
    }
}

/// A `-- drizzle:txmode none` migration (e.g. CREATE INDEX CONCURRENTLY, which refuses to run in a
/// transaction): the read-only transaction that planned it ends, every piece runs on its own in
/// autocommit, then the row is recorded in a transaction of its own. The store's lock is held
/// throughout, so no other migrator can apply it meanwhile.
void apply_outside_transaction(Connection& connection, mi::MigrationStore& store, const mi::LocalMigration& m,
                               FolderLayout layout) {
    store.rollback();
    try {
        apply_one(connection, m);
    } catch (const DbError& e) {
        throw DbError(std::string(e.what()) +
                          "\n  (txmode none: the statements before this one stay applied and the migration is not "
                          "recorded; it runs again in full next time, so write it to be re-runnable)",
                      e.code(), e.statement());
    }
    store.begin(false);
    store.record(m, layout);
    store.commit();
}

// ---- squash migrations (LocalMigration::replaces) ---------------------------------------------

std::string joined(const std::vector<std::string>& names) {
    std::string text;
    for (const auto& name : names)
        text += (text.empty() ? "" : ", ") + name;
    return text;
}

/// A squash only partly applied can neither run nor be skipped: refused, saying how to get out.
void refuse_partial_squashes(const mi::MigrationPlan& plan, const std::vector<mi::LocalMigration>& local) {
    if (plan.partial_squashes.empty()) return;
    const auto& p = plan.partial_squashes.front();
    throw UserError("migration " + local[p.index].name + " squashes " + std::to_string(local[p.index].replaces.size()) +
                    " migrations and the database has applied only some of them: applied " + joined(p.recorded) +
                    "; not applied " + joined(p.not_recorded) +
                    ". Running it would repeat what is applied and skipping it would leave the rest out. Check out "
                    "the migrations folder as it was before the squash (e.g. the commit before it), run `migrate` "
                    "there so every replaced migration is applied, then come back to this folder.");
}

/// Records the row of each squash applied through the migrations it replaces, without running
/// it, in the current transaction: drizzle-kit's own migrator matches by folder name only.
void record_squashes(const mi::MigrationPlan& plan, const std::vector<mi::LocalMigration>& local,
                     mi::MigrationStore& store, FolderLayout layout, const MigrateOptions& options,
                     MigrateResult& result) {
    for (std::size_t i : plan.applied_through_replaces) {
        store.record(local[i], layout);
        result.recorded_squashes.push_back(local[i].name);
        if (options.log) {
            std::vector<std::string> names;
            for (const auto& r : local[i].replaces)
                names.push_back(r.name);
            options.log("notice: " + local[i].name + " squashes migrations this database has all applied (" +
                        joined(names) + "): recorded it as applied without running its SQL");
        }
    }
}

std::string names_of(const std::vector<mi::LocalMigration>& local, const std::vector<std::size_t>& batch) {
    std::string text;
    for (std::size_t i : batch) text += (text.empty() ? "" : ", ") + local[i].name;
    return text;
}


}  // namespace

MigrateResult migrate(Connection& connection, const MigrateOptions& options) {
    const LocalMigrations loaded = load_migrations_folder(options.folder);
    const MigrationsFolder& folder = loaded.folder;
    const std::vector<mi::LocalMigration>& local = loaded.migrations;
    auto store = open_migration_store(connection, options);
    MigrateResult result;
    std::set<std::string> reported;
    // Application start usually finds nothing to do: one read, no lock, no DDL. A concurrent
    // migrator can only add rows, which would not make a local migration pending.
    if (auto rows = store->peek_rows(folder.layout)) {
        const auto plan = mi::plan_migrations(folder.layout, local, *rows);
        if (plan.pending.empty() && plan.applied_through_replaces.empty()) {
            check_plan(plan, local, options, folder, result, reported);
            result.already_applied = local.size();
            return result;
        }
    }
    store->ensure_table(folder.layout, local);

    bool relax_foreign_keys = false;
    for (;;) {
        store->begin(relax_foreign_keys);
        std::vector<std::size_t> batch;
        bool more = false;  // pending migrations left for another transaction
        try {
            // The applied set is read under the lock: another migrator may have run meanwhile.
            const auto plan = mi::plan_migrations(folder.layout, local, store->read_rows());
            refuse_partial_squashes(plan, local);
            check_plan(plan, local, options, folder, result, reported);
            if (!plan.applied_through_replaces.empty()) {
                // Their rows first, committed on their own; then plan again with them recorded.
                record_squashes(plan, local, *store, folder.layout, options, result);
                store->commit();
                continue;
            }
            check_txmode_none(plan, local, *store);
            batch = plan.pending;
            // A `txmode none` migration runs alone; one after others ends the batch before it.
            auto alone = std::find_if(batch.begin(), batch.end(),
                                      [&](std::size_t i) { return local[i].outside_transaction; });
            if (alone == batch.begin() && alone != batch.end()) {
                batch.resize(1);
            } else {
                batch.erase(alone, batch.end());
            }
            if (options.tx_mode == TxMode::file && batch.size() > 1) batch.resize(1);
            more = batch.size() < plan.pending.size();
            if (batch.empty()) {
                store->rollback();
                break;
            }
            if (local[batch.front()].outside_transaction) {
                apply_outside_transaction(connection, *store, local[batch.front()], folder.layout);
            } else {
                const bool wants_relaxed = std::any_of(batch.begin(), batch.end(), [&](std::size_t i) {
                    return local[i].switches_foreign_keys_off;
                });
                if (wants_relaxed && !relax_foreign_keys && store->enforces_foreign_keys()) {
                    // The pragma must be set outside a transaction: start over with it.
                    store->rollback();
                    relax_foreign_keys = true;
                    continue;
                }
                // Enum values the batch adds are committed first, so its statements can use them.
                std::vector<std::vector<std::string>> units;
                for (std::size_t i : batch) units.push_back(split_statements(local[i].sql));
                auto split = mi::split_enum_values(units, [&](const std::string& type) { return store->type_exists(type); });
                if (split.cut) {
                    // A value added to a type an earlier migration of the batch creates or
                    // recreates: that migration must commit first.
                    batch.resize(*split.cut);
                    more = true;
                }
                if (!split.first.empty()) {
                    mi::commit_enum_values_first(connection, *store, split.first, names_of(local, batch));
                    store->begin(relax_foreign_keys);
                }
                for (std::size_t b = 0; b < batch.size(); ++b) {
                    apply_pieces(connection, local[batch[b]], split.pieces[b]);
                    store->record(local[batch[b]], folder.layout);
                }
                try {
                    store->commit();
                } catch (const DbError& e) {
                    throw DbError("while applying " + names_of(local, batch) + ": " + e.what(), e.code(),
                                  e.statement());
                }
            }
        } catch (...) {
            store->rollback();
            throw;
        }
        for (std::size_t i : batch) {
            result.applied.push_back(local[i].name);
            if (options.log) options.log("applied " + local[i].name + " (" + local[i].display_path + ")");
        }
        relax_foreign_keys = false;
        if (!more) break;
    }
    result.already_applied = local.size() - result.applied.size();
    return result;
}

void check_migrations_folder(const MigrateOptions& options) { load_migrations_folder(options.folder); }

std::size_t count_recorded_migrations(Connection& connection, const MigrateOptions& options) {
    return open_migration_store(connection, options)->count_rows();
}

void record_baseline(Connection& connection, const MigrateOptions& options) {
    const MigrationsFolder folder = MigrationsFolder::read(options.folder);
    if (folder.entries.size() != 1) {
        throw UserError("a baseline can only be recorded for a migrations folder holding one migration; " +
                        options.folder.string() + " holds " + std::to_string(folder.entries.size()));
    }
    const std::vector<LocalMigration> local = read_local_migrations(folder);
    auto store = open_migration_store(connection, options);
    store->ensure_table(folder.layout, local);
    MigrationLock lock(*store);
    // Read under the lock: a migrator that ran meanwhile wins, and the baseline is refused.
    const auto rows = store->read_rows();
    if (!rows.empty()) {
        throw UserError("the database already records " + std::to_string(rows.size()) +
                        " migration(s); a baseline is only recorded into an empty bookkeeping table");
    }
    store->record(local.front(), folder.layout);
    lock.commit();
}

}  // namespace drizzle
