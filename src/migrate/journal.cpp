// Journal JSON: validation with file-named errors, and output identical to JSON.stringify(.., 2).
#include "migrate/journal.hpp"

#include "drizzle/error.hpp"

#include <nlohmann/json.hpp>

namespace drizzle::migrate_internal {

namespace {

using ordered_json = nlohmann::ordered_json;

[[noreturn]] void malformed(const std::filesystem::path& file, const std::string& what) {
    throw UserError("malformed migrations journal " + file.string() + ": " + what);
}

ordered_json parse_json(const std::string& text, const std::filesystem::path& file) {
    try {
        return ordered_json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        malformed(file, std::string("not valid JSON (") + e.what() + ")");
    }
}

ordered_json entry_json(const JournalEntry& entry) {
    // Key order is drizzle-kit's: idx, version, when, tag, breakpoints.
    ordered_json j = ordered_json::object();
    j["idx"] = entry.idx;
    j["version"] = entry.version;
    j["when"] = entry.when;
    j["tag"] = entry.tag;
    j["breakpoints"] = entry.breakpoints;
    return j;
}

std::string dump(const ordered_json& j) {
    // JSON.stringify leaves non-ASCII as is; nlohmann does the same without ensure_ascii.
    return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

Journal parse_journal(const std::string& text, const std::filesystem::path& file) {
    ordered_json j = parse_json(text, file);
    if (!j.is_object()) malformed(file, "expected a JSON object");
    Journal journal;
    if (j.contains("version") && j["version"].is_string()) journal.version = j["version"].get<std::string>();
    if (j.contains("dialect") && j["dialect"].is_string()) journal.dialect = j["dialect"].get<std::string>();
    if (!j.contains("entries") || !j["entries"].is_array()) malformed(file, "\"entries\" must be an array");
    std::size_t i = 0;
    for (const auto& e : j["entries"]) {
        std::string where = "entries[" + std::to_string(i++) + "]";
        if (!e.is_object()) malformed(file, where + " must be an object");
        JournalEntry entry;
        if (!e.contains("tag") || !e["tag"].is_string() || e["tag"].get<std::string>().empty()) {
            malformed(file, where + ".tag must be a non-empty string");
        }
        entry.tag = e["tag"].get<std::string>();
        if (!e.contains("when") || !e["when"].is_number_integer()) {
            malformed(file, where + ".when must be an integer (ms since 1970)");
        }
        entry.when = e["when"].get<std::int64_t>();
        if (e.contains("idx") && e["idx"].is_number_integer()) entry.idx = e["idx"].get<std::int64_t>();
        if (e.contains("version") && e["version"].is_string())
            entry.version = e["version"].get<std::string>();
        if (e.contains("breakpoints")) {
            if (!e["breakpoints"].is_boolean()) malformed(file, where + ".breakpoints must be true or false");
            entry.breakpoints = e["breakpoints"].get<bool>();
        }
        journal.entries.push_back(std::move(entry));
    }
    return journal;
}

std::string append_journal_entry(const std::string& text, const JournalEntry& entry,
                                 const std::filesystem::path& file) {
    parse_journal(text, file);  // same validation as reading
    ordered_json j = parse_json(text, file);
    j["entries"].push_back(entry_json(entry));
    return dump(j);
}

std::string remove_journal_entry(const std::string& text, const std::string& tag, const std::filesystem::path& file) {
    parse_journal(text, file);
    ordered_json j = parse_json(text, file);
    ordered_json kept = ordered_json::array();
    bool found = false;
    for (const auto& e : j["entries"]) {
        if (e["tag"].get<std::string>() == tag) {
            found = true;
            continue;
        }
        kept.push_back(e);
    }
    if (!found) malformed(file, "it has no entry tagged \"" + tag + "\"");
    j["entries"] = std::move(kept);
    return dump(j);
}

std::string render_journal(const Journal& journal) {
    ordered_json j = ordered_json::object();
    j["version"] = journal.version;
    j["dialect"] = journal.dialect;
    j["entries"] = ordered_json::array();
    for (const auto& e : journal.entries) j["entries"].push_back(entry_json(e));
    return dump(j);
}

}  // namespace drizzle::migrate_internal
