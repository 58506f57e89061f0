// The migration plan is public (drizzle/migrate/plan.hpp); the migrator's internals use it
// under their namespace.
#pragma once

#include "drizzle/migrate/plan.hpp"
#include "migrate/migration_store.hpp"

namespace drizzle::migrate_internal {

using drizzle::match_rows_by_time;
using drizzle::MigrationPlan;
using drizzle::MissingMigration;
using drizzle::ModifiedMigration;
using drizzle::OutOfOrderMigration;
using drizzle::parse_created_at;
using drizzle::plan_migrations;

} // namespace drizzle::migrate_internal
