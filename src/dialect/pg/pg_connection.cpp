// The PostgreSQL driver over libpq: connect (URL or fields), exec, query with $n params, errors.
#include "drizzle/dialect/pg_connection.hpp"

#include "drizzle/error.hpp"

#include "dialect/pg/libpq_api.hpp"
#include "dialect/pg/pg_ops.hpp"
#include "drizzle/dialect/registry.hpp"
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <optional>
#include <string_view>
#include <vector>

namespace drizzle::pg {

namespace {

PGconn* handle(void* conn) { return static_cast<PGconn*>(conn); }

/// Clears a result on every path out of a scope.
struct ResultGuard {
    PGresult* result = nullptr;
    ~ResultGuard() { detail::libpq().PQclear(result); }
};

std::string trim(std::string_view text) {
    std::size_t begin = 0;
    std::size_t end = text.size();
    while (begin < end && std::isspace(static_cast<unsigned char>(text[begin]))) ++begin;
    while (end > begin && std::isspace(static_cast<unsigned char>(text[end - 1]))) --end;
    return std::string(text.substr(begin, end - begin));
}

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool is_url(std::string_view text) {
    return text.starts_with("postgres://") || text.starts_with("postgresql://");
}

std::string percent_decode(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size() && std::isxdigit(static_cast<unsigned char>(text[i + 1])) &&
            std::isxdigit(static_cast<unsigned char>(text[i + 2]))) {
            out += static_cast<char>(std::stoi(std::string(text.substr(i + 1, 2)), nullptr, 16));
            i += 2;
        } else {
            out += text[i];
        }
    }
    return out;
}

/// The password written in a URL's userinfo, raw (still percent-encoded), or "": from the first
/// ':' after "//" to the last '@', as redact_url masks it. It only feeds the scrubbing of error texts.
std::string url_password(const std::string& url) {
    auto scheme = url.find("://");
    if (scheme == std::string::npos) return {};
    auto start = scheme + 3;
    auto at = url.rfind('@');
    if (at == std::string::npos || at < start) return {};
    auto colon = url.find(':', start);
    if (colon == std::string::npos || colon > at) return {};
    return url.substr(colon + 1, at - colon - 1);
}

/// Refuses a URL whose user name or password holds a character that must be percent-encoded.
/// libpq ends the user info at the FIRST '@' (and at '/'), node-postgres' WHATWG parser at the
/// LAST '@' (and at '/', '?', '#'), so such a URL means different things to different tools, and
/// a piece of the password could end up in the host or the database name of an error message.
void require_encoded_userinfo(const std::string& url) {
    auto start = url.find("://") + 3;
    auto at = url.rfind('@');
    if (at == std::string::npos || at < start) return;
    const std::string_view userinfo(url.data() + start, at - start);
    std::string found;
    auto colon = userinfo.find(':');
    for (std::size_t i = 0; i < userinfo.size() && found.empty(); ++i) {
        const char c = userinfo[i];
        if (c == '@' || c == '/' || c == '?' || c == '#') {
            found = std::string("'") + c + "'";
        } else if (std::isspace(static_cast<unsigned char>(c))) {
            found = "a space";
        } else if (c == ':' && i != colon) {
            found = "a second ':'";
        } else if (c == '%' && !(i + 2 < userinfo.size() && std::isxdigit(static_cast<unsigned char>(userinfo[i + 1])) &&
                                 std::isxdigit(static_cast<unsigned char>(userinfo[i + 2])))) {
            found = "a '%' without two hex digits after it";
        }
    }
    if (found.empty()) return;
    // The whole user info is masked: with '@' or ':' in it, where the user name ends is a guess.
    const std::string shown = url.substr(0, start) + "***" + url.substr(at);
    throw UserError("dbCredentials.url \"" + redact_url(shown) + "\": the user name or password holds " + found +
                    ", which must be percent-encoded: URL parsers read such a URL differently (part of the "
                    "password would be taken for the host, port or database). Percent-encode the password (JavaScript: encodeURIComponent): "
                    "'@' -> %40, ':' -> %3A, '/' -> %2F, '?' -> %3F, '#' -> %23, space -> %20, '%' -> %25; "
                    "or give host, port, user, password and database as separate dbCredentials fields");
}

