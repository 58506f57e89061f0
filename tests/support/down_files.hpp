// Test helper: down files for a generated migrations folder, planned from its snapshots with
// kit::plan_down (as generate writes them), so the tests do not depend on generate writing them.
#pragma once

#include "drizzle/kit/down_sql.hpp"
#include "drizzle/migrate/folder.hpp"
#include "drizzle/snapshot/snapshot.hpp"
#include "support/test_support.hpp"

#include <filesystem>
#include <string>

namespace drizzle::test {

/// A down file with a correct checksum line for `body` (the statements and comments).
inline std::string checked_down_file(const std::string& body) {
    return kit::down_checksum_line(body) + "\n" + body;
}

/// Writes `<migration>/down.sql` (or `<tag>.down.sql`) for every migration of `out` that has none:
/// the reverse of its snapshot pair (the first migration's parent is the empty schema of `dialect`).
inline void write_down_files(const std::filesystem::path& out, Dialect dialect) {
    const MigrationsFolder folder = MigrationsFolder::read(out);
    Schema prev;
    prev.dialect = dialect;
    for (const auto& entry : folder.entries) {
        Schema next = parse_snapshot(read_file(entry.snapshot_path), entry.snapshot_path.string()).schema;
        if (!std::filesystem::exists(entry.down_path)) {
            write_file(entry.down_path, kit::plan_down(prev, next, NamingStyle::v1, {}, true).sql);
        }
        prev = std::move(next);
    }
}

} // namespace drizzle::test
