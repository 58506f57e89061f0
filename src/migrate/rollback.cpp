// rollback_migrations(): plan under the migrator's lock, let the caller verify, then run the down
// files newest first and forget their rows in the same transaction.
#include "drizzle/migrate/rollback.hpp"

#include "drizzle/migrate/migration_store.hpp"
#include "migrate/enum_values.hpp"
#include "migrate/migration_store.hpp"
#include "migrate/rollback_plan.hpp"
#include "migrate/statements.hpp"

#include <algorithm>

namespace drizzle {

namespace mi = migrate_internal;

namespace {

std::string what_of(const RollbackStep& step) {
    return "while rolling back " + step.name + " (" + step.down_display_path + ")";
}

/// Runs the pieces of one down file; a failure names the migration, the file and the statement.
void run_pieces(Connection& connection, const RollbackStep& step, const std::vector<std::string>& pieces) {
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        if (pieces[i].empty()) continue;
        try {
            connection.exec(pieces[i]);
        } catch (const DbError& e) {
            const std::string statement = e.statement().empty() ? pieces[i] : e.statement();
            throw DbError(what_of(step) + ", statement " + std::to_string(i + 1) + ": " + e.what() +
                              "\n  statement: " + statement,
                          e.code(), statement);
        }
    }
}

std::string names_of(const std::vector<RollbackStep>& steps, std::size_t begin, std::size_t end) {
    std::string text;
    for (std::size_t i = begin; i < end; ++i)
        text += (text.empty() ? "" : ", ") + steps[i].name;
    return text;
}

/// A `-- drizzle:txmode none` down file needs a lock that outlives transactions (PostgreSQL).
void check_txmode_none(const RollbackPlan& plan, const MigrationStore& store) {
    if (store.lock_survives_transactions()) return;
    for (const auto& step : plan.steps) {
        if (!step.outside_transaction) continue;
        throw UserError(step.down_display_path +
                        ": `-- drizzle:txmode none` is supported on PostgreSQL only (its migration lock outlives "
                        "transactions); on this database every down file runs in a transaction: remove the line");
    }
}

/// Runs the plan's down files; the store's transaction is open (begun with `relax`) on entry and
/// closed on return. One transaction unless a txmode-none file or an enum value splits it.
void execute(Connection& connection, MigrationStore& store, const RollbackPlan& plan, bool relax,
             const MigrateOptions& options) {
    const auto& steps = plan.steps;
    std::size_t next = 0;
    bool open = true;
    while (next < steps.size()) {
        if (steps[next].outside_transaction) {
            store.rollback(); // nothing uncommitted: every batch before it committed
            open = false;
            try {
                run_pieces(connection, steps[next], split_statements(steps[next].down_sql));
            } catch (const DbError& e) {
                throw DbError(std::string(e.what()) +
                                  "\n  (txmode none: the statements before this one stay applied and the migration "
                                  "stays recorded as applied)",
                              e.code(), e.statement());
            }
            store.begin(false);
            store.forget(steps[next].row);
            store.commit();
            if (options.log)
                options.log("rolled back " + steps[next].name + " (" + steps[next].down_display_path + ")");
            ++next;
            continue;
        }
        if (!open) {
            store.begin(relax);
            open = true;
        }
        std::size_t end = next;
        while (end < steps.size() && !steps[end].outside_transaction)
            ++end;
        std::vector<std::vector<std::string>> units;
        for (std::size_t i = next; i < end; ++i)
            units.push_back(split_statements(steps[i].down_sql));
        auto split = mi::split_enum_values(units, [&](const std::string& type) { return store.type_exists(type); });
        if (split.cut) end = next + *split.cut;
        if (!split.first.empty()) {
            // Enum values the down files add are committed first, so their statements can use them.
            mi::commit_enum_values_first(connection, store, split.first, "rolling back " + names_of(steps, next, end));
            store.begin(relax);
        }
        for (std::size_t i = next; i < end; ++i) {
            run_pieces(connection, steps[i], split.pieces[i - next]);
            store.forget(steps[i].row);
        }
        try {
            store.commit();
        } catch (const DbError& e) {
            throw DbError("while rolling back " + names_of(steps, next, end) + ": " + e.what(), e.code(),
                          e.statement());
        }
        open = false;
        if (options.log) {
            for (std::size_t i = next; i < end; ++i)
                options.log("rolled back " + steps[i].name + " (" + steps[i].down_display_path + ")");
        }
        next = end;
    }
    if (open) store.rollback();
}

} // namespace

RollbackResult rollback_migrations(Connection& connection, const MigrateOptions& options,
                                   const RollbackRequest& request) {
    const LocalMigrations local = load_migrations_folder(options.folder);
    auto store = open_migration_store(connection, options);
    RollbackResult result;
    if (store->count_rows() == 0) {
        // Nothing recorded: nothing is created or locked. --to names a migration that is not applied.
        if (!request.to.empty()) mi::plan_rollback(local, {}, request);
        result.plan.local = local;
        return result;
    }
    bool relax = false;
    for (;;) {
        store->begin(relax);
        try {
            // Under the lock: what a migrator running meanwhile applied is rolled back too.
            RollbackPlan plan = mi::plan_rollback(local, store->read_rows(), request);
            if (!plan.steps.empty() && request.verify) request.verify(plan, connection);
            if (request.dry_run || plan.steps.empty()) {
                store->rollback();
                result.plan = std::move(plan);
                return result;
            }
            check_txmode_none(plan, *store);
            const bool wants_relaxed = std::any_of(plan.steps.begin(), plan.steps.end(), [](const RollbackStep& s) {
                return s.switches_foreign_keys_off && !s.outside_transaction;
            });
            if (wants_relaxed && !relax && store->enforces_foreign_keys()) {
                // The pragma only works outside a transaction: start over with foreign keys relaxed.
                store->rollback();
                relax = true;
                continue;
            }
            execute(connection, *store, plan, relax, options);
            for (const auto& step : plan.steps)
                result.rolled_back.push_back(step.name);
            result.plan = std::move(plan);
            return result;
        } catch (...) {
            store->rollback();
            throw;
        }
    }
}

} // namespace drizzle
