// Opens the configured database.
#include "cli/database.hpp"

#include "drizzle/dialect/sqlite_connection.hpp"
#include "drizzle/error.hpp"
#ifdef DRIZZLE_HAVE_PG
#include "drizzle/dialect/pg_connection.hpp"
#endif

#include <cctype>
#include <iostream>

namespace drizzle::cli {

namespace {

std::string config_name(const Config& config) {
    return config.file.empty() ? std::string("config") : config.file.string();
}

std::unique_ptr<Connection> open_sqlite(const Config& config) {
    if (!config.credentials.url || config.credentials.url->empty()) {
        throw UserError(config_name(config) +
                        ": dbCredentials.url is required (a SQLite file path such as ./local.db), or pass --url");
    }
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
                        "port, user, password and database are required, or pass --url");
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
