// Migrating a read-only standby is refused: a real streaming standby of the test server.
#include "drizzle/error.hpp"
#include "pg/pg_support.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <iostream>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace drizzle::test {
namespace {

namespace fs = std::filesystem;

int free_port() {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    socklen_t len = sizeof addr;
    int port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0) {
        port = ntohs(addr.sin_port);
    }
    ::close(fd);
    return port;
}

/// Files a base backup leaves out (PostgreSQL's "Backup Manifest"/low-level backup rules).
bool skipped_in_backup(const fs::path& relative) {
    const std::string first = relative.begin()->string();
    const std::string name = relative.filename().string();
    if (name == "postmaster.pid" || name == "postmaster.opts" || name == "pg_internal.init") return true;
    for (const char* dir : {"pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify", "pg_serial", "pg_snapshots",
                            "pg_stat_tmp", "pg_subtrans"}) {
        if (first == dir && relative != fs::path(dir)) return true;  // keep the folder, not its files
    }
    return name.starts_with("pgsql_tmp");
}

/// Copies a live data directory, tolerating files that vanish meanwhile (WAL replay fixes the rest).
void copy_live_tree(const fs::path& from, const fs::path& to, bool (*skip)(const fs::path&)) {
    std::error_code ec;
    fs::create_directories(to, ec);
    for (auto it = fs::recursive_directory_iterator(from, fs::directory_options::skip_permission_denied, ec);
         it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (ec) break;
        const fs::path relative = it->path().lexically_relative(from);
        if (skip != nullptr && skip(relative)) continue;
        if (it->is_directory(ec)) {
            fs::create_directories(to / relative, ec);
        } else if (it->is_regular_file(ec)) {
            fs::copy_file(it->path(), to / relative, fs::copy_options::overwrite_existing, ec);
        }
    }
}

/// A streaming standby of the test server in a temp folder, stopped and removed on destruction.
class Standby {
public:
    Standby(pg::PgConnection& primary, const std::string& primary_url) : dir_("pgsb") {
        bin_ = pg_server_bin_dir(primary);
        if (bin_.empty() || !fs::exists(bin_ / "pg_ctl")) {
            throw std::runtime_error("cannot find the server's pg_ctl; set DRIZZLE_TEST_PG_BIN to its bin folder");
        }
        const std::string owner = pg_server_os_user(primary);
        if (::getuid() == 0 && !owner.empty() && owner != "root") {
            owner_ = owner;
            run_as_ = "runuser -u " + owner + " -- ";
            std::string ignored;
            run_command("chown " + shell_quote(owner) + ": " + shell_quote(dir_.path().string()), ignored);
        }
        data_ = dir_ / "data";
        port_ = free_port();
        const std::string primary_port = pg_scalar(primary, "SELECT current_setting('port')");
        const std::string user = pg_scalar(primary, "SELECT current_user");
        if (fs::exists(bin_ / "pg_basebackup")) {
            run("pg_basebackup", "-D " + shell_quote(data_.string()) + " -R -X stream -c fast -h 127.0.0.1 -p " +
                                     primary_port + " -U " + shell_quote(user));
        } else {
            // Server binaries without client tools (embedded-postgres): the low-level backup API.
            low_level_backup(primary_url, primary_port, user);
        }
        // A hot standby needs these at least as high as on the primary, which the test script
        // may have raised on its command line (not in the copied configuration files).
        std::string options = "-p " + std::to_string(port_) + " -k " + dir_.path().string() +
                              " -c listen_addresses=127.0.0.1 -c hot_standby=on -c fsync=off";
        for (const char* setting : {"max_connections", "max_worker_processes", "max_wal_senders",
                                    "max_prepared_transactions", "max_locks_per_transaction"}) {
            options += std::string(" -c ") + setting + "=" +
                       pg_scalar(primary, std::string("SELECT current_setting('") + setting + "')");
        }
        run("pg_ctl", "-D " + shell_quote(data_.string()) + " -l " + shell_quote((dir_ / "log").string()) +
                          " -w -t 60 -o " + shell_quote(options) + " start");
        started_ = true;
    }

