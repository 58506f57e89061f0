// Picks the dialect's lowering and rendering for a diff, so commands stay dialect-neutral.
#pragma once

#include "drizzle/diff/diff.hpp"

#include <string>
#include <vector>

namespace drizzle::cli {

/// The SQL statements of a diff in `dialect`. `no_transaction` is set when a statement cannot
/// run inside a transaction (PostgreSQL CREATE INDEX CONCURRENTLY).
std::vector<std::string> dialect_statements(Dialect dialect, const DiffResult& diff, bool& no_transaction);

/// A migration file's text: statements separated by `--> statement-breakpoint\n` (or a newline
/// without breakpoints), no trailing newline, as drizzle-kit writes them.
std::string join_statements(const std::vector<std::string>& statements, bool breakpoints);

/// Throws UserError unless the dialect can be generated and exported.
void require_supported(Dialect dialect, const std::string& command);

}  // namespace drizzle::cli
