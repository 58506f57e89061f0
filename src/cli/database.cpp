// Opens the configured database.
#include "cli/database.hpp"

#include "drizzle/dialect/dialect_ops.hpp"
#include "drizzle/dialect/registry.hpp"
#include "drizzle/error.hpp"

#include <cctype>
#include <filesystem>
#include <vector>
#include <iostream>

namespace drizzle::cli {

namespace fs = std::filesystem;

namespace {

std::string config_name(const Config& config) {
    return config.file.empty() ? std::string("config") : config.file.string();
}

// Files this run created by opening them; removed again if the command fails before writing.
std::vector<fs::path>& created_files() {
    static std::vector<fs::path> files;
    return files;
}

// The file a SQLite URL names (`./local.db`, `file:local.db?mode=rwc`), or "" for memory.
fs::path sqlite_file(const std::string& url) {
    if (url.empty() || url == ":memory:") return {};
    if (!url.starts_with("file:")) return url;
    std::string path = url.substr(5, url.find_first_of("?#") == std::string::npos ? std::string::npos
                                                                                  : url.find_first_of("?#") - 5);
    if (path.starts_with("//")) path.erase(0, path.find('/', 2) == std::string::npos ? path.size() : path.find('/', 2));
    return path == ":memory:" ? fs::path() : fs::path(path);
}

}  // namespace

void require_sqlite_url(const Config& config) {
    if (!config.credentials.url || config.credentials.url->empty()) {
        throw UserError(config_name(config) +
                        ": dbCredentials.url is required (a SQLite file path such as ./local.db), or pass --url" +
                        config.unset_env_hint("dbCredentials.url"));
    }
    const std::string& url = *config.credentials.url;
    for (const char* scheme : {"libsql:", "http:", "https:", "ws:", "wss:"}) {
        if (url.starts_with(scheme)) {
            throw UserError(config_name(config) + ": dbCredentials.url \"" + redact_url(url) +
                            "\" is a remote libSQL (Turso) database; drizzle-cpp connects to SQLite files and "
                            "PostgreSQL servers only (dialects sqlite and postgresql; \"turso\" is read as sqlite, "
                            "for a local file such as file:local.db). generate and export need no database");
        }
    }
}

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
    if (*config.dialect == Dialect::sqlite) {
        const fs::path file = sqlite_file(config.credentials.url.value_or(""));
        std::error_code ec;
        if (!file.empty() && !fs::exists(file, ec)) created_files().push_back(fs::absolute(file, ec));
    }
    return ops.connect(config);
}

}  // namespace drizzle::cli
