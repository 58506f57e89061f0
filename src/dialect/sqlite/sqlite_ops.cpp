// SQLite's DialectOps: the SQLite pieces of every workflow, behind the shared interface.
#include "dialect/sqlite/sqlite_ops.hpp"

#include "dialect/sqlite/facts/sqlite_facts.hpp"
#include "dialect/sqlite/sqlite_bookkeeping.hpp"
#include "drizzle/dialect/sqlite.hpp"
#include "drizzle/dialect/sqlite_connection.hpp"
#include "drizzle/error.hpp"
#include "pull/header_writers.hpp"
#include "dialect/sqlite/sqlite_header.hpp"

#include <filesystem>

namespace drizzle::sqlite {

namespace {

std::string config_name(const Config& config) {
    return config.file.empty() ? std::string("config") : config.file.string();
}

class SqliteOps final : public DialectOps {
public:
    const DialectFacts& facts() const override { return dialect_facts_object(); }

    MigrationSql migration_sql(const DiffResult& diff) const override {
        return MigrationSql{migration_statements(diff), false};
    }

    std::unique_ptr<Connection> connect(const Config& config) const override {
        require_file_url(config);
        auto connection = SqliteConnection::open(*config.credentials.url);
        // drizzle-kit's driver (better-sqlite3) enforces foreign keys; so do we.
        connection->exec("PRAGMA foreign_keys=ON;");
        return connection;
    }

    Schema introspect(Connection& connection, const IntrospectOptions& options) const override {
        return sqlite::introspect(connection, options.migrations_table);
    }

    std::unique_ptr<MigrationStore> migration_store(Connection& connection,
                                                    const MigrateOptions& options) const override {
        return make_sqlite_migration_store(connection, options);
    }

    Schema schema_from_sql(const std::string& sql, const std::string& origin) const override {
        auto connection = SqliteConnection::open(":memory:");
        try {
            connection->exec(sql);
        } catch (const DbError& e) {
            throw UserError(origin + ": " + e.what());
        }
        return sqlite::introspect(*connection);
    }

    pull::PulledHeader write_header(const Schema& schema, const pull::HeaderOptions& options) const override {
        return pull::detail::write_planned_header(schema, options, header_dialect());
    }

    // ---- workflow questions (drizzle/kit) ------------------------------------------------------

    // A SQLite URL names a file; opening a missing one would create an empty database and pull nothing.
    void require_existing_database(const Config& config) const override {
        require_file_url(config);
        const std::string url = config.credentials.url.value_or("");
        if (url.empty() || url == ":memory:" || url.rfind("file:", 0) == 0) return;
        if (!std::filesystem::exists(url)) {
            throw Error("cannot open sqlite database \"" + url + "\": the file does not exist");
        }
    }

    // The file a SQLite URL names (`./local.db`, `file:local.db?mode=rwc`), or "" for memory.
    std::filesystem::path local_database_file(const Config& config) const override {
        const std::string url = config.credentials.url.value_or("");
        if (url.empty() || url == ":memory:") return {};
        if (!url.starts_with("file:")) return url;
        const auto end = url.find_first_of("?#");
        std::string path = url.substr(5, end == std::string::npos ? std::string::npos : end - 5);
        if (path.starts_with("//")) {
            path.erase(0, path.find('/', 2) == std::string::npos ? path.size() : path.find('/', 2));
        }
        return path == ":memory:" ? std::filesystem::path() : std::filesystem::path(path);
    }

private:
    static void require_file_url(const Config& config) {
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
};

}  // namespace

const DialectOps& dialect_ops_object() {
    static const SqliteOps ops;
    return ops;
}

}  // namespace drizzle::sqlite
