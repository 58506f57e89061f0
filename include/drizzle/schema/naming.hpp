// Default constraint names, which differ between drizzle-kit's snapshot formats.
#pragma once

#include "drizzle/schema/model.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace drizzle {

/// Naming conventions: legacy = drizzle-kit 0.31, v1 = drizzle-kit 1.0.
enum class NamingStyle { legacy, v1 };

/// SQLite FK: legacy `<t>_<cols>_<tableTo>_<colsTo>_fk`, v1 `fk_<t>_<cols>_<tableTo>_<colsTo>_fk`.
/// PostgreSQL FK: legacy as SQLite's; v1 `<t>_<cols>_<tableTo>_<colsTo>_fkey`, or drizzle-kit 1.0's
/// hashed `<t>_<hash>_fkey` / `<hash>_fkey` when that is longer than 63 UTF-16 units.
std::string default_foreign_key_name(NamingStyle style, Dialect dialect, const std::string& table,
                                     const ForeignKey& fk);
/// Composite PK: legacy `<t>_<cols>_pk`; v1 SQLite `<t>_pk`, v1 PostgreSQL `<t>_pkey`.
std::string default_primary_key_name(NamingStyle style, Dialect dialect, const std::string& table,
                                     const std::vector<std::string>& columns);
/// Unique: `<t>_<cols>_unique` (v1 PostgreSQL: `<t>_<cols>_key`).
std::string default_unique_name(NamingStyle style, Dialect dialect, const std::string& table,
                                const std::vector<std::string>& columns);

// ---- PostgreSQL's identifier rules (its facts: src/dialect/pg/facts/pg_names.cpp) ----------------
// Called by PostgreSQL code and its tests; shared code asks DialectFacts instead.

/// PostgreSQL keeps identifiers to NAMEDATALEN - 1 = 63 bytes: a longer name is cut there, at a
/// character boundary (the server's truncate_identifier). Shorter names are returned unchanged.
std::string pg_truncate_identifier(std::string_view name);

/// PostgreSQL's makeObjectName: `name1[_name2]_label` within 63 bytes, shortening the longer of
/// name1 and name2 first (how the server names an inline key, `<t>_pkey`, or a sequence `<t>_<c>_seq`).
std::string pg_object_name(std::string_view name1, std::string_view name2, std::string_view label);

/// The name PostgreSQL gives the inline (column) primary key of `table`: `<table>_pkey`, made to fit.
std::string pg_default_primary_key_name(std::string_view table);

/// Whether `name` is `table`'s default primary-key name, as drizzle-kit spells it (`<table>_pkey`,
/// any length) or as PostgreSQL stores it.
bool pg_is_default_primary_key_name(std::string_view table, std::string_view name);

/// The sequence PostgreSQL creates for an identity or serial column: `<table>_<column>_seq`, made to fit.
std::string pg_default_sequence_name(std::string_view table, std::string_view column);

}  // namespace drizzle
