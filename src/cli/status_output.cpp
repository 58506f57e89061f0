// The status report's two renderings, a table and JSON, shared by `status` and `check --db`.
#include "cli/status_output.hpp"

#include <algorithm>
#include <ctime>
#include <iostream>

namespace drizzle::cli {

namespace {

using kit::MigrationStatusKind;

/// "2025-01-01 00:00:00" (UTC), "" when unknown.
std::string utc_time(const std::optional<std::int64_t>& ms) {
    if (!ms) return "";
    std::time_t seconds = static_cast<std::time_t>(*ms / 1000);
    std::tm tm{};
    if (gmtime_r(&seconds, &tm) == nullptr) return "";
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S", &tm);
    return text;
}

/// The JSON token of a status: stable, camelCase.
std::string json_status(MigrationStatusKind kind) {
    switch (kind) {
    case MigrationStatusKind::applied:
        return "applied";
    case MigrationStatusKind::pending:
        return "pending";
    case MigrationStatusKind::out_of_order:
        return "outOfOrder";
    case MigrationStatusKind::edited:
        return "edited";
    case MigrationStatusKind::missing_file:
        return "missingFile";
    case MigrationStatusKind::partially_applied:
        return "partiallyApplied";
    }
    return "unknown";
}

/// "2 pending, 1 out of order, 1 edited after apply" (the kinds that are not applied).
std::string problems_line(const kit::StatusReport& report) {
    std::string text;
    auto add = [&](std::size_t n, const std::string& what) {
        if (n > 0) text += (text.empty() ? "" : ", ") + std::to_string(n) + " " + what;
    };
    add(report.count(MigrationStatusKind::pending), "pending");
    add(report.count(MigrationStatusKind::out_of_order), "out of order");
    add(report.count(MigrationStatusKind::edited), "edited after apply");
    add(report.count(MigrationStatusKind::missing_file), "missing file");
    add(report.count(MigrationStatusKind::partially_applied), "partially applied");
    return text;
}

} // namespace

nlohmann::ordered_json status_json(const kit::StatusReport& report) {
    nlohmann::ordered_json doc;
    doc["upToDate"] = report.up_to_date();
    doc["databaseExists"] = report.database_exists;
    doc["applied"] = report.applied;
    doc["pending"] = report.pending;
    doc["outOfOrder"] = report.count(MigrationStatusKind::out_of_order);
    doc["edited"] = report.count(MigrationStatusKind::edited);
    doc["missingFile"] = report.count(MigrationStatusKind::missing_file);
    doc["migrations"] = nlohmann::ordered_json::array();
    for (const auto& e : report.entries) {
        nlohmann::ordered_json m;
        m["name"] = e.name;
        m["file"] = e.file.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(e.file);
        m["status"] = json_status(e.kind);
        m["createdAt"] = e.created_at_ms ? nlohmann::ordered_json(*e.created_at_ms) : nlohmann::ordered_json();
        m["detail"] = e.detail;
        doc["migrations"].push_back(std::move(m));
    }
    return doc;
}

void print_status_table(const kit::StatusReport& report) {
    const std::vector<std::string> header = {"Migration", "Status", "Created (UTC)", "Detail"};
    std::vector<std::vector<std::string>> rows;
    for (const auto& e : report.entries) {
        rows.push_back({e.name, std::string(kit::to_string(e.kind)), utc_time(e.created_at_ms), e.detail});
    }
    std::vector<std::size_t> width(header.size());
    for (std::size_t c = 0; c < header.size(); ++c)
        width[c] = header[c].size();
    for (const auto& row : rows) {
        for (std::size_t c = 0; c < row.size(); ++c)
            width[c] = std::max(width[c], row[c].size());
    }
    auto print_row = [&](const std::vector<std::string>& row) {
        std::string line;
        for (std::size_t c = 0; c < row.size(); ++c) {
            line += row[c];
            if (c + 1 < row.size()) line += std::string(width[c] - row[c].size() + 2, ' ');
        }
        while (!line.empty() && line.back() == ' ')
            line.pop_back();
        std::cout << line << '\n';
    };
    if (!rows.empty()) {
        print_row(header);
        for (const auto& row : rows)
            print_row(row);
        std::cout << '\n';
    }
    if (!report.database_exists) {
        std::cout << "[i] The database does not exist yet: no migration is applied\n";
    } else if (!report.table_exists) {
        std::cout << "[i] The database records no migration (no bookkeeping table yet)\n";
    }
    if (report.up_to_date()) {
        std::cout << "[✓] Database is up to date (" << report.applied << " migration"
                  << (report.applied == 1 ? "" : "s") << " applied)\n";
    } else {
        std::cout << "[!] " << problems_line(report) << " (" << report.applied << " applied)\n";
    }
    std::cout.flush();
}

} // namespace drizzle::cli
