// Printing lint findings for the terminal, shared by lint, check, generate and push.
#include "cli/lint_output.hpp"

namespace drizzle::cli {

void print_lint_findings(const std::vector<kit::LintFinding>& findings, std::ostream& out, const std::string& indent) {
    for (const auto& f : findings)
        out << indent << kit::format_lint_finding(f) << "\n";
}

std::string lint_summary(const kit::LintReport& report) {
    using kit::LintSeverity;
    return std::to_string(report.count(LintSeverity::error)) + " error(s), " +
           std::to_string(report.count(LintSeverity::warning)) + " warning(s), " +
           std::to_string(report.acknowledged()) + " acknowledged";
}

void print_lint_report(const kit::LintReport& report, std::ostream& out) {
    for (const auto& m : report.migrations) {
        out << m.name << " (" << m.file
            << "): " << (m.findings.empty() ? "no findings" : std::to_string(m.findings.size()) + " finding(s)")
            << "\n";
        print_lint_findings(m.findings, out);
    }
    out << "Linted " << report.selection << " (" << report.migrations.size() << " migration(s)"
        << (report.counted ? ", rows counted in the database" : "") << "): " << lint_summary(report) << "\n";
    out.flush();
}

} // namespace drizzle::cli
