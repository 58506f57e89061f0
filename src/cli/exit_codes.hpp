// The CLI's exit codes, and the one place that maps errors to them.
#pragma once

#include "drizzle/error.hpp"
#include "drizzle/kit/schema_source.hpp"

#include <functional>
#include <string>

namespace drizzle::cli {

enum ExitCode : int {
    exit_ok = 0,
    exit_failure = 1,           ///< database or file-system failure, or an internal error
    exit_decisions_needed = 2,  ///< rename/create questions and no terminal or answers (as drizzle-kit 1.0)
    exit_invalid_input = 3,     ///< bad config, flags, snapshot, migrations folder or schema
    exit_schema_compile = 4,    ///< the C++ schema headers did not compile
};

/// The user's schema headers failed to compile (thrown by drizzle/kit's schema loading).
using kit::SchemaCompileError;

/// Runs a command body, printing any error as `error: ...` on stderr and returning its exit code.
int run_guarded(const std::function<int()>& body);

}  // namespace drizzle::cli
