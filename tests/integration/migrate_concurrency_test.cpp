// Two processes migrating the same SQLite file at once: each migration is applied exactly once.
#include "drizzle/dialect/sqlite_connection.hpp"
#include "drizzle/migrate/folder.hpp"
#include "drizzle/migrate/migrator.hpp"
#include "integration/migrate_support.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <exception>

#include <sys/wait.h>
#include <unistd.h>

namespace drizzle::test {
namespace {

namespace fs = std::filesystem;

constexpr int kMigrations = 20;

/// 20 migrations; each inserts its name into `counter` (no unique key, so a second application
/// shows as a duplicate row rather than failing), every other one also creates a table.
void make_folder(const fs::path& dir, FolderLayout layout) {
    MigrationsFolder folder{dir, layout, {}};
    for (int i = 0; i < kMigrations; ++i) {
        NewMigration m;
        m.name = "m" + std::to_string(i);
        m.sql = (i == 0 ? std::string("CREATE TABLE counter (name text);--> statement-breakpoint\n") : "") +
                (i % 2 == 0 ? "CREATE TABLE t" + std::to_string(i) + " (x integer);--> statement-breakpoint\n"
                            : "") +
                "INSERT INTO counter VALUES ('" + m.name + "');";
        m.snapshot_json = "{}";
        write_migration(folder, m, 1'700'000'000'000 + i * 1000LL);
    }
}

/// Runs in the forked child: waits for the start signal, migrates, reports through the exit code.
[[noreturn]] void child(int start_fd, const fs::path& db_path, const fs::path& folder, TxMode mode) {
    int code = 0;
    try {
        char go = 0;
        if (::read(start_fd, &go, 1) < 0) std::_Exit(3);
        auto db = sqlite::SqliteConnection::open(db_path.string());
        MigrateOptions options;
        options.folder = folder;
        options.tx_mode = mode;
        options.lock_timeout_ms = 30000;
        migrate(*db, options);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "child %d: %s\n", static_cast<int>(::getpid()), e.what());
        code = 1;
    } catch (...) {
        code = 2;
    }
    std::_Exit(code);  // no gtest teardown, no atexit handlers in the child
}

void race(FolderLayout layout, TxMode mode, int round) {
    SCOPED_TRACE("round " + std::to_string(round));
    TempDir dir("migrate-race");
    const fs::path folder = dir / "drizzle";
    const fs::path db_path = dir / "local.db";
    make_folder(folder, layout);

    int pipe_fds[2];
    ASSERT_EQ(::pipe(pipe_fds), 0);
    pid_t pids[2];
    for (pid_t& pid : pids) {
        pid = ::fork();
        ASSERT_GE(pid, 0);
        if (pid == 0) {
            ::close(pipe_fds[1]);
            child(pipe_fds[0], db_path, folder, mode);
        }
    }
    ::close(pipe_fds[0]);
    ::close(pipe_fds[1]);  // EOF releases both children at once
    for (pid_t pid : pids) {
        int status = 0;
        ASSERT_EQ(::waitpid(pid, &status, 0), pid);
        EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "child exit status " << status;
    }

    auto db = sqlite::SqliteConnection::open(db_path.string());
    EXPECT_EQ(scalar(*db, "SELECT count(*) FROM counter"), std::to_string(kMigrations));
    EXPECT_EQ(scalar(*db, "SELECT count(DISTINCT name) FROM counter"), std::to_string(kMigrations));
    EXPECT_EQ(scalar(*db, "SELECT count(*) FROM __drizzle_migrations"), std::to_string(kMigrations));
    EXPECT_EQ(scalar(*db, "SELECT count(DISTINCT created_at) FROM __drizzle_migrations"),
              std::to_string(kMigrations));
}

TEST(MigrateConcurrency, TwoProcessesApplyEachMigrationOnce) {
    for (int round = 0; round < 10; ++round) {
        FolderLayout layout = round < 6 ? FolderLayout::v1 : FolderLayout::legacy;
        TxMode mode = round % 2 == 0 ? TxMode::all : TxMode::file;
        race(layout, mode, round);
        if (HasFatalFailure()) return;
    }
}

}  // namespace
}  // namespace drizzle::test
