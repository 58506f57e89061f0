// Snapshot entry points: detect the format of a file, dispatch to its reader/writer, new ids.
#include "drizzle/snapshot/snapshot.hpp"

#include "drizzle/error.hpp"
#include "snapshot/formats.hpp"
#include "snapshot/json_text.hpp"

#include <array>
#include <random>

namespace drizzle {

namespace {

using snapshot_detail::Json;
using snapshot_detail::JsonNode;

// One row per (dialect string, version string) drizzle-kit writes.
struct FormatEntry {
    std::string_view dialect;
    std::string_view version;
    Snapshot (*read)(const JsonNode&);
};

constexpr std::array kFormats{
    FormatEntry{"sqlite", "6", &snapshot_detail::read_sqlite_legacy},
    FormatEntry{"sqlite", "7", &snapshot_detail::read_sqlite_v1},
    FormatEntry{"postgresql", "7", &snapshot_detail::read_pg_legacy},
    FormatEntry{"postgres", "8", &snapshot_detail::read_pg_v1},
};

std::string quoted(const std::string& text) { return snapshot_detail::stringify_js(Json(text)); }

}  // namespace

Snapshot parse_snapshot(std::string_view json, const std::string& source_name) {
    const Json document = snapshot_detail::parse_json_text(json, source_name);
    const JsonNode root(document, "", source_name);
    if (!document.is_object()) root.fail("a snapshot must be a JSON object");

    const std::string dialect = root.string("dialect");
    const std::string version = root.string("version");
    for (const auto& entry : kFormats) {
        if (entry.dialect != dialect || entry.version != version) continue;
        try {
            return entry.read(root);
        } catch (const Json::exception& e) {
            // The readers check types before use; this only guards against a missed case.
            throw UserError(source_name + ": unexpected JSON shape: " + e.what());
        }
    }
    if (dialect == "sqlite") {
        root.fail("unsupported SQLite snapshot \"version\" " + quoted(version) +
                  " (drizzle-kit 0.31 writes \"6\", drizzle-kit 1.0 writes \"7\")");
    }
    if (dialect == "postgresql" || dialect == "postgres") {
        // Older 0.x versions ("5", "6") need drizzle-kit 0.31's `up` first.
        root.fail("unsupported PostgreSQL snapshot: \"dialect\" " + quoted(dialect) + " with \"version\" " +
                  quoted(version) +
                  " (drizzle-kit 0.31 writes \"postgresql\" \"7\", drizzle-kit 1.0 writes " +
                  "\"postgres\" \"8\")");
    }
    root.fail("unknown \"dialect\" " + quoted(dialect) +
              " (expected \"sqlite\", \"postgresql\" or \"postgres\")");
}

std::string write_snapshot(const Snapshot& snapshot) {
    const bool legacy = snapshot.format == SnapshotFormat::legacy;
    Json document;
    switch (snapshot.schema.dialect) {
    case Dialect::sqlite:
        document = legacy ? snapshot_detail::write_sqlite_legacy(snapshot)
                          : snapshot_detail::write_sqlite_v1(snapshot);
        break;
    case Dialect::postgresql:
        if (!legacy) return snapshot_detail::write_pg_v1(snapshot);
        document = snapshot_detail::write_pg_legacy(snapshot);
        break;
    default:
        throw Error("writing " + std::string(to_string(snapshot.schema.dialect)) +
                    " snapshots is not supported yet");
    }
    return snapshot_detail::stringify_js(document);
}

std::string new_snapshot_id() {
    static thread_local std::mt19937_64 engine{[] {
        std::random_device device;
        std::seed_seq seed{device(), device(), device(), device()};
        return std::mt19937_64(seed);
    }()};
    std::array<unsigned char, 16> bytes{};
    for (std::size_t i = 0; i < bytes.size(); i += 8) {
        const std::uint64_t word = engine();
        for (std::size_t j = 0; j < 8; ++j) bytes[i + j] = static_cast<unsigned char>(word >> (8 * j));
    }
    bytes[6] = static_cast<unsigned char>((bytes[6] & 0x0F) | 0x40);  // version 4
    bytes[8] = static_cast<unsigned char>((bytes[8] & 0x3F) | 0x80);  // RFC 4122 variant

    static constexpr char kHex[] = "0123456789abcdef";
    std::string id;
    id.reserve(36);
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) id += '-';
        id += kHex[bytes[i] >> 4];
        id += kHex[bytes[i] & 0x0F];
    }
    return id;
}

}  // namespace drizzle
