// Opens the configured database.
#include "cli/database.hpp"

#include "drizzle/dialect/sqlite_connection.hpp"
#include "drizzle/error.hpp"

namespace drizzle::cli {

std::unique_ptr<Connection> open_database(const Config& config) {
    if (*config.dialect != Dialect::sqlite) {
        throw UserError("the " + std::string(to_string(*config.dialect)) + " driver is not available yet");
    }
    if (!config.credentials.url || config.credentials.url->empty()) {
        throw UserError((config.file.empty() ? std::string("config") : config.file.string()) +
                        ": dbCredentials.url is required (a SQLite file path such as ./local.db), or pass --url");
    }
    auto connection = sqlite::SqliteConnection::open(*config.credentials.url);
    // drizzle-kit's driver (better-sqlite3) enforces foreign keys; so do we.
    connection->exec("PRAGMA foreign_keys=ON;");
    return connection;
}

}  // namespace drizzle::cli
