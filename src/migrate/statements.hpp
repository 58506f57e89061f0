// Reading a migration file's text: breakpoint splitting lives in migrator.hpp; this adds scans.
#pragma once

#include <string_view>

namespace drizzle::migrate_internal {

/// True when the SQL switches foreign keys off (`PRAGMA foreign_keys=OFF`, any case/spacing, also
/// `= 0`/`false`/`no`), as drizzle-kit's SQLite table rebuilds do. Text in comments counts too:
/// a false positive only relaxes enforcement for the transaction, which is then re-checked.
bool switches_foreign_keys_off(std::string_view sql);

}  // namespace drizzle::migrate_internal
