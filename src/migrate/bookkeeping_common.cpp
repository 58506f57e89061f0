// What the dialects' bookkeeping shares: reading recorded rows, drizzle 1.0's 0.45-table upgrade, and hashes in
// messages.
#include "drizzle/error.hpp"
#include "migrate/migration_store.hpp"
#include "migrate/plan.hpp"

namespace drizzle::migrate_internal {

std::vector<RecordedRow> recorded_rows(std::vector<Row> result) {
    std::vector<RecordedRow> rows;
    rows.reserve(result.size());
    for (auto& r : result) {
        RecordedRow row;
        row.key = r[0] ? std::stoll(*r[0]) : 0;
        row.id = std::move(r[1]);
        row.hash = r[2].value_or("");
        row.created_at = std::move(r[3]);
        row.name = std::move(r[4]);
        rows.push_back(std::move(row));
    }
    return rows;
}

std::string short_hash(const std::string& hash) {
    return hash.size() > 12 ? hash.substr(0, 12) + ".." : hash;
}

std::optional<std::string> replaced_migration_of(const std::vector<LocalMigration>& local, const RecordedRow& row) {
    for (const auto& m : local) {
        if (!row.hash.empty() && (m.hash == row.hash || m.raw_hash == row.hash)) return std::nullopt; // a file's row
    }
    const auto created = parse_created_at(row.created_at);
    const ReplacedMigration* by_time = nullptr;
    for (const auto& m : local) {
        for (const auto& r : m.replaces) {
            if (!row.hash.empty() && r.hash == row.hash) return r.name;
            if (created && !by_time && r.created_at_ms / 1000 == *created / 1000) by_time = &r;
        }
    }
    if (by_time) return by_time->name;
    return std::nullopt;
}

std::vector<std::string> names_for_upgrade(const std::vector<LocalMigration>& local,
                                           const std::vector<RecordedRow>& rows, const std::string& table,
                                           const std::filesystem::path& folder,
                                           const std::function<std::string(const RecordedRow&)>& row_label) {
    auto matches = match_rows_by_time(local, rows);
    std::string unmatched;
    std::size_t unmatched_count = 0;
    std::vector<std::string> names;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        // A row of a migration a squash replaced (drizzle-kit squash) takes that migration's name.
        if (auto replaced = replaced_migration_of(local, rows[i])) {
            names.push_back(*replaced);
            continue;
        }
        if (matches[i]) {
            names.push_back(local[*matches[i]].name);
            continue;
        }
        ++unmatched_count;
        unmatched += "\n  " + row_label(rows[i]) + ", created_at " + rows[i].created_at.value_or("NULL") +
                     ", hash " + short_hash(rows[i].hash);
    }
    if (unmatched_count > 0) {
        throw UserError("While upgrading the migrations table " + table +
                        " to the drizzle-kit 1.0 format we found " + std::to_string(unmatched_count) +
                        " recorded migration(s) that match no local migration in " + folder.string() + ":" +
                        unmatched +
                        "\nThey were applied to the database but are missing locally; restore them "
                        "before migrating.");
    }
    return names;
}

}  // namespace drizzle::migrate_internal
