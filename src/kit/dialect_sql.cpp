// A diff rendered through the dialect's operations; which commands a build supports.
#include "drizzle/kit/dialect_sql.hpp"

#include "drizzle/dialect/dialect_ops.hpp"
#include "drizzle/dialect/registry.hpp"
#include "drizzle/error.hpp"

namespace drizzle::kit {

std::vector<std::string> dialect_statements(Dialect dialect, const DiffResult& diff, bool& no_transaction) {
    MigrationSql sql = dialect_ops(dialect).migration_sql(diff);
    no_transaction = sql.outside_transaction;
    return std::move(sql.statements);
}

std::string join_statements(const std::vector<std::string>& statements, bool breakpoints) {
    std::string sql;
    for (size_t i = 0; i < statements.size(); ++i) {
        if (i > 0) sql += breakpoints ? "--> statement-breakpoint\n" : "\n";
        sql += statements[i];
    }
    return sql;
}

void require_supported(Dialect dialect, const std::string& command) {
    if (has_dialect_ops(dialect)) return;
    try {
        dialect_facts(dialect);
    } catch (const UserError&) {
        // Known by name only (mysql): no facts, no operations anywhere.
        throw UserError(command + " does not support the " + std::string(to_string(dialect)) + " dialect yet");
    }
    dialect_ops(dialect);  // known but not built here: the registry says so
}

}  // namespace drizzle::kit
