// `check`: the migrations folder (snapshots, journal, chain, merged branches, edited SQL) and, with --db, the database
// (status, drift), for CI.
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/lint_output.hpp"
#include "cli/status_output.hpp"
#include "drizzle/kit/check.hpp"
#include "drizzle/kit/database.hpp"
#include "drizzle/kit/drift.hpp"
#include "drizzle/kit/lint.hpp"
#include "drizzle/kit/status.hpp"

#include <CLI/CLI.hpp>

#include <iostream>
#include <nlohmann/json.hpp>

namespace drizzle::cli {

namespace {

const char* const kCheckFooter =
    "\nExamples:\n"
    "  drizzle-kit check                      check the config's migrations folder\n"
    "  drizzle-kit check --json               the findings as JSON, for CI\n"
    "  drizzle-kit check --dialect postgresql --out ./drizzle\n"
    "  drizzle-kit check --db                 also the database: status and drift (for CI/CD)\n"
    "\nFindings: errors (malformed or unsupported snapshot, journal entries without files or the\n"
    "reverse, journal `when` not increasing, broken chain, duplicate snapshot id, merged branches\n"
    "that change the same objects) and notes (merged branches that commute: generate writes the merge\n"
    "migration; migrations whose SQL differs from what their snapshots generate, or custom ones),\n"
    "and warnings (a <tag>.down.sql file that belongs to no migration).\n"
    "--json prints {\"folder\",\"layout\",\"migrations\",\"ok\",\"findings\":[{\"code\",\"severity\",\"file\",\n"
    "\"message\",\"objects\"}]} on stdout.\n"
    "\n--db also reads the configured database (creating nothing): the status of every migration\n"
    "(as `drizzle-kit status`) and drift: the database introspected through the config's filters\n"
    "against the snapshot of its last applied migration, with the SQL that would bring it back to\n"
    "the folder's state. With --json the object gains \"status\" (status --json's object) and\n"
    "\"drift\": {\"snapshot\",\"measured\",\"drifted\",\"differences\":[],\"statements\":[]}.\n"
    "\nLint: check also lints the newest migration (--all: every one; --db: those not applied) and lists\n"
    "the findings as notes (\"lint\" in --json: lint --json's object). They never change check's exit\n"
    "code; `drizzle-kit lint` is the command that fails on them.\n"
    "\nExit codes: 0 no errors (warnings and notes may be printed); 1 errors found (with --db\n"
    "also: a migration not applied, edited or missing, or drift; or the database failed); 3 invalid\n"
    "config or flags.\n";

/// The database half of `check --db`: the status, and drift against the last applied snapshot.
struct DatabaseCheck {
    kit::StatusReport status;
    kit::DriftReport drift;
    bool drift_measured = false;
    std::string drift_note; ///< why drift was not measured
    bool ok() const { return status.up_to_date() && !drift.drifted(); }
};

DatabaseCheck check_database(const Config& config, bool quiet) {
    DatabaseCheck result;
    result.status = kit::read_status(config);
    if (!result.status.database_exists || result.status.applied == 0) {
        result.drift_note = "no migration is applied yet, so there is nothing to compare the database with";
        return result;
    }
    // The snapshot of the last applied migration in folder order: pending migrations are not drift.
    const MigrationsFolder folder = MigrationsFolder::read(config.out_dir());
    std::filesystem::path against;
    for (std::size_t i = 0; i < folder.entries.size() && i < result.status.entries.size(); ++i) {
        const auto kind = result.status.entries[i].kind;
        if (kind == kit::MigrationStatusKind::applied || kind == kit::MigrationStatusKind::edited)
            against = folder.entries[i].snapshot_path;
    }
    std::error_code ec;
    if (against.empty() || !std::filesystem::is_regular_file(against, ec)) {
        result.drift_note =
            "the last applied migration has no snapshot, so the folder's schema at that point is unknown";
        return result;
    }
    auto connection = kit::open_database(config);
    const auto log = [quiet](const std::string& line) {
        if (!quiet) print_info(line);
    };
    result.drift = kit::detect_drift(config, *connection, log, against);
    result.drift_measured = true;
    return result;
}

void print_database_check(const DatabaseCheck& db) {
    std::cout << "\nDatabase:\n";
    print_status_table(db.status);
    if (!db.drift_measured) {
        std::cout << "[i] Drift not measured: " << db.drift_note << "\n";
    } else if (!db.drift.drifted()) {
        std::cout << "[✓] No drift: the database matches " << db.drift.snapshot.string() << "\n";
    } else {
        std::cout << "[!] Drift: the database differs from " << db.drift.snapshot.string() << ":\n";
        for (const auto& line : db.drift.differences)
            std::cout << "  · " << line << "\n";
        std::cout << "SQL that brings the database back to the migrations' state:\n";
        for (const auto& statement : db.drift.statements)
            std::cout << statement << "\n";
    }
    std::cout.flush();
}

nlohmann::ordered_json drift_json(const DatabaseCheck& db) {
    nlohmann::ordered_json drift;
    drift["snapshot"] =
        db.drift_measured ? nlohmann::ordered_json(db.drift.snapshot.string()) : nlohmann::ordered_json();
    drift["measured"] = db.drift_measured;
    drift["drifted"] = db.drift.drifted();
    drift["differences"] = db.drift.differences;
    drift["statements"] = db.drift.statements;
    return drift;
}

/// The lint part of check: its findings are notes, never a failure of check (lint fails on them).
std::optional<kit::LintReport> check_lint(const Config& config, const CheckOptions& options, std::string& why_not) {
    try {
        kit::LintRequest request;
        request.all = options.all;
        request.unapplied = options.db && !options.all;
        return kit::lint_folder(config, request);
    } catch (const std::exception& e) {
        why_not = e.what();
        return std::nullopt;
    }
}

} // namespace

int run_check(const CheckOptions& options) {
    Config config = resolve_config(options.config, options.json);
    const kit::CheckReport report = kit::check_folder(config);
    std::optional<DatabaseCheck> db;
    if (options.db) db = check_database(config, options.json);
    const bool ok = report.ok() && (!db || db->ok());
    std::string lint_not_run;
    const auto lint = report.migrations > 0 ? check_lint(config, options, lint_not_run) : std::nullopt;
    if (options.json) {
        auto doc = nlohmann::ordered_json::parse(kit::check_report_json(report));
        if (db) {
            doc["status"] = status_json(db->status);
            doc["drift"] = drift_json(*db);
        }
        if (lint) doc["lint"] = nlohmann::ordered_json::parse(kit::lint_report_json(*lint));
        std::cout << doc.dump(2) << std::endl;
        return ok ? exit_ok : exit_failure;
    }
    std::size_t errors = 0, warnings = 0, notes = 0;
    for (const auto& f : report.findings) {
        const bool error = f.severity == kit::CheckFinding::Severity::error;
        const bool warning = f.severity == kit::CheckFinding::Severity::warning;
        (error ? errors : warning ? warnings : notes)++;
        const char* label = error ? "error" : warning ? "warning" : "note";
        std::cout << label << " [" << f.code << "] " << (f.file.empty() ? "" : f.file + ": ") << f.message << "\n";
    }
    const std::string folder = report.folder.string();
    if (errors == 0 && warnings == 0 && notes == 0) {
        print_success("Everything's fine 🐶🔥 (" + std::to_string(report.migrations) + " migration(s) in " + folder +
                      ")");
    } else {
        // (The warning count shows only when there are warnings: the line stays as it was otherwise.)
        std::cout << std::to_string(report.migrations) << " migration(s) in " << folder << ": " << errors
                  << " error(s), " << (warnings > 0 ? std::to_string(warnings) + " warning(s), " : "") << notes
                  << " note(s)" << std::endl;
    }
    if (lint && (lint->count(kit::LintSeverity::error) + lint->count(kit::LintSeverity::warning) +
                     lint->count(kit::LintSeverity::info) + lint->acknowledged() >
                 0)) {
        std::cout << "\nLint (notes; `drizzle-kit lint` fails on them):\n";
        print_lint_report(*lint, std::cout);
    } else if (!lint && !lint_not_run.empty()) {
        std::cout << "[i] Lint not run: " << lint_not_run << "\n";
    }
    if (db) print_database_check(*db);
    return ok ? exit_ok : exit_failure;
}

void add_check_command(CLI::App& app, CommandList& commands) {
    auto options = std::make_shared<CheckOptions>();
    auto* command = app.add_subcommand(
        "check", "Check the migrations folder without a database: snapshots, journal, chain, merged branches, "
                 "edited migrations");
    add_config_flags(*command, options->config, false, true);
    command->add_flag("--json", options->json, "Print the findings as JSON on stdout (for CI)");
    command->add_flag("--db", options->db,
                      "Also check the configured database: migration status and drift (reads only)");
    command->add_flag("--all", options->all, "Lint every migration, not only the newest (or with --db the unapplied)");
    add_database_flags(*command, options->config);
    command->footer(kCheckFooter);
    commands.push_back({command, [options] { return run_check(*options); }});
}

} // namespace drizzle::cli
