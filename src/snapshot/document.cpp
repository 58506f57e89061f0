// The shape of drizzle-kit's two snapshot generations, shared by every dialect's format check.
#include "snapshot/document.hpp"

namespace drizzle::snapshot_detail {

std::optional<SnapshotFormat> format_of_shape(const JsonNode& root) {
    const auto is = [&](std::string_view key, bool (JsonNode::*type)() const) {
        auto member = root.optional_member(key);
        return member && ((*member).*type)();
    };
    if (is("prevId", &JsonNode::is_string) && is("tables", &JsonNode::is_object)) return SnapshotFormat::legacy;
    if (is("prevIds", &JsonNode::is_array) && is("ddl", &JsonNode::is_array)) return SnapshotFormat::v1;
    return std::nullopt;
}

std::string quoted_json(std::string_view text) {
    return stringify_js(Json(std::string(text)));
}

} // namespace drizzle::snapshot_detail
