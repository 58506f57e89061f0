// The destructive-change lint: what a migration does to data, running app versions and locks, with stable codes.
#pragma once

#include "drizzle/config/config.hpp"
#include "drizzle/diff/operations.hpp"
#include "drizzle/driver/connection.hpp"
#include "drizzle/schema/model.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace drizzle::kit {

/// How bad a finding is; `--max-severity` compares against it.
enum class LintSeverity { info, warning, error };

/// "info", "warning", "error".
std::string_view to_string(LintSeverity severity);
/// The severity named `text`; std::nullopt for anything else.
std::optional<LintSeverity> lint_severity_from_string(std::string_view text);

/// One thing the lint found in one statement of a migration.
struct LintFinding {
    std::string code; ///< stable: DS101..DS105, BC101..BC104, MF101..MF107, LK101..LK106, LINT001
    LintSeverity severity = LintSeverity::warning;
    std::string object;               ///< `column "users"."age"`, `table "users"`, `schema "audit"`, ...
    std::string migration;            ///< the migration's name ("" for push's planned statements)
    std::string file;                 ///< its SQL file relative to the migrations folder ("" for push)
    int statement = 0;                ///< 1-based, as migrate splits the file; 0 = the file as a whole
    std::string message;              ///< one line: why this is a risk
    bool acknowledged = false;        ///< a `-- drizzle:lint-ignore` directive names the code
    std::string reason;               ///< the directive's reason
    std::optional<std::int64_t> rows; ///< --db: the rows counted (see the code's table)
    std::string rows_detail;          ///< which rows were counted ("holding NULL"; "" = every row)
    /// The operation (index into LintInput::operations) that raised it; none for a finding of the
    /// statement text (hand-written SQL, a table rebuild, a directive).
    std::optional<std::size_t> operation;
};

/// What one migration is linted from.
struct LintInput {
    Dialect dialect;
    std::string migration;             ///< name, copied into findings
    std::string file;                  ///< SQL file relative to the folder, copied into findings
    std::string sql;                   ///< the file's text
    Schema prev;                       ///< the schema before (what the migration was generated from)
    std::vector<Operation> operations; ///< diff(prev, next) with the migration's renames
};

/// Lints one migration: rules over the operations, each located in the file's statements (the
/// safe variants read the located statement), the statements no operation explains classified by
/// their text, then the file's `-- drizzle:lint-ignore` directives applied. Findings in
/// statement order. Pure: no database.
std::vector<LintFinding> lint_migration(const LintInput& input);

/// --db: fills `rows` of the findings of `input` by counting on `connection` (the database as it
/// is now, before the migration): duplicates, NULLs, orphans, violating rows (push's counts) and
/// a rebuilt table's rows. An MF finding whose count proves the statement will fail becomes an
/// error. Runs in a transaction it rolls back: nothing is written.
void count_lint_rows(const LintInput& input, std::vector<LintFinding>& findings, Connection& connection);

/// The findings of one migration.
struct LintedMigration {
    std::string name;
    std::string file;
    std::vector<LintFinding> findings;
};

/// A lint run over a migrations folder.
struct LintReport {
    std::vector<LintedMigration> migrations; ///< the migrations linted, in folder order
    std::string selection; ///< which migrations and why: "the newest migration", "every migration", ...
    bool counted = false;  ///< --db: rows were counted
    /// Unacknowledged findings of each severity.
    std::size_t count(LintSeverity severity) const;
    std::size_t acknowledged() const;
    /// True when an unacknowledged finding is above `max` (the run fails).
    bool fails(LintSeverity max) const;
};

/// Which migrations of the folder to lint.
struct LintRequest {
    bool all = false;           ///< every migration
    std::string name;           ///< one migration (folder name / tag, or a unique prefix or suffix)
    bool unapplied = false;     ///< the migrations the configured database has not applied (status)
    bool count_rows = false;    ///< --db: count the rows at risk in the configured database
};

/// Lints the config's migrations folder: by default the newest migration (each branch head when
/// git branches left several), `all` every one, `name` one, `unapplied` those the database
/// has not applied (status), rows counted with `count_rows` (the CLI's --db sets both). UserError for a config without
/// a dialect, a folder of another dialect or a name that matches no migration.
LintReport lint_folder(const Config& config, const LintRequest& request);

/// Lints the statements a push is about to run: `operations` from the live schema `live`.
std::vector<LintFinding> lint_push(Dialect dialect, const Schema& live, const std::vector<Operation>& operations,
                                   const std::vector<std::string>& statements, bool no_transaction);

/// The report as JSON (schema version 1, see README "Reviewing a migration"):
/// {"version":1,"selection","migrations":[{"name","file","findings":[{"code","severity","object",
/// "statement","message","acknowledged","reason","rows"}]}],"summary":{"error","warning","info",
/// "acknowledged","counted"}}.
std::string lint_report_json(const LintReport& report);

/// One line per finding: `DS103 error    20261122_x/migration.sql:3  column "users"."bio": why`,
/// acknowledged ones ending `(acknowledged: reason)`.
std::string format_lint_finding(const LintFinding& finding);

} // namespace drizzle::kit
