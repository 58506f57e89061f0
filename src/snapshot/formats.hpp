// The per-dialect, per-format snapshot readers and writers that snapshot.cpp dispatches to.
#pragma once

#include "drizzle/snapshot/snapshot.hpp"
#include "snapshot/json_reader.hpp"

namespace drizzle::snapshot_detail {

/// drizzle-kit 0.31 SQLite snapshot ("version": "6"). `root` is the whole document.
Snapshot read_sqlite_legacy(const JsonNode& root);
Json write_sqlite_legacy(const Snapshot& snapshot);

/// drizzle-kit 1.0 SQLite snapshot ("version": "7", `ddl` entity list).
Snapshot read_sqlite_v1(const JsonNode& root);
Json write_sqlite_v1(const Snapshot& snapshot);

/// drizzle-kit 0.31 PostgreSQL snapshot ("version": "7", "dialect": "postgresql").
Snapshot read_pg_legacy(const JsonNode& root);
Json write_pg_legacy(const Snapshot& snapshot);

/// drizzle-kit 1.0 PostgreSQL snapshot ("version": "8", "dialect": "postgres", `ddl` entity list).
/// The writer returns the file's text (streamed: the only format written at 1000s of entities
/// on every generate).
Snapshot read_pg_v1(const JsonNode& root);
std::string write_pg_v1(const Snapshot& snapshot);

}  // namespace drizzle::snapshot_detail