    ~Standby() {
        if (!started_) return;
        std::string ignored;
        run_command(run_as_ + shell_quote((bin_ / "pg_ctl").string()) + " -D " + shell_quote(data_.string()) +
                        " -m immediate -w stop",
                    ignored);
    }

    std::string url(const std::string& database) const {
        return "postgres://postgres@127.0.0.1:" + std::to_string(port_) + "/" + database;
    }

private:
    void run(const std::string& tool, const std::string& args) {
        std::string output;
        int rc = run_command(run_as_ + shell_quote((bin_ / tool).string()) + " " + args, output);
        if (rc != 0) {
            std::string log;
            if (fs::exists(dir_ / "log")) log = read_file(dir_ / "log");
            throw std::runtime_error(tool + " failed (" + std::to_string(rc) + "):\n" + output + log);
        }
    }

    void low_level_backup(const std::string& primary_url, const std::string& primary_port, const std::string& user) {
        auto session = pg::PgConnection::open(primary_url);  // the backup lives as long as this session
        const bool v15 = session->server_version() >= 150000;
        session->query(v15 ? "SELECT pg_backup_start($1, true)" : "SELECT pg_start_backup($1, true, false)",
                       {std::string("drizzle-standby-test")});
        const fs::path source = pg_scalar(*session, "SELECT current_setting('data_directory')");
        copy_live_tree(source, data_, skipped_in_backup);
        auto rows = session->query(v15 ? "SELECT labelfile, spcmapfile FROM pg_backup_stop(false)"
                                       : "SELECT labelfile, spcmapfile FROM pg_stop_backup(false, false)");
        copy_live_tree(source / "pg_wal", data_ / "pg_wal", nullptr);  // everything up to the stop
        write_file(data_ / "backup_label", rows.at(0).at(0).value_or(""));
        if (!rows[0][1].value_or("").empty()) write_file(data_ / "tablespace_map", *rows[0][1]);
        write_file(data_ / "standby.signal", "");
        std::string conf = read_file(data_ / "postgresql.auto.conf");
        conf += "\nprimary_conninfo = 'host=127.0.0.1 port=" + primary_port + " user=" + user + "'\n";
        write_file(data_ / "postgresql.auto.conf", conf);
        std::string ignored;
        if (!owner_.empty()) run_command("chown -R " + shell_quote(owner_) + ": " + shell_quote(data_.string()), ignored);
        run_command("chmod 700 " + shell_quote(data_.string()), ignored);
    }

    TempDir dir_;
    fs::path bin_;
    fs::path data_;
    std::string owner_;   ///< the server's OS user when we are root and must switch to it
    std::string run_as_;  ///< "runuser -u <owner_> -- " or ""
    int port_ = 0;
    bool started_ = false;
};

class PgStandbyTest : public PgTest {};

TEST_F(PgStandbyTest, MigratingAStandbyIsRefused) {
    auto primary = admin();
    const auto start = std::chrono::steady_clock::now();
    std::unique_ptr<Standby> standby;
    try {
        standby = std::make_unique<Standby>(*primary, pg_admin_url());
    } catch (const std::exception& e) {
        FAIL() << "could not start a standby of the test server: " << e.what();
    }
    std::cout << "[ timing ] standby ready in "
              << std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start)
                     .count()
              << " ms\n";
    // The test's database exists on the standby too (it was created before the backup).
    auto replica = pg::PgConnection::open(standby->url(database()));
    ASSERT_EQ(pg_scalar(*replica, "SELECT pg_is_in_recovery()"), "t");

    TempDir dir("pg-standby");
    write_v1_migration(dir / "drizzle", 0, "a", "CREATE TABLE a (x int);");
    std::string output;
    EXPECT_EQ(run_kit_migrate(dir / "drizzle", standby->url(database()), output), 3) << output;
    EXPECT_NE(output.find("the database is a read-only standby (pg_is_in_recovery() = true); migrate the primary"),
              std::string::npos)
        << output;
    // And the primary is fine to migrate.
    EXPECT_EQ(run_kit_migrate(dir / "drizzle", url(), output), 0) << output;
}

}  // namespace
}  // namespace drizzle::test
