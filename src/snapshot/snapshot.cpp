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

/// What the content of a snapshot says it is, whatever its "dialect" field claims: the format
/// entry its shape belongs to, or nullptr when the shape is not one drizzle-kit writes.
/// 0.x files have "prevId" and a "tables" object (PostgreSQL's also "schemas", "sequences",
/// "roles", "policies"); 1.0 files have "prevIds" and a "ddl" array.
const FormatEntry* format_of_content(const Json& document) {
    const auto is = [&](std::string_view key, bool (Json::*type)() const noexcept) {
        auto it = document.find(key);
        return it != document.end() && ((*it).*type)();
    };
    const FormatEntry* sqlite_legacy = &kFormats[0];
    const FormatEntry* sqlite_v1 = &kFormats[1];
    const FormatEntry* pg_legacy = &kFormats[2];
    const FormatEntry* pg_v1 = &kFormats[3];
    if (is("prevId", &Json::is_string) && is("tables", &Json::is_object)) {
        for (const char* key : {"schemas", "sequences", "roles", "policies"}) {
            if (document.contains(key)) return pg_legacy;
        }
        return sqlite_legacy;
    }
    if (is("prevIds", &Json::is_array) && is("ddl", &Json::is_array)) {
        // Both 1.0 formats look alike; their versions differ ("7" SQLite, "8" PostgreSQL), and
        // an edited "dialect" keeps the version it came with.
        if (auto it = document.find("version"); it != document.end() && it->is_string()) {
            if (*it == "7") return sqlite_v1;
            if (*it == "8") return pg_v1;
        }
        return nullptr;
    }
    return nullptr;
}

std::string dialect_of(const FormatEntry& entry) { return entry.dialect == "postgres" ? "postgresql" : "sqlite"; }

}  // namespace

Snapshot parse_snapshot(std::string_view json, const std::string& source_name) {
    const Json document = snapshot_detail::parse_json_text(json, source_name);
    const JsonNode root(document, "", source_name);
    if (!document.is_object()) root.fail("a snapshot must be a JSON object");

    const std::string dialect = root.string("dialect");
    const std::string version = root.string("version");
    // A "dialect" that contradicts the content would otherwise fail deep in the wrong reader
    // ("prevId" is missing): say what the file holds instead.
    if (const FormatEntry* content = format_of_content(document);
        content != nullptr && (content->dialect != dialect || content->version != version)) {
        const auto claimed = parse_dialect(dialect);
        if (claimed && *claimed != *parse_dialect(content->dialect)) {
            root.fail("\"dialect\" says " + quoted(dialect) + ", but the file holds a " + dialect_of(*content) +
                      " snapshot (written by drizzle-kit " + (content == &kFormats[0] || content == &kFormats[2] ? "0.x" : "1.0") +
                      " as \"dialect\" " + quoted(std::string(content->dialect)) + ", \"version\" " +
                      quoted(std::string(content->version)) +
                      "); the \"dialect\" was edited or the file was copied from another project. Restore it, "
                      "or point \"out\" at the folder of the " + dialect_of(*content) + " project");
        }
    }
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
    if (snapshot.schema.dialect == Dialect::sqlite) {
        document = legacy ? snapshot_detail::write_sqlite_legacy(snapshot)
                          : snapshot_detail::write_sqlite_v1(snapshot);
    } else if (snapshot.schema.dialect == Dialect::postgresql) {
        if (!legacy) return snapshot_detail::write_pg_v1(snapshot);
        document = snapshot_detail::write_pg_legacy(snapshot);
    } else {
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
