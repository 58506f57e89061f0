// replaces.json: written by `squash`, read with the folder so the migrator knows what a squash stands for.
#include "drizzle/migrate/replaces.hpp"

#include "drizzle/error.hpp"

#include <nlohmann/json.hpp>

#include <set>

namespace drizzle {

namespace {

using ordered_json = nlohmann::ordered_json;

[[noreturn]] void malformed(const std::string& source, const std::string& what) {
    throw UserError("malformed " + source + ": " + what +
                    " (expected [{\"name\": \"<folder>\", \"hash\": \"<sha256>\", \"createdAt\": <ms>}, ...], "
                    "as `drizzle-kit squash` writes it)");
}

} // namespace

std::string replaces_to_json(const std::vector<ReplacedMigration>& replaces) {
    ordered_json out = ordered_json::array();
    for (const auto& r : replaces) {
        ordered_json item;
        item["name"] = r.name;
        item["hash"] = r.hash;
        item["createdAt"] = r.created_at_ms;
        out.push_back(std::move(item));
    }
    return out.dump(2) + "\n";
}

std::vector<ReplacedMigration> replaces_from_json(const std::string& json, const std::string& source) {
    ordered_json doc;
    try {
        doc = ordered_json::parse(json);
    } catch (const nlohmann::json::exception& e) {
        malformed(source, std::string("not valid JSON: ") + e.what());
    }
    if (!doc.is_array()) malformed(source, "the top level must be an array");
    if (doc.empty()) malformed(source, "it lists no migration");
    std::vector<ReplacedMigration> result;
    std::set<std::string> names;
    for (std::size_t i = 0; i < doc.size(); ++i) {
        const auto& item = doc[i];
        const std::string where = "entry " + std::to_string(i);
        if (!item.is_object()) malformed(source, where + " must be an object");
        auto text = [&](const char* key) {
            auto it = item.find(key);
            if (it == item.end() || !it->is_string() || it->get<std::string>().empty())
                malformed(source, where + ": \"" + key + "\" must be a non-empty string");
            return it->get<std::string>();
        };
        ReplacedMigration r;
        r.name = text("name");
        r.hash = text("hash");
        auto created = item.find("createdAt");
        if (created == item.end() || !created->is_number_integer())
            malformed(source, where + ": \"createdAt\" must be an integer (milliseconds)");
        r.created_at_ms = created->get<std::int64_t>();
        if (!names.insert(r.name).second) malformed(source, "\"" + r.name + "\" is listed twice");
        result.push_back(std::move(r));
    }
    return result;
}

} // namespace drizzle
