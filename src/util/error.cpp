// Implementation of the error hierarchy.
#include "drizzle/error.hpp"

namespace drizzle {

namespace {
std::string join_diagnostics(const std::vector<Diagnostic>& diagnostics) {
    std::string text;
    for (const auto& d : diagnostics) {
        if (!text.empty()) text += '\n';
        text += d.where.empty() ? d.message : d.where + ": " + d.message;
    }
    return text;
}
}  // namespace

DiagnosticsError::DiagnosticsError(std::vector<Diagnostic> diagnostics)
    : UserError(join_diagnostics(diagnostics)), diagnostics_(std::move(diagnostics)) {}

DbError::DbError(std::string message, std::string code, std::string statement)
    : Error(std::move(message)), code_(std::move(code)), statement_(std::move(statement)) {}

UnresolvedDecisionsError::UnresolvedDecisionsError(std::string message, std::string questions_json)
    : UserError(std::move(message)), questions_json_(std::move(questions_json)) {}

void rethrow_with_context(const std::string& context) {
    try {
        throw;
    } catch (const DbError& e) {
        throw DbError(context + ": " + e.what(), e.code(), e.statement());
    } catch (const UnresolvedDecisionsError& e) {
        throw UnresolvedDecisionsError(context + ": " + e.what(), e.questions_json());
    } catch (const UserError& e) {
        throw UserError(context + ": " + e.what());
    } catch (const std::exception& e) {
        throw Error(context + ": " + e.what());
    }
}

}  // namespace drizzle
