// `-- drizzle:lint-ignore CODE[,CODE] reason`: acknowledgements for the whole file or one statement.
#include "drizzle/migrate/migrator.hpp"
#include "kit/lint_internal.hpp"

#include <algorithm>
#include <cctype>
#include <optional>
#include <regex>
#include <sstream>

namespace drizzle::kit::lint_detail {

namespace {

struct Directive {
    int statement = 0; ///< 0 = the whole file (its leading comment block)
    std::vector<std::string> codes;
    std::string reason;
    std::string text;
};

std::string trim(const std::string& s) {
    const auto a = s.find_first_not_of(" \t\r");
    if (a == std::string::npos) return "";
    return s.substr(a, s.find_last_not_of(" \t\r") - a + 1);
}

/// The directive on `line`, if it is one.
std::optional<Directive> parse_line(const std::string& line) {
    static const std::regex directive(R"(^\s*--\s*drizzle:lint-ignore\b(.*)$)");
    static const std::regex code(R"(^[A-Za-z]{2,5}[0-9]{3}$)");
    std::smatch m;
    if (!std::regex_match(line, m, directive)) return std::nullopt;
    Directive d;
    d.text = trim(line);
    std::string rest = m[1].str();
    // Codes: words shaped like a code, separated by commas and/or spaces; the rest is the reason.
    std::size_t at = 0;
    while (true) {
        const auto start = rest.find_first_not_of(" \t,", at);
        if (start == std::string::npos) {
            at = rest.size();
            break;
        }
        auto end = rest.find_first_of(" \t,\r", start);
        if (end == std::string::npos) end = rest.size();
        const std::string word = rest.substr(start, end - start);
        if (!std::regex_match(word, code)) {
            at = start;
            break;
        }
        std::string upper;
        for (char c : word)
            upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        d.codes.push_back(upper);
        at = end;
    }
    d.reason = trim(rest.substr(std::min(at, rest.size())));
    return d;
}

bool sql_line(const std::string& line) {
    const std::string t = trim(line);
    return !t.empty() && !t.starts_with("--");
}

} // namespace

void apply_directives(const std::string& sql, std::vector<LintFinding>& findings) {
    std::vector<Directive> directives;
    const auto pieces = split_statements(sql);
    bool leading = true; // still in the file's leading comment block
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        // Most statements hold no directive: only the leading block's end matters for them.
        if (pieces[i].find("lint-ignore") == std::string::npos) {
            leading = false;
            continue;
        }
        std::stringstream in(pieces[i]);
        for (std::string line; std::getline(in, line);) {
            if (sql_line(line)) leading = false;
            if (auto d = parse_line(line)) {
                d->statement = leading ? 0 : static_cast<int>(i + 1);
                // A directive below the statement's SQL in its piece still belongs to that statement.
                directives.push_back(std::move(*d));
            }
        }
        leading = false;
    }
    for (const auto& d : directives) {
        if (d.reason.empty() || d.codes.empty()) {
            LintFinding f;
            f.code = "LINT001";
            f.severity = LintSeverity::warning;
            f.object = "directive `" + d.text + "`";
            f.statement = d.statement;
            f.message = d.codes.empty() ? "lint-ignore names no code (CODE[,CODE] reason): it acknowledges nothing"
                                        : "lint-ignore without a reason: it acknowledges nothing until it says why";
            findings.push_back(std::move(f));
            continue;
        }
        for (auto& f : findings) {
            if (f.acknowledged || f.code == "LINT001") continue;
            if (d.statement != 0 && d.statement != f.statement) continue;
            if (std::find(d.codes.begin(), d.codes.end(), f.code) == d.codes.end()) continue;
            f.acknowledged = true;
            f.reason = d.reason;
        }
    }
}

} // namespace drizzle::kit::lint_detail