/// Every spelling of the password that an error text could contain.
std::vector<std::string> password_spellings(const std::string& url_or_conninfo) {
    std::vector<std::string> out;
    auto add = [&](const std::string& p) {
        if (!p.empty()) out.push_back(p);
    };
    std::string raw = url_password(url_or_conninfo);
    add(raw);
    if (std::string decoded = percent_decode(raw); decoded != raw) add(decoded);
    char* error = nullptr;
    if (PQconninfoOption* options = detail::libpq().PQconninfoParse(url_or_conninfo.c_str(), &error)) {
        for (PQconninfoOption* o = options; o->keyword != nullptr; ++o) {
            if (std::string_view(o->keyword) == "password" && o->val != nullptr) add(o->val);
        }
        detail::libpq().PQconninfoFree(options);
    }
    detail::libpq().PQfreemem(error);
    return out;
}

/// Masks the secrets in a libpq message: each whole spelling (of 3 characters or more; shorter
/// ones would mask letters of ordinary words), and every "quoted" token that is a piece of one,
/// since libpq quotes the bit of a connection string it could not read.
std::string scrub(std::string text, const std::vector<std::string>& secrets) {
    if (secrets.empty()) return text;
    for (const auto& secret : secrets) {
        if (secret.size() < 3) continue;
        for (std::size_t at = text.find(secret); at != std::string::npos; at = text.find(secret, at + 3)) {
            text.replace(at, secret.size(), "***");
        }
    }
    for (std::size_t open = text.find('"'); open != std::string::npos; open = text.find('"', open + 1)) {
        auto close = text.find('"', open + 1);
        if (close == std::string::npos) break;
        const std::string token = text.substr(open + 1, close - open - 1);
        const bool piece = !token.empty() && std::any_of(secrets.begin(), secrets.end(), [&](const std::string& s) {
            return s.find(token) != std::string::npos;
        });
        if (piece) {
            text.replace(open + 1, token.size(), "***");
            close = open + 4;
        }
        open = close;
    }
    return text;
}

/// A server error (or a client-side failure such as a lost connection) as a DbError.
DbError make_error(PGconn* conn, const PGresult* result, std::string_view statement) {
    auto field = [&](int code) -> std::string {
        const char* value = result != nullptr ? detail::libpq().PQresultErrorField(result, code) : nullptr;
        return value != nullptr ? trim(value) : std::string();
    };
    std::string message = field(PG_DIAG_MESSAGE_PRIMARY);
    if (message.empty()) {
        message = trim(result != nullptr ? detail::libpq().PQresultErrorMessage(result) : detail::libpq().PQerrorMessage(conn));
        if (message.empty()) message = trim(detail::libpq().PQerrorMessage(conn));
    }
    std::string code = field(PG_DIAG_SQLSTATE);
    // No SQLSTATE means libpq itself failed: almost always the connection went away.
    if (code.empty()) code = detail::libpq().PQstatus(conn) == CONNECTION_BAD ? "08006" : "XX000";
    std::string text = message + " (SQLSTATE " + code + ")";
    if (std::string detail = field(PG_DIAG_MESSAGE_DETAIL); !detail.empty()) text += "\nDETAIL: " + detail;
    if (std::string hint = field(PG_DIAG_MESSAGE_HINT); !hint.empty()) text += "\nHINT: " + hint;
    if (std::string where = field(PG_DIAG_CONTEXT); !where.empty()) text += "\nCONTEXT: " + where;
    return DbError(text, code, trim(statement));
}

