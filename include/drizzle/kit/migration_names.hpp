// Migration names: drizzle-kit-style random names, and validation of --name.
#pragma once

#include <string>

namespace drizzle::kit {

/// `<adjective>_<hero>` like drizzle-kit's (e.g. "brave_vision").
std::string random_migration_name();

/// Throws UserError unless `name` is usable in a file name: letters, digits, `_` and `-`.
void require_valid_migration_name(const std::string& name);

}  // namespace drizzle::kit
