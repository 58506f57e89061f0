// Writing new migrations: every file lands via temp file + rename, the journal last.
#include "util/files.hpp"
#include "drizzle/migrate/folder.hpp"

#include "drizzle/dialect/registry.hpp"

#include "drizzle/error.hpp"
#include "migrate/journal.hpp"
#include "migrate/timestamps.hpp"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>

#include <fcntl.h>
#include <unistd.h>

namespace drizzle {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void io_error(const std::string& what, const fs::path& path, int err) {
    throw Error("cannot " + what + " " + path.string() + ": " + std::strerror(err));
}

/// Creates `path` (must not exist), writes `content` and fsyncs it, so a later rename publishes
/// complete bytes even after a power loss.
void write_new_file(const fs::path& path, const std::string& content) {
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0) io_error("create", path, errno);
    std::size_t done = 0;
    while (done < content.size()) {
        ssize_t n = ::write(fd, content.data() + done, content.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            int err = errno;
            ::close(fd);
            ::unlink(path.c_str());
            io_error("write", path, err);
        }
        done += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        int err = errno;
        ::unlink(path.c_str());
        io_error("write", path, err);
    }
}

/// Makes a rename durable (best effort: some filesystems refuse fsync on directories).
void sync_dir(const fs::path& dir) {
    int fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

std::string temp_suffix() {
    static std::atomic<unsigned> counter{0};
    return std::to_string(::getpid()) + "-" + std::to_string(counter++);
}

std::string default_snapshot_version(Dialect dialect) {
    return dialect_facts(dialect).legacy_snapshot_version();
}

/// The tag prefix drizzle-kit 0.31 computes in prepareMigrationMetadata.
std::string legacy_prefix(const std::string& mode, std::size_t idx, std::int64_t now_ms) {
    if (mode == "index") {
        std::string digits = std::to_string(idx);
        return digits.size() >= 4 ? digits : std::string(4 - digits.size(), '0') + digits;
    }
    if (mode == "timestamp" || mode == "supabase") return migrate_internal::utc_compact(now_ms);
    if (mode == "unix") {
        std::int64_t seconds = now_ms / 1000 - (now_ms % 1000 < 0 ? 1 : 0);  // Math.floor
        return std::to_string(seconds);
    }
    if (mode == "none") return "";
    throw UserError("unknown migrations prefix \"" + mode +
                    "\" (expected index, timestamp, supabase, unix or none)");
}

fs::path write_legacy(const MigrationsFolder& folder, const NewMigration& m, std::int64_t now_ms) {
    const fs::path meta = folder.dir / "meta";
    fs::create_directories(meta);
    const fs::path journal_path = meta / "_journal.json";
    std::string journal_text;
    if (fs::exists(journal_path)) {
        journal_text = detail::read_file_bytes(journal_path);
    } else {
        migrate_internal::Journal fresh;
        fresh.dialect = std::string(to_string(m.dialect));
        journal_text = migrate_internal::render_journal(fresh);
    }
    auto journal = migrate_internal::parse_journal(journal_text, journal_path);

    const std::size_t idx = journal.entries.size();
    const std::string prefix = legacy_prefix(m.prefix, idx, now_ms);
    const std::string tag = prefix + "_" + m.name;
    const fs::path sql_path = folder.dir / (tag + ".sql");
    const fs::path down_path = folder.dir / (tag + ".down.sql");
    const fs::path snapshot_path = meta / (prefix + "_snapshot.json");
    for (const auto& e : journal.entries) {
        if (e.tag == tag) throw UserError(journal_path.string() + " already has a migration \"" + tag + "\"");
    }
    if (fs::exists(sql_path)) throw UserError("migration file " + sql_path.string() + " already exists");
    // A down file left from a removed migration would pass for the new one's.
    if (!m.down_sql.empty() && fs::exists(down_path)) {
        throw UserError("down file " + down_path.string() +
                        " already exists but belongs to no migration; delete it (or move it away) and run "
                        "generate again");
    }
    // With --prefix none drizzle-kit overwrites meta/_snapshot.json every time; any other prefix
    // colliding (two timestamp/unix generates in one second) would destroy an older snapshot.
    if (m.prefix != "none" && fs::exists(snapshot_path)) {
        throw UserError("snapshot " + snapshot_path.string() +
                        " already exists (two migrations in the same second?); run generate again");
    }

    migrate_internal::JournalEntry entry;
    entry.idx = static_cast<std::int64_t>(idx);
    entry.version = m.snapshot_version.empty() ? default_snapshot_version(m.dialect) : m.snapshot_version;
    // Above every earlier entry: drizzle's migrator applies only entries newer than the newest
    // applied one, so a clock behind the journal (another machine, a merge) would be skipped.
    entry.when = now_ms;
    for (const auto& e : journal.entries) entry.when = std::max(entry.when, e.when + 1);
    entry.tag = tag;
    entry.breakpoints = m.breakpoints;
    const std::string new_journal = migrate_internal::append_journal_entry(journal_text, entry, journal_path);

    // Files first, journal last: a crash in between leaves unlisted files, never a journal
    // entry without its files.
    write_file_atomically(sql_path, m.sql);
    try {
        if (!m.down_sql.empty()) write_file_atomically(down_path, m.down_sql);
        write_file_atomically(snapshot_path, m.snapshot_json);
        write_file_atomically(journal_path, new_journal);
    } catch (...) {
        std::error_code ignored;
        fs::remove(sql_path, ignored);
        if (!m.down_sql.empty()) fs::remove(down_path, ignored);
        if (m.prefix != "none") fs::remove(snapshot_path, ignored);
        throw;
    }
    return sql_path;
}

fs::path write_v1(const MigrationsFolder& folder, const NewMigration& m, std::int64_t now_ms) {
    fs::create_directories(folder.dir);
    // drizzle-kit fails when the folder exists (same name in the same second). We move on to the
    // next free second instead: the name (and so created_at) stays a valid, slightly later time.
    // The new migration must also come after every existing one, in name and in time: folders
    // are applied in name order, and drizzle's migrator skips a migration whose timestamp is not
    // above the newest applied one. Two generates in one second (or a clock behind the folder's
    // newest migration) would otherwise order by name, or tie.
    // (The folder on disk is asked, not `folder.entries`: a caller may hold an older listing.)
    std::int64_t start_ms = now_ms;
    for (const auto& item : fs::directory_iterator(folder.dir)) {
        const std::string name = item.path().filename().string();
        if (!item.is_directory() || name.size() < 15 || name[14] != '_') continue;
        if (const auto millis = migrate_internal::parse_utc_compact(name)) start_ms = std::max(start_ms, *millis + 1000);
    }
    constexpr int max_attempts = 60;
    for (int attempt = 0; attempt < max_attempts; ++attempt) {
        const std::string name = migrate_internal::utc_compact(start_ms + attempt * 1000LL) + "_" + m.name;
        const fs::path final_dir = folder.dir / name;
        if (fs::exists(final_dir)) continue;
        const fs::path temp_dir = folder.dir / (".tmp-" + name + "-" + temp_suffix());
        fs::create_directory(temp_dir);
        try {
            write_new_file(temp_dir / "migration.sql", m.sql);
            write_new_file(temp_dir / "snapshot.json", m.snapshot_json);
            if (!m.decisions_json.empty()) write_new_file(temp_dir / "decisions.json", m.decisions_json);
            if (!m.down_sql.empty()) write_new_file(temp_dir / "down.sql", m.down_sql);
            sync_dir(temp_dir);
        } catch (...) {
            std::error_code ignored;
            fs::remove_all(temp_dir, ignored);
            throw;
        }
        // rename(2) onto an existing non-empty folder fails, so a concurrent writer that took the
        // same name in the meantime is detected, not overwritten.
        if (::rename(temp_dir.c_str(), final_dir.c_str()) == 0) {
            sync_dir(folder.dir);
            return final_dir / "migration.sql";
        }
        int err = errno;
        std::error_code ignored;
        fs::remove_all(temp_dir, ignored);
        if (err != EEXIST && err != ENOTEMPTY) io_error("create", final_dir, err);
    }
    throw UserError("cannot find a free migration folder name for \"" + m.name + "\" in " +
                    folder.dir.string());
}

}  // namespace

