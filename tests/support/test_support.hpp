// Helpers shared by the test tiers: temp folders, file IO, fixture paths.
#pragma once

#include <filesystem>
#include <string>

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

/// Runs a shell command, returns its exit code; stdout+stderr go to `output`.
int run_command(const std::string& command, std::string& output);

}  // namespace drizzle::test
