// The shape of drizzle-kit's two snapshot generations, shared by every dialect's format check.
#include "snapshot/document.hpp"

namespace drizzle::snapshot_detail {

std::optional<SnapshotFormat> format_of_shape(const JsonNode& root) {
    const Json& document = root.json();
    const auto is = [&](std::string_view key, bool (Json::*type)() const noexcept) {
        auto it = document.find(key);
        return it != document.end() && ((*it).*type)();
    };
    if (is("prevId", &Json::is_string) && is("tables", &Json::is_object)) return SnapshotFormat::legacy;
    if (is("prevIds", &Json::is_array) && is("ddl", &Json::is_array)) return SnapshotFormat::v1;
    return std::nullopt;
}

std::string quoted_json(std::string_view text) {
    return stringify_js(Json(std::string(text)));
}

} // namespace drizzle::snapshot_detail
