// Renames that can be undone: how `up` and `drop` change a migrations folder all or nothing.
#pragma once

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace drizzle::kit_internal {

/// Records each rename it performs; undo() renames everything back, newest first. Callers move
/// the old files aside and the new ones into place through it, then either commit (forget) or,
/// on any error, undo, leaving the folder as it was.
class FileMoves {
public:
    /// rename(from, to); throws Error naming both paths. Refuses when `to` exists (a rename onto
    /// an empty folder would otherwise silently replace it).
    void move(const std::filesystem::path& from, const std::filesystem::path& to);
    /// Best effort: renames back every move, newest first; errors are ignored (nothing better to do).
    void undo() noexcept;

private:
    std::vector<std::pair<std::filesystem::path, std::filesystem::path>> done_;
};

/// A hidden path beside `dir` (same file system, so renames stay renames):
/// `<parent>/.<dir name>.<what>-<pid>-<n>`.
std::filesystem::path sibling_temp_path(const std::filesystem::path& dir, const std::string& what);

/// A hidden path inside `dir`: `<dir>/.<what>-<pid>-<n>` (skipped when the folder is read).
std::filesystem::path inner_temp_path(const std::filesystem::path& dir, const std::string& what);

} // namespace drizzle::kit_internal
