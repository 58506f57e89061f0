// A squash migration's `replaces.json`: the migrations it stands for, as the migrator matches them.
#pragma once

#include "drizzle/migrate/migration_store.hpp"

#include <string>
#include <vector>

namespace drizzle {

/// The file name beside a v1 squash migration's migration.sql.
inline constexpr const char* kReplacesFile = "replaces.json";

/// `[{"name": ..., "hash": ..., "createdAt": <ms>}, ...]` with 2-space indent and a final newline.
std::string replaces_to_json(const std::vector<ReplacedMigration>& replaces);

/// Parses that JSON. UserError naming `source` (the file) when it is not such an array, an entry
/// lacks a non-empty "name"/"hash" or a numeric "createdAt", or a name repeats.
std::vector<ReplacedMigration> replaces_from_json(const std::string& json, const std::string& source);

} // namespace drizzle
