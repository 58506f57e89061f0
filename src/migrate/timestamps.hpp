// UTC time formatting shared by the folder code and the migrator (drizzle's name and row formats).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace drizzle::migrate_internal {

/// Wall clock in ms since the Unix epoch (JS `Date.now()`).
std::int64_t now_ms();

/// `YYYYMMDDHHMMSS` in UTC: drizzle-kit's v1 folder names and `--prefix timestamp` tags.
std::string utc_compact(std::int64_t ms);

/// `Date.UTC` of a `YYYYMMDDHHMMSS` prefix (ms = 000); std::nullopt unless the first 14 chars
/// are digits forming a valid date and time.
std::optional<std::int64_t> parse_utc_compact(std::string_view text);

/// JS `new Date(ms).toISOString()`: `2026-11-22T02:48:35.929Z`.
std::string iso_utc(std::int64_t ms);

}  // namespace drizzle::migrate_internal
