// Planning a squash: the range, its snapshots, the net diff with the range's renames, the new name.
#include "drizzle/kit/squash.hpp"

#include "drizzle/diff/diff.hpp"
#include "drizzle/error.hpp"
#include "drizzle/kit/dialect_sql.hpp"
#include "drizzle/kit/down_sql.hpp"
#include "drizzle/kit/folder_dialect.hpp"
#include "drizzle/kit/migration_names.hpp"
#include "drizzle/migrate/plan.hpp"
#include "kit/squash_renames.hpp"
#include "util/files.hpp"

#include <algorithm>
#include <cctype>

namespace drizzle::kit {

namespace fs = std::filesystem;
using squash_internal::DecisionReplay;

namespace {

constexpr std::size_t kStampLength = 14; // YYYYMMDDHHMMSS

std::string suffix_of(const std::string& name) {
    return name.size() > kStampLength + 1 && name[kStampLength] == '_' ? name.substr(kStampLength + 1) : name;
}

std::string list_names(const MigrationsFolder& folder) {
    std::string text;
    for (const auto& e : folder.entries)
        text += "\n  " + e.name;
    return text;
}

/// The entry `query` names: its folder name, else the one whose name starts or ends with it.
std::size_t find_migration(const MigrationsFolder& folder, const std::string& query, const char* flag) {
    if (query.empty()) throw UserError(std::string(flag) + " needs a migration name");
    for (std::size_t i = 0; i < folder.entries.size(); ++i) {
        if (folder.entries[i].name == query) return i;
    }
    std::vector<std::size_t> found;
    for (std::size_t i = 0; i < folder.entries.size(); ++i) {
        const std::string& name = folder.entries[i].name;
        if (name.starts_with(query) || name.ends_with(query)) found.push_back(i);
    }
    if (found.size() == 1) return found.front();
    if (found.empty()) {
        throw UserError(
            std::string(flag) + " " + query + ": no migration of " + folder.dir.string() +
            " is named so (a folder name, or a unique prefix or suffix of one). Its migrations:" + list_names(folder));
    }
    std::string text;
    for (std::size_t i : found)
        text += "\n  " + folder.entries[i].name;
    throw UserError(std::string(flag) + " " + query + " names " + std::to_string(found.size()) +
                    " migrations; give more of the name:" + text);
}

Snapshot read_snapshot(const MigrationEntry& entry, Dialect dialect) {
    if (!fs::exists(entry.snapshot_path)) {
        throw UserError("migration " + entry.name + " has no snapshot.json (" + entry.snapshot_path.string() +
                        "); squash needs the snapshot of every migration of the range and of its parent");
    }
    Snapshot snapshot = parse_snapshot(detail::read_file_bytes(entry.snapshot_path), entry.snapshot_path.string());
    if (snapshot.schema.dialect != dialect) {
        throw UserError(entry.snapshot_path.string() + ": is a " + std::string(to_string(snapshot.schema.dialect)) +
                        " snapshot, but the config's dialect is " + std::string(to_string(dialect)));
    }
    return snapshot;
}

/// The decisions a migration was generated with: its decisions.json, else its snapshot's renames.
std::vector<RenameDecision> decisions_of(const MigrationEntry& entry, const Snapshot& snapshot) {
    const fs::path file = entry.sql_path.parent_path() / "decisions.json";
    if (fs::exists(file)) return decisions_from_json(detail::read_file_bytes(file), file.string());
    std::vector<RenameDecision> decisions = squash_internal::decisions_from_verbatim(snapshot.renames.verbatim);
    for (const auto& t : snapshot.renames.tables)
        decisions.push_back({RenameQuestion::Kind::table, t.schema, "", t.to, t.from});
    for (const auto& c : snapshot.renames.columns)
        decisions.push_back({RenameQuestion::Kind::column, c.schema, c.table, c.to, c.from});
    return decisions;
}

/// The migration text generate writes for `prev` → `next` with `decisions` replayed.
/// `taken` (when given) receives the renames the diff made: those whose source exists in `prev`.
std::string diff_sql(const Config& config, const Schema& prev, const Schema& next,
                     const std::vector<RenameDecision>& decisions, std::vector<RenameDecision>* taken = nullptr) {
    DecisionReplay replay(decisions);
    DiffResult diff = drizzle::diff(prev, next, replay, NamingStyle::v1);
    if (taken != nullptr) {
        for (const auto& d : diff.decisions) {
            if (d.is_rename()) taken->push_back(d);
        }
    }
    Schema kept = next; // only the diff may change: the snapshot keeps the recorded names
    keep_names_through_renames(prev, kept, diff, NamingStyle::v1);
    bool no_transaction = false;
    const auto statements = dialect_statements(*config.dialect, diff, no_transaction);
    std::string sql = join_statements(statements, config.breakpoints);
    if (no_transaction) sql = "-- drizzle:txmode none\n" + sql;
    return sql;
}

/// SQL text compared for meaning: breakpoints, the txmode line and whitespace runs do not count.
std::string normalized(const std::string& sql) {
    std::string out;
    std::size_t pos = 0;
    while (pos <= sql.size()) {
        std::size_t end = sql.find('\n', pos);
        if (end == std::string::npos) end = sql.size();
        std::string line = sql.substr(pos, end - pos);
        for (const char* marker : {"--> statement-breakpoint", "-- drizzle:txmode none"}) {
            if (auto at = line.find(marker); at != std::string::npos) line.erase(at, std::string(marker).size());
        }
        for (char c : line) {
            if (std::isspace(static_cast<unsigned char>(c))) {
                if (!out.empty() && out.back() != ' ') out += ' ';
            } else {
                out += c;
            }
        }
        if (!out.empty() && out.back() != ' ') out += ' ';
        pos = end + 1;
    }
    while (!out.empty() && out.back() == ' ')
        out.pop_back();
    return out;
}

} // namespace

SquashPlan plan_squash(const Config& config, const SquashRequest& request,
                       const std::function<void(const std::string&)>& log) {
    require_supported(*config.dialect, "squash");
    if (!request.name.empty()) require_valid_migration_name(request.name);
    SquashPlan plan;
    plan.folder = MigrationsFolder::read(config.out_dir());
    const MigrationsFolder& folder = plan.folder;
    if (folder.layout == FolderLayout::legacy) {
        throw UserError("migrations folder " + folder.dir.string() +
                        " uses the drizzle-kit 0.31 layout (meta/_journal.json); squash works on the 1.0 layout, "
                        "where each migration is a folder that can record what it replaces. Run `drizzle-kit up` "
                        "to convert it first");
    }
    if (folder.entries.empty()) throw UserError("migrations folder " + folder.dir.string() + " holds no migration");
    require_folder_dialect(config, folder);
    plan.first = find_migration(folder, request.from, "--from");
    plan.last = find_migration(folder, request.to, "--to");
    const auto& entries = folder.entries;
    if (plan.first >= plan.last) {
        throw UserError("--from " + entries[plan.first].name + " must come before --to " + entries[plan.last].name +
                        " in the folder (a squash needs at least two migrations)");
    }
    plan.local = read_local_migrations(folder);
    const Dialect dialect = *config.dialect;

    // The range's snapshots, each the child of the one before; the first one's parent before them.
    Snapshot parent;
    parent.schema.dialect = dialect;
    if (plan.first > 0) parent = read_snapshot(entries[plan.first - 1], dialect);
    std::vector<Snapshot> snapshots;
    for (std::size_t i = plan.first; i <= plan.last; ++i) {
        snapshots.push_back(read_snapshot(entries[i], dialect));
        const Snapshot& before = snapshots.size() == 1 ? parent : snapshots[snapshots.size() - 2];
        const auto& prev_ids = snapshots.back().prev_ids;
        if (std::find(prev_ids.begin(), prev_ids.end(), before.id) == prev_ids.end()) {
            throw UserError("migration " + entries[i].name + ": its snapshot's parents (prevIds) do not include " +
                            (snapshots.size() == 1 && plan.first == 0 ? std::string("the empty root snapshot")
                                                                      : "the snapshot of " + entries[i - 1].name) +
                            "; squash needs a linear range (no merged branches) and ends at the one before");
        }
    }
    for (std::size_t i = plan.first; i <= plan.last; ++i) {
        if (!plan.local[i].replaces.empty()) {
            throw UserError("migration " + entries[i].name +
                            " is itself a squash (it has replaces.json); squash a "
                            "range that does not include it, so databases keep recognising what it replaces");
        }
    }

    // Migrations whose SQL is not what their snapshots generate: written (or edited) by hand.
    std::vector<std::vector<RenameDecision>> steps;
    for (std::size_t k = 0; k < snapshots.size(); ++k) {
        const std::size_t i = plan.first + k;
        const Snapshot& before = k == 0 ? parent : snapshots[k - 1];
        steps.push_back(decisions_of(entries[i], snapshots[k]));
        const std::string sql = normalized(plan.local[i].sql);
        // (Migrations `up` converted were written by drizzle-kit 0.31, whose SQL is spelled
        // differently: they are reported too, and need --force.)
        if (normalized(diff_sql(config, before.schema, snapshots[k].schema, steps.back())) != sql)
            plan.hand_written.push_back(entries[i].name);
    }
    if (!plan.hand_written.empty()) {
        std::string names;
        for (const auto& n : plan.hand_written)
            names += (names.empty() ? "" : ", ") + n;
        if (!request.force) {
            throw UserError("the range holds hand-written SQL: " + names +
                            " (its migration.sql is not what its snapshots generate, e.g. a `generate --custom` "
                            "migration or an edited one). The squash is generated from the snapshots, so that SQL "
                            "would be lost. Leave it out of the range, or pass --force to squash anyway");
        }
        if (log) log("warning: squashing hand-written SQL of " + names + ": it is not in the squashed migration");
    }

    plan.sql = diff_sql(config, parent.schema, snapshots.back().schema, squash_internal::compose_renames(steps),
                        &plan.renames);
    if (plan.sql.empty()) plan.sql = "-- squash: the squashed migrations change nothing in the end\n";
    // The replaced migrations' down files leave with their folders; the squash gets its own.
    plan.down_sql =
        plan_down(parent.schema, snapshots.back().schema, NamingStyle::v1, plan.renames, config.breakpoints).sql;

    plan.snapshot = snapshots.back(); // its id stays: later migrations name it as their parent
    plan.snapshot.prev_ids = snapshots.front().prev_ids;
    plan.snapshot.renames = {};
    for (const auto& d : plan.renames) {
        if (d.kind == RenameQuestion::Kind::table) plan.snapshot.renames.tables.push_back({d.schema, d.from, d.name});
        if (d.kind == RenameQuestion::Kind::column)
            plan.snapshot.renames.columns.push_back({d.schema, d.table, d.from, d.name});
    }
    for (std::size_t i = plan.first; i <= plan.last; ++i)
        plan.replaces.push_back({entries[i].name, plan.local[i].hash, entries[i].created_at_ms});

    // B's time with a new suffix sorts after A's predecessor and before B's successor, unless a
    // neighbour shares the second: checked, as is a folder of that name outside the range.
    const std::string& last_name = entries[plan.last].name;
    const std::string suffix = request.name.empty()
                                   ? "squash_" + suffix_of(entries[plan.first].name) + "_to_" + suffix_of(last_name)
                                   : request.name;
    plan.folder_name = last_name.substr(0, kStampLength) + "_" + suffix;
    const bool after_predecessor = plan.first == 0 || entries[plan.first - 1].name < plan.folder_name;
    const bool before_successor = plan.last + 1 == entries.size() || plan.folder_name < entries[plan.last + 1].name;
    if (!after_predecessor || !before_successor) {
        throw UserError("the squashed migration " + plan.folder_name + " would not sort where the range is (between " +
                        (plan.first == 0 ? std::string("the start") : entries[plan.first - 1].name) + " and " +
                        (plan.last + 1 == entries.size() ? std::string("the end") : entries[plan.last + 1].name) +
                        "); choose another --name");
    }
    bool in_range = false;
    for (std::size_t i = plan.first; i <= plan.last; ++i)
        in_range = in_range || entries[i].name == plan.folder_name;
    if (!in_range && fs::exists(folder.dir / plan.folder_name)) {
        throw UserError(fs::path(folder.dir / plan.folder_name).string() + " exists already; choose another --name");
    }
    return plan;
}

void require_range_applied_whole(const SquashPlan& plan, const std::vector<RecordedRow>& recorded) {
    const MigrationPlan state = plan_migrations(plan.folder.layout, plan.local, recorded);
    std::vector<std::string> applied, pending;
    for (std::size_t i = plan.first; i <= plan.last; ++i) {
        const bool is_pending = std::find(state.pending.begin(), state.pending.end(), i) != state.pending.end();
        (is_pending ? pending : applied).push_back(plan.folder.entries[i].name);
    }
    if (applied.empty() || pending.empty()) return;
    auto joined = [](const std::vector<std::string>& names) {
        std::string text;
        for (const auto& n : names)
            text += (text.empty() ? "" : ", ") + n;
        return text;
    };
    throw UserError("the configured database has applied only part of the range (applied: " + joined(applied) +
                    "; not applied: " + joined(pending) +
                    "). After the squash it could never migrate again: run `drizzle-kit migrate` first so it "
                    "applies the whole range, or squash a range it has applied entirely or not at all");
}

} // namespace drizzle::kit
