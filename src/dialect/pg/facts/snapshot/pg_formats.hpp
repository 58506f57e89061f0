// PostgreSQL's snapshot formats: the readers and writers of drizzle-kit 0.31 and 1.0 files.
#pragma once

#include "drizzle/snapshot/snapshot.hpp"
#include "snapshot/json_reader.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace drizzle::snapshot_detail {

/// drizzle-kit 0.31 PostgreSQL snapshot ("version": "7", "dialect": "postgresql").
Snapshot read_pg_legacy(const JsonNode& root);
Json write_pg_legacy(const Snapshot& snapshot);

/// drizzle-kit 1.0 PostgreSQL snapshot ("version": "8", "dialect": "postgres", `ddl` entity list).
/// The writer returns the file's text (streamed: the only format written at 1000s of entities
/// on every generate).
Snapshot read_pg_v1(const JsonNode& root);
std::string write_pg_v1(const Snapshot& snapshot);

// What the PostgreSQL DialectFacts answers about snapshots (pg_snapshot.cpp).

/// The PostgreSQL format `root` is shaped like, whatever its "dialect" says.
std::optional<SnapshotDocument> pg_snapshot_document_of_content(const JsonNode& root);
/// Reads a "postgresql" 0.31 or "postgres" 1.0 document; fails naming both otherwise.
Snapshot read_pg_snapshot(const JsonNode& root, std::string_view dialect, std::string_view version);
/// The file text of a PostgreSQL snapshot in its format.
std::string write_pg_snapshot(const Snapshot& snapshot);

} // namespace drizzle::snapshot_detail