std::string format_param(const SqlValue& value, bool& is_null) {
    is_null = false;
    return std::visit(
        [&](const auto& v) -> std::string {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, std::nullptr_t>) {
                is_null = true;
                return {};
            } else if constexpr (std::is_same_v<T, std::int64_t>) {
                return std::to_string(v);
            } else if constexpr (std::is_same_v<T, double>) {
                if (std::isnan(v)) return "NaN";
                if (std::isinf(v)) return v > 0 ? "Infinity" : "-Infinity";
                std::array<char, 64> buffer{};
                auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), v);
                return std::string(buffer.data(), end);
            } else {
                return v;
            }
        },
        value);
}

constexpr const char* kApplicationName = "drizzle-kit";
// libpq waits forever for an unreachable host by default; a URL's connect_timeout still wins.
constexpr const char* kConnectTimeout = "30";

}  // namespace

std::string normalize_url(const std::string& url) {
    if (!is_url(url)) return url;
    auto query_at = url.find('?');
    if (query_at == std::string::npos) return url;
    auto fragment_at = url.find('#', query_at);
    std::string query = url.substr(query_at + 1, fragment_at == std::string::npos ? std::string::npos
                                                                                  : fragment_at - query_at - 1);
    std::vector<std::string> params;
    bool has_sslmode = false;
    std::optional<std::string> ssl_flag;
    for (std::size_t start = 0; start <= query.size();) {
        auto end = query.find('&', start);
        if (end == std::string::npos) end = query.size();
        std::string param = query.substr(start, end - start);
        start = end + 1;
        if (param.empty()) continue;
        auto eq = param.find('=');
        std::string name = lower(param.substr(0, eq));
        std::string value = eq == std::string::npos ? "" : param.substr(eq + 1);
        if (name == "ssl") {
            // node-postgres: ssl=true / ssl=1 turns TLS on (without verifying, like libpq's require).
            std::string v = lower(value);
            ssl_flag = (v == "true" || v == "1" || v.empty()) ? "require" : "disable";
            continue;
        }
        if (name == "sslmode") {
            has_sslmode = true;
            if (lower(value) == "no-verify") param = "sslmode=require";
        }
        params.push_back(param);
    }
    if (ssl_flag && !has_sslmode) params.push_back("sslmode=" + *ssl_flag);
    std::string out = url.substr(0, query_at);
    for (std::size_t i = 0; i < params.size(); ++i) out += (i == 0 ? "?" : "&") + params[i];
    if (fragment_at != std::string::npos) out += url.substr(fragment_at);
    return out;
}

std::string sslmode_from_config(const std::string& ssl) {
    std::string value = lower(trim(ssl));
    if (value == "true" || value == "require") return "require";
    if (value == "false" || value == "disable") return "disable";
    if (value == "no-verify") return "require";
    for (const char* mode : {"allow", "prefer", "verify-ca", "verify-full"}) {
        if (value == mode) return value;
    }
    if (value.starts_with("{")) {
        // node-postgres takes a tls.connect() options object; only "encrypt, do not verify" maps
        // onto libpq without certificate files.
        auto object = nlohmann::json::parse(value, nullptr, false);
        if (object.is_object() && object.size() == 1 && object.contains("rejectunauthorized") &&
            object["rejectunauthorized"] == false) {
            return "require";
        }
        throw UserError("dbCredentials.ssl: this object form is not supported by the C++ driver; use a url with "
                        "sslmode=verify-full&sslrootcert=<ca file> (or ssl: \"require\")");
    }
    throw UserError("dbCredentials.ssl: \"" + ssl +
                    "\" is not an sslmode (true, false, disable, allow, prefer, require, verify-ca, verify-full)");
}

std::unique_ptr<PgConnection> PgConnection::open(const std::string& url) {
    DbCredentials credentials;
    credentials.url = url;
    return open(credentials);
}

