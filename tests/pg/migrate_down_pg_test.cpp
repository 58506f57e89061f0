// `drizzle-kit migrate down` on PostgreSQL: one step, a failing down statement changing nothing,
// drift refused until --force, --dry-run, re-applying, and down serialised with migrate on the lock.
#include "pg/pg_support.hpp"
#include "support/down_files.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <chrono>
#include <thread>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace drizzle::test {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

const char* kUsers = "CREATE TABLE users (id integer PRIMARY KEY, name text);\n";
const char* kPosts = "CREATE TABLE posts (id integer PRIMARY KEY, user_id integer REFERENCES users(id), title text);\n";
const char* kUsersV3 = "CREATE TABLE users (id integer PRIMARY KEY, name text NOT NULL, bio text);\n";

class MigrateDownPg : public PgTest {
protected:
    std::unique_ptr<TempDir> dir;
    std::vector<std::string> names;

    void SetUp() override {
        PgTest::SetUp();
        if (IsSkipped() || HasFatalFailure()) return;
        dir = std::make_unique<TempDir>("pg-migrate-down");
        nlohmann::json config = {{"dialect", "postgresql"},
                                 {"schema", "./schema.sql"},
                                 {"out", "./drizzle"},
                                 {"dbCredentials", {{"url", url()}}}};
        write_file(*dir / "drizzle.config.json", config.dump(2));
        generate(kUsers, "users");
        generate(std::string(kUsers) + kPosts, "posts");
        generate(std::string(kUsersV3) + kPosts, "bio");
        write_down_files(*dir / "drizzle", Dialect::postgresql);
        for (const auto& entry : MigrationsFolder::read(*dir / "drizzle").entries)
            names.push_back(entry.name);
        ASSERT_EQ(names.size(), 3u);
    }

    void generate(const std::string& schema, const std::string& name) {
        write_file(*dir / "schema.sql", schema);
        std::string out;
        ASSERT_EQ(kit({"generate", "--name", name}, out), 0) << out;
    }

    int kit(const std::vector<std::string>& args, std::string& output) { return run_kit(dir->path(), args, output); }

    void migrate_and_seed() {
        std::string out;
        ASSERT_EQ(kit({"migrate"}, out), 0) << out;
        auto db = connect();
        db->exec("INSERT INTO users (id, name, bio) VALUES (1, 'ann', 'hi')");
        db->exec("INSERT INTO posts (id, user_id, title) VALUES (10, 1, 'first')");
    }

    /// Catalog, bookkeeping rows and data, as text.
    std::string state() {
        auto db = connect();
        std::string text;
        for (const auto& line : pg_catalog_lines(*db))
            text += line + "\n";
        text += pg_dump_table_tsv(*db, "drizzle", "__drizzle_migrations");
        for (const std::string table : {"users", "posts"}) {
            if (pg_scalar(*db, "SELECT to_regclass('public." + table + "') IS NOT NULL") != "t") continue;
            for (const auto& row : db->query("SELECT * FROM " + table + " ORDER BY id")) {
                for (const auto& cell : row)
                    text += cell.value_or("NULL") + "|";
                text += "\n";
            }
        }
        return text;
    }

    std::string recorded() {
        auto db = connect();
        std::string text;
        for (const auto& row : db->query("SELECT hash, created_at, name FROM drizzle.__drizzle_migrations ORDER BY id"))
            text += row[0].value_or("NULL") + "|" + row[1].value_or("NULL") + "|" + row[2].value_or("NULL") + "\n";
        return text;
    }

    fs::path down_of(std::size_t i) { return *dir / "drizzle" / names[i] / "down.sql"; }
};

TEST_F(MigrateDownPg, OneStepThenAFailingStatementChangesNothing) {
    migrate_and_seed();
    std::string out;
    ASSERT_EQ(kit({"migrate", "down"}, out), 0) << out;
    EXPECT_NE(out.find("1 migration(s) rolled back: " + names[2]), std::string::npos) << out;
    auto db = connect();
    EXPECT_EQ(pg_scalar(*db, "SELECT count(*) FROM information_schema.columns WHERE table_name = 'users' AND "
                             "column_name = 'bio'"),
              "0");
    EXPECT_EQ(pg_scalar(*db, "SELECT title FROM posts WHERE user_id = 1"), "first");
    EXPECT_EQ(pg_scalar(*db, "SELECT count(*) FROM drizzle.__drizzle_migrations"), "2");

    // Migration 2's down (hand-written) drops posts, then fails: nothing of it stays.
    write_file(down_of(1), "DROP TABLE \"posts\";\n--> statement-breakpoint\nALTER TABLE \"nope\" ADD COLUMN x int;\n");
    const std::string before = state();
    EXPECT_EQ(kit({"migrate", "down", "--steps", "2"}, out), 1) << out;
    EXPECT_NE(out.find("while rolling back " + names[1] + " (" + names[1] + "/down.sql), statement 2"),
              std::string::npos)
        << out;
    EXPECT_NE(out.find("\"nope\""), std::string::npos) << out;
    EXPECT_EQ(state(), before);
}

TEST_F(MigrateDownPg, DriftIsRefusedUntilForce) {
    migrate_and_seed();
    connect()->exec("ALTER TABLE posts ADD COLUMN by_hand int");
    const std::string before = state();
    std::string out;
    EXPECT_EQ(kit({"migrate", "down"}, out), 1) << out;
    EXPECT_NE(out.find("column \"posts\".\"by_hand\" exists in the database but not in the migrations"),
              std::string::npos)
        << out;
    EXPECT_EQ(state(), before);
    ASSERT_EQ(kit({"migrate", "down", "--force"}, out), 0) << out;
    EXPECT_NE(out.find("rolling back anyway (--force)"), std::string::npos) << out;
    EXPECT_EQ(pg_scalar(*connect(), "SELECT count(*) FROM drizzle.__drizzle_migrations"), "2");
}

