// SQLite's snapshot formats: the readers and writers of drizzle-kit 0.31 and 1.0 SQLite files.
#pragma once

#include "drizzle/snapshot/snapshot.hpp"
#include "snapshot/json_reader.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace drizzle::snapshot_detail {

/// drizzle-kit 0.31 SQLite snapshot ("version": "6"). `root` is the whole document.
Snapshot read_sqlite_legacy(const JsonNode& root);
Json write_sqlite_legacy(const Snapshot& snapshot);

/// drizzle-kit 1.0 SQLite snapshot ("version": "7", `ddl` entity list).
Snapshot read_sqlite_v1(const JsonNode& root);
std::string write_sqlite_v1(const Snapshot& snapshot);

// What the SQLite DialectFacts answers about snapshots (sqlite_snapshot.cpp).

/// The SQLite format `root` is shaped like, whatever its "dialect" says.
std::optional<SnapshotDocument> sqlite_snapshot_document_of_content(const JsonNode& root);
/// Reads a "dialect": "sqlite" document of either version; fails naming both otherwise.
Snapshot read_sqlite_snapshot(const JsonNode& root, std::string_view version);
/// The file text of a SQLite snapshot in its format.
std::string write_sqlite_snapshot(const Snapshot& snapshot);

} // namespace drizzle::snapshot_detail
