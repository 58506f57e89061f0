// Dialect dispatch for SQL generation.
#include "cli/dialect_sql.hpp"

#include "drizzle/dialect/pg.hpp"
#include "drizzle/dialect/sqlite.hpp"
#include "drizzle/error.hpp"

namespace drizzle::cli {

std::vector<std::string> dialect_statements(Dialect dialect, const DiffResult& diff, bool& no_transaction) {
    no_transaction = false;
    if (dialect == Dialect::postgresql) {
        auto operations = pg::lower(diff);
        no_transaction = pg::needs_no_transaction(operations);
        return pg::render(operations);
    }
    return sqlite::migration_statements(diff);
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
    if (dialect == Dialect::mysql) throw UserError(command + " does not support the mysql dialect yet");
}

}  // namespace drizzle::cli
