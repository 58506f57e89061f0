// The SQLite driver: a Connection over one database file (sqlite3 stays out of public headers).
#pragma once

#include "drizzle/driver/connection.hpp"

#include <memory>
#include <string>

namespace drizzle::sqlite {

/// Opens SQLite databases. `url` is a path, `file:path`, or `:memory:`, as drizzle-kit accepts.
class SqliteConnection : public Connection {
public:
    /// Opens (creating if needed) the database. Throws DbError naming the file on failure.
    /// `busy_timeout_ms` is how long a statement waits for another process's lock.
    static std::unique_ptr<SqliteConnection> open(const std::string& url, int busy_timeout_ms = 60000);
    ~SqliteConnection() override;

    Dialect dialect() const override { return Dialect::sqlite; }
    void exec(std::string_view sql) override;
    std::vector<Row> query(std::string_view sql, const std::vector<SqlValue>& params = {}) override;
    std::string describe() const override;

    /// Number of rows changed by the last statement.
    long long changes() const;
    /// The raw `sqlite3*`, for callers that need the C API.
    void* native_handle() const { return db_; }

private:
    SqliteConnection(void* db, std::string path);
    void* db_;
    std::string path_;
};

/// The file path a drizzle SQLite url names (`file:x.db` -> `x.db`).
std::string path_from_url(const std::string& url);

}  // namespace drizzle::sqlite
