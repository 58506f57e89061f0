// Helpers shared by the test tiers: temp folders, file IO, fixture paths.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

namespace drizzle {
class Connection;
}

namespace drizzle::test {

/// A fresh directory under the system temp dir, removed when the object dies
/// (kept when DRIZZLE_KEEP_TEST_DIRS is set, for debugging).
class TempDir {
public:
    explicit TempDir(const std::string& prefix = "drizzle-test");
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::string& child) const { return path_ / child; }

private:
    std::filesystem::path path_;
};

/// Whole-file read (binary); throws when missing.
std::string read_file(const std::filesystem::path& path);
/// Whole-file write (binary), creating parent folders.
void write_file(const std::filesystem::path& path, const std::string& content);

/// tests/fixtures/<relative>.
std::filesystem::path fixture(const std::string& relative);

/// Golden scenario folders under tests/golden/<dialect>/ (those holding a next.sql), relative to
/// it, sorted: "columns/add_column", ...
std::vector<std::string> golden_cases(const std::string& dialect);

/// The folder of a golden case: tests/golden/<dialect>/<name>.
std::filesystem::path golden_case_dir(const std::string& dialect, const std::string& name);

/// A gtest parameter name for a golden case ("columns/add_column" -> "columns_add_column").
std::string golden_case_test_name(const ::testing::TestParamInfo<std::string>& info);

/// A file's contents, or "" when it does not exist (a case's optional prev.sql, seed.sql, ...).
std::string optional_file(const std::filesystem::path& path);

/// Runs each line of `path` (if the file exists; blank lines and `--` comments skipped) on
/// `connection` and expects every one to fail: what a migrated schema must refuse (a NULL key,
/// a duplicate value, a row breaking a check). Nothing it runs succeeds, so nothing changes.
void expect_statements_refused(Connection& connection, const std::filesystem::path& path);

/// Runs a shell command, returns its exit code; stdout+stderr go to `output`.
int run_command(const std::string& command, std::string& output);

}  // namespace drizzle::test
