// --db for the lint: push's row counts mapped onto the findings; a count that proves failure makes an error.
#include "drizzle/kit/lint.hpp"
#include "drizzle/kit/push_risks.hpp"

#include <regex>

namespace drizzle::kit {

namespace {

/// Whether `risk` (counted for the finding's operation) is what `code` is about.
bool counts_for(const std::string& code, const DataRisk& risk) {
    const bool not_null = risk.problem.starts_with("set NOT NULL");
    const bool type = risk.problem.starts_with("change type");
    if (code == "MF103") return not_null;
    if (code == "DS105" || code == "MF104" || code == "LK103") return type;
    if (code == "BC104" || code == "LK104" || code == "LK101" || code == "LK102" || code == "LK105") return false;
    return true; // the operation has one count: drops, keys, checks, foreign keys, enum values, added columns
}

} // namespace

void count_lint_rows(const LintInput& input, std::vector<LintFinding>& findings, Connection& connection) {
    connection.exec("BEGIN"); // the counts run under savepoints; nothing is written
    try {
        const auto risks = assess_data_risks(input.operations, input.prev, connection, /*keep_zero_counts=*/true);
        for (auto& f : findings) {
            if (f.operation) {
                for (const auto& risk : risks) {
                    if (risk.operation != *f.operation || !counts_for(f.code, risk)) continue;
                    f.rows = f.rows.value_or(0) + risk.rows;
                    f.rows_detail = risk.detail;
                    // The database refuses the statement: no longer a risk but a certainty.
                    if (f.code.starts_with("MF") && risk.kind == DataRisk::Kind::will_fail && risk.rows > 0) {
                        f.severity = LintSeverity::error;
                        // The count is printed beside the finding; the message only says what it proves.
                        f.message += ": it will fail on the rows counted";
                    }
                }
            } else if (f.code == "LK106") {
                // `table "t"` / `table "s"."t"`: the rows the rebuild copies.
                static const std::regex object(R"re(^table (?:"([^"]*)"\.)?"([^"]*)"$)re");
                std::smatch m;
                if (std::regex_match(f.object, m, object)) {
                    if (auto rows = count_table_rows(connection, m[1].str(), m[2].str())) {
                        f.rows = *rows;
                        f.rows_detail = "to copy";
                    }
                }
            }
        }
    } catch (...) {
        connection.exec("ROLLBACK");
        throw;
    }
    connection.exec("ROLLBACK");
}

} // namespace drizzle::kit
