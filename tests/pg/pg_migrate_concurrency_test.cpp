// Many drizzle-kit processes migrating one PostgreSQL database at once, and a migrator killed mid-run.
#include "drizzle/migrate/folder.hpp"
#include "pg/pg_support.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <iostream>
#include <thread>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace drizzle::test {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr int kProcesses = 8;
constexpr int kMigrations = 20;
constexpr int kRounds = 20;

/// 20 migrations; each inserts its name into `counter` (no unique key, so a second application
/// would show as a duplicate row rather than fail), every other one also creates a table.
void make_folder(const fs::path& dir, FolderLayout layout) {
    MigrationsFolder folder{dir, layout, {}};
    for (int i = 0; i < kMigrations; ++i) {
        NewMigration m;
        m.name = "m" + std::to_string(i);
        m.sql = (i == 0 ? std::string("CREATE TABLE counter (name text);--> statement-breakpoint\n") : "") +
                (i % 2 == 0 ? "CREATE TABLE t" + std::to_string(i) + " (x integer);--> statement-breakpoint\n" : "") +
                "INSERT INTO counter VALUES ('" + m.name + "');";
        m.snapshot_json = "{}";
        m.dialect = Dialect::postgresql;
        m.snapshot_version = "7";
        write_migration(folder, m, 1'700'000'000'000 + i * 1000LL);
    }
}

/// Forks a `drizzle-kit` with `args`, output to `log`; it waits for a byte (or EOF) on
/// `start_fd` first when that is >= 0.
pid_t spawn_kit(const std::vector<std::string>& args, const fs::path& log, int start_fd, int other_fd) {
    std::vector<std::string> storage = {DRIZZLE_KIT_EXE};
    storage.insert(storage.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : storage) argv.push_back(a.data());
    argv.push_back(nullptr);
    const std::string log_path = log.string();
    pid_t pid = ::fork();
    if (pid != 0) return pid;
    // Child: only async-signal-safe calls until exec.
    if (other_fd >= 0) ::close(other_fd);
    int fd = ::open(log_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd >= 0) {
        ::dup2(fd, STDOUT_FILENO);
        ::dup2(fd, STDERR_FILENO);
    }
    if (start_fd >= 0) {
        char go = 0;
        if (::read(start_fd, &go, 1) < 0) ::_exit(90);
        ::close(start_fd);
    }
    ::execv(argv[0], argv.data());
    ::_exit(91);
}

int wait_exit_code(pid_t pid) {
    int status = 0;
    if (::waitpid(pid, &status, 0) != pid) return -1;
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    return WIFSIGNALED(status) ? 128 + WTERMSIG(status) : -1;
}

class PgConcurrencyTest : public PgTest {};

TEST_F(PgConcurrencyTest, EightCliProcessesApplyEachMigrationExactlyOnce) {
    TempDir dir("pg-race");
    make_folder(dir / "v1", FolderLayout::v1);
    make_folder(dir / "legacy", FolderLayout::legacy);
    const auto start = Clock::now();
    for (int round = 0; round < kRounds; ++round) {
        SCOPED_TRACE("round " + std::to_string(round));
        const bool v1 = round % 4 < 2;
        const std::string mode = round % 2 == 0 ? "all" : "file";
        const std::string db_url = create_database();
        int pipe_fds[2];
        ASSERT_EQ(::pipe(pipe_fds), 0);
        std::vector<pid_t> pids;
        for (int p = 0; p < kProcesses; ++p) {
            pids.push_back(spawn_kit({"migrate", "--dialect", "postgresql", "--url", db_url, "--out",
                                      (dir / (v1 ? "v1" : "legacy")).string(), "--tx-mode", mode},
                                     dir / ("out" + std::to_string(p) + ".txt"), pipe_fds[0], pipe_fds[1]));
            ASSERT_GT(pids.back(), 0);
        }
        ::close(pipe_fds[0]);
        ::close(pipe_fds[1]);  // EOF releases every child at once
        for (int p = 0; p < kProcesses; ++p) {
            int code = wait_exit_code(pids[p]);
            EXPECT_EQ(code, 0) << "process " << p << " (" << mode << ", " << (v1 ? "v1" : "legacy") << "):\n"
                               << read_file(dir / ("out" + std::to_string(p) + ".txt"));
        }
        auto db = pg::PgConnection::open(db_url);
        EXPECT_EQ(pg_scalar(*db, "SELECT count(*) FROM counter"), std::to_string(kMigrations));
        EXPECT_EQ(pg_scalar(*db, "SELECT count(DISTINCT name) FROM counter"), std::to_string(kMigrations));
        EXPECT_EQ(pg_scalar(*db, "SELECT count(*) FROM drizzle.__drizzle_migrations"), std::to_string(kMigrations));
        EXPECT_EQ(pg_scalar(*db, "SELECT count(DISTINCT created_at) FROM drizzle.__drizzle_migrations"),
                  std::to_string(kMigrations));
        if (HasFailure()) return;
    }
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count();
    std::cout << "[ timing ] " << kRounds << " rounds x " << kProcesses << " drizzle-kit processes x "
              << kMigrations << " migrations: " << ms << " ms (" << ms / kRounds << " ms per round)\n";
}

