// Reading the live database's schema for pull/push, restricted to the objects the config manages.
#pragma once

#include "drizzle/config/config.hpp"
#include "drizzle/driver/connection.hpp"
#include "drizzle/schema/model.hpp"

#include <functional>
#include <string>
#include <vector>

namespace drizzle::kit {

/// Which objects of a live database belong to the project (config tablesFilter, schemaFilter,
/// extensionsFilters). Objects outside them are never reported, diffed or touched.
struct ObjectFilter {
    /// Glob patterns on table/view names (`*`, `?`, `[...]`); a leading `!` excludes.
    /// Empty = every table.
    std::vector<std::string> tables;
    /// Schemas to read (dialects with schemas); empty = every user schema.
    std::vector<std::string> schemas;
    /// Extensions whose own tables are skipped ("postgis": spatial_ref_sys, geometry_columns, ...).
    /// Tables that belong to any installed extension are always skipped.
    std::vector<std::string> extensions;
    /// Whether roles are managed (config `entities.roles`); drizzle-kit leaves them alone by default.
    bool roles = false;

    /// True when a table or view of that name is managed.
    bool keeps_table(const std::string& name) const;
};

/// The filter a command uses. `desired`, when given (push), adds the schemas it declares to the
/// default schema list ("public" plus those) when the config sets no schemaFilter; pull without
/// schemaFilter reads every user schema.
ObjectFilter object_filter(const Config& config, const Schema* desired = nullptr);

/// How many objects of each kind a schema holds, for progress lines.
struct ObjectCounts {
    std::size_t tables = 0, columns = 0, indexes = 0, foreign_keys = 0, checks = 0, policies = 0, views = 0,
                enums = 0, sequences = 0;
};
ObjectCounts count_objects(const Schema& schema);

/// Introspects the configured database through `filter`, skipping drizzle's
/// bookkeeping table. The number of catalog queries does not depend on the number of tables.
/// `log` receives progress lines (e.g. "12 tables, 80 columns, 3 enums fetched").
Schema introspect_live(const Config& config, Connection& connection, const ObjectFilter& filter,
                       const std::function<void(const std::string&)>& log = {});

/// Aligns the expressions of `desired` with how the live database already stores the same ones
/// (DialectOps::align_with_live), so push compares meaning, not spelling.
void align_expressions_with_live(Connection& connection, const Schema& live, Schema& desired,
                                 const std::function<void(const std::string&)>& log = {});

/// Keeps only what `filter` manages (used on desired schemas too, so push never drops or creates
/// objects outside the filter).
void apply_filter(Schema& schema, const ObjectFilter& filter);

}  // namespace drizzle::kit
