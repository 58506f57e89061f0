// Planning and applying a `push`: the live database changed to match the schema, no migration files.
#pragma once

#include "drizzle/config/config.hpp"
#include "drizzle/diff/diff.hpp"
#include "drizzle/driver/connection.hpp"
#include "drizzle/kit/live_schema.hpp"
#include "drizzle/kit/push_risks.hpp"
#include "drizzle/migrate/migration_store.hpp"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace drizzle::kit {

/// A line of output for the caller to show (progress, notices, executed statements).
using LogFn = std::function<void(const std::string&)>;

/// What a push works on: the schema wanted, the database, and which of its objects are managed.
struct PushTarget {
    Schema desired;                         ///< the schema sources, already filtered
    std::unique_ptr<Connection> connection; ///< the configured database
    ObjectFilter filter;                    ///< the config's filters (push's default schema list)
};

/// Checks that the dialect supports push, loads the schema sources (progress to `log`), opens the
/// database and restricts the schema to what the filters manage.
PushTarget open_push_target(const Config& config, const LogFn& log);

/// What a push would do to the database as it is now.
struct PushPlan {
    DiffResult diff;
    std::vector<std::string> statements;
    bool no_transaction = false;
    bool relaxes_foreign_keys = false; ///< a statement switches foreign keys off (SQLite rebuilds)
    Schema live;                       ///< what the database held when planned
};

/// Introspects through `filter`, names and aligns `desired` with the live database, diffs (asking
/// `resolver` the rename questions) and renders. Open rename questions (`open_questions`
/// non-empty after the diff) are an UnresolvedDecisionsError.
PushPlan plan_push(const Config& config, Connection& connection, Schema desired, const ObjectFilter& filter,
                   Resolver& resolver, const std::function<std::vector<RenameQuestion>()>& open_questions,
                   const LogFn& log);

/// The bookkeeping table's lock and transaction, taken (begin) before the database is read, so
/// concurrent pushes and migrators queue and each plans against what the one before it left.
std::unique_ptr<MigrationStore> lock_for_push(const Config& config, Connection& connection);

/// plan_push under the lock `store` holds. When the plan switches foreign keys off and the store
/// enforces them (SQLite: the pragma only works outside a transaction), it starts over with them
/// off and plans again under the new lock, replaying the decisions just taken.
PushPlan plan_push_locked(const Config& config, Connection& connection, MigrationStore& store, const Schema& desired,
                          const ObjectFilter& filter, Resolver& resolver,
                          const std::function<std::vector<RenameQuestion>()>& open_questions, const LogFn& log);

/// The rows at risk of `plan`, counted in a transaction that is rolled back (for a dry run, which
/// holds no lock): nothing is written.
std::vector<DataRisk> assess_without_changes(Connection& connection, const PushPlan& plan);

/// Runs the statements in the transaction `store` holds open under the migrator's lock, and
/// commits. Enum values the push adds to existing types are committed first, in a transaction of
/// their own under the same lock, so the rest can use them (PostgreSQL 55P04). `echo`, when set,
/// receives each statement as it runs (with its newline); `log` receives notices.
void apply_push(Connection& connection, MigrationStore& store, const PushPlan& plan, const LogFn& echo,
                const LogFn& log);

} // namespace drizzle::kit
