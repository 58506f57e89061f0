// The error hierarchy shared by every module; the CLI maps these to exit codes in one place.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace drizzle {

/// Root of every error drizzle-cpp throws.
class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// The user's input is wrong: config, snapshot, schema, migrations folder, flags.
class UserError : public Error {
public:
    using Error::Error;
};

/// A problem found in the user's input, with where it was found.
struct Diagnostic {
    std::string where;    ///< file, "file:line" or object path such as `table "users"`
    std::string message;
};

/// Several user mistakes collected in one run, so they are reported together.
class DiagnosticsError : public UserError {
public:
    explicit DiagnosticsError(std::vector<Diagnostic> diagnostics);
    const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

private:
    std::vector<Diagnostic> diagnostics_;
};

/// The database rejected something. Carries the engine's code and the failing statement.
class DbError : public Error {
public:
    DbError(std::string message, std::string code, std::string statement = {});
    /// SQLSTATE (PostgreSQL) or the extended result code name (SQLite, e.g. "SQLITE_CONSTRAINT").
    const std::string& code() const { return code_; }
    const std::string& statement() const { return statement_; }

private:
    std::string code_;
    std::string statement_;
};

/// A decision (rename or create) is needed and no terminal or answer was available.
class UnresolvedDecisionsError : public UserError {
public:
    UnresolvedDecisionsError(std::string message, std::string questions_json);
    /// The open questions as a JSON array, to be printed for automation.
    const std::string& questions_json() const { return questions_json_; }

private:
    std::string questions_json_;
};

/// Wraps an error with context added on the way up ("while applying X, statement 3").
/// Keeps the category of the original so exit codes stay right.
[[noreturn]] void rethrow_with_context(const std::string& context);

}  // namespace drizzle
