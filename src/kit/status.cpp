// Status: the migrator's plan turned into one line per migration, read without changing anything.
#include "drizzle/kit/status.hpp"

#include "drizzle/dialect/dialect_ops.hpp"
#include "drizzle/dialect/registry.hpp"
#include "drizzle/error.hpp"
#include "drizzle/kit/database.hpp"
#include "drizzle/kit/folder_dialect.hpp"
#include "drizzle/migrate/plan.hpp"

#include <algorithm>
#include <filesystem>

namespace drizzle::kit {

namespace {

/// The first 12 hex digits of a hash, for details (the migrator's messages shorten them alike).
std::string short_hash(const std::string& hash) {
    if (hash.empty()) return "(empty)";
    return hash.size() > 12 ? hash.substr(0, 12) + ".." : hash;
}

} // namespace

std::string_view to_string(MigrationStatusKind kind) {
    switch (kind) {
    case MigrationStatusKind::applied:
        return "applied";
    case MigrationStatusKind::pending:
        return "pending";
    case MigrationStatusKind::out_of_order:
        return "out of order";
    case MigrationStatusKind::edited:
        return "edited after apply";
    case MigrationStatusKind::missing_file:
        return "missing file";
    case MigrationStatusKind::partially_applied:
        return "partially applied";
    }
    return "unknown";
}

bool StatusReport::up_to_date() const {
    return std::all_of(entries.begin(), entries.end(),
                       [](const MigrationStatusEntry& e) { return e.kind == MigrationStatusKind::applied; });
}

std::size_t StatusReport::count(MigrationStatusKind kind) const {
    return static_cast<std::size_t>(
        std::count_if(entries.begin(), entries.end(), [&](const MigrationStatusEntry& e) { return e.kind == kind; }));
}

StatusReport migration_status(const MigrationState& state) {
    const auto& local = state.local;
    const MigrationPlan plan = plan_migrations(state.folder.layout, local, state.recorded);
    StatusReport report;
    report.table_exists = !state.recorded.empty();
    report.applied = plan.applied;
    report.pending = plan.pending.size();
    for (const auto& m : local) {
        MigrationStatusEntry entry;
        entry.name = m.name;
        entry.file = m.display_path;
        entry.kind = MigrationStatusKind::applied;
        entry.created_at_ms = m.created_at_ms;
        report.entries.push_back(std::move(entry));
    }
    for (std::size_t i : plan.pending)
        report.entries[i].kind = MigrationStatusKind::pending;
    for (const auto& o : plan.out_of_order) {
        auto& entry = report.entries[o.index];
        entry.kind = MigrationStatusKind::out_of_order;
        entry.detail = "older than the applied migration " + local[o.newer_applied].name;
    }
    for (const auto& m : plan.modified) {
        auto& entry = report.entries[m.index];
        entry.kind = MigrationStatusKind::edited;
        entry.detail =
            "recorded hash " + short_hash(m.recorded_hash) + ", file hash " + short_hash(local[m.index].hash);
    }
    for (const auto& m : plan.missing) {
        MigrationStatusEntry entry;
        entry.kind = MigrationStatusKind::missing_file;
        entry.created_at_ms = parse_created_at(m.row.created_at);
        // A 0.x row has no name: it is known by its time.
        entry.name = m.row.name ? *m.row.name : "created_at " + m.row.created_at.value_or("NULL");
        entry.detail = "recorded hash " + short_hash(m.row.hash) + ", no file in the folder";
        if (m.same_hash) entry.detail += " (same hash as " + local[*m.same_hash].name + ": renamed?)";
        report.entries.push_back(std::move(entry));
    }
    return report;
}

StatusReport read_status(const Config& config) {
    const auto dir = config.out_dir();
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) {
        throw UserError("migrations folder " + dir.string() +
                        " does not exist (config `out` or --out); nothing to compare the database with");
    }
    // Folder problems (another dialect, a malformed journal) come before the database is opened.
    MigrationsFolder folder = MigrationsFolder::read(dir);
    require_folder_dialect(config, folder);
    // Opening a SQLite path creates the file: a database that does not exist has applied nothing.
    const auto file = dialect_ops(*config.dialect).local_database_file(config);
    if (!file.empty() && !std::filesystem::exists(file, ec)) {
        MigrationState state;
        state.folder = std::move(folder);
        state.local = read_local_migrations(state.folder);
        StatusReport report = migration_status(state);
        report.database_exists = false;
        return report;
    }
    auto connection = open_database(config);
    return migration_status(read_migration_state(config, *connection));
}

} // namespace drizzle::kit
