// Refuses a migrations folder written for another dialect than the config's, before anything runs.
#pragma once

#include "drizzle/config/config.hpp"
#include "drizzle/migrate/folder.hpp"

namespace drizzle::kit {

/// Throws UserError naming the file and both dialects when the folder says it belongs to another
/// dialect: the legacy layout's meta/_journal.json "dialect", or the v1 layout's newest
/// snapshot.json "dialect". Folders that say nothing pass.
void require_folder_dialect(const Config& config, const MigrationsFolder& folder);

}  // namespace drizzle::kit
