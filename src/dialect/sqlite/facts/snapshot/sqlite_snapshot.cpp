// Which SQLite snapshot format a document is, and the reader or writer of each.
#include "dialect/sqlite/facts/snapshot/sqlite_formats.hpp"
#include "snapshot/document.hpp"

namespace drizzle::snapshot_detail {

namespace {

constexpr SnapshotDocument kLegacy{"sqlite", "6", SnapshotFormat::legacy};
constexpr SnapshotDocument kV1{"sqlite", "7", SnapshotFormat::v1};

} // namespace

std::optional<SnapshotDocument> sqlite_snapshot_document_of_content(const JsonNode& root) {
    const auto shape = format_of_shape(root);
    if (shape == SnapshotFormat::legacy) {
        // PostgreSQL's 0.x files have these too (pg_snapshot_document_of_content).
        for (const char* key : {"schemas", "sequences", "roles", "policies"}) {
            if (root.has(key)) return std::nullopt;
        }
        return kLegacy;
    }
    // Both 1.0 formats look alike; their versions differ, and an edited "dialect" keeps the
    // version it came with.
    if (shape == SnapshotFormat::v1) {
        if (root.find_string("version") == kV1.version) return kV1;
    }
    return std::nullopt;
}

Snapshot read_sqlite_snapshot(const JsonNode& root, std::string_view version) {
    if (version == kLegacy.version) return read_sqlite_legacy(root);
    if (version == kV1.version) return read_sqlite_v1(root);
    root.fail("unsupported SQLite snapshot \"version\" " + quoted_json(version) +
              " (drizzle-kit 0.31 writes \"6\", drizzle-kit 1.0 writes \"7\")");
}

std::string write_sqlite_snapshot(const Snapshot& snapshot) {
    if (snapshot.format == SnapshotFormat::legacy) return stringify_js(write_sqlite_legacy(snapshot));
    return write_sqlite_v1(snapshot);
}

} // namespace drizzle::snapshot_detail
