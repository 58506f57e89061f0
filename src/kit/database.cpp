// Opens the configured database, remembering the local files that opening creates.
#include "drizzle/kit/database.hpp"

#include "drizzle/dialect/dialect_ops.hpp"
#include "drizzle/dialect/registry.hpp"

#include <filesystem>
#include <vector>

namespace drizzle::kit {

namespace fs = std::filesystem;

namespace {

// Files this run created by opening them; removed again if the command fails before writing.
std::vector<fs::path>& created_files() {
    static std::vector<fs::path> files;
    return files;
}

}  // namespace

void require_existing_database(const Config& config) { dialect_ops(*config.dialect).require_existing_database(config); }

void discard_created_files() {
    for (const auto& file : created_files()) {
        std::error_code ec;
        // Only an empty file: anything written to it (by this run or another process) stays.
        if (fs::is_regular_file(file, ec) && fs::file_size(file, ec) == 0 && !ec) fs::remove(file, ec);
    }
    created_files().clear();
}

std::unique_ptr<Connection> open_database(const Config& config) {
    const DialectOps& ops = dialect_ops(*config.dialect);
    const fs::path file = ops.local_database_file(config);
    std::error_code ec;
    if (!file.empty() && !fs::exists(file, ec)) created_files().push_back(fs::absolute(file, ec));
    return ops.connect(config);
}

}  // namespace drizzle::kit
