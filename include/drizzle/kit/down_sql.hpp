// The reverse of a migration: the SQL that takes a database from a migration's schema back to
// its parent's, through the same diff and renderer as the forward migration.
#pragma once

#include "drizzle/diff/operations.hpp"
#include "drizzle/diff/resolver.hpp"
#include "drizzle/schema/model.hpp"
#include "drizzle/schema/naming.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace drizzle::kit {

/// A down migration, ready to write beside its up migration.
struct DownMigration {
    /// The whole file: the checksum line, the irreversibility comments, then the statements
    /// (`--> statement-breakpoint` separated, as the up file). Never empty: a migration with
    /// nothing to undo gets the checksum line and a comment saying so.
    std::string sql;
    /// What the down recreates without its data, one per object: `column "users"."bio"`,
    /// `table "posts"`, `values of column "users"."age" (type narrowed)`. Empty = fully reversible.
    std::vector<std::string> irreversible;
    /// The statement count (0 when the up migration changed no schema).
    std::size_t statements = 0;
};

/// The rename answers of the reverse diff: each rename of `up` turned around (a table renamed
/// a -> b is renamed b -> a), column renames addressed by the table's name in the reverse
/// diff's target. Create answers are dropped: the reverse diff answers "create" by default.
std::vector<RenameDecision> reverse_decisions(const std::vector<RenameDecision>& up);

/// The down migration of the migration that took `prev` to `next` with the rename answers `up`:
/// diff(next -> prev), replaying the reversed renames, rendered for `prev.dialect`.
/// `up_operations`: that migration's operations when the caller has them (generate). The
/// irreversible notes come from them; without them the up diff is replayed, which costs as much
/// as the down's own diff. Constraint names do not matter there: the notes are about dropped
/// tables, columns, schemas and enum values, and changed types and defaults.
DownMigration plan_down(const Schema& prev, const Schema& next, NamingStyle naming,
                        const std::vector<RenameDecision>& up, bool breakpoints,
                        const std::vector<Operation>* up_operations = nullptr);

/// The checksum line of a generated down file, `-- drizzle:down sha256=<hex>`: the hash of the
/// file without that line. It follows `-- drizzle:txmode none` when the file has one (that must
/// stay first), else it is the first line. `migrate down` refuses a file whose hash no longer
/// matches (an edit no one reviewed with the migration); deleting the line accepts an edit.
std::string down_checksum_line(std::string_view body);

/// How a down file stands against its checksum line.
enum class DownIntegrity {
    generated,    ///< the checksum line matches the rest of the file
    edited,       ///< a checksum line whose hash no longer matches
    hand_written, ///< no checksum line (generate --custom, or an accepted edit)
};

/// Checks `text`'s checksum line, if any (see down_checksum_line).
DownIntegrity down_integrity(std::string_view text);

/// True when `text` holds no SQL statement, only comments and blank lines.
bool down_is_empty(std::string_view text);

} // namespace drizzle::kit
