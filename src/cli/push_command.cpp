// `push`: introspect the live database, diff it against the schema, count the data at risk, apply in one transaction.
#include "cli/commands.hpp"
#include "cli/database.hpp"
#include "cli/dialect_sql.hpp"
#include "cli/exit_codes.hpp"
#include "cli/live_schema.hpp"
#include "cli/prompt_resolver.hpp"
#include "cli/push_risks.hpp"
#include "cli/schema_source.hpp"
#include "migrate/enum_values.hpp"
#include "migrate/migration_store.hpp"
#include "migrate/statements.hpp"
#include "util/files.hpp"

#include "drizzle/diff/diff.hpp"
#include "drizzle/schema/validate.hpp"

#include <algorithm>
#include <functional>
#include <iostream>

namespace drizzle::cli {

namespace {

/// y/N on the terminal; anything but y/yes is no.
bool confirm(const std::string& question) {
    std::cout << question << " [y/N] " << std::flush;
    std::string answer;
    if (!std::getline(std::cin, answer)) return false;
    std::transform(answer.begin(), answer.end(), answer.begin(), [](unsigned char c) { return std::tolower(c); });
    return answer == "y" || answer == "yes";
}

void print_statements(const std::vector<std::string>& statements) {
    for (const auto& statement : statements) {
        std::string text = statement;
        while (!text.empty() && text.back() == '\n') text.pop_back();
        std::cout << text << "\n";
    }
    std::cout.flush();
}

void print_risks(const std::vector<DataRisk>& risks) {
    if (risks.empty()) return;
    std::cout << "Data at risk:\n";
    for (const auto& risk : risks) std::cout << "  · " << risk.describe() << "\n";
    std::cout.flush();
}

/// What a push would do to the database as it is now.
struct PushPlan {
    DiffResult diff;
    std::vector<std::string> statements;
    bool no_transaction = false;
    bool relaxes_foreign_keys = false;  ///< a statement switches foreign keys off (SQLite rebuilds)
    Schema live;                        ///< what the database held when planned
};

/// Introspects, diffs and renders. Open rename questions without a terminal or answers are an
/// UnresolvedDecisionsError.
PushPlan plan_push(const Config& config, Connection& connection, Schema desired, const ObjectFilter& filter,
                   Resolver& resolver, const std::function<std::vector<RenameQuestion>()>& open_questions) {
    Schema live = introspect_live(config, connection, filter, print_info);
    // Unnamed constraints get drizzle-kit 1.0's names; names a snapshot or .sql source records are
    // kept. A derived name gives way to the name the database already has for the same
    // constraint, so a push never renames for nothing.
    assign_default_names(desired, NamingStyle::v1);
    adopt_constraint_names(live, desired, {}, /*prev_is_database=*/true);
    // Expressions are compared by meaning: the server keeps `price>0` as `price > 0::numeric`.
    align_expressions_with_live(connection, live, desired, print_info);
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

/// Runs the statements in the transaction `store` holds open under the migrator's lock (so push
/// and migrate never interleave), and commits. PostgreSQL enum values the push adds are committed
/// first, in a transaction of their own under the same lock, so the rest can use them (55P04).
void apply(Connection& connection, migrate_internal::MigrationStore& store, const PushPlan& plan, bool verbose) {
    const auto& statements = plan.statements;
    bool values_committed = false;
    auto run = [&](size_t i, const std::string& statement) {
        if (statement.empty()) return;  // an ADD VALUE already committed
        if (verbose) std::cout << statement << (statement.ends_with('\n') ? "" : "\n") << std::flush;
        try {
            connection.exec(statement);
        } catch (...) {
            rethrow_with_context("push, statement " + std::to_string(i + 1) + " of " + std::to_string(statements.size()) +
                                 (plan.no_transaction ? " (earlier statements stay applied)"
                                  : values_committed ? " (nothing else was changed; the enum values added first stay)"
                                                     : " (nothing was changed)"));
        }
    };
    if (plan.no_transaction) {
        // CREATE INDEX CONCURRENTLY refuses to run in a transaction block; the lock stays held.
        store.rollback();
        print_info("a statement cannot run in a transaction (CREATE INDEX CONCURRENTLY): running one by one");
        for (size_t i = 0; i < statements.size(); ++i) run(i, statements[i]);
        return;
    }
    auto split = migrate_internal::split_enum_values({statements}, [&](const std::string& type) { return store.type_exists(type); });
    if (!split.first.empty()) {
        if (verbose) {
            for (const auto& statement : split.first) std::cout << statement << "\n";
        }
        migrate_internal::commit_enum_values_first(connection, store, split.first, "push");
        values_committed = true;
        store.begin(false);
    }
    for (size_t i = 0; i < statements.size(); ++i) run(i, split.pieces.front()[i]);
    store.commit();
}

}  // namespace

int run_push(const PushOptions& options) {
    Config config = resolve_config(options.config);
    require_supported(*config.dialect, "push");
    Schema desired = load_schema(config, default_toolchain(), print_info, NamingStyle::v1);
    auto connection = open_database(config);
    const ObjectFilter filter = object_filter(config, &desired);
    apply_filter(desired, filter);

    ScriptedResolver answers(options.answers.empty()
                                 ? std::vector<RenameDecision>{}
                                 : decisions_from_json(detail::read_file_bytes(options.answers), options.answers));
    PromptResolver resolver(answers, interactive_terminal(), std::cin, std::cout);
    auto open_questions = [&] { return resolver.open_questions(); };

    if (options.explain) {
        // A dry run changes nothing, so it neither waits for nor holds up a migrator.
        PushPlan plan = plan_push(config, *connection, desired, filter, resolver, open_questions);
        if (plan.statements.empty()) {
            std::cout << "[i] No changes detected" << std::endl;
            return exit_ok;
        }
        connection->exec("BEGIN");  // the risk queries run under savepoints; nothing is written
        std::vector<DataRisk> risks;
        try {
            risks = assess_data_risks(plan.diff.operations, plan.live, *connection);
        } catch (...) {
            connection->exec("ROLLBACK");
            throw;
        }
        connection->exec("ROLLBACK");
        std::cout << "--- Planned statements (--explain: nothing is executed) ---\n";
        print_statements(plan.statements);
        print_risks(risks);
        return exit_ok;
    }

    // The lock comes before the database is read: concurrent pushes (and migrators) queue, and
    // each plans against what the one before it left. Planning first made all but one of eight
    // concurrent pushes of one schema fail on objects that another had just created.
    MigrateOptions lock_options;
    lock_options.table = config.migrations_table;
    lock_options.schema = config.migrations_schema;
    auto store = migrate_internal::make_migration_store(*connection, lock_options);
    store->begin(false);
    try {
        PushPlan plan = plan_push(config, *connection, desired, filter, resolver, open_questions);
        if (plan.relaxes_foreign_keys && store->enforces_foreign_keys()) {
            // SQLite: PRAGMA foreign_keys only takes effect outside a transaction. Start over with
            // it off, and plan again under the new lock, replaying the decisions just taken.
            store->rollback();
            store->begin(true);
            ScriptedResolver replay(plan.diff.decisions);
            plan = plan_push(config, *connection, desired, filter, replay,
                             [&] { return replay.open_questions(); });
        }
        if (plan.statements.empty()) {
            store->rollback();
            std::cout << "[i] No changes detected" << std::endl;
            return exit_ok;
        }

        const auto risks = assess_data_risks(plan.diff.operations, plan.live, *connection);
        print_risks(risks);
        std::vector<DataRisk> failing;
        std::copy_if(risks.begin(), risks.end(), std::back_inserter(failing),
                     [](const DataRisk& r) { return r.kind == DataRisk::Kind::will_fail; });
        if (!failing.empty()) {
            throw UserError(std::to_string(failing.size()) +
                            " change(s) would fail on the rows listed above; fix the data (or the schema) first. "
                            "Nothing was changed.");
        }
        const bool loses_data = !risks.empty();
        if ((loses_data || options.strict) && !options.force) {
            const std::string question = loses_data ? "THIS WILL DELETE DATA and cannot be undone. Push these changes?"
                                                    : "Execute " + std::to_string(plan.statements.size()) + " statement(s)?";
            if (!interactive_terminal()) {
                throw UnresolvedDecisionsError(
                    loses_data ? "the push would delete data (listed above) and there is no terminal to confirm on; "
                                 "rerun with --force to accept, or --explain to review. Nothing was changed."
                               : "--strict asks before executing and there is no terminal; rerun with --force. "
                                 "Nothing was changed.",
                    risks_to_json(risks));
            }
            print_statements(plan.statements);  // what the answer is about
            // The lock is held while the question is open, so the answer is about what will run.
            if (!confirm(question)) {
                store->rollback();
                std::cout << "[x] All changes were aborted" << std::endl;
                return exit_ok;
            }
        }
        apply(*connection, *store, plan, config.verbose);
        print_success("Changes applied (" + std::to_string(plan.statements.size()) + " statement" +
                      (plan.statements.size() == 1 ? "" : "s") + ")");
    } catch (...) {
        store->rollback();
        throw;
    }
    return exit_ok;
}

}  // namespace drizzle::cli
