// The textual forms drizzle-kit uses to record renames: 0.31 `_meta` keys and v1 `renames`.
#pragma once

#include "drizzle/snapshot/snapshot.hpp"

#include <optional>
#include <string>
#include <vector>

namespace drizzle::snapshot_detail {

/// `"t"` or `"schema"."t"`, as 0.31 `_meta.tables` keys and v1 `up` renames write it.
std::string quoted_table_key(const std::string& schema, const std::string& table);
/// `"t"."c"` or `"schema"."t"."c"`, as 0.31 `_meta.columns` keys write it.
std::string quoted_column_key(const std::string& schema, const std::string& table, const std::string& column);

/// Splits `"a"."b"` into {a, b}; std::nullopt when the text is not a dot-separated list of
/// double-quoted names.
std::optional<std::vector<std::string>> split_quoted_key(const std::string& text);

/// v1 rename strings in drizzle-kit order (tables, then columns). `quoted`: the form `up`
/// copies from 0.31 `_meta` (`"t"->"t2"`); otherwise generate's form (`t->t2`, `t2.d->t2.d2`).
std::vector<std::string> rename_strings(const SnapshotRenames& renames, bool quoted);

/// Parses one v1 rename string of either form into `out`; false when it cannot be understood.
bool parse_rename_string(const std::string& text, SnapshotRenames& out);

}  // namespace drizzle::snapshot_detail
