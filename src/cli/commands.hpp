// The CLI commands: each registers its flags on the app and runs with its parsed options,
// returning an exit code. main() only calls the add_*_command list.
#pragma once

#include "cli/common.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace drizzle::cli {

/// A registered command: its CLI11 subcommand and what runs when it is the one parsed.
struct Command {
    CLI::App* app = nullptr;
    std::function<int()> run;
};
using CommandList = std::vector<Command>;

/// The footer every command's --help ends with.
extern const char* const kExitCodes;

/// A missing or unknown command on the command line: prints what the commands are and returns
/// the exit code (invalid input); std::nullopt when the line names a command or asks for
/// --help / --version. Called before CLI11 parses, whose own message would only say that "a
/// subcommand is required".
std::optional<int> refuse_unknown_command(const CLI::App& app, int argc, char** argv);

/// --config, --dialect and, when asked for, --schema and --out.
void add_config_flags(CLI::App& command, ConfigFlags& flags, bool with_schema, bool with_out);
/// --url (dbCredentials.url).
void add_url_flag(CLI::App& command, ConfigFlags& flags);
/// --url, --migrations-table and --migrations-schema: the database and its bookkeeping table.
void add_database_flags(CLI::App& command, ConfigFlags& flags);
/// --url and the filters pull and push read the database through.
void add_filter_flags(CLI::App& command, ConfigFlags& flags);

/// Each adds its subcommand to `app` and its entry to `commands`.
void add_generate_command(CLI::App& app, CommandList& commands);
void add_migrate_command(CLI::App& app, CommandList& commands);
void add_push_command(CLI::App& app, CommandList& commands);
void add_pull_command(CLI::App& app, CommandList& commands);
void add_export_command(CLI::App& app, CommandList& commands);

struct GenerateOptions {
    ConfigFlags config;
    std::string name;     ///< --name: migration name suffix
    bool custom = false;  ///< --custom: an empty migration for hand-written SQL
    std::string answers;  ///< --answers FILE.json: rename/create decisions
};
int run_generate(const GenerateOptions& options);

struct MigrateOptionsCli {
    ConfigFlags config;
    std::string tx_mode = "all";  ///< --tx-mode all|file
    bool allow_modified = false;
    bool allow_out_of_order = false;
    bool allow_missing = false;  ///< --allow-missing: recorded migrations without a file only warn
    int lock_timeout_seconds = 60;
};
int run_migrate(const MigrateOptionsCli& options);

struct PushOptions {
    ConfigFlags config;
    std::string answers;   ///< --answers FILE.json: rename/create decisions
    bool force = false;    ///< --force: accept data loss and --strict without asking
    bool strict = false;   ///< --strict: ask before executing anything
    bool explain = false;  ///< --explain: print the plan and the data at risk, change nothing
};
int run_push(const PushOptions& options);

struct PullOptions {
    ConfigFlags config;
    std::string casing;     ///< --introspect-casing camel|preserve ("" = config, else camel)
    bool baseline = false;  ///< --baseline / --init: record the baseline migration as applied
};
int run_pull(const PullOptions& options);

struct ExportOptions {
    ConfigFlags config;
};
int run_export(const ExportOptions& options);

// ---- issue 12: status and resolve (wt-status) -------------------------------------------------
void add_status_command(CLI::App& app, CommandList& commands);
void add_resolve_command(CLI::App& app, CommandList& commands);

struct StatusOptions {
    ConfigFlags config;
    bool json = false;      ///< --json: the report as JSON on stdout
    bool exit_code = false; ///< --exit-code: exit 1 unless the database is up to date
};
int run_status(const StatusOptions& options);

struct ResolveOptions {
    ConfigFlags config;
    std::string applied;     ///< --applied NAME
    std::string rolled_back; ///< --rolled-back NAME
    std::string baseline_to; ///< --baseline-to NAME
    int lock_timeout_seconds = 60;
};
int run_resolve(const ResolveOptions& options);
// ---- end status and resolve ---------------------------------------------------------------------
// ---- check (issue 12): the migrations folder alone -------------------------------------------
// (The integrator adds `--db`, status and drift against a live database, here.)
void add_check_command(CLI::App& app, CommandList& commands);

struct CheckOptions {
    ConfigFlags config;
    bool json = false; ///< --json: the report as JSON on stdout
    bool db = false;   ///< --db: also the database's status and drift
    bool all = false;  ///< --all: lint every migration (default: the newest; with --db the unapplied)
};
int run_check(const CheckOptions& options);
// ---- end check --------------------------------------------------------------------------------
// ---- up and drop (issue 12) -------------------------------------------------------------------
void add_up_command(CLI::App& app, CommandList& commands);
void add_drop_command(CLI::App& app, CommandList& commands);

struct UpOptions {
    ConfigFlags config;
};
int run_up(const UpOptions& options);

struct DropOptions {
    ConfigFlags config;
    std::string name;    ///< --name: folder name / tag, unique prefix, or suffix
    bool latest = false; ///< --latest: the newest migration, no picker
    bool force = false;  ///< --force: even if recorded as applied or the database is unreachable
};
int run_drop(const DropOptions& options);
// ---- end up and drop ---------------------------------------------------------------------------
// ---- migrate down (issue 13) ------------------------------------------------------------------
/// `migrate down`, a subcommand of `migrate` (registered by add_migrate_command before migrate itself).
void add_migrate_down_command(CLI::App& migrate, CommandList& commands);

struct MigrateDownOptions {
    ConfigFlags config;
    int steps = 1;          ///< --steps N
    std::string to;         ///< --to NAME
    bool dry_run = false;   ///< --dry-run
    bool force = false;     ///< --force: go on despite drift
    int lock_timeout_seconds = 60;
};
int run_migrate_down(const MigrateDownOptions& options);
// ---- end migrate down ---------------------------------------------------------------------------
// ---- squash (issue 12, item 7) ----------------------------------------------------------------
void add_squash_command(CLI::App& app, CommandList& commands);

struct SquashOptions {
    ConfigFlags config;
    std::string from;   ///< --from: first migration of the range
    std::string to;     ///< --to: last migration of the range
    std::string name;   ///< --name: the new migration's name suffix
    bool force = false; ///< --force: squash hand-written SQL too
};
int run_squash(const SquashOptions& options);
// ---- end squash ---------------------------------------------------------------------------------

// ---- lint (issue 13, piece 3) ----------------------------------------------------------------
void add_lint_command(CLI::App& app, CommandList& commands);

struct LintOptions {
    ConfigFlags config;
    bool all = false;                     ///< --all: every migration
    std::string name;                     ///< --name: one migration
    bool db = false;                      ///< --db: the unapplied migrations, rows counted
    bool json = false;                    ///< --json
    std::string max_severity = "warning"; ///< --max-severity info|warning|error
};
int run_lint(const LintOptions& options);
// ---- end lint ----------------------------------------------------------------------------------

}  // namespace drizzle::cli
