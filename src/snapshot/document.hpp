// The shape of drizzle-kit's two snapshot generations, shared by every dialect's format check.
#pragma once

#include "drizzle/snapshot/snapshot.hpp"
#include "snapshot/json_reader.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace drizzle::snapshot_detail {

/// Which generation `root` (a whole document) is shaped like, whatever it claims: 0.x files have
/// a "prevId" string and a "tables" object, 1.0 files a "prevIds" array and a "ddl" array.
/// std::nullopt for any other shape.
std::optional<SnapshotFormat> format_of_shape(const JsonNode& root);

/// `text` as a JSON string literal, for messages that quote a document's strings.
std::string quoted_json(std::string_view text);

} // namespace drizzle::snapshot_detail
