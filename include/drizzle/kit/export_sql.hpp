// The `export` workflow: the SQL that creates the whole schema on an empty database.
#pragma once

#include "drizzle/config/config.hpp"

#include <string>
#include <vector>

namespace drizzle::kit {

/// Checks that the dialect supports export, loads and validates the schema sources (notices about
/// a source go to stderr: stdout is the SQL's) and renders the schema against an empty one.
std::vector<std::string> export_statements(const Config& config);

} // namespace drizzle::kit
