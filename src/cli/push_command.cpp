// `push`: introspect the live database, diff it against the schema, count the data at risk, apply in one transaction.
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/lint_output.hpp"
#include "cli/prompt_resolver.hpp"
#include "drizzle/kit/lint.hpp"
#include "drizzle/kit/push.hpp"

#include <CLI/CLI.hpp>

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
        while (!text.empty() && text.back() == '\n')
            text.pop_back();
        std::cout << text << "\n";
    }
    std::cout.flush();
}

void print_risks(const std::vector<kit::DataRisk>& risks) {
    if (risks.empty()) return;
    std::cout << "Data at risk:\n";
    for (const auto& risk : risks)
        std::cout << "  · " << risk.describe() << "\n";
    std::cout.flush();
}

/// The lint findings of the planned statements (numbered as planned), before anything is asked.
/// Information only: push's own checks (data at risk, prompts) decide what happens.
void print_push_lint(Dialect dialect, const kit::PushPlan& plan) {
    try {
        const auto findings =
            kit::lint_push(dialect, plan.live, plan.diff.operations, plan.statements, plan.no_transaction);
        if (findings.empty()) return;
        std::cout << "Lint of the planned statements:\n";
        print_lint_findings(findings, std::cout);
        std::cout.flush();
    } catch (const std::exception& e) {
        print_info(std::string("lint of the planned statements skipped: ") + e.what());
    }
}

} // namespace

int run_push(const PushOptions& options) {
    using kit::DataRisk;
    Config config = resolve_config(options.config);
    kit::PushTarget target = kit::open_push_target(config, print_info);
    Connection& connection = *target.connection;
    TerminalDecisions decisions(options.answers);
    PromptResolver& resolver = decisions.resolver();
    auto open_questions = [&] { return resolver.open_questions(); };

    if (options.explain) {
        // A dry run changes nothing, so it neither waits for nor holds up a migrator.
        kit::PushPlan plan =
            kit::plan_push(config, connection, target.desired, target.filter, resolver, open_questions, print_info);
        if (plan.statements.empty()) {
            std::cout << "[i] No changes detected" << std::endl;
            return exit_ok;
        }
        const auto risks = kit::assess_without_changes(connection, plan);
        std::cout << "--- Planned statements (--explain: nothing is executed) ---\n";
        print_statements(plan.statements);
        print_push_lint(*config.dialect, plan);
        print_risks(risks);
        return exit_ok;
    }

    // The lock comes before the database is read: concurrent pushes (and migrators) queue, and
    // each plans against what the one before it left. Planning first made all but one of eight
    // concurrent pushes of one schema fail on objects that another had just created.
    auto store = kit::lock_for_push(config, connection);
    try {
        kit::PushPlan plan = kit::plan_push_locked(config, connection, *store, target.desired, target.filter, resolver,
                                                   open_questions, print_info);
        if (plan.statements.empty()) {
            store->rollback();
            std::cout << "[i] No changes detected" << std::endl;
            return exit_ok;
        }

        print_push_lint(*config.dialect, plan);
        const auto risks = kit::assess_data_risks(plan.diff.operations, plan.live, connection);
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
            const std::string question = loses_data
                                             ? "THIS WILL DELETE DATA and cannot be undone. Push these changes?"
                                             : "Execute " + std::to_string(plan.statements.size()) + " statement(s)?";
            if (!interactive_terminal()) {
                throw UnresolvedDecisionsError(
                    loses_data ? "the push would delete data (listed above) and there is no terminal to confirm on; "
                                 "rerun with --force to accept, or --explain to review. Nothing was changed."
                               : "--strict asks before executing and there is no terminal; rerun with --force. "
                                 "Nothing was changed.",
                    kit::risks_to_json(risks));
            }
            print_statements(plan.statements); // what the answer is about
            // The lock is held while the question is open, so the answer is about what will run.
            if (!confirm(question)) {
                store->rollback();
                std::cout << "[x] All changes were aborted" << std::endl;
                return exit_ok;
            }
        }
        kit::LogFn echo;
        if (config.verbose) echo = [](const std::string& text) { std::cout << text << std::flush; };
        kit::apply_push(connection, *store, plan, echo, print_info);
        print_success("Changes applied (" + std::to_string(plan.statements.size()) + " statement" +
                      (plan.statements.size() == 1 ? "" : "s") + ")");
    } catch (...) {
        store->rollback();
        throw;
    }
    return exit_ok;
}

void add_push_command(CLI::App& app, CommandList& commands) {
    auto options = std::make_shared<PushOptions>();
    auto* command = app.add_subcommand(
        "push", "Change the live database to match the schema now, without migration files.\n"
                "Counts the rows at risk first: data loss needs a terminal to confirm on or --force;\n"
                "changes the data would make fail (NULLs under NOT NULL, duplicates under a new unique key)\n"
                "are refused. Runs in one transaction: all or nothing.");
    add_config_flags(*command, options->config, true, false);
    add_filter_flags(*command, options->config);
    command->add_flag("--force", options->force, "Accept data loss (and --strict) without asking");
    command->add_flag("--strict", options->strict, "Ask before executing any statement, even without data loss");
    command->add_flag("--explain", options->explain,
                      "Dry run: print the statements and the data at risk, change nothing");
    command->add_flag("--verbose", options->config.verbose, "Print every statement as it runs");
    command
        ->add_option("--answers", options->answers,
                     "JSON file with rename/create decisions, for runs without a terminal")
        ->check(CLI::ExistingFile);
    command->footer(kExitCodes);
    commands.push_back({command, [options] { return run_push(*options); }});
}

} // namespace drizzle::cli