TEST_F(PgConcurrencyTest, KilledMigratorLeavesNothingAndReleasesTheLock) {
    TempDir dir("pg-kill");
    const fs::path out = dir / "drizzle";
    write_v1_migration(out, 0, "k0", "CREATE TABLE k0 (x int);");
    write_v1_migration(out, 1, "k1", "CREATE TABLE k1 (x int);--> statement-breakpoint\nSELECT pg_sleep(5);");
    write_v1_migration(out, 2, "k2", "CREATE TABLE k2 (x int);");
    const std::vector<std::string> args = {"migrate", "--dialect", "postgresql", "--url", url(), "--out", out.string()};

    pid_t pid = spawn_kit(args, dir / "killed.txt", -1, -1);
    ASSERT_GT(pid, 0);
    // Kill once it is inside pg_sleep (about 1 s at most), with k0 and k1 created but uncommitted.
    auto db = connect();
    const auto deadline = Clock::now() + std::chrono::seconds(10);
    while (pg_scalar(*db,
                     "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE "
                     "'%SELECT pg_sleep(5)%' AND state = 'active' AND pid <> pg_backend_pid()") != "1") {
        ASSERT_LT(Clock::now(), deadline) << read_file(dir / "killed.txt");
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    ASSERT_EQ(::kill(pid, SIGKILL), 0);
    EXPECT_EQ(wait_exit_code(pid), 128 + SIGKILL);

    // Nothing of the killed transaction is visible; the bookkeeping table (committed before) is empty.
    EXPECT_EQ(pg_scalar(*db, "SELECT count(*) FROM pg_class WHERE relname IN ('k0', 'k1', 'k2')"), "0");
    EXPECT_EQ(pg_scalar(*db, "SELECT count(*) FROM drizzle.__drizzle_migrations"), "0");

    // The orphaned backend ends when it finds its client gone (within a second on PostgreSQL 14+,
    // which checks the socket during pg_sleep; when pg_sleep returns before); its lock goes with
    // it, so a rerun (waiting up to --lock-timeout) completes.
    const auto rerun_start = Clock::now();
    std::string output;
    EXPECT_EQ(run_kit(dir.path(), args, output), 0) << output;
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - rerun_start).count();
    std::cout << "[ timing ] rerun after kill -9 completed in " << ms << " ms (lock wait + pg_sleep(5))\n";
    EXPECT_LT(ms, db->server_version() >= 140000 ? 8000 : 12000) << "the killed migrator's lock was held too long";
    EXPECT_EQ(pg_scalar(*db, "SELECT string_agg(name, ',' ORDER BY id) FROM drizzle.__drizzle_migrations"),
              "20250101000000_k0,20250101000001_k1,20250101000002_k2");
    EXPECT_EQ(pg_scalar(*db, "SELECT count(*) FROM pg_class WHERE relname IN ('k0', 'k1', 'k2')"), "3");
}

}  // namespace
}  // namespace drizzle::test
