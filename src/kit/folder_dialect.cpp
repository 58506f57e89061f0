// The migrations folder's own dialect (journal or newest snapshot) against the config's.
#include "drizzle/kit/folder_dialect.hpp"

#include "drizzle/error.hpp"
#include "drizzle/snapshot/snapshot.hpp"
#include "migrate/journal.hpp"
#include "util/files.hpp"

namespace drizzle::kit {

namespace fs = std::filesystem;

namespace {

void compare(const Config& config, const fs::path& file, const std::string& written) {
    if (written.empty()) return;
    const auto dialect = parse_dialect(written);
    if (dialect && dialect == config.dialect) return;
    const std::string configured = config.dialect_name.empty() ? std::string(to_string(*config.dialect))
                                                               : config.dialect_name;
    throw UserError(file.string() + ": this migrations folder was written for \"dialect\": \"" + written +
                    "\", but the config's dialect is \"" + configured + "\" (" +
                    (config.file.empty() ? std::string("--dialect") : config.file.string()) +
                    "); point \"out\" at the folder of this dialect, or fix \"dialect\"");
}

}  // namespace

void require_folder_dialect(const Config& config, const MigrationsFolder& folder) {
    if (!config.dialect) return;
    if (folder.layout == FolderLayout::legacy) {
        const fs::path journal = folder.dir / "meta" / "_journal.json";
        compare(config, journal,
                migrate_internal::parse_journal(detail::read_file_bytes(journal), journal).dialect);
        return;
    }
    // v1 has no journal; its snapshots say the dialect (an unreadable one is generate's to report).
    for (auto it = folder.entries.rbegin(); it != folder.entries.rend(); ++it) {
        std::error_code ec;
        if (!fs::is_regular_file(it->snapshot_path, ec)) continue;
        if (auto dialect = snapshot_dialect_name(detail::read_file_bytes(it->snapshot_path))) {
            compare(config, it->snapshot_path, *dialect);
        }
        return;
    }
}

}  // namespace drizzle::kit
