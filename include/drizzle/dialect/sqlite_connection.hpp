// The SQLite driver: a Connection over one database file (sqlite3 stays out of public headers).
#pragma once

#include "drizzle/driver/connection.hpp"

#include <memory>
#include <string>

namespace drizzle::sqlite {

/// Opens SQLite databases. `url` is a path, `file:path`, or `:memory:`, as drizzle-kit accepts.
/// Errors are DbError with the extended result code name as code() (e.g. "SQLITE_CONSTRAINT_UNIQUE"),
/// SQLite's message as what() and the failing statement as statement().
/// Foreign key enforcement is left at SQLite's default (off); callers that want drizzle-kit's
/// better-sqlite3 behaviour run `PRAGMA foreign_keys=ON` themselves.
class SqliteConnection : public Connection {
public:
    /// Opens (creating if needed) the database. Throws DbError naming the file on failure.
    /// `busy_timeout_ms` is how long a statement waits for another process's lock.
    static std::unique_ptr<SqliteConnection> open(const std::string& url, int busy_timeout_ms = 60000);
    ~SqliteConnection() override;
    SqliteConnection(const SqliteConnection&) = delete;
    SqliteConnection& operator=(const SqliteConnection&) = delete;

    Dialect dialect() const override { return Dialect::sqlite; }
    /// Runs every statement of `sql` in order (rows of a SELECT are stepped through and dropped).
    /// Comment-only or empty text is a no-op. On error the statement that failed is in the DbError.
    void exec(std::string_view sql) override;
    /// Runs exactly one statement with `?` parameters; a second statement in `sql` is an error.
    std::vector<Row> query(std::string_view sql, const std::vector<SqlValue>& params = {}) override;
    std::string describe() const override;

    /// Number of rows changed by the last statement.
    long long changes() const;
    /// Sets how long statements wait for a lock held by another connection.
    void set_busy_timeout(int ms);
    /// The file path opened (":memory:" for an in-memory database).
    const std::string& path() const { return path_; }
    /// The raw `sqlite3*`, for callers that need the C API.
    void* native_handle() const { return db_; }

private:
    SqliteConnection(void* db, std::string path);
    void* db_;
    std::string path_;
};

/// The file path a drizzle SQLite url names (`file:x.db` -> `x.db`, `file:///a/b.db` -> `/a/b.db`,
/// a `?query` suffix of a `file:` url is dropped).
std::string path_from_url(const std::string& url);

/// The name of an SQLite (extended) result code, e.g. 2067 -> "SQLITE_CONSTRAINT_UNIQUE".
std::string result_code_name(int code);

}  // namespace drizzle::sqlite