void write_file_atomically(const fs::path& path, const std::string& content) {
    const fs::path dir = path.parent_path();
    if (!dir.empty()) fs::create_directories(dir);
    const fs::path temp =
        (dir.empty() ? fs::path(".") : dir) / ("." + path.filename().string() + ".tmp-" + temp_suffix());
    write_new_file(temp, content);
    if (::rename(temp.c_str(), path.c_str()) != 0) {
        int err = errno;
        ::unlink(temp.c_str());
        io_error("replace", path, err);
    }
    sync_dir(dir);
}

fs::path write_migration(const MigrationsFolder& folder, const NewMigration& migration, std::int64_t now_ms) {
    if (migration.name.empty()) throw UserError("a migration needs a name");
    if (migration.name.find('/') != std::string::npos || migration.name.find('\\') != std::string::npos) {
        throw UserError("migration name \"" + migration.name + "\" must not contain path separators");
    }
    // Never create a folder that mixes both layouts (read() would refuse it afterwards).
    const MigrationsFolder on_disk = MigrationsFolder::read(folder.dir);
    const bool has_journal = on_disk.layout == FolderLayout::legacy;
    if (folder.layout == FolderLayout::v1 && has_journal) {
        throw UserError("migrations folder " + folder.dir.string() +
                        " uses the drizzle-kit 0.31 layout (meta/_journal.json); run `drizzle-kit up` to "
                        "convert it before writing 1.0-style migrations");
    }
    if (folder.layout == FolderLayout::legacy && !has_journal && !on_disk.entries.empty()) {
        throw UserError("migrations folder " + folder.dir.string() +
                        " uses the drizzle-kit 1.0 layout (<timestamp>_<name>/migration.sql); it cannot "
                        "take 0.31-style migrations");
    }
    return folder.layout == FolderLayout::legacy ? write_legacy(folder, migration, now_ms)
                                                 : write_v1(folder, migration, now_ms);
}

}  // namespace drizzle
