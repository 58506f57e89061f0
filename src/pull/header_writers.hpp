// The two header writers; each prints a HeaderPlan in its dialect's DSL.
#pragma once

#include "pull/header_plan.hpp"

#include <string>

namespace drizzle::pull::detail {

/// A header using <drizzle/dsl/sqlite.hpp>.
std::string write_sqlite_header(const HeaderPlan& plan, const std::string& source);

/// A header using <drizzle/dsl/pg.hpp>.
std::string write_pg_header(const HeaderPlan& plan, const std::string& source);

}  // namespace drizzle::pull::detail
