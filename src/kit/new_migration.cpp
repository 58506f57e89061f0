// A draft migration becomes files of the folder: name, date, journal entry, snapshot.
#include "drizzle/kit/new_migration.hpp"

#include "drizzle/dialect/registry.hpp"
#include "drizzle/kit/migration_names.hpp"

#include <chrono>

namespace drizzle::kit {

namespace {

std::int64_t now_ms() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

} // namespace

std::filesystem::path write_new_migration(const Config& config, const MigrationsFolder& folder,
                                          const MigrationDraft& draft) {
    NewMigration migration;
    migration.name = draft.name.empty() ? random_migration_name() : draft.name;
    migration.sql = draft.sql;
    migration.snapshot_json = write_snapshot(draft.snapshot);
    migration.breakpoints = config.breakpoints;
    migration.prefix = config.migrations_prefix.value_or("index");
    migration.dialect = *config.dialect;
    migration.snapshot_version = dialect_facts(*config.dialect).legacy_snapshot_version();
    migration.decisions_json = draft.decisions_json;
    migration.down_sql = draft.down_sql;
    return write_migration(folder, migration, now_ms());
}

std::filesystem::path down_path_of(const std::filesystem::path& sql_path, FolderLayout layout) {
    if (layout == FolderLayout::v1) return sql_path.parent_path() / "down.sql";
    return sql_path.parent_path() / (sql_path.stem().string() + ".down.sql");
}

} // namespace drizzle::kit
