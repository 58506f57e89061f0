// Snapshot entry points: find the dialect whose facts read or write a file, new ids.
#include "drizzle/snapshot/snapshot.hpp"

#include "drizzle/dialect/registry.hpp"
#include "drizzle/error.hpp"
#include "snapshot/document.hpp"

#include <algorithm>
#include <array>
#include <random>

namespace drizzle {

namespace {

using snapshot_detail::JsonNode;
using snapshot_detail::quoted_json;

std::string_view written_by(SnapshotFormat format) {
    return format == SnapshotFormat::legacy ? "0.x" : "1.0";
}

/// `"a"`, `"a" or "b"`, `"a", "b" or "c"`: the "dialect" strings the registered dialects read.
std::string expected_dialect_names(const std::vector<const DialectFacts*>& dialects) {
    std::vector<std::string_view> names;
    for (const DialectFacts* facts : dialects) {
        for (std::string_view name : facts->snapshot_dialect_names())
            names.push_back(name);
    }
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0) out += i + 1 == names.size() ? " or " : ", ";
        out += quoted_json(names[i]);
    }
    return out;
}

}  // namespace

Snapshot parse_snapshot(std::string_view json, const std::string& source_name) {
    const snapshot_detail::JsonDocument document(json, source_name);
    const JsonNode root = document.root();
    if (!root.is_object()) root.fail("a snapshot must be a JSON object");

    const std::string dialect = root.string("dialect");
    const std::string version = root.string("version");
    const std::vector<const DialectFacts*> dialects = registered_dialect_facts();
    // A "dialect" that contradicts the content would otherwise fail deep in the wrong reader
    // ("prevId" is missing): say what the file holds instead.
    for (const DialectFacts* facts : dialects) {
        const auto content = facts->snapshot_document_of_content(root);
        if (!content) continue;
        const auto claimed = parse_dialect(dialect);
        if ((content->dialect != dialect || content->version != version) && claimed && *claimed != facts->dialect()) {
            const std::string holds(to_string(facts->dialect()));
            root.fail("\"dialect\" says " + quoted_json(dialect) + ", but the file holds a " + holds +
                      " snapshot (written by drizzle-kit " + std::string(written_by(content->format)) +
                      " as \"dialect\" " + quoted_json(content->dialect) + ", \"version\" " +
                      quoted_json(content->version) +
                      "); the \"dialect\" was edited or the file was copied from another project. Restore it, "
                      "or point \"out\" at the folder of the " +
                      holds + " project");
        }
        break;
    }
    for (const DialectFacts* facts : dialects) {
        const auto names = facts->snapshot_dialect_names();
        if (std::find(names.begin(), names.end(), dialect) == names.end()) continue;
        return facts->read_snapshot(root, dialect, version);
    }
    root.fail("unknown \"dialect\" " + quoted_json(dialect) + " (expected " + expected_dialect_names(dialects) + ")");
}

std::optional<std::string> snapshot_dialect_name(std::string_view json) {
    return snapshot_detail::top_level_string(json, "dialect");
}

std::string write_snapshot(const Snapshot& snapshot) {
    for (const DialectFacts* facts : registered_dialect_facts()) {
        if (facts->dialect() == snapshot.schema.dialect) return facts->write_snapshot(snapshot);
    }
    throw Error("writing " + std::string(to_string(snapshot.schema.dialect)) + " snapshots is not supported yet");
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
