// The dialect-neutral diff: previous schema + next schema -> typed operations.
#pragma once

#include "drizzle/diff/operations.hpp"
#include "drizzle/diff/resolver.hpp"
#include "drizzle/schema/model.hpp"
#include "drizzle/schema/naming.hpp"

#include <vector>

namespace drizzle {

/// The result of a diff: operations in dependency-safe order, plus the renames chosen.
struct DiffResult {
    std::vector<Operation> operations;
    std::vector<RenameDecision> decisions;
    /// Every table present on both sides, normalised: (old with renames applied, the new one's
    /// index in `next.tables`). Lowering passes that rebuild a table start from these.
    std::vector<std::pair<Table, std::size_t>> kept_tables;
    /// The normalised next schema, for lowering passes that need the whole picture (views).
    Schema next;
};

/// Compares two schemas of the same dialect. Whenever objects of one kind vanished and others
/// appeared in the same scope, `resolver` decides rename vs create. Both inputs are normalised
/// first (see normalize_for_diff), so equal schemas give no operations. `naming` gives unnamed
/// constraints their names: the convention of the migrations folder the result goes to.
DiffResult diff(const Schema& prev, const Schema& next, Resolver& resolver, NamingStyle naming = NamingStyle::v1);

/// The canonical form diff() compares: unnamed constraints named in `naming`'s convention,
/// SQLite key columns NOT NULL (unless introspection found them nullable) and, for a 0.31
/// (`legacy`) folder only, SQLite unique constraints as the unique indexes 0.31 writes.
/// PostgreSQL: a single-column key is the column's own under its default name and a
/// table-level constraint under any other; names are cut to 63 bytes, as the server stores them.
Schema normalize_for_diff(Schema schema, NamingStyle naming = NamingStyle::v1);

/// Derived-name foreign keys, unique constraints and primary keys of `next` take the name of the
/// same constraint (same definition) in `prev`. drizzle-kit 1.0 keeps a derived name when the
/// table is renamed, and the database keeps it too; re-deriving it would drop and re-add the
/// constraint for nothing. `renames` (a diff's decisions) say where each old table and column
/// went, so constraints are followed through renames. With `prev_is_database`, `prev` is an
/// introspected database and every name it has counts (not only derived ones).
void adopt_constraint_names(const Schema& prev, Schema& next, const std::vector<RenameDecision>& renames = {},
                            bool prev_is_database = false);

/// After `diff` (of `prev` against `next`) renamed tables or columns: adopts `prev`'s constraint
/// names into `next` through those renames (see adopt_constraint_names) and, when that changed
/// `next`, diffs again with the same answers, so a rename keeps its constraints' names.
/// PostgreSQL only (SQLite re-derives derived index names with the table).
void keep_names_through_renames(const Schema& prev, Schema& next, DiffResult& diff, NamingStyle naming,
                                bool prev_is_database = false);

/// PostgreSQL keeps a renamed table's primary-key name: `old_table`'s own key (named by default
/// after the old table) becomes a table-level key under that name, unless it is also `new_name`'s
/// default; and a single-column table-level key whose name is `new_name`'s default becomes the
/// column's own key (renaming back to the name the key was made for). Other dialects: nothing.
/// (The diff calls this on a canonical old table.)
void keep_key_name_on_rename(Table& old_table, const std::string& new_name, Dialect dialect);

/// Gives every unnamed foreign key, primary key and unique constraint its default name; with
/// `rederive`, also replaces names that were derived (not explicit) in another convention.
void assign_default_names(Schema& schema, NamingStyle naming, bool rederive = false);

}  // namespace drizzle
