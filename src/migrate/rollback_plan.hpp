// Which applied migrations a rollback undoes, from the recorded rows (internal to rollback_migrations).
#pragma once

#include "drizzle/migrate/rollback.hpp"

namespace drizzle::migrate_internal {

/// The plan for `request` over `rows` (read under the lock, in recorded order). Throws
/// RollbackRefused / UserError as rollback_migrations() documents. Reads the down files.
RollbackPlan plan_rollback(const LocalMigrations& local, const std::vector<RecordedRow>& rows,
                           const RollbackRequest& request);

} // namespace drizzle::migrate_internal
