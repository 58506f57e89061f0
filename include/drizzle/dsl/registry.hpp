// The registry where DSL-declared tables and views put themselves, read by the exporter.
#pragma once

#include "drizzle/dsl/common.hpp"
#include "drizzle/schema/model.hpp"

#include <filesystem>
#include <ostream>
#include <vector>

namespace drizzle::dsl {

/// Adds a table to the process-wide registry (an identical re-registration is ignored,
/// so a header included by several translation units is harmless).
void register_table(Dialect dialect, Table table);
/// Adds a view to the registry.
void register_view(Dialect dialect, View view);

/// Objects of dialects with schemas, enums, sequences and roles, registered by that dialect's
/// DSL under its own dialect (a repeated identical declaration is ignored).
void register_schema(Dialect dialect, const std::string& name);
void register_enum(Dialect dialect, Enum type);
void register_sequence(Dialect dialect, Sequence sequence);
void register_role(Dialect dialect, Role role);
/// Turns on row-level security for a registered table.
void enable_rls(Dialect dialect, const std::string& schema, const std::string& table);

/// The model column a DSL column builder describes (what its table declaration would record).
Column to_column(const ColumnSpec& spec);

/// Keeps `text` for the life of the process and returns a view of the kept copy: the names a
/// declaration's handle refers to (`users["id"]`) outlive the strings they were declared with.
Text intern(std::string text);

/// Records that the DSL header of `dialect` was included: an exporter of headers that declare
/// nothing (an empty database pulled, say) then still reports a schema of that dialect.
void note_dialect(Dialect dialect);

/// Everything registered so far, as one schema. Throws UserError when tables of two
/// dialects were declared, or when two different tables share a name.
Schema registered_schema();
/// The objects registered for one dialect.
Schema registered_schema(Dialect dialect);

/// The exporter's body: validates the registered schema and writes it to `out` as a
/// drizzle-kit v1 snapshot. Returns the process exit code (diagnostics go to `err`).
int run_exporter(std::ostream& out, std::ostream& err);

/// Registers the declarations of schema headers read without a compiler (the DSL's subset of
/// C++: `inline const auto` declarations of DSL calls and literals, namespaces, includes of
/// schema headers). Returns false, having said on `err` which file and line is outside that
/// subset, when the headers must be compiled instead.
bool read_headers(const std::vector<std::filesystem::path>& headers, std::ostream& err);

/// main() of an exporter: writes the snapshot to argv[1] (atomically) or to stdout.
int exporter_main(int argc, char** argv);

} // namespace drizzle::dsl
