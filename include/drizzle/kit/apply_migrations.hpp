// The `migrate` workflow: the folder's pending migrations applied to the configured database.
#pragma once

#include "drizzle/config/config.hpp"
#include "drizzle/migrate/migrator.hpp"

namespace drizzle::kit {

/// Applies the pending migrations of the config's folder to its database, with `options`' run
/// settings (tx mode, allowances, lock timeout, log); folder, table and schema come from `config`.
/// The folder is checked (and one of another dialect refused) before the database is opened, so
/// a wrong `out` leaves nothing behind: no database file, no bookkeeping table.
MigrateResult apply_migrations(const Config& config, MigrateOptions options);

} // namespace drizzle::kit