std::unique_ptr<PgConnection> PgConnection::open(const DbCredentials& credentials) {
    std::vector<std::string> keys;
    std::vector<std::string> values;
    auto add = [&](const char* key, std::string value) {
        keys.emplace_back(key);
        values.push_back(std::move(value));
    };
    std::vector<std::string> secrets;
    std::string description;
    // Defaults first: with expand_dbname, the URL's own parameters override earlier keywords.
    add("connect_timeout", kConnectTimeout);
    add("client_encoding", "UTF8");  // migration files are UTF-8, whatever the database's encoding
    if (credentials.url && !credentials.url->empty()) {
        const std::string& url = *credentials.url;
        secrets = password_spellings(url);
        description = "postgresql " + redact_url(url);
        if (!is_url(url) && url.find('=') == std::string::npos) {
            throw UserError("dbCredentials.url \"" + redact_url(url) +
                            "\" is not a PostgreSQL connection string (postgres://user:password@host:port/db)");
        }
        if (is_url(url)) require_encoded_userinfo(url);
        add("dbname", normalize_url(url));
    } else {
        if (!credentials.host && !credentials.database) {
            throw UserError("dbCredentials: set url (postgres://user:password@host:port/db), or host, port, user, "
                            "password and database");
        }
        if (credentials.host) add("host", *credentials.host);
        if (credentials.port) add("port", std::to_string(*credentials.port));
        if (credentials.user) add("user", *credentials.user);
        if (credentials.password) {
            add("password", *credentials.password);
            if (!credentials.password->empty()) secrets.push_back(*credentials.password);
        }
        if (credentials.database) add("dbname", *credentials.database);
        if (credentials.ssl) add("sslmode", sslmode_from_config(*credentials.ssl));
        description = "postgresql " + credentials.display();
    }
    add("fallback_application_name", kApplicationName);

    std::vector<const char*> key_ptrs;
    std::vector<const char*> value_ptrs;
    for (std::size_t i = 0; i < keys.size(); ++i) {
        key_ptrs.push_back(keys[i].c_str());
        value_ptrs.push_back(values[i].c_str());
    }
    key_ptrs.push_back(nullptr);
    value_ptrs.push_back(nullptr);
    PGconn* conn = detail::libpq().PQconnectdbParams(key_ptrs.data(), value_ptrs.data(), /*expand_dbname=*/1);
    if (conn == nullptr) throw DbError("cannot connect to " + description + ": out of memory", "08001");
    if (detail::libpq().PQstatus(conn) != CONNECTION_OK) {
        std::string message = scrub(trim(detail::libpq().PQerrorMessage(conn)), secrets);
        detail::libpq().PQfinish(conn);
        throw DbError("cannot connect to " + description + ": " + message, "08001");
    }
    auto connection = std::unique_ptr<PgConnection>(new PgConnection(conn, description));
    detail::libpq().PQsetNoticeReceiver(
        conn, [](void* self, const PGresult* result) { receive_notice(self, result); }, connection.get());
    return connection;
}

PgConnection::PgConnection(void* conn, std::string description)
    : conn_(conn), description_(std::move(description)) {
    // Whatever reaches this connection through the shared interfaces finds its dialect's operations.
    register_dialect_ops(dialect_ops_object());
}

PgConnection::~PgConnection() { detail::libpq().PQfinish(handle(conn_)); }

void PgConnection::receive_notice(void* self, const void* result) {
    auto* connection = static_cast<PgConnection*>(self);
    if (!connection->notice_handler_) return;
    const auto* res = static_cast<const PGresult*>(result);
    auto field = [&](int code) -> std::string {
        const char* value = detail::libpq().PQresultErrorField(res, code);
        return value != nullptr ? trim(value) : std::string();
    };
    Notice notice{field(PG_DIAG_SEVERITY_NONLOCALIZED), field(PG_DIAG_SQLSTATE), field(PG_DIAG_MESSAGE_PRIMARY)};
    if (notice.severity.empty()) notice.severity = field(PG_DIAG_SEVERITY);
    if (notice.message.empty()) notice.message = trim(detail::libpq().PQresultErrorMessage(res));
    connection->notice_handler_(notice);
}

