// Opens the configured database.
#include "cli/database.hpp"

#include "drizzle/dialect/sqlite_connection.hpp"
#include "drizzle/error.hpp"
#ifdef DRIZZLE_HAVE_PG
#include "drizzle/dialect/pg_connection.hpp"
#endif

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

std::unique_ptr<Connection> open_sqlite(const Config& config) {
    require_sqlite_url(config);
    const fs::path file = sqlite_file(*config.credentials.url);
    std::error_code ec;
    if (!file.empty() && !fs::exists(file, ec)) created_files().push_back(fs::absolute(file, ec));
    auto connection = sqlite::SqliteConnection::open(*config.credentials.url);
    // drizzle-kit's driver (better-sqlite3) enforces foreign keys; so do we.
    connection->exec("PRAGMA foreign_keys=ON;");
    return connection;
}

#ifdef DRIZZLE_HAVE_PG
std::string lowercase(std::string text) {
    for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

std::unique_ptr<Connection> open_postgres(const Config& config) {
    const DbCredentials& credentials = config.credentials;
    const bool has_url = credentials.url && !credentials.url->empty();
    if (!has_url && !credentials.host) {
        throw UserError(config_name(config) +
                        ": dbCredentials.url (postgres://user:password@host:port/db) or dbCredentials.host, "
                        "port, user, password and database are required, or pass --url" +
                        config.unset_env_hint("dbCredentials.url") + config.unset_env_hint("dbCredentials.host"));
    }
    auto connection = pg::PgConnection::open(credentials);
    // Warnings matter (e.g. a migration's RAISE WARNING); notices only with `verbose: true`, since
    // IF NOT EXISTS and friends send one for every object that already exists.
    const bool verbose = config.verbose;
    connection->set_notice_handler([verbose](const pg::Notice& notice) {
        if (notice.severity == "WARNING" || verbose) {
            std::cerr << lowercase(notice.severity) << ": " << notice.message << std::endl;
        }
    });
    return connection;
}
#endif

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
    switch (*config.dialect) {
    case Dialect::sqlite: return open_sqlite(config);
#ifdef DRIZZLE_HAVE_PG
    case Dialect::postgresql: return open_postgres(config);
#endif
    default: break;
    }
    throw UserError("the " + std::string(to_string(*config.dialect)) + " driver is not available yet");
}

}  // namespace drizzle::cli
