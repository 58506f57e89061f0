// The lint engine: operation rules, then the statement classifier, then directives; report and JSON.
#include "drizzle/kit/lint.hpp"

#include "drizzle/dialect/registry.hpp"
#include "kit/lint_internal.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace drizzle::kit {

namespace {

std::vector<LintFinding> run(Dialect dialect, const Schema& prev, const std::vector<Operation>& operations,
                             const lint_detail::Source& source) {
    const DialectFacts& facts = dialect_facts(dialect);
    auto findings = lint_detail::operation_findings(facts, prev, operations, source);
    auto text = lint_detail::statement_findings(facts, prev, operations, source, findings);
    findings.insert(findings.end(), text.begin(), text.end());
    return findings;
}

void sort_findings(std::vector<LintFinding>& findings) {
    std::stable_sort(findings.begin(), findings.end(),
                     [](const LintFinding& a, const LintFinding& b) { return a.statement < b.statement; });
}

} // namespace

std::string_view to_string(LintSeverity severity) {
    switch (severity) {
    case LintSeverity::info:
        return "info";
    case LintSeverity::warning:
        return "warning";
    case LintSeverity::error:
        return "error";
    }
    return "error";
}

std::optional<LintSeverity> lint_severity_from_string(std::string_view text) {
    for (auto s : {LintSeverity::info, LintSeverity::warning, LintSeverity::error}) {
        if (to_string(s) == text) return s;
    }
    return std::nullopt;
}

std::vector<LintFinding> lint_migration(const LintInput& input) {
    const auto source = lint_detail::read_source(input.sql);
    auto findings = run(input.dialect, input.prev, input.operations, source);
    lint_detail::apply_directives(input.sql, findings);
    sort_findings(findings);
    for (auto& f : findings) {
        f.migration = input.migration;
        f.file = input.file;
    }
    return findings;
}

std::vector<LintFinding> lint_push(Dialect dialect, const Schema& live, const std::vector<Operation>& operations,
                                   const std::vector<std::string>& statements, bool no_transaction) {
    auto findings = run(dialect, live, operations, lint_detail::statements_source(statements, no_transaction));
    sort_findings(findings);
    return findings;
}

std::size_t LintReport::count(LintSeverity severity) const {
    std::size_t n = 0;
    for (const auto& m : migrations) {
        for (const auto& f : m.findings)
            n += !f.acknowledged && f.severity == severity;
    }
    return n;
}

std::size_t LintReport::acknowledged() const {
    std::size_t n = 0;
    for (const auto& m : migrations) {
        for (const auto& f : m.findings)
            n += f.acknowledged;
    }
    return n;
}

bool LintReport::fails(LintSeverity max) const {
    for (const auto& m : migrations) {
        for (const auto& f : m.findings) {
            if (!f.acknowledged && f.severity > max) return true;
        }
    }
    return false;
}

std::string format_lint_finding(const LintFinding& f) {
    std::string severity(to_string(f.severity));
    severity.resize(7, ' ');
    std::string where = f.file.empty() ? "statement " + std::to_string(f.statement) : f.file;
    if (!f.file.empty() && f.statement > 0) where += ":" + std::to_string(f.statement);
    std::string line = f.code + " " + severity + "  " + where + "  " + f.object + ": " + f.message;
    if (f.rows) {
        line += " [" + std::to_string(*f.rows) + (*f.rows == 1 ? " row" : " rows") +
                (f.rows_detail.empty() ? "" : " " + f.rows_detail) + "]";
    }
    if (f.acknowledged) line += " (acknowledged: " + f.reason + ")";
    return line;
}

std::string lint_report_json(const LintReport& report) {
    nlohmann::ordered_json json;
    json["version"] = 1;
    json["selection"] = report.selection;
    json["migrations"] = nlohmann::ordered_json::array();
    for (const auto& m : report.migrations) {
        nlohmann::ordered_json item;
        item["name"] = m.name;
        item["file"] = m.file;
        item["findings"] = nlohmann::ordered_json::array();
        for (const auto& f : m.findings) {
            nlohmann::ordered_json finding;
            finding["code"] = f.code;
            finding["severity"] = to_string(f.severity);
            finding["object"] = f.object;
            finding["statement"] = f.statement;
            finding["message"] = f.message;
            finding["acknowledged"] = f.acknowledged;
            finding["reason"] = f.acknowledged ? nlohmann::ordered_json(f.reason) : nlohmann::ordered_json();
            finding["rows"] = f.rows ? nlohmann::ordered_json(*f.rows) : nlohmann::ordered_json();
            item["findings"].push_back(std::move(finding));
        }
        json["migrations"].push_back(std::move(item));
    }
    nlohmann::ordered_json summary;
    summary["error"] = report.count(LintSeverity::error);
    summary["warning"] = report.count(LintSeverity::warning);
    summary["info"] = report.count(LintSeverity::info);
    summary["acknowledged"] = report.acknowledged();
    summary["counted"] = report.counted;
    json["summary"] = std::move(summary);
    return json.dump(2);
}

} // namespace drizzle::kit
