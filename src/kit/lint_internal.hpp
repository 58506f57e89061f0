// The lint's passes share the file's statements, the raw findings and the names before renames.
#pragma once

#include "drizzle/dialect/dialect_facts.hpp"
#include "drizzle/kit/lint.hpp"

#include <cstddef>
#include <map>
#include <string>
#include <tuple>
#include <vector>

namespace drizzle::kit::lint_detail {

/// One statement of the file as migrate splits it, and the form the rules match against: comments
/// removed, identifier quotes removed, lower case, whitespace runs made one space.
struct Statement {
    std::string text;
    std::string norm;
};

/// What the lint reads a migration as.
struct Source {
    std::vector<Statement> statements;
    bool txmode_none = false; ///< `-- drizzle:txmode none`: statements run outside a transaction
};

/// The statement's normalised text (see Statement::norm).
std::string normalize(const std::string& sql);
/// The file split as migrate splits it (on `--> statement-breakpoint`).
Source read_source(const std::string& sql);
/// Statements given one by one (push's plan).
Source statements_source(const std::vector<std::string>& statements, bool txmode_none);

/// True when every term occurs in `norm` as whole words (terms are lower case; a term may hold
/// several words, `drop column`).
bool has_terms(const std::string& norm, const std::vector<std::string>& terms);

/// Where an operation's finding is: the first statement holding every term of the first pattern
/// that matches any statement. 1-based; 0 when none does.
int locate(const Source& source, const std::vector<std::vector<std::string>>& patterns);

/// The statement (1-based) that starts a rebuild of `table` (`CREATE TABLE __new_<table>`), or 0.
int rebuild_statement(const Source& source, const std::string& table);

/// Table names (lower case) before renames, for "did this table exist before the migration".
class PrevNames {
public:
    PrevNames(const std::vector<Operation>& operations, const Schema& prev);
    /// The table as it is in `prev` (after renames: the new name), nullptr when it is new.
    const Table* table(const std::string& schema, const std::string& name) const;

private:
    const Schema& prev_;
    std::map<std::pair<std::string, std::string>, std::string> renamed_; // (schema, new) -> old
};

/// `table "users"` / `table "audit"."users"`, `column "users"."age"`, ...
std::string table_object(const std::string& schema, const std::string& table);
std::string column_object(const std::string& schema, const std::string& table, const std::string& column);
std::string quoted(const std::string& name);

/// The findings the operations raise, located in `source` (safe variants already left out).
std::vector<LintFinding> operation_findings(const DialectFacts& facts, const Schema& prev,
                                            const std::vector<Operation>& operations, const Source& source);

/// Findings of statements no operation explains (hand-written SQL): DROP SCHEMA/TABLE/COLUMN,
/// CREATE INDEX without CONCURRENTLY, ADD FOREIGN KEY without NOT VALID, and every table rebuild
/// (LK106). Skips a code+object `known` already has.
std::vector<LintFinding> statement_findings(const DialectFacts& facts, const Schema& prev,
                                            const std::vector<Operation>& operations, const Source& source,
                                            const std::vector<LintFinding>& known);

/// Applies the file's `-- drizzle:lint-ignore CODE[,CODE] reason` directives to `findings` and
/// appends a LINT001 finding for each directive without a reason.
void apply_directives(const std::string& sql, std::vector<LintFinding>& findings);

} // namespace drizzle::kit::lint_detail
