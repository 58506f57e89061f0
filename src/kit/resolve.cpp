// resolve: rows of the bookkeeping table written (as migrate writes them) or deleted, under the
// migrator's lock, without running any migration.
#include "drizzle/kit/resolve.hpp"

#include "drizzle/error.hpp"
#include "drizzle/kit/database.hpp"
#include "drizzle/kit/folder_dialect.hpp"
#include "drizzle/migrate/folder.hpp"
#include "drizzle/migrate/migration_store.hpp"
#include "drizzle/migrate/migrator.hpp"
#include "drizzle/migrate/plan.hpp"

#include <algorithm>
#include <filesystem>
#include <optional>
#include <set>

namespace drizzle::kit {

namespace {

namespace fs = std::filesystem;

/// "drizzle/20250101000000_a/", ".../migration.sql" and "0001_b.sql" name the migration too.
std::string migration_name_of(std::string text) {
    while (!text.empty() && (text.back() == '/' || text.back() == '\\'))
        text.pop_back();
    if (text.ends_with("/migration.sql")) text.resize(text.size() - std::string("/migration.sql").size());
    if (text.ends_with(".sql")) text.resize(text.size() - 4);
    if (auto slash = text.find_last_of("/\\"); slash != std::string::npos) text = text.substr(slash + 1);
    return text;
}

std::size_t edit_distance(const std::string& a, const std::string& b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j)
        row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = up;
        }
    }
    return row[b.size()];
}

/// The error for a name that is neither a local migration nor a recorded one, naming close ones.
UserError unknown_migration(const std::string& name, const fs::path& dir, const std::vector<std::string>& known) {
    std::vector<std::string> close;
    for (const auto& candidate : known) {
        const bool contains =
            !name.empty() && (candidate.find(name) != std::string::npos || name.find(candidate) != std::string::npos);
        if (contains || edit_distance(candidate, name) <= std::max<std::size_t>(2, name.size() / 4))
            close.push_back(candidate);
    }
    std::string text = "no migration named \"" + name + "\" in " + dir.string();
    if (!close.empty()) {
        text += "; did you mean:";
        for (std::size_t i = 0; i < close.size() && i < 5; ++i)
            text += "\n  " + close[i];
    } else if (known.empty()) {
        text += " (it holds no migration)";
    } else {
        // The newest ones are what a resolve is usually about.
        text += "; its newest migrations are:";
        for (std::size_t i = known.size() > 5 ? known.size() - 5 : 0; i < known.size(); ++i)
            text += "\n  " + known[i];
    }
    return UserError(text);
}

/// Which local migration each row stands for, as the migrator identifies it (none: missing file).
std::vector<std::optional<std::size_t>> owners_of(FolderLayout layout, const std::vector<LocalMigration>& local,
                                                  const std::vector<RecordedRow>& rows) {
    std::vector<std::optional<std::size_t>> owners;
    for (const auto& row : rows) {
        const MigrationPlan plan = plan_migrations(layout, local, {row});
        std::optional<std::size_t> owner;
        if (plan.applied == 1) {
            std::vector<bool> pending(local.size(), false);
            for (std::size_t i : plan.pending)
                pending[i] = true;
            for (std::size_t i = 0; i < local.size() && !owner; ++i) {
                if (!pending[i]) owner = i;
            }
        }
        owners.push_back(owner);
    }
    return owners;
}

ResolveResult forget_migration(const std::string& name, const MigrationsFolder& folder,
                               const std::vector<LocalMigration>& local, const std::optional<std::size_t>& index,
                               MigrationStore& store) {
    std::vector<std::string> known;
    for (const auto& m : local)
        known.push_back(m.name);
    if (store.count_rows() == 0) {
        if (!index) throw unknown_migration(name, folder.dir, known);
        throw UserError("migration " + name +
                        " is not recorded as applied (the database records no migration); "
                        "nothing to forget");
    }
    MigrationLock lock(store);
    const auto rows = store.read_rows(); // under the lock: what a migrator would see
    const auto owners = owners_of(folder.layout, local, rows);
    std::vector<const RecordedRow*> doomed;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const bool match = owners[r] ? local[*owners[r]].name == name : rows[r].name == name;
        if (match) doomed.push_back(&rows[r]);
        if (!owners[r] && rows[r].name) known.push_back(*rows[r].name);
    }
    if (doomed.empty()) {
        if (!index) throw unknown_migration(name, folder.dir, known);
        throw UserError("migration " + name + " is not recorded as applied in the database; nothing to forget");
    }
    for (const RecordedRow* row : doomed)
        store.forget(*row);
    lock.commit();
    ResolveResult result;
    result.forgotten.push_back(name);
    return result;
}

} // namespace

ResolveResult resolve_migration(const Config& config, Connection& connection, const ResolveRequest& request) {
    const fs::path dir = config.out_dir();
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
        throw UserError("migrations folder " + dir.string() + " does not exist (config `out` or --out)");
    }
    const MigrationsFolder folder = MigrationsFolder::read(dir);
    require_folder_dialect(config, folder);
    const std::vector<LocalMigration> local = read_local_migrations(folder);
    const std::string name = migration_name_of(request.name);
    if (name.empty()) throw UserError("resolve needs the name of a migration");
    std::optional<std::size_t> index;
    for (std::size_t i = 0; i < local.size(); ++i) {
        if (local[i].name == name) index = i;
    }

    MigrateOptions options;
    options.folder = dir;
    options.table = config.migrations_table;
    options.schema = config.migrations_schema;
    options.lock_timeout_ms = request.lock_timeout_ms;
    auto store = open_migration_store(connection, options);
    if (request.action == ResolveAction::rolled_back) return forget_migration(name, folder, local, index, *store);

    if (!index) {
        std::vector<std::string> known;
        for (const auto& m : local)
            known.push_back(m.name);
        throw unknown_migration(name, dir, known);
    }
    // The table as migrate creates (or upgrades) it, so the rows written are the rows it writes.
    store->ensure_table(folder.layout, local);
    MigrationLock lock(*store);
    const MigrationPlan plan = plan_migrations(folder.layout, local, store->read_rows());
    std::vector<std::size_t> to_record;
    for (std::size_t i : plan.pending) {
        if (request.action == ResolveAction::applied ? i == *index : i <= *index) to_record.push_back(i);
    }
    ResolveResult result;
    if (to_record.empty()) {
        result.nothing_to_do =
            request.action == ResolveAction::applied
                ? "migration " + name + " is already recorded as applied; nothing changed"
                : "every migration up to " + name + " is already recorded as applied; nothing changed";
        return result; // the lock's scope rolls back the empty transaction
    }
    for (std::size_t i : to_record) {
        store->record(local[i], folder.layout);
        result.recorded.push_back(local[i].name);
    }
    lock.commit();
    return result;
}

ResolveResult resolve_migration(const Config& config, const ResolveRequest& request) {
    // Folder problems first: a wrong `out` must not create a database file.
    const fs::path dir = config.out_dir();
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
        throw UserError("migrations folder " + dir.string() + " does not exist (config `out` or --out)");
    }
    require_folder_dialect(config, MigrationsFolder::read(dir));
    auto connection = open_database(config);
    return resolve_migration(config, *connection, request);
}

} // namespace drizzle::kit
