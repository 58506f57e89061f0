// Small file-system helpers shared by the modules.
#pragma once

#include <filesystem>
#include <string>

namespace drizzle::detail {

/// The whole file as bytes. Throws UserError "cannot read <path>" when it cannot be opened.
std::string read_file_bytes(const std::filesystem::path& path);

/// `path` as messages name it: relative to `dir` (with '/'), or whole when it lies outside `dir`.
std::string path_in_folder(const std::filesystem::path& path, const std::filesystem::path& dir);

}  // namespace drizzle::detail
