// check: runs the folder passes (layout, snapshots, chain, SQL) and renders the report as JSON.
#include "drizzle/kit/check.hpp"

#include "drizzle/error.hpp"
#include "kit/check_internal.hpp"
#include "util/files.hpp"

#include <nlohmann/json.hpp>

namespace drizzle::kit {

namespace fs = std::filesystem;

namespace check_detail {

std::string CheckContext::relative(const fs::path& path) const {
    if (path.empty()) return "";
    return detail::path_in_folder(path, dir);
}

void CheckContext::add(std::string code, CheckFinding::Severity severity, const fs::path& file, std::string message,
                       std::vector<std::string> objects) {
    report.findings.push_back({std::move(code), severity, relative(file), std::move(message), std::move(objects)});
}

std::string joined_names(const std::vector<std::string>& names) {
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0) out += i + 1 == names.size() ? " and " : ", ";
        out += names[i];
    }
    return out;
}

} // namespace check_detail

bool CheckReport::ok() const {
    for (const auto& f : findings) {
        if (f.severity == CheckFinding::Severity::error) return false;
    }
    return true;
}

CheckReport check_folder(const fs::path& folder, Dialect dialect, bool breakpoints) {
    CheckReport report;
    report.folder = folder;
    check_detail::CheckContext ctx{folder, dialect, breakpoints, {}, {}, report};
    if (!check_detail::scan_folder(ctx)) return report;
    report.layout = ctx.folder.layout;
    report.migrations = ctx.folder.entries.size();
    check_detail::check_snapshots(ctx);
    // The chain of the snapshots that parsed (the others are reported already).
    SnapshotGraph graph;
    for (const auto& [entry, snapshot] : ctx.snapshots)
        graph.nodes.push_back({entry, snapshot.id, snapshot.prev_ids});
    check_detail::check_chain(ctx, graph);
    check_detail::check_sql(ctx, graph);
    return report;
}

CheckReport check_folder(const Config& config) {
    if (!config.dialect) throw UserError("check needs a dialect: set \"dialect\" in the config or pass --dialect");
    return check_folder(config.out_dir(), *config.dialect, config.breakpoints);
}

std::string check_report_json(const CheckReport& report) {
    nlohmann::ordered_json json;
    json["folder"] = report.folder.string();
    json["layout"] = report.layout == FolderLayout::legacy ? "legacy" : "v1";
    json["migrations"] = report.migrations;
    json["ok"] = report.ok();
    json["findings"] = nlohmann::ordered_json::array();
    for (const auto& f : report.findings) {
        nlohmann::ordered_json item;
        item["code"] = f.code;
        item["severity"] = f.severity == CheckFinding::Severity::error     ? "error"
                           : f.severity == CheckFinding::Severity::warning ? "warning"
                                                                           : "info";
        item["file"] = f.file;
        item["message"] = f.message;
        item["objects"] = f.objects;
        json["findings"].push_back(std::move(item));
    }
    return json.dump(2);
}

} // namespace drizzle::kit
