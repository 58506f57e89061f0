// The SQLite driver: open, exec (multi-statement), query with bound parameters, error mapping.
#include "drizzle/dialect/sqlite_connection.hpp"

#include "dialect/sqlite/sqlite_ops.hpp"
#include "drizzle/dialect/registry.hpp"
#include "drizzle/error.hpp"

#include <sqlite3.h>

#include <cctype>
#include <string_view>
#include <vector>

namespace drizzle::sqlite {

namespace {

sqlite3* handle(void* db) { return static_cast<sqlite3*>(db); }

/// Finalizes a statement on every path out of a scope.
struct StmtGuard {
    sqlite3_stmt* stmt = nullptr;
    ~StmtGuard() { sqlite3_finalize(stmt); }
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

/// The next word of `text` from `at` (identifiers, quoted names and keywords alike), lowercased.
std::string next_word(std::string_view text, std::size_t& at) {
    while (at < text.size() && std::isspace(static_cast<unsigned char>(text[at]))) ++at;
    const std::size_t start = at;
    if (at < text.size() && (text[at] == '`' || text[at] == '"' || text[at] == '[')) {
        const char close = text[at] == '[' ? ']' : text[at];
        at = text.find(close, at + 1);
        at = at == std::string_view::npos ? text.size() : at + 1;
    } else {
        while (at < text.size() && !std::isspace(static_cast<unsigned char>(text[at])) && text[at] != '(' &&
               text[at] != ';')
            ++at;
    }
    return lower(text.substr(start, at - start));
}

/// Why a statement SQLite rejected is libSQL's (Turso's), or "": drizzle-kit's "turso" dialect
/// writes `ALTER TABLE t ALTER COLUMN c TO c <definition>` where SQLite rebuilds the table, and
/// libSQL's vector search adds functions SQLite does not have.
std::string libsql_only(std::string_view statement, std::string_view message) {
    std::size_t at = 0;
    std::vector<std::string> words;
    for (int i = 0; i < 6 && at < statement.size(); ++i) words.push_back(next_word(statement, at));
    if (words.size() == 6 && words[0] == "alter" && words[1] == "table" && words[3] == "alter" &&
        words[4] == "column" && next_word(statement, at) == "to") {
        return "ALTER TABLE ... ALTER COLUMN ... TO is libSQL (Turso) syntax, which SQLite does not have "
               "(drizzle-kit writes it for \"dialect\": \"turso\")";
    }
    const std::string text = lower(message);
    for (const char* function : {"libsql_vector_idx", "vector_top_k", "vector32", "vector64", "vector_distance_cos",
                                 "vector_extract"}) {
        if (text.find(std::string("no such function: ") + function) != std::string::npos) {
            return std::string(function) + "() is a libSQL (Turso) function, which SQLite does not have";
        }
    }
    return {};
}

[[noreturn]] void throw_db_error(sqlite3* db, std::string_view statement) {
    int code = sqlite3_extended_errcode(db);
    std::string message = sqlite3_errmsg(db);
    if (std::string why = libsql_only(trim(statement), message); !why.empty()) {
        message += "; " + why + ". drizzle-cpp supports the sqlite and postgresql dialects (\"turso\" is read as "
                   "sqlite, for local SQLite files): write the change as SQLite SQL (drizzle-cpp's generate "
                   "rebuilds the table) or apply this migration with drizzle-kit and libSQL";
    }
    throw DbError(message, result_code_name(code), trim(statement));
}

/// Prepares the first statement of `rest`; advances `rest` past it. Returns nullptr (and an empty
/// `rest`) when only whitespace or comments remain. `text` receives the statement's source text.
sqlite3_stmt* prepare_next(sqlite3* db, std::string_view& rest, std::string_view& text) {
    sqlite3_stmt* stmt = nullptr;
    const char* tail = nullptr;
    // sqlite3_prepare_v2 takes an int length; migration files are far below 2 GB.
    int rc = sqlite3_prepare_v2(db, rest.data(), static_cast<int>(rest.size()), &stmt, &tail);
    std::size_t used = tail == nullptr ? rest.size() : static_cast<std::size_t>(tail - rest.data());
    text = rest.substr(0, used);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(stmt);
        // On a syntax error `tail` is not meaningful; report everything up to the next ';'.
        std::string_view failing = rest;
        if (auto semi = failing.find(';'); semi != std::string_view::npos)
            failing = failing.substr(0, semi + 1);
        throw_db_error(db, failing);
    }
    rest.remove_prefix(used);
    return stmt;
}

void bind_params(sqlite3* db, sqlite3_stmt* stmt, const std::vector<SqlValue>& params, std::string_view sql) {
    int expected = sqlite3_bind_parameter_count(stmt);
    if (expected != static_cast<int>(params.size())) {
        throw DbError("statement takes " + std::to_string(expected) + " parameters, " +
                          std::to_string(params.size()) + " given",
                      "SQLITE_RANGE", trim(sql));
    }
    for (std::size_t i = 0; i < params.size(); ++i) {
        int index = static_cast<int>(i) + 1;
        int rc = std::visit(
            [&](const auto& value) -> int {
                using T = std::decay_t<decltype(value)>;
                if constexpr (std::is_same_v<T, std::nullptr_t>) {
                    return sqlite3_bind_null(stmt, index);
                } else if constexpr (std::is_same_v<T, std::int64_t>) {
                    return sqlite3_bind_int64(stmt, index, value);
                } else if constexpr (std::is_same_v<T, double>) {
                    return sqlite3_bind_double(stmt, index, value);
                } else {
                    return sqlite3_bind_text64(stmt, index, value.data(), value.size(), SQLITE_TRANSIENT,
                                               SQLITE_UTF8);
                }
            },
            params[i]);
        if (rc != SQLITE_OK) throw_db_error(db, sql);
    }
}

}  // namespace

std::string result_code_name(int code) {
    // clang-format off
#define C(name) \
    case name: return #name;
    switch (code) {
    C(SQLITE_OK)
    C(SQLITE_ROW)
    C(SQLITE_DONE)
    C(SQLITE_ERROR)
    C(SQLITE_INTERNAL)
    C(SQLITE_PERM)
    C(SQLITE_ABORT)
    C(SQLITE_BUSY)
    C(SQLITE_LOCKED)
    C(SQLITE_NOMEM)
    C(SQLITE_READONLY)
    C(SQLITE_INTERRUPT)
    C(SQLITE_IOERR)
    C(SQLITE_CORRUPT)
    C(SQLITE_NOTFOUND)
    C(SQLITE_FULL)
    C(SQLITE_CANTOPEN)
    C(SQLITE_PROTOCOL)
    C(SQLITE_EMPTY)
    C(SQLITE_SCHEMA)
    C(SQLITE_TOOBIG)
    C(SQLITE_CONSTRAINT)
    C(SQLITE_MISMATCH)
    C(SQLITE_MISUSE)
    C(SQLITE_NOLFS)
    C(SQLITE_AUTH)
    C(SQLITE_FORMAT)
    C(SQLITE_RANGE)
    C(SQLITE_NOTADB)
    C(SQLITE_NOTICE)
    C(SQLITE_WARNING)
    C(SQLITE_ERROR_MISSING_COLLSEQ)
    C(SQLITE_ERROR_RETRY)
    C(SQLITE_ERROR_SNAPSHOT)
    C(SQLITE_IOERR_READ)
    C(SQLITE_IOERR_SHORT_READ)
    C(SQLITE_IOERR_WRITE)
    C(SQLITE_IOERR_FSYNC)
    C(SQLITE_IOERR_DIR_FSYNC)
    C(SQLITE_IOERR_TRUNCATE)
    C(SQLITE_IOERR_FSTAT)
    C(SQLITE_IOERR_UNLOCK)
    C(SQLITE_IOERR_RDLOCK)
    C(SQLITE_IOERR_DELETE)
    C(SQLITE_IOERR_BLOCKED)
    C(SQLITE_IOERR_NOMEM)
    C(SQLITE_IOERR_ACCESS)
    C(SQLITE_IOERR_CHECKRESERVEDLOCK)
    C(SQLITE_IOERR_LOCK)
    C(SQLITE_IOERR_CLOSE)
    C(SQLITE_IOERR_DIR_CLOSE)
    C(SQLITE_IOERR_SHMOPEN)
    C(SQLITE_IOERR_SHMSIZE)
    C(SQLITE_IOERR_SHMLOCK)
    C(SQLITE_IOERR_SHMMAP)
    C(SQLITE_IOERR_SEEK)
    C(SQLITE_IOERR_DELETE_NOENT)
    C(SQLITE_IOERR_MMAP)
    C(SQLITE_IOERR_GETTEMPPATH)
    C(SQLITE_IOERR_CONVPATH)
    C(SQLITE_IOERR_VNODE)
    C(SQLITE_IOERR_AUTH)
    C(SQLITE_IOERR_BEGIN_ATOMIC)
    C(SQLITE_IOERR_COMMIT_ATOMIC)
    C(SQLITE_IOERR_ROLLBACK_ATOMIC)
    C(SQLITE_IOERR_DATA)
    C(SQLITE_IOERR_CORRUPTFS)
    C(SQLITE_LOCKED_SHAREDCACHE)
    C(SQLITE_LOCKED_VTAB)
    C(SQLITE_BUSY_RECOVERY)
    C(SQLITE_BUSY_SNAPSHOT)
    C(SQLITE_BUSY_TIMEOUT)
    C(SQLITE_CANTOPEN_NOTEMPDIR)
    C(SQLITE_CANTOPEN_ISDIR)
    C(SQLITE_CANTOPEN_FULLPATH)
    C(SQLITE_CANTOPEN_CONVPATH)
    C(SQLITE_CANTOPEN_DIRTYWAL)
    C(SQLITE_CANTOPEN_SYMLINK)
    C(SQLITE_CORRUPT_VTAB)
    C(SQLITE_CORRUPT_SEQUENCE)
    C(SQLITE_CORRUPT_INDEX)
    C(SQLITE_READONLY_RECOVERY)
    C(SQLITE_READONLY_CANTLOCK)
    C(SQLITE_READONLY_ROLLBACK)
    C(SQLITE_READONLY_DBMOVED)
    C(SQLITE_READONLY_CANTINIT)
    C(SQLITE_READONLY_DIRECTORY)
    C(SQLITE_ABORT_ROLLBACK)
    C(SQLITE_CONSTRAINT_CHECK)
    C(SQLITE_CONSTRAINT_COMMITHOOK)
    C(SQLITE_CONSTRAINT_FOREIGNKEY)
    C(SQLITE_CONSTRAINT_FUNCTION)
    C(SQLITE_CONSTRAINT_NOTNULL)
    C(SQLITE_CONSTRAINT_PRIMARYKEY)
    C(SQLITE_CONSTRAINT_TRIGGER)
    C(SQLITE_CONSTRAINT_UNIQUE)
    C(SQLITE_CONSTRAINT_VTAB)
    C(SQLITE_CONSTRAINT_ROWID)
    C(SQLITE_CONSTRAINT_PINNED)
    C(SQLITE_CONSTRAINT_DATATYPE)
    C(SQLITE_NOTICE_RECOVER_WAL)
    C(SQLITE_NOTICE_RECOVER_ROLLBACK)
    C(SQLITE_WARNING_AUTOINDEX)
    C(SQLITE_AUTH_USER)
    C(SQLITE_OK_LOAD_PERMANENTLY)
    C(SQLITE_OK_SYMLINK)
    default: break;
    }
#undef C
    // clang-format on
    // An extended code we do not know: name its primary code.
    if (code > 0xff) return result_code_name(code & 0xff) + "_" + std::to_string(code >> 8);
    return "SQLITE_UNKNOWN_" + std::to_string(code);
}

std::string path_from_url(const std::string& url) {
    std::string_view path = url;
    if (path.starts_with("file://")) {
        path.remove_prefix(7);
    } else if (path.starts_with("file:")) {
        path.remove_prefix(5);
    } else {
        return url;
    }
    if (auto query = path.find('?'); query != std::string_view::npos) path = path.substr(0, query);
    return std::string(path);
}

std::unique_ptr<SqliteConnection> SqliteConnection::open(const std::string& url, int busy_timeout_ms) {
    std::string path = path_from_url(url);
    sqlite3* db = nullptr;
    int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    if (rc != SQLITE_OK) {
        std::string message = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
        int code = db != nullptr ? sqlite3_extended_errcode(db) : rc;
        sqlite3_close(db);
        throw DbError("cannot open sqlite database \"" + path + "\": " + message, result_code_name(code));
    }
    sqlite3_extended_result_codes(db, 1);
    sqlite3_busy_timeout(db, busy_timeout_ms);
    return std::unique_ptr<SqliteConnection>(new SqliteConnection(db, std::move(path)));
}

SqliteConnection::SqliteConnection(void* db, std::string path) : db_(db), path_(std::move(path)) {
    // Whatever reaches this connection through the shared interfaces finds its dialect's operations.
    register_dialect_ops(dialect_ops_object());
}

SqliteConnection::~SqliteConnection() {
    // Statements are always finalized by their guards, so close cannot fail with SQLITE_BUSY.
    sqlite3_close(handle(db_));
}

void SqliteConnection::exec(std::string_view sql) {
    sqlite3* db = handle(db_);
    std::string_view rest = sql;
    while (!rest.empty()) {
        std::string_view text;
        StmtGuard guard{prepare_next(db, rest, text)};
        if (guard.stmt == nullptr) {
            // Comments, whitespace or a lone ';': nothing to run, but more may follow.
            if (text.empty()) break;
            continue;
        }
        int rc = SQLITE_ROW;
        while (rc == SQLITE_ROW) rc = sqlite3_step(guard.stmt);
        if (rc != SQLITE_DONE) throw_db_error(db, text);
    }
}

std::vector<Row> SqliteConnection::query(std::string_view sql, const std::vector<SqlValue>& params) {
    sqlite3* db = handle(db_);
    std::string_view rest = sql;
    std::string_view text;
    StmtGuard guard{prepare_next(db, rest, text)};
    if (guard.stmt == nullptr) throw DbError("query() got no statement", "SQLITE_MISUSE", trim(sql));
    while (!rest.empty()) {
        std::string_view more_text;
        StmtGuard more{prepare_next(db, rest, more_text)};
        if (more.stmt != nullptr) {
            throw DbError("query() takes one statement; use exec() for several", "SQLITE_MISUSE", trim(sql));
        }
        if (more_text.empty()) break;
    }
    bind_params(db, guard.stmt, params, text);
    std::vector<Row> rows;
    int columns = sqlite3_column_count(guard.stmt);
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(guard.stmt)) == SQLITE_ROW) {
        Row row;
        row.reserve(static_cast<std::size_t>(columns));
        for (int c = 0; c < columns; ++c) {
            if (sqlite3_column_type(guard.stmt, c) == SQLITE_NULL) {
                row.emplace_back(std::nullopt);
                continue;
            }
            // Text first, then bytes: column_bytes is only valid after the conversion.
            const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(guard.stmt, c));
            int size = sqlite3_column_bytes(guard.stmt, c);
            row.emplace_back(std::string(data == nullptr ? "" : data, static_cast<std::size_t>(size)));
        }
        rows.push_back(std::move(row));
    }
    if (rc != SQLITE_DONE) throw_db_error(db, text);
    return rows;
}

std::string SqliteConnection::describe() const { return "sqlite file " + path_; }

long long SqliteConnection::changes() const { return sqlite3_changes64(handle(db_)); }

void SqliteConnection::set_busy_timeout(int ms) { sqlite3_busy_timeout(handle(db_), ms); }

}  // namespace drizzle::sqlite
