// `export`: print the SQL that creates the whole schema on an empty database.
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/schema_source.hpp"
#include "cli/dialect_sql.hpp"
#include "drizzle/diff/diff.hpp"
#include "drizzle/schema/validate.hpp"

#include <iostream>

namespace drizzle::cli {

int run_export(const ExportOptions& options) {
    Config config = resolve_config(options.config, /*quiet=*/true);
    require_supported(*config.dialect, "export");
    Schema schema = load_schema(config, default_toolchain());
    require_valid(schema);
    Schema empty;
    empty.dialect = schema.dialect;
    ScriptedResolver no_questions;  // nothing is removed, so nothing can be a rename
    bool no_transaction = false;
    auto statements = dialect_statements(*config.dialect, diff(empty, schema, no_questions), no_transaction);
    // drizzle-kit joins the statements with a newline and ends with one.
    std::string sql;
    for (const auto& statement : statements) sql += statement + "\n";
    std::cout << sql << std::flush;
    return exit_ok;
}

}  // namespace drizzle::cli
