// The PostgreSQL driver: a Connection over libpq (libpq-fe.h stays out of public headers).
#pragma once

#include "drizzle/config/config.hpp"
#include "drizzle/driver/connection.hpp"

#include <functional>
#include <memory>
#include <string>

namespace drizzle::pg {

/// A message the server sent outside a result (RAISE NOTICE, "schema exists, skipping", ...).
struct Notice {
    std::string severity;  ///< "NOTICE", "WARNING", "INFO", "LOG", "DEBUG"
    std::string sqlstate;  ///< e.g. "42P06"
    std::string message;   ///< the primary message, without severity prefix or trailing newline
};

/// Receives notices; called on the thread running the statement that caused them.
using NoticeHandler = std::function<void(const Notice&)>;

/// Opens PostgreSQL connections with libpq.
/// - `exec` uses the simple query protocol, so one call may hold several statements (they run as
///   one implicit transaction unless they contain BEGIN/COMMIT themselves).
/// - `query` uses the extended protocol: exactly one statement, `$1`... parameters sent as text
///   and typed by the server; every result cell comes back in text form.
/// - Errors are DbError with the SQLSTATE as code(), the server's message (plus DETAIL/HINT lines
///   and "(SQLSTATE xxxxx)") as what() and the statement sent as statement().
/// - Connection errors never contain the password: it is scrubbed from libpq's text too.
/// - Notices are dropped unless a handler is set (as node-postgres ignores them).
class PgConnection : public Connection {
public:
    /// Connects to a `postgres://` / `postgresql://` URL or a libpq `key=value` string.
    /// `application_name` is drizzle-kit unless the URL sets one. node-postgres spellings are
    /// accepted too: `ssl=true` (or `1`) means `sslmode=require`, `sslmode=no-verify` means
    /// `require`. Throws DbError (code 08001) naming the redacted URL when the connection fails.
    static std::unique_ptr<PgConnection> open(const std::string& url);

    /// Connects with drizzle.config's dbCredentials: `url` when set, otherwise host/port/user/
    /// password/database/ssl (ssl: true -> require, false -> disable, or an sslmode name; the
    /// object form is accepted only as `{"rejectUnauthorized":false}`, i.e. require). Throws
    /// UserError for unusable credentials, DbError when the server cannot be reached.
    static std::unique_ptr<PgConnection> open(const DbCredentials& credentials);

    ~PgConnection() override;
    PgConnection(const PgConnection&) = delete;
    PgConnection& operator=(const PgConnection&) = delete;

    Dialect dialect() const override { return Dialect::postgresql; }
    /// Runs `sql` (any number of statements) with the simple query protocol; rows are dropped.
    /// Comment-only or empty text is a no-op. COPY ... FROM STDIN is refused.
    void exec(std::string_view sql) override;
    /// Runs one statement with `$1`... parameters (text format). int64/double are sent as their
    /// decimal text, std::nullptr_t as NULL.
    std::vector<Row> query(std::string_view sql, const std::vector<SqlValue>& params = {}) override;
    /// "postgresql <redacted url>" or "postgresql user@host:port/db".
    std::string describe() const override;

    /// Sets (or clears, with an empty function) where notices go.
    void set_notice_handler(NoticeHandler handler);
    /// The server's version as a number, e.g. 150018 for 15.18.
    int server_version() const;
    /// The backend process id serving this connection.
    int backend_pid() const;
    /// The raw `PGconn*`, for callers that need the C API.
    void* native_handle() const { return conn_; }

private:
    PgConnection(void* conn, std::string description);
    static void receive_notice(void* self, const void* result);

    void* conn_;
    std::string description_;
    NoticeHandler notice_handler_;
};

/// Rewrites node-postgres URL spellings libpq does not know (`ssl=true`, `sslmode=no-verify`)
/// into libpq's; other URLs and key=value strings come back unchanged.
std::string normalize_url(const std::string& url);

/// Maps drizzle.config's `dbCredentials.ssl` to a libpq sslmode; UserError when it cannot.
std::string sslmode_from_config(const std::string& ssl);

}  // namespace drizzle::pg
