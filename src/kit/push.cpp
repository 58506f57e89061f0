// The push workflow: load and filter, lock, introspect, diff, count the rows at risk, apply.
#include "drizzle/kit/push.hpp"

#include "drizzle/dialect/dialect_ops.hpp"
#include "drizzle/error.hpp"
#include "drizzle/dialect/registry.hpp"
#include "drizzle/kit/database.hpp"
#include "drizzle/kit/dialect_sql.hpp"
#include "drizzle/kit/schema_source.hpp"
#include "drizzle/schema/validate.hpp"
#include "migrate/enum_values.hpp"
#include "migrate/statements.hpp"

namespace drizzle::kit {

PushTarget open_push_target(const Config& config, const LogFn& log) {
    require_supported(*config.dialect, "push");
    PushTarget target;
    target.desired = load_schema(config, default_toolchain(), log, NamingStyle::v1);
    target.connection = open_database(config);
    target.filter = object_filter(config, &target.desired);
    apply_filter(target.desired, target.filter);
    return target;
}

PushPlan plan_push(const Config& config, Connection& connection, Schema desired, const ObjectFilter& filter,
                   Resolver& resolver, const std::function<std::vector<RenameQuestion>()>& open_questions,
                   const LogFn& log) {
    Schema live = introspect_live(config, connection, filter, log);
    // Unnamed constraints get drizzle-kit 1.0's names; names a snapshot or .sql source records are
    // kept. A derived name gives way to the name the database already has for the same
    // constraint, so a push never renames for nothing.
    assign_default_names(desired, NamingStyle::v1);
    adopt_constraint_names(live, desired, {}, /*prev_is_database=*/true);
    // Expressions are compared by meaning: the server keeps `price>0` as `price > 0::numeric`.
    align_expressions_with_live(connection, live, desired, log);
    require_valid(desired);
    PushPlan plan;
    plan.diff = drizzle::diff(live, desired, resolver, NamingStyle::v1);
    if (const auto open = open_questions(); !open.empty()) {
        throw UnresolvedDecisionsError(std::to_string(open.size()) +
                                           " rename-or-create decision(s) need an answer and there is no terminal "
                                           "to ask on; answer them in a JSON file and pass it with --answers FILE",
                                       questions_to_json(open));
    }
    keep_names_through_renames(live, desired, plan.diff, NamingStyle::v1, /*prev_is_database=*/true);
    plan.statements = dialect_statements(*config.dialect, plan.diff, plan.no_transaction);
    for (const auto& statement : plan.statements) {
        plan.relaxes_foreign_keys = plan.relaxes_foreign_keys || migrate_internal::switches_foreign_keys_off(statement);
    }
    plan.live = std::move(live);
    return plan;
}

std::unique_ptr<MigrationStore> lock_for_push(const Config& config, Connection& connection) {
    MigrateOptions lock_options;
    lock_options.table = config.migrations_table;
    lock_options.schema = config.migrations_schema;
    auto store = dialect_ops(connection.dialect()).migration_store(connection, lock_options);
    store->begin(false);
    return store;
}

PushPlan plan_push_locked(const Config& config, Connection& connection, MigrationStore& store, const Schema& desired,
                          const ObjectFilter& filter, Resolver& resolver,
                          const std::function<std::vector<RenameQuestion>()>& open_questions, const LogFn& log) {
    PushPlan plan = plan_push(config, connection, desired, filter, resolver, open_questions, log);
    if (plan.relaxes_foreign_keys && store.enforces_foreign_keys()) {
        store.rollback();
        store.begin(true);
        ScriptedResolver replay(plan.diff.decisions);
        plan = plan_push(
            config, connection, desired, filter, replay, [&] { return replay.open_questions(); }, log);
    }
    return plan;
}

std::vector<DataRisk> assess_without_changes(Connection& connection, const PushPlan& plan) {
    connection.exec("BEGIN"); // the risk queries run under savepoints; nothing is written
    std::vector<DataRisk> risks;
    try {
        risks = assess_data_risks(plan.diff.operations, plan.live, connection);
    } catch (...) {
        connection.exec("ROLLBACK");
        throw;
    }
    connection.exec("ROLLBACK");
    return risks;
}

void apply_push(Connection& connection, MigrationStore& store, const PushPlan& plan, const LogFn& echo,
                const LogFn& log) {
    const auto& statements = plan.statements;
    bool values_committed = false;
    auto run = [&](size_t i, const std::string& statement) {
        if (statement.empty()) return; // an ADD VALUE already committed
        if (echo) echo(statement + (statement.ends_with('\n') ? "" : "\n"));
        try {
            connection.exec(statement);
        } catch (...) {
            rethrow_with_context("push, statement " + std::to_string(i + 1) + " of " +
                                 std::to_string(statements.size()) +
                                 (plan.no_transaction ? " (earlier statements stay applied)"
                                  : values_committed  ? " (nothing else was changed; the enum values added first stay)"
                                                      : " (nothing was changed)"));
        }
    };
    if (plan.no_transaction) {
        // CREATE INDEX CONCURRENTLY refuses to run in a transaction block; the lock stays held.
        store.rollback();
        if (log) log("a statement cannot run in a transaction (CREATE INDEX CONCURRENTLY): running one by one");
        for (size_t i = 0; i < statements.size(); ++i)
            run(i, statements[i]);
        return;
    }
    auto split = migrate_internal::split_enum_values({statements},
                                                     [&](const std::string& type) { return store.type_exists(type); });
    if (!split.first.empty()) {
        if (echo) {
            for (const auto& statement : split.first)
                echo(statement + "\n");
        }
        migrate_internal::commit_enum_values_first(connection, store, split.first, "push");
        values_committed = true;
        store.begin(false);
    }
    for (size_t i = 0; i < statements.size(); ++i)
        run(i, split.pieces.front()[i]);
    store.commit();
}

} // namespace drizzle::kit
