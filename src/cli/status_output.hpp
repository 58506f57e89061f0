// The status report's two renderings, a table and JSON, shared by `status` and `check --db`.
#pragma once

#include "drizzle/kit/status.hpp"

#include <nlohmann/json.hpp>

namespace drizzle::cli {

/// The report as `status --json` prints it (keys documented in `status --help`).
nlohmann::ordered_json status_json(const kit::StatusReport& report);

/// The table (migration, status, created time, detail) and the summary line, on stdout.
void print_status_table(const kit::StatusReport& report);

} // namespace drizzle::cli
