// The `hash` column: sha256 of a migration file the way drizzle-orm computes it.
#pragma once

#include <string>

namespace drizzle::migrate_internal {

/// `bytes` decoded as UTF-8 the way Node's Buffer#toString does (WHATWG decoder: each maximal
/// invalid subsequence becomes U+FFFD, BOM kept) and re-encoded. Valid UTF-8 comes back unchanged.
std::string node_utf8_roundtrip(const std::string& bytes);

/// drizzle-orm's hash of a migration file: sha256 of the file read as a JS string (see
/// node_utf8_roundtrip); equals sha256sum of the file unless it has invalid UTF-8.
std::string drizzle_file_hash(const std::string& file_bytes);

}  // namespace drizzle::migrate_internal
