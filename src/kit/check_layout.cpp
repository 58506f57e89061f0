// check's folder pass: legacy journal entries against .sql files and meta snapshots, `when` order; v1 folders.
#include "drizzle/error.hpp"
#include "kit/check_internal.hpp"
#include "migrate/journal.hpp"
#include "migrate/timestamps.hpp"
#include "util/files.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string_view>

namespace drizzle::kit::check_detail {

namespace fs = std::filesystem;

namespace {

using Severity = CheckFinding::Severity;

/// A 0.x migration's down file: `<tag>.down.sql` beside `<tag>.sql`.
constexpr std::string_view kDownSuffix = ".down.sql";

bool hidden(const fs::path& p) {
    return p.filename().string().starts_with(".");
}

void scan_legacy(CheckContext& ctx) {
    const fs::path meta = ctx.dir / "meta";
    const fs::path journal_path = meta / "_journal.json";
    migrate_internal::Journal journal;
    try {
        journal = migrate_internal::parse_journal(detail::read_file_bytes(journal_path), journal_path);
    } catch (const Error& e) {
        ctx.add("malformed_journal", Severity::error, journal_path, e.what());
        return;
    }
    MigrationsFolder& folder = ctx.folder;
    folder.layout = FolderLayout::legacy;
    std::set<std::string> tags, listed_sql, listed_snapshots;
    std::int64_t newest_when = 0;
    std::string newest_tag;
    for (std::size_t i = 0; i < journal.entries.size(); ++i) {
        const auto& e = journal.entries[i];
        if (!tags.insert(e.tag).second) {
            ctx.add("journal_mismatch", Severity::error, journal_path,
                    "meta/_journal.json lists migration \"" + e.tag + "\" twice (entries[" + std::to_string(i) +
                        "] repeats it), probably from a merge; remove the duplicate entry",
                    {e.tag});
            continue;
        }
        if (i > 0 && e.when <= newest_when) {
            ctx.add("journal_when_not_increasing", Severity::error, journal_path,
                    "\"" + e.tag + "\" has \"when\": " + std::to_string(e.when) + ", not later than \"" + newest_tag +
                        "\" (" + std::to_string(newest_when) +
                        ") before it. drizzle's migrator applies only migrations whose \"when\" is newer than the "
                        "last applied one, so on a database that has \"" +
                        newest_tag + "\" it skips \"" + e.tag +
                        "\" forever, silently (drizzle-kit 0.31.11 warns about this). Give it a \"when\" later "
                        "than every entry before it (and keep the entries in that order).",
                    {e.tag, newest_tag});
        }
        if (e.when > newest_when || i == 0) {
            newest_when = e.when;
            newest_tag = e.tag;
        }
        MigrationEntry entry;
        entry.name = e.tag;
        entry.sql_path = ctx.dir / (e.tag + ".sql");
        entry.down_path = ctx.dir / (e.tag + ".down.sql");
        entry.snapshot_path = meta / (e.tag.substr(0, e.tag.find('_')) + "_snapshot.json");
        entry.created_at_ms = e.when;
        entry.breakpoints = e.breakpoints;
        listed_sql.insert(entry.sql_path.filename().string());
        listed_snapshots.insert(entry.snapshot_path.filename().string());
        const bool has_sql = fs::is_regular_file(entry.sql_path);
        if (!has_sql) {
            ctx.add("journal_mismatch", Severity::error, entry.sql_path,
                    "meta/_journal.json lists migration \"" + e.tag + "\" but its SQL file " +
                        ctx.relative(entry.sql_path) + " is missing",
                    {e.tag});
        }
        if (!fs::is_regular_file(entry.snapshot_path)) {
            ctx.add("journal_mismatch", Severity::error, entry.snapshot_path,
                    "meta/_journal.json lists migration \"" + e.tag + "\" but its snapshot " +
                        ctx.relative(entry.snapshot_path) + " is missing (generate diffs against the last snapshot)",
                    {e.tag});
        }
        if (has_sql) folder.entries.push_back(std::move(entry));
    }
    // Files the journal does not list: migrate never applies them, generate may diff against them.
    // A `<tag>.down.sql` is a migration's down file (drizzle-kit's migrator reads only the journal's
    // files): fine beside its migration, a leftover without it.
    for (const auto& item : fs::directory_iterator(ctx.dir)) {
        const std::string name = item.path().filename().string();
        if (!item.is_regular_file() || item.path().extension() != ".sql" || listed_sql.count(name)) continue;
        if (name.ends_with(kDownSuffix)) {
            const std::string tag = name.substr(0, name.size() - kDownSuffix.size());
            if (tags.count(tag)) continue;
            ctx.add("orphan_down", Severity::warning, item.path(),
                    name + " is the down file of a migration \"" + tag +
                        "\" that meta/_journal.json does not list (dropped by hand?); migrate down never runs it. "
                        "Delete it, or restore its migration",
                    {tag});
            continue;
        }
        ctx.add("journal_mismatch", Severity::error, item.path(),
                name + " is not listed in meta/_journal.json: migrate never applies it (a journal entry lost in a "
                       "merge?)",
                {item.path().stem().string()});
    }
    if (fs::is_directory(meta)) {
        for (const auto& item : fs::directory_iterator(meta)) {
            const std::string name = item.path().filename().string();
            if (!item.is_regular_file() || name.starts_with("_") || !name.ends_with("snapshot.json") ||
                listed_snapshots.count(name)) {
                continue;
            }
            ctx.add("journal_mismatch", Severity::error, item.path(),
                    "meta/" + name + " belongs to no entry of meta/_journal.json" +
                        " (generate diffs against the lexicographically last snapshot, so a stray one misleads it)",
                    {name});
        }
    }
}

void scan_v1(CheckContext& ctx) {
    MigrationsFolder& folder = ctx.folder;
    folder.layout = FolderLayout::v1;
    for (const auto& item : fs::directory_iterator(ctx.dir)) {
        const std::string name = item.path().filename().string();
        // A 0.x down file at the top (left by `up`, its migration gone): no migration runs it.
        if (item.is_regular_file() && name.ends_with(kDownSuffix)) {
            ctx.add("orphan_down", Severity::warning, item.path(),
                    name + " belongs to no migration (in this layout a migration's down file is down.sql in its "
                           "folder); migrate down never runs it. Delete it",
                    {name.substr(0, name.size() - kDownSuffix.size())});
            continue;
        }
        if (!item.is_directory() || hidden(item.path())) continue;
        const bool has_sql = fs::exists(item.path() / "migration.sql");
        const auto millis = migrate_internal::parse_utc_compact(name);
        if (!millis) {
            if (has_sql) {
                ctx.add("malformed_folder", Severity::error, item.path() / "migration.sql",
                        "migration folder " + name + " must be named <YYYYMMDDHHMMSS>_<name> (UTC time of creation)",
                        {name});
            }
            continue;
        }
        if (!has_sql) {
            ctx.add("malformed_folder", Severity::error, item.path(),
                    "migration folder " + name + " has no migration.sql", {name});
            continue;
        }
        MigrationEntry entry;
        entry.name = name;
        entry.sql_path = item.path() / "migration.sql";
        entry.snapshot_path = item.path() / "snapshot.json";
        entry.down_path = item.path() / "down.sql";
        entry.created_at_ms = *millis;
        folder.entries.push_back(std::move(entry));
    }
    std::sort(folder.entries.begin(), folder.entries.end(),
              [](const MigrationEntry& a, const MigrationEntry& b) { return a.name < b.name; });
}

} // namespace

bool scan_folder(CheckContext& ctx) {
    ctx.folder.dir = ctx.dir;
    if (!fs::exists(ctx.dir)) {
        ctx.add("malformed_folder", Severity::error, ctx.dir,
                "migrations folder " + ctx.dir.string() + " does not exist (run generate first, or fix \"out\")");
        return false;
    }
    if (!fs::is_directory(ctx.dir)) {
        ctx.add("malformed_folder", Severity::error, ctx.dir,
                "migrations folder " + ctx.dir.string() + " is not a folder");
        return false;
    }
    const bool has_journal = fs::exists(ctx.dir / "meta" / "_journal.json");
    if (!has_journal) {
        scan_v1(ctx);
        // 0.x leftovers without their journal: nothing can order or date them.
        if (ctx.folder.entries.empty() && fs::is_directory(ctx.dir / "meta")) {
            ctx.add("malformed_folder", Severity::error, ctx.dir / "meta",
                    "meta/ holds drizzle-kit 0.x files but meta/_journal.json is missing; restore the journal");
        }
        return true;
    }
    scan_legacy(ctx);
    // A folder holding both layouts: migrate refuses it.
    for (const auto& item : fs::directory_iterator(ctx.dir)) {
        if (item.is_directory() && !hidden(item.path()) && fs::exists(item.path() / "migration.sql")) {
            ctx.add("malformed_folder", Severity::error, item.path() / "migration.sql",
                    "this folder mixes both layouts: meta/_journal.json (drizzle-kit 0.x) and " +
                        item.path().filename().string() +
                        "/migration.sql (1.0); run `drizzle-kit up` to convert the old migrations, or move one set "
                        "elsewhere");
            break;
        }
    }
    return true;
}

} // namespace drizzle::kit::check_detail