TEST_F(MigrateDownPg, DryRunChangesNothingAndMigrateReappliesTheSameRows) {
    migrate_and_seed();
    const std::string before = state();
    const std::string original = recorded();
    std::string out;
    ASSERT_EQ(kit({"migrate", "down", "--to", names[0], "--dry-run"}, out), 0) << out;
    EXPECT_NE(out.find("Roll back 2 migration(s), newest first:"), std::string::npos) << out;
    EXPECT_NE(out.find("-- " + names[2] + "/down.sql\n" + read_file(down_of(2))), std::string::npos) << out;
    EXPECT_EQ(state(), before);

    ASSERT_EQ(kit({"migrate", "down", "--to", names[0]}, out), 0) << out;
    EXPECT_EQ(pg_scalar(*connect(), "SELECT to_regclass('public.posts') IS NULL"), "t");
    ASSERT_EQ(kit({"migrate"}, out), 0) << out;
    EXPECT_NE(out.find("2 migration(s) applied"), std::string::npos) << out;
    EXPECT_EQ(recorded(), original);
}

// A `-- drizzle:txmode none` down file runs outside the transaction; the one before it still runs
// in a transaction of its own, and both rows go.
TEST_F(MigrateDownPg, TxmodeNoneDownFileRunsOutsideTheTransaction) {
    migrate_and_seed();
    write_file(down_of(2), "-- drizzle:txmode none\nALTER TABLE \"users\" DROP COLUMN \"bio\";\n--> "
                           "statement-breakpoint\nALTER TABLE \"users\" ALTER COLUMN \"name\" DROP NOT NULL;\n");
    std::string out;
    ASSERT_EQ(kit({"migrate", "down", "--steps", "2"}, out), 0) << out;
    EXPECT_NE(out.find("2 migration(s) rolled back: " + names[2] + " (2 statements), " + names[1]), std::string::npos)
        << out;
    auto db = connect();
    EXPECT_EQ(pg_scalar(*db, "SELECT string_agg(name, ',') FROM drizzle.__drizzle_migrations"), names[0]);
    EXPECT_EQ(pg_scalar(*db, "SELECT to_regclass('public.posts') IS NULL"), "t");
    EXPECT_EQ(pg_scalar(*db, "SELECT is_nullable FROM information_schema.columns WHERE table_name = 'users' AND "
                             "column_name = 'name'"),
              "YES");
}

pid_t spawn_kit(const fs::path& cwd, const std::vector<std::string>& args, const fs::path& log) {
    std::vector<std::string> storage = {DRIZZLE_KIT_EXE};
    storage.insert(storage.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : storage)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    const std::string log_path = log.string();
    const std::string dir = cwd.string();
    pid_t pid = ::fork();
    if (pid != 0) return pid;
    int fd = ::open(log_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd >= 0) {
        ::dup2(fd, STDOUT_FILENO);
        ::dup2(fd, STDERR_FILENO);
    }
    if (::chdir(dir.c_str()) != 0) ::_exit(92);
    ::execv(argv[0], argv.data());
    ::_exit(91);
}

int wait_exit_code(pid_t pid) {
    int status = 0;
    if (::waitpid(pid, &status, 0) != pid) return -1;
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    return WIFSIGNALED(status) ? 128 + WTERMSIG(status) : -1;
}

// A `migrate` holding the lock (its migration sleeps) makes a `migrate down` started meanwhile
// wait; the down then reads the rows under the lock and rolls back what migrate just applied.
// Without the lock it would have read the rows before and rolled back the migration before it.
TEST_F(MigrateDownPg, ConcurrentDownWaitsForMigrateOnTheLock) {
    std::string out;
    ASSERT_EQ(kit({"migrate"}, out), 0) << out;
    ASSERT_EQ(kit({"migrate", "down"}, out), 0) << out; // names[2] is pending again
    const fs::path up = *dir / "drizzle" / names[2] / "migration.sql";
    write_file(up, read_file(up) + "\n--> statement-breakpoint\nSELECT pg_sleep(2);");

    pid_t migrator = spawn_kit(dir->path(), {"migrate"}, *dir / "migrate.txt");
    ASSERT_GT(migrator, 0);
    auto db = connect();
    const auto deadline = Clock::now() + std::chrono::seconds(20);
    while (pg_scalar(*db, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE "
                          "'%SELECT pg_sleep(2)%' AND state = 'active' AND pid <> pg_backend_pid()") != "1") {
        ASSERT_LT(Clock::now(), deadline) << read_file(*dir / "migrate.txt");
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    pid_t down = spawn_kit(dir->path(), {"migrate", "down"}, *dir / "down.txt");
    ASSERT_GT(down, 0);
    EXPECT_EQ(wait_exit_code(migrator), 0) << read_file(*dir / "migrate.txt");
    EXPECT_EQ(wait_exit_code(down), 0) << read_file(*dir / "down.txt");
    const std::string down_out = read_file(*dir / "down.txt");
    EXPECT_NE(down_out.find("rolled back " + names[2]), std::string::npos) << down_out;
    EXPECT_EQ(pg_scalar(*db, "SELECT string_agg(name, ',' ORDER BY id) FROM drizzle.__drizzle_migrations"),
              names[0] + "," + names[1]);
    EXPECT_EQ(pg_scalar(*db, "SELECT count(*) FROM information_schema.columns WHERE table_name = 'users' AND "
                             "column_name = 'bio'"),
              "0");
    EXPECT_EQ(pg_scalar(*db, "SELECT to_regclass('public.posts') IS NOT NULL"), "t");
}

} // namespace
} // namespace drizzle::test
