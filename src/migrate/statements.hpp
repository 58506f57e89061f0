// Reading a migration file's text: breakpoint splitting lives in migrator.hpp; this adds scans.
#pragma once

#include <string_view>

namespace drizzle::migrate_internal {

/// True when the SQL switches foreign keys off (`PRAGMA foreign_keys=OFF`, any case/spacing, also
/// `= 0`/`false`/`no`), as drizzle-kit's SQLite table rebuilds do. Text in comments counts too:
/// a false positive only relaxes enforcement for the transaction, which is then re-checked.
bool switches_foreign_keys_off(std::string_view sql);

/// True when the file's first line is `-- drizzle:txmode none` (spaces around the words free):
/// the migration runs outside any transaction, one breakpoint piece at a time.
bool declares_txmode_none(std::string_view sql);

}  // namespace drizzle::migrate_internal
