// The seam between the shared header plan and each dialect's header writer: a dialect hands its
// HeaderDialect to write_planned_header, which plans once and lets the dialect print.
#pragma once

#include "pull/header_plan.hpp"

#include "drizzle/pull/cpp_header.hpp"

#include <string>

namespace drizzle::pull::detail {

/// Plans the header for `schema` (shared by every dialect) and prints it in `dialect`'s DSL.
PulledHeader write_planned_header(const Schema& schema, const HeaderOptions& options, const HeaderDialect& dialect);

} // namespace drizzle::pull::detail
