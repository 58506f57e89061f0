// Which PostgreSQL snapshot format a document is, and the reader or writer of each.
#include "dialect/pg/facts/snapshot/pg_formats.hpp"
#include "snapshot/document.hpp"

namespace drizzle::snapshot_detail {

namespace {

constexpr SnapshotDocument kLegacy{"postgresql", "7", SnapshotFormat::legacy};
constexpr SnapshotDocument kV1{"postgres", "8", SnapshotFormat::v1};

} // namespace

std::optional<SnapshotDocument> pg_snapshot_document_of_content(const JsonNode& root) {
    const auto shape = format_of_shape(root);
    if (shape == SnapshotFormat::legacy) {
        // What a 0.x PostgreSQL file has and a SQLite one does not.
        for (const char* key : {"schemas", "sequences", "roles", "policies"}) {
            if (root.has(key)) return kLegacy;
        }
        return std::nullopt;
    }
    // The 1.0 formats differ only in "version" (an edited "dialect" keeps it).
    if (shape == SnapshotFormat::v1) {
        if (root.find_string("version") == kV1.version) return kV1;
    }
    return std::nullopt;
}

Snapshot read_pg_snapshot(const JsonNode& root, std::string_view dialect, std::string_view version) {
    if (dialect == kLegacy.dialect && version == kLegacy.version) return read_pg_legacy(root);
    if (dialect == kV1.dialect && version == kV1.version) return read_pg_v1(root);
    // Older 0.x versions ("5", "6") need drizzle-kit 0.31's `up` first.
    root.fail("unsupported PostgreSQL snapshot: \"dialect\" " + quoted_json(dialect) + " with \"version\" " +
              quoted_json(version) +
              " (drizzle-kit 0.31 writes \"postgresql\" \"7\", drizzle-kit 1.0 writes \"postgres\" \"8\")");
}

std::string write_pg_snapshot(const Snapshot& snapshot) {
    if (snapshot.format == SnapshotFormat::legacy) return stringify_js(write_pg_legacy(snapshot));
    return write_pg_v1(snapshot);
}

} // namespace drizzle::snapshot_detail