void PgConnection::set_notice_handler(NoticeHandler handler) { notice_handler_ = std::move(handler); }

void PgConnection::exec(std::string_view sql) {
    PGconn* conn = handle(conn_);
    const std::string text(sql);
    if (detail::libpq().PQsendQuery(conn, text.c_str()) == 0) throw make_error(conn, nullptr, sql);
    // Every result is drained, even after an error, so the connection is ready for the next call.
    std::optional<DbError> error;
    while (PGresult* result = detail::libpq().PQgetResult(conn)) {
        ResultGuard guard{result};
        switch (detail::libpq().PQresultStatus(result)) {
        case PGRES_COPY_IN:
            detail::libpq().PQputCopyEnd(conn, "COPY FROM STDIN is not supported in migrations");
            break;
        case PGRES_COPY_OUT: {
            char* buffer = nullptr;
            while (detail::libpq().PQgetCopyData(conn, &buffer, 0) > 0) detail::libpq().PQfreemem(buffer);
            break;
        }
        case PGRES_BAD_RESPONSE:
        case PGRES_NONFATAL_ERROR:
        case PGRES_FATAL_ERROR:
            if (!error) error = make_error(conn, result, sql);
            break;
        default: break;
        }
        if (detail::libpq().PQstatus(conn) == CONNECTION_BAD) break;
    }
    if (error) throw *error;
    if (detail::libpq().PQstatus(conn) == CONNECTION_BAD) throw make_error(conn, nullptr, sql);
}

std::vector<Row> PgConnection::query(std::string_view sql, const std::vector<SqlValue>& params) {
    PGconn* conn = handle(conn_);
    const std::string text(sql);
    std::vector<std::string> storage(params.size());
    std::vector<const char*> values(params.size(), nullptr);
    for (std::size_t i = 0; i < params.size(); ++i) {
        bool is_null = false;
        storage[i] = format_param(params[i], is_null);
        if (!is_null) values[i] = storage[i].c_str();
    }
    ResultGuard guard{detail::libpq().PQexecParams(conn, text.c_str(), static_cast<int>(params.size()), nullptr,
                                   values.data(), nullptr, nullptr, /*text results*/ 0)};
    PGresult* result = guard.result;
    if (result == nullptr) throw make_error(conn, nullptr, sql);
    switch (detail::libpq().PQresultStatus(result)) {
    case PGRES_TUPLES_OK: break;
    case PGRES_COMMAND_OK: return {};
    case PGRES_EMPTY_QUERY: throw DbError("query() got no statement", "42601", trim(sql));
    default: throw make_error(conn, result, sql);
    }
    const int rows = detail::libpq().PQntuples(result);
    const int columns = detail::libpq().PQnfields(result);
    std::vector<Row> out;
    out.reserve(static_cast<std::size_t>(rows));
    for (int r = 0; r < rows; ++r) {
        Row row;
        row.reserve(static_cast<std::size_t>(columns));
        for (int c = 0; c < columns; ++c) {
            if (detail::libpq().PQgetisnull(result, r, c)) {
                row.emplace_back(std::nullopt);
            } else {
                row.emplace_back(
                    std::string(detail::libpq().PQgetvalue(result, r, c), static_cast<std::size_t>(detail::libpq().PQgetlength(result, r, c))));
            }
        }
        out.push_back(std::move(row));
    }
    return out;
}

std::string PgConnection::describe() const { return description_; }

int PgConnection::server_version() const { return detail::libpq().PQserverVersion(handle(conn_)); }

int PgConnection::backend_pid() const { return detail::libpq().PQbackendPID(handle(conn_)); }

}  // namespace drizzle::pg
