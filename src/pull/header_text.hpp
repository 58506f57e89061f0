// Text pieces both header writers share: lists, referential actions, table declarations.
#pragma once

#include "pull/header_plan.hpp"

#include <functional>
#include <string>
#include <vector>

namespace drizzle::pull::detail {

/// `{"a", "b"}`.
std::string string_list(const std::vector<std::string>& values);

/// `action::cascade` for "cascade" (and so on); "" for "no action", the default.
std::string action_constant(const std::string& action);

/// The first line of a header: where it came from and how much it declares (tables, views and,
/// with `count_enums`, enums).
std::string header_banner(const HeaderPlan& plan, const std::string& source, bool count_enums);

/// `inline const auto <variable> = <call>("<name>", {\n    column,\n}, {\n    extra,\n})<suffix>;\n`
/// (the extras argument only when there are extras).
std::string table_declaration(const std::string& variable, const std::string& call, const std::string& name,
                              const std::vector<std::string>& columns, const std::vector<std::string>& extras,
                              const std::string& suffix = {});

/// How a column's `.references(...)` names its target: the table's variable when that table is
/// declared before `position` in plan.tables, else by names with `ref(...)`. `with_schema`
/// adds the schema to ref() (PostgreSQL).
std::string reference_target(const HeaderPlan& plan, std::size_t position, const ForeignKey& fk, bool with_schema);

/// The extras every table writes alike: `foreign_key(...).references(...)` for the keys no column
/// declares (`target_schema` "" = the default schema, the only one SQLite has), then `check(...)`.
std::vector<std::string> key_and_check_extras(const Table& table, const TablePlan& table_plan,
                                              const std::function<std::string(const ForeignKey&)>& target_schema);

} // namespace drizzle::pull::detail
