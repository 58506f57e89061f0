// The dialect's rendering of a diff as migration text, so workflows stay dialect-neutral.
#pragma once

#include "drizzle/diff/diff.hpp"

#include <string>
#include <vector>

namespace drizzle::kit {

/// The SQL statements of a diff in `dialect` (dialect_ops(dialect).migration_sql). `no_transaction`
/// is set when a statement cannot run inside a transaction (PostgreSQL CREATE INDEX CONCURRENTLY).
std::vector<std::string> dialect_statements(Dialect dialect, const DiffResult& diff, bool& no_transaction);

/// A migration file's text: statements separated by `--> statement-breakpoint\n` (or a newline
/// without breakpoints), no trailing newline, as drizzle-kit writes them.
std::string join_statements(const std::vector<std::string>& statements, bool breakpoints);

/// Throws UserError unless `command` can run for the dialect: its operations are built into this
/// program. A dialect drizzle-cpp only knows by name: "<command> does not support the <name>
/// dialect yet"; one known but left out of this build: the registry's error.
void require_supported(Dialect dialect, const std::string& command);

}  // namespace drizzle::kit
