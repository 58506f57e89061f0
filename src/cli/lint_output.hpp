// How lint findings print: one line per finding grouped by migration, then a summary (lint, check, generate, push).
#pragma once

#include "drizzle/kit/lint.hpp"

#include <ostream>
#include <string>
#include <vector>

namespace drizzle::cli {

/// Per migration: its name and file, then one line per finding (kit::format_lint_finding);
/// then `Linted <selection>: N error(s), N warning(s), N acknowledged`.
void print_lint_report(const kit::LintReport& report, std::ostream& out);

/// The findings alone, each line prefixed by `indent` (generate and push's additional lines).
void print_lint_findings(const std::vector<kit::LintFinding>& findings, std::ostream& out,
                         const std::string& indent = "  ");

/// "2 error(s), 1 warning(s), 0 acknowledged".
std::string lint_summary(const kit::LintReport& report);

} // namespace drizzle::cli
