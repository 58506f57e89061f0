// Undoable renames and temp names for the folder rewrites of `up` and `drop`.
#include "kit/file_moves.hpp"

#include "drizzle/error.hpp"

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include <unistd.h>

namespace drizzle::kit_internal {

namespace fs = std::filesystem;

namespace {

std::string unique_suffix() {
    static std::atomic<unsigned> counter{0};
    return std::to_string(::getpid()) + "-" + std::to_string(counter++);
}

} // namespace

void FileMoves::move(const fs::path& from, const fs::path& to) {
    std::error_code ec;
    if (fs::exists(to, ec)) throw Error("cannot move " + from.string() + " to " + to.string() + ": it exists");
    if (std::rename(from.c_str(), to.c_str()) != 0) {
        throw Error("cannot move " + from.string() + " to " + to.string() + ": " + std::strerror(errno));
    }
    done_.emplace_back(from, to);
}

void FileMoves::undo() noexcept {
    for (auto it = done_.rbegin(); it != done_.rend(); ++it)
        std::rename(it->second.c_str(), it->first.c_str());
    done_.clear();
}

fs::path sibling_temp_path(const fs::path& dir, const std::string& what) {
    fs::path absolute = fs::absolute(dir).lexically_normal();
    if (absolute.filename().empty()) absolute = absolute.parent_path();
    return absolute.parent_path() / ("." + absolute.filename().string() + "." + what + "-" + unique_suffix());
}

fs::path inner_temp_path(const fs::path& dir, const std::string& what) {
    return dir / ("." + what + "-" + unique_suffix());
}

} // namespace drizzle::kit_internal
