// Implementation of the PostgreSQL test helpers.
#include "pg/pg_support.hpp"

#include "drizzle/error.hpp"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <random>

#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

namespace drizzle::test {

namespace fs = std::filesystem;

std::string pg_admin_url() {
    const char* url = std::getenv("DRIZZLE_TEST_PG_URL");
    return url == nullptr ? std::string() : std::string(url);
}

namespace {

/// [start of authority, end of authority, end of path) of a postgres:// URL.
struct UrlParts {
    std::size_t authority = 0;
    std::size_t path = 0;
    std::size_t query = 0;
};

UrlParts split_url(const std::string& url) {
    auto scheme = url.find("://");
    if (scheme == std::string::npos) throw std::runtime_error("not a URL: " + url);
    UrlParts parts;
    parts.authority = scheme + 3;
    parts.path = url.find('/', parts.authority);
    auto query = url.find_first_of("?#", parts.authority);
    if (parts.path == std::string::npos || (query != std::string::npos && parts.path > query)) {
        parts.path = query == std::string::npos ? url.size() : query;
    }
    parts.query = query == std::string::npos ? url.size() : query;
    return parts;
}

}  // namespace

std::string pg_url_with_database(const std::string& url, const std::string& database) {
    auto parts = split_url(url);
    return url.substr(0, parts.path) + "/" + database + url.substr(parts.query);
}

std::string pg_url_with_user(const std::string& url, const std::string& user, const std::string& password) {
    auto parts = split_url(url);
    auto at = url.rfind('@', parts.path);
    std::size_t host = at == std::string::npos || at < parts.authority ? parts.authority : at + 1;
    return url.substr(0, parts.authority) + user + (password.empty() ? "" : ":" + password) + "@" +
           url.substr(host);
}

void PgTest::SetUp() {
    const std::string admin_url = pg_admin_url();
    if (admin_url.empty()) {
        const char* skip = std::getenv("DRIZZLE_SKIP_PG");
        if (skip != nullptr && std::string(skip) == "1") {
            GTEST_SKIP() << "DRIZZLE_SKIP_PG=1: PostgreSQL test skipped (no DRIZZLE_TEST_PG_URL)";
        }
        FAIL() << "this test needs PostgreSQL: DRIZZLE_TEST_PG_URL is not set. Run scripts/test.sh, or start a "
                  "server with `export DRIZZLE_TEST_PG_URL=\"$(scripts/pg-test-server.sh start)\"`; set "
                  "DRIZZLE_SKIP_PG=1 to skip the PostgreSQL tests instead";
    }
    url_ = create_database();
    database_ = created_.back();
}

std::string PgTest::create_database() {
    static std::atomic<int> counter{0};
    std::random_device rd;
    std::string name = "dzt_" + std::to_string(::getpid()) + "_" + std::to_string(counter++) + "_" +
                       std::to_string(rd() % 100000);
    auto db = admin();
    db->exec("CREATE DATABASE \"" + name + "\"");
    created_.push_back(name);
    return pg_url_with_database(pg_admin_url(), name);
}

void PgTest::TearDown() {
    if (created_.empty() || std::getenv("DRIZZLE_KEEP_TEST_DIRS") != nullptr) return;
    try {
        auto db = admin();
        for (const auto& name : created_) {
            try {
                db->exec("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
            } catch (const DbError&) {
                // Before PostgreSQL 13 there is no FORCE: end the sessions, then drop.
                db->query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1", {name});
                db->exec("DROP DATABASE IF EXISTS \"" + name + "\"");
            }
        }
    } catch (const std::exception& e) {
        ADD_FAILURE() << "could not drop the test database(s): " << e.what();
    }
    created_.clear();
}

std::unique_ptr<pg::PgConnection> PgTest::connect() const { return pg::PgConnection::open(url_); }

std::unique_ptr<pg::PgConnection> PgTest::admin() const { return pg::PgConnection::open(pg_admin_url()); }

fs::path pg_server_bin_dir(pg::PgConnection& db) {
    if (const char* bin = std::getenv("DRIZZLE_TEST_PG_BIN"); bin != nullptr && *bin != '\0') return bin;
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/" + std::to_string(db.backend_pid()) + "/exe", ec);
    return ec ? fs::path() : exe.parent_path();
}

std::string pg_server_os_user(pg::PgConnection& db) {
    std::string data = pg_scalar(db, "SELECT current_setting('data_directory')");
    struct stat info {};
    if (data.empty() || ::stat(data.c_str(), &info) != 0) return {};
    const passwd* pw = ::getpwuid(info.st_uid);
    return pw == nullptr ? std::string() : std::string(pw->pw_name);
}

std::string pg_scalar(Connection& db, const std::string& sql, const std::vector<SqlValue>& params) {
    auto rows = db.query(sql, params);
    return rows.empty() || rows[0].empty() ? "" : rows[0][0].value_or("");
}

std::string pg_dump_table_tsv(Connection& db, const std::string& schema, const std::string& table) {
    std::string out;
    auto cols = db.query(
        "SELECT a.attname FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = "
        "c.relnamespace WHERE n.nspname = $1 AND c.relname = $2 AND a.attnum > 0 AND NOT a.attisdropped ORDER BY "
        "a.attnum",
        {schema, table});
    for (std::size_t i = 0; i < cols.size(); ++i) out += (i ? "\t" : "") + cols[i][0].value_or("");
    out += "\n";
    for (const auto& row : db.query("SELECT * FROM \"" + schema + "\".\"" + table + "\" ORDER BY id")) {
        for (std::size_t i = 0; i < row.size(); ++i) out += (i ? "\t" : "") + row[i].value_or("\\N");
        out += "\n";
    }
    return out;
}

std::vector<std::string> pg_catalog_lines(Connection& db) {
    const std::string script = read_file(fixture("drizzle-kit/tools/catalog_pg.sql"));
    const auto select_at = script.find("\nSELECT * FROM (");
    if (select_at == std::string::npos) throw std::runtime_error("catalog_pg.sql: unexpected layout");
    db.exec(script.substr(0, select_at));  // the comments and CREATE TEMP VIEW _ns
    std::string select = script.substr(select_at + 1);
    if (auto semi = select.rfind(';'); semi != std::string::npos) select.resize(semi);
    std::vector<std::string> lines;
    for (const auto& row : db.query(select)) {
        // PostgreSQL 18 lists NOT NULL as constraints too (contype 'n'); the column line already
        // says NOT NULL, and the fixtures come from 15.
        if (row.size() > 2 && row[0] == "constraint" && row[2] == "n") continue;
        std::string line;
        for (std::size_t i = 0; i < row.size(); ++i) line += (i ? " | " : "") + row[i].value_or("");
        lines.push_back(line);
    }
    db.exec("DROP VIEW pg_temp._ns");
    // psql sorted with the database's collation; compare in one order whatever the locale.
    std::sort(lines.begin(), lines.end());
    return lines;
}

std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

std::string shell_quote(const std::string& text) {
    std::string out = "'";
    for (char c : text) {
        if (c == '\'') {
            out += "'\\''";
        } else {
            out += c;
        }
    }
    return out + "'";
}

int run_kit(const fs::path& dir, const std::vector<std::string>& args, std::string& output,
            const std::map<std::string, std::string>& env) {
    std::string command = "cd " + shell_quote(dir.string()) + " && env";
    for (const auto& [key, value] : env) command += " " + key + "=" + shell_quote(value);
    command += " " + shell_quote(DRIZZLE_KIT_EXE);
    for (const auto& arg : args) command += " " + shell_quote(arg);
    return run_command(command + " </dev/null", output);
}

int run_kit_migrate(const fs::path& folder, const std::string& url, std::string& output,
                    const std::vector<std::string>& extra) {
    std::vector<std::string> args = {"migrate", "--dialect", "postgresql", "--url", url, "--out", folder.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    return run_kit(folder.parent_path(), args, output);
}

void copy_tree(const fs::path& from, const fs::path& to) {
    fs::create_directories(to);
    fs::copy(from, to, fs::copy_options::recursive);
}

void write_v1_migration(const fs::path& out, int index, const std::string& name, const std::string& sql) {
    char stamp[32];
    std::snprintf(stamp, sizeof stamp, "20250101%02d%02d%02d", index / 3600 % 24, index / 60 % 60, index % 60);
    write_file(out / (std::string(stamp) + "_" + name) / "migration.sql", sql);
}

}  // namespace drizzle::test
