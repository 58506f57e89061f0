// `drop`: the database check, then the files moved aside, the journal and child snapshots
// rewritten, and the moved files deleted (or everything put back on error).
#include "drizzle/kit/drop_migration.hpp"

#include "drizzle/dialect/dialect_ops.hpp"
#include "drizzle/dialect/registry.hpp"
#include "drizzle/error.hpp"
#include "drizzle/kit/database.hpp"
#include "drizzle/kit/folder_dialect.hpp"
#include "drizzle/kit/migration_state.hpp"
#include "drizzle/migrate/plan.hpp"
#include "kit/file_moves.hpp"
#include "migrate/journal.hpp"
#include "migrate/timestamps.hpp"
#include "util/files.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <optional>

namespace drizzle::kit {

namespace fs = std::filesystem;

namespace {

using ordered_json = nlohmann::ordered_json;

ordered_json parse_json_file(const fs::path& path, const std::string& text) {
    try {
        return ordered_json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        throw UserError("snapshot " + path.string() + " is not valid JSON (" + std::string(e.what()) + ")");
    }
}

/// A snapshot's parents: v1 `prevIds`, or 0.31 `prevId`.
std::vector<std::string> parents_of(const ordered_json& j) {
    std::vector<std::string> parents;
    if (j.contains("prevIds") && j["prevIds"].is_array()) {
        for (const auto& id : j["prevIds"])
            if (id.is_string()) parents.push_back(id.get<std::string>());
    } else if (j.contains("prevId") && j["prevId"].is_string()) {
        parents.push_back(j["prevId"].get<std::string>());
    }
    return parents;
}

/// A snapshot file rewritten with new parents.
struct Relink {
    fs::path path;
    std::string name;     ///< the migration it belongs to
    std::string original; ///< restored on error
    std::string updated;
};

/// The snapshots of `folder` after `index` whose parent is the dropped snapshot, re-pointed at its
/// parents. Written like drizzle-kit's JSON.stringify(.., 2); only prevId(s) change.
std::vector<Relink> plan_relinks(const MigrationsFolder& folder, std::size_t index, DropResult& result) {
    const MigrationEntry& dropped = folder.entries[index];
    std::vector<Relink> relinks;
    if (index + 1 == folder.entries.size()) return relinks;
    if (!fs::is_regular_file(dropped.snapshot_path)) {
        result.warnings.push_back(dropped.name + " has no snapshot (" + dropped.snapshot_path.string() +
                                  "): the snapshots after it were not re-linked");
        return relinks;
    }
    const ordered_json dropped_json =
        parse_json_file(dropped.snapshot_path, detail::read_file_bytes(dropped.snapshot_path));
    if (!dropped_json.contains("id") || !dropped_json["id"].is_string()) {
        throw UserError("snapshot " + dropped.snapshot_path.string() + " has no \"id\"");
    }
    const std::string dropped_id = dropped_json["id"].get<std::string>();
    const std::vector<std::string> grandparents = parents_of(dropped_json);
    for (std::size_t i = index + 1; i < folder.entries.size(); ++i) {
        const MigrationEntry& entry = folder.entries[i];
        if (!fs::is_regular_file(entry.snapshot_path)) continue;
        Relink relink{entry.snapshot_path, entry.name, detail::read_file_bytes(entry.snapshot_path), {}};
        ordered_json j = parse_json_file(entry.snapshot_path, relink.original);
        const std::vector<std::string> parents = parents_of(j);
        if (std::find(parents.begin(), parents.end(), dropped_id) == parents.end()) continue;
        if (j.contains("prevIds")) {
            ordered_json ids = ordered_json::array();
            std::vector<std::string> seen;
            auto add = [&](const std::string& id) {
                if (std::find(seen.begin(), seen.end(), id) != seen.end()) return;
                seen.push_back(id);
                ids.push_back(id);
            };
            for (const auto& id : parents) {
                if (id != dropped_id) {
                    add(id);
                    continue;
                }
                for (const auto& g : grandparents)
                    add(g);
            }
            j["prevIds"] = std::move(ids);
        } else {
            j["prevId"] = grandparents.empty() ? std::string(kRootSnapshotId) : grandparents.front();
        }
        relink.updated = j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
        if (!relink.original.empty() && relink.original.back() == '\n') relink.updated += '\n';
        relinks.push_back(std::move(relink));
    }
    return relinks;
}

/// The recorded row that identifies `local` (by name, then time, then hash), for the message.
std::optional<RecordedRow> row_of(const LocalMigration& local, const std::vector<RecordedRow>& rows) {
    for (const auto& row : rows)
        if (row.name && *row.name == local.name) return row;
    for (const auto& row : rows)
        if (parse_created_at(row.created_at) == local.created_at_ms) return row;
    for (const auto& row : rows)
        if (row.hash == local.hash) return row;
    return std::nullopt;
}

/// Refuses (or, with force, warns about) a migration the configured database records.
void check_database(const Config& config, const MigrationsFolder& folder, std::size_t index, bool force,
                    DropResult& result) {
    const std::string& name = folder.entries[index].name;
    if (config.credentials.empty()) {
        result.notes.push_back("no database configured: not checked whether " + name + " was applied anywhere");
        return;
    }
    const std::string where = config.credentials.display();
    const fs::path file = dialect_ops(*config.dialect).local_database_file(config);
    std::error_code ec;
    if (!file.empty() && !fs::exists(file, ec)) {
        result.notes.push_back("the database " + where + " does not exist yet: nothing applied there");
        return;
    }
    MigrationState state;
    try {
        auto connection = open_database(config);
        state = read_migration_state(config, *connection);
    } catch (const UserError&) {
        throw;
    } catch (const Error& e) {
        if (!force) {
            throw Error("cannot reach the database " + where + " to check whether " + name +
                        " was applied: " + e.what() + ". Drop it without that check with --force");
        }
        result.warnings.push_back("cannot reach the database " + where + " (" + e.what() + "); dropping " + name +
                                  " without checking whether it was applied (--force)");
        return;
    }
    const MigrationPlan plan = plan_migrations(folder.layout, state.local, state.recorded);
    if (std::find(plan.pending.begin(), plan.pending.end(), index) != plan.pending.end()) return;
    std::string row_text;
    if (auto row = row_of(state.local[index], state.recorded)) {
        row_text = " (row";
        if (row->id) row_text += " id " + *row->id;
        if (auto ms = parse_created_at(row->created_at)) {
            row_text += ", created_at " + std::to_string(*ms) + " = " + migrate_internal::iso_utc(*ms);
        }
        row_text += ")";
    }
    const std::string recorded = "migration " + name + " is recorded as applied in the database " + where + row_text;
    if (!force) {
        throw UserError(recorded + "; dropping its files would not undo its changes. Use --force to drop the "
                                   "files anyway (the database keeps its changes and its row)");
    }
    result.warnings.push_back(recorded + ": dropped anyway (--force); the database keeps its changes and its row");
}

} // namespace

std::size_t find_migration(const MigrationsFolder& folder, const std::string& name) {
    std::vector<std::string> all;
    for (const auto& e : folder.entries)
        all.push_back(e.name);
    auto pick = [&](auto matches) -> std::optional<std::vector<std::size_t>> {
        std::vector<std::size_t> hits;
        for (std::size_t i = 0; i < all.size(); ++i)
            if (matches(all[i])) hits.push_back(i);
        if (hits.empty()) return std::nullopt;
        return hits;
    };
    auto unique = [&](const std::vector<std::size_t>& hits, const std::string& how) {
        if (hits.size() == 1) return hits.front();
        std::string names;
        for (auto i : hits)
            names += (names.empty() ? "" : ", ") + all[i];
        throw UserError("\"" + name + "\" " + how + " several migrations in " + folder.dir.string() + ": " + names +
                        "; give the full name");
    };
    if (name.empty()) throw UserError("--name needs a migration name");
    if (auto hits = pick([&](const std::string& n) { return n == name; })) return hits->front();
    if (auto hits = pick([&](const std::string& n) { return n.starts_with(name); })) {
        return unique(*hits, "starts");
    }
    if (auto hits = pick([&](const std::string& n) {
            const auto underscore = n.find('_');
            return underscore != std::string::npos && n.substr(underscore + 1) == name;
        })) {
        return unique(*hits, "names");
    }
    std::string names;
    for (const auto& n : all)
        names += (names.empty() ? "" : ", ") + n;
    throw UserError("no migration \"" + name + "\" in " + folder.dir.string() +
                    (names.empty() ? std::string(" (it holds none)") : "; it holds: " + names));
}

DropResult remove_migration(const MigrationsFolder& folder, std::size_t index) {
    if (index >= folder.entries.size()) throw Error("remove_migration: no migration #" + std::to_string(index));
    const MigrationEntry& dropped = folder.entries[index];
    DropResult result;
    result.dropped = dropped.name;
    for (std::size_t i = index + 1; i < folder.entries.size(); ++i)
        result.later.push_back(folder.entries[i].name);

    const bool legacy = folder.layout == FolderLayout::legacy;
    if (legacy) {
        for (std::size_t i = 0; i < folder.entries.size(); ++i) {
            if (i != index && folder.entries[i].snapshot_path == dropped.snapshot_path) {
                throw UserError("cannot drop " + dropped.name + ": it shares its snapshot " +
                                dropped.snapshot_path.string() + " with " + folder.entries[i].name +
                                " (--prefix none keeps one snapshot for all migrations)");
            }
        }
    }
    // Content first: nothing moves before every new file is known.
    const std::vector<Relink> relinks = plan_relinks(folder, index, result);
    std::string new_journal;
    const fs::path journal_path = folder.dir / "meta" / "_journal.json";
    if (legacy) {
        new_journal =
            migrate_internal::remove_journal_entry(detail::read_file_bytes(journal_path), dropped.name, journal_path);
    }
    const std::string original_journal = legacy ? detail::read_file_bytes(journal_path) : std::string();

    const fs::path trash = kit_internal::inner_temp_path(folder.dir, "drop");
    kit_internal::FileMoves moves;
    std::size_t written = 0;
    bool journal_written = false;
    try {
        fs::create_directory(trash);
        if (legacy) {
            moves.move(dropped.sql_path, trash / dropped.sql_path.filename());
            result.removed.push_back(dropped.sql_path.string());
            if (fs::is_regular_file(dropped.snapshot_path)) {
                moves.move(dropped.snapshot_path, trash / dropped.snapshot_path.filename());
                result.removed.push_back(dropped.snapshot_path.string());
            }
            // Its down file goes with it: left behind it would pass for a later migration's.
            if (!dropped.down_path.empty() && fs::is_regular_file(dropped.down_path)) {
                moves.move(dropped.down_path, trash / dropped.down_path.filename());
                result.removed.push_back(dropped.down_path.string());
            }
            write_file_atomically(journal_path, new_journal);
            journal_written = true;
        } else {
            const fs::path dir = dropped.sql_path.parent_path();
            moves.move(dir, trash / dir.filename());
            result.removed.push_back(dir.string());
        }
        for (const auto& relink : relinks) {
            write_file_atomically(relink.path, relink.updated);
            ++written;
            result.relinked.push_back(relink.name);
        }
    } catch (...) {
        for (std::size_t i = 0; i < written; ++i) {
            try {
                write_file_atomically(relinks[i].path, relinks[i].original);
            } catch (...) {
            }
        }
        if (journal_written) {
            try {
                write_file_atomically(journal_path, original_journal);
            } catch (...) {
            }
        }
        moves.undo();
        std::error_code ignored;
        fs::remove_all(trash, ignored);
        throw;
    }
    std::error_code ignored;
    fs::remove_all(trash, ignored);
    if (!result.later.empty()) {
        std::string names;
        for (const auto& n : result.later)
            names += (names.empty() ? "" : ", ") + n;
        result.warnings.push_back("later migrations were generated on top of " + dropped.name + "'s changes: " + names +
                                  ". Their SQL may assume them; review them (or drop "
                                  "and generate them again)");
    }
    return result;
}

DropResult drop_migration(const Config& config, const DropRequest& request) {
    const MigrationsFolder folder = MigrationsFolder::read(config.out_dir());
    require_folder_dialect(config, folder);
    if (folder.entries.empty()) throw UserError("no migrations to drop in " + config.out_dir().string());
    const std::size_t index = request.name.empty() ? folder.entries.size() - 1 : find_migration(folder, request.name);
    DropResult checked;
    check_database(config, folder, index, request.force, checked);
    DropResult result = remove_migration(folder, index);
    result.warnings.insert(result.warnings.begin(), checked.warnings.begin(), checked.warnings.end());
    result.notes = std::move(checked.notes);
    return result;
}

} // namespace drizzle::kit
