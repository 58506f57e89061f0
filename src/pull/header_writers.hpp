// The dialects' header writers print a HeaderPlan in their DSL; the plan is shared.
#pragma once

#include "pull/header_plan.hpp"

#include "drizzle/pull/cpp_header.hpp"

#include <functional>
#include <string>

namespace drizzle::pull::detail {

/// Prints a planned header in one dialect's DSL; `source` is where the schema came from.
using HeaderTextWriter = std::function<std::string(const HeaderPlan& plan, const std::string& source)>;

/// Plans the header for `schema` (shared by every dialect) and prints it with `write_text`.
PulledHeader write_planned_header(const Schema& schema, const HeaderOptions& options,
                                  const HeaderTextWriter& write_text);

/// A header using <drizzle/dsl/sqlite.hpp>.
std::string write_sqlite_header(const HeaderPlan& plan, const std::string& source);

/// A header using <drizzle/dsl/pg.hpp>.
std::string write_pg_header(const HeaderPlan& plan, const std::string& source);

}  // namespace drizzle::pull::detail
