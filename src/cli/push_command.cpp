// `push`: introspect the live database, diff it against the schema, count the data at risk, apply in one transaction.
#include "cli/commands.hpp"
#include "cli/database.hpp"
#include "cli/dialect_sql.hpp"
#include "cli/exit_codes.hpp"
#include "cli/live_schema.hpp"
#include "cli/prompt_resolver.hpp"
#include "cli/push_risks.hpp"
#include "cli/schema_source.hpp"
#include "migrate/migration_store.hpp"
#include "migrate/statements.hpp"
#include "util/files.hpp"

#include "drizzle/diff/diff.hpp"
#include "drizzle/schema/validate.hpp"

#include <algorithm>
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

/// Runs the statements under the migrator's lock (so push and migrate never interleave) in one
/// transaction; SQLite rebuilds get foreign keys relaxed and checked before COMMIT, as in migrate.
void apply(Connection& connection, const Config& config, const std::vector<std::string>& statements,
           bool no_transaction, bool verbose) {
    auto run = [&](size_t i) {
        if (verbose) std::cout << statements[i] << (statements[i].ends_with('\n') ? "" : "\n") << std::flush;
        try {
            connection.exec(statements[i]);
        } catch (...) {
            rethrow_with_context("push, statement " + std::to_string(i + 1) + " of " +
                                 std::to_string(statements.size()) +
                                 (no_transaction ? " (earlier statements stay applied)" : " (nothing was changed)"));
        }
    };
    if (no_transaction) {
        // CREATE INDEX CONCURRENTLY refuses to run in a transaction block.
        print_info("a statement cannot run in a transaction (CREATE INDEX CONCURRENTLY): running one by one");
        for (size_t i = 0; i < statements.size(); ++i) run(i);
        return;
    }
    MigrateOptions options;
    options.table = config.migrations_table;
    options.schema = config.migrations_schema;
    auto store = migrate_internal::make_migration_store(connection, options);
    bool relax = false;
    for (const auto& statement : statements) relax = relax || migrate_internal::switches_foreign_keys_off(statement);
    store->begin(relax && store->enforces_foreign_keys());
    try {
        for (size_t i = 0; i < statements.size(); ++i) run(i);
        store->commit();
    } catch (...) {
        store->rollback();
        throw;
    }
}

}  // namespace

int run_push(const PushOptions& options) {
    Config config = resolve_config(options.config);
    require_supported(*config.dialect, "push");
    Schema desired = load_schema(config, default_toolchain(), print_info, NamingStyle::v1);
    auto connection = open_database(config);
    const ObjectFilter filter = object_filter(config, &desired);
    apply_filter(desired, filter);
    Schema live = introspect_live(config, *connection, filter, print_info);

    // Unnamed constraints get drizzle-kit 1.0's names; names a snapshot or .sql source records are
    // kept. A derived name gives way to the name the database already has for the same
    // constraint, so a push never renames for nothing.
    assign_default_names(desired, NamingStyle::v1);
    adopt_constraint_names(live, desired, {}, /*prev_is_database=*/true);
    require_valid(desired);

    ScriptedResolver answers(options.answers.empty()
                                 ? std::vector<RenameDecision>{}
                                 : decisions_from_json(detail::read_file_bytes(options.answers), options.answers));
    PromptResolver resolver(answers, interactive_terminal(), std::cin, std::cout);
    DiffResult diff = drizzle::diff(live, desired, resolver, NamingStyle::v1);
    if (!resolver.open_questions().empty()) {
        throw UnresolvedDecisionsError(std::to_string(resolver.open_questions().size()) +
                                           " rename-or-create decision(s) need an answer and there is no terminal "
                                           "to ask on; answer them in a JSON file and pass it with --answers FILE",
                                       questions_to_json(resolver.open_questions()));
    }
    keep_names_through_renames(live, desired, diff, NamingStyle::v1, /*prev_is_database=*/true);
    bool no_transaction = false;
    const auto statements = dialect_statements(*config.dialect, diff, no_transaction);
    if (statements.empty()) {
        std::cout << "[i] No changes detected" << std::endl;
        return exit_ok;
    }

    const auto risks = assess_data_risks(diff.operations, live, *connection);
    if (options.explain) {
        std::cout << "--- Planned statements (--explain: nothing is executed) ---\n";
        print_statements(statements);
        print_risks(risks);
        return exit_ok;
    }
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
                                                : "Execute " + std::to_string(statements.size()) + " statement(s)?";
        if (!interactive_terminal()) {
            throw UnresolvedDecisionsError(
                loses_data ? "the push would delete data (listed above) and there is no terminal to confirm on; "
                             "rerun with --force to accept, or --explain to review. Nothing was changed."
                           : "--strict asks before executing and there is no terminal; rerun with --force. "
                             "Nothing was changed.",
                risks_to_json(risks));
        }
        print_statements(statements);  // what the answer is about
        if (!confirm(question)) {
            std::cout << "[x] All changes were aborted" << std::endl;
            return exit_ok;
        }
    }
    apply(*connection, config, statements, no_transaction, config.verbose);
    print_success("Changes applied (" + std::to_string(statements.size()) + " statement" +
                  (statements.size() == 1 ? "" : "s") + ")");
    return exit_ok;
}

}  // namespace drizzle::cli
