// Reads the folder's migrations and the bookkeeping table's rows without changing either.
#include "drizzle/kit/migration_state.hpp"

#include "drizzle/dialect/dialect_ops.hpp"
#include "drizzle/dialect/registry.hpp"
#include "drizzle/kit/folder_dialect.hpp"
#include "drizzle/migrate/migrator.hpp"
#include "migrate/hash.hpp"
#include "migrate/statements.hpp"
#include "util/files.hpp"

namespace drizzle::kit {

std::vector<LocalMigration> read_local_migrations(const MigrationsFolder& folder) {
    // The migrator's own reading (src/migrate/migrator.cpp), so hashes compare with the rows.
    std::vector<LocalMigration> local;
    for (const auto& entry : folder.entries) {
        LocalMigration m;
        m.name = entry.name;
        m.created_at_ms = entry.created_at_ms;
        m.sql = detail::read_file_bytes(entry.sql_path);
        // drizzle hashes the file as a JS string; for valid UTF-8 that is the bytes themselves.
        const std::string as_js_string = migrate_internal::node_utf8_roundtrip(m.sql);
        m.hash = sha256_hex(as_js_string);
        m.raw_hash = as_js_string == m.sql ? m.hash : sha256_hex(m.sql);
        m.display_path = entry.sql_path.lexically_relative(folder.dir).generic_string();
        if (m.display_path.empty()) m.display_path = entry.sql_path.generic_string();
        m.switches_foreign_keys_off = migrate_internal::switches_foreign_keys_off(m.sql);
        m.outside_transaction = migrate_internal::declares_txmode_none(m.sql);
        local.push_back(std::move(m));
    }
    return local;
}

MigrationState read_migration_state(const Config& config, Connection& connection) {
    MigrationState state;
    state.folder = MigrationsFolder::read(config.out_dir());
    require_folder_dialect(config, state.folder);
    state.local = read_local_migrations(state.folder);
    MigrateOptions options;
    options.folder = config.out_dir();
    options.table = config.migrations_table;
    options.schema = config.migrations_schema;
    if (count_recorded_migrations(connection, options) == 0) return state;
    auto store = dialect_ops(connection.dialect()).migration_store(connection, options);
    if (auto rows = store->peek_rows(state.folder.layout)) {
        state.recorded = std::move(*rows);
        return state;
    }
    // The store cannot tell without its lock: read under it, then let go, changing nothing.
    store->begin(false);
    try {
        state.recorded = store->read_rows();
    } catch (...) {
        store->rollback();
        throw;
    }
    store->rollback();
    return state;
}

} // namespace drizzle::kit
