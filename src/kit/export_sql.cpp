// The whole schema as the statements that create it from nothing.
#include "drizzle/kit/export_sql.hpp"

#include "drizzle/diff/diff.hpp"
#include "drizzle/kit/dialect_sql.hpp"
#include "drizzle/kit/schema_source.hpp"
#include "drizzle/schema/validate.hpp"

namespace drizzle::kit {

std::vector<std::string> export_statements(const Config& config) {
    require_supported(*config.dialect, "export");
    Schema schema = load_schema(config, default_toolchain());
    require_valid(schema);
    Schema empty;
    empty.dialect = schema.dialect;
    ScriptedResolver no_questions; // nothing is removed, so nothing can be a rename
    bool no_transaction = false;
    return dialect_statements(*config.dialect, diff(empty, schema, no_questions), no_transaction);
}

} // namespace drizzle::kit
