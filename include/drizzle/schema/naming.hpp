// Default constraint names, which differ between drizzle-kit's snapshot formats.
#pragma once

#include "drizzle/schema/model.hpp"

#include <string>
#include <vector>

namespace drizzle {

/// Naming conventions: legacy = drizzle-kit 0.31, v1 = drizzle-kit 1.0.
enum class NamingStyle { legacy, v1 };

/// SQLite FK: legacy `<t>_<cols>_<tableTo>_<colsTo>_fk`, v1 `fk_<t>_<cols>_<tableTo>_<colsTo>_fk`.
std::string default_foreign_key_name(NamingStyle style, Dialect dialect, const std::string& table,
                                     const ForeignKey& fk);
/// Composite PK: legacy `<t>_<cols>_pk`; v1 SQLite `<t>_pk`, v1 PostgreSQL `<t>_pkey`.
std::string default_primary_key_name(NamingStyle style, Dialect dialect, const std::string& table,
                                     const std::vector<std::string>& columns);
/// Unique: `<t>_<cols>_unique` (v1 PostgreSQL: `<t>_<cols>_key`).
std::string default_unique_name(NamingStyle style, Dialect dialect, const std::string& table,
                                const std::vector<std::string>& columns);

}  // namespace drizzle
