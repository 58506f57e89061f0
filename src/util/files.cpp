// File-system helpers.
#include "util/files.hpp"

#include "drizzle/error.hpp"

#include <fstream>
#include <sstream>

namespace drizzle::detail {

std::string read_file_bytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw UserError("cannot read " + path.string());
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

std::string path_in_folder(const std::filesystem::path& path, const std::filesystem::path& dir) {
    std::error_code ec;
    const std::filesystem::path rel = std::filesystem::relative(path, dir, ec);
    if (ec || rel.empty() || rel.string().starts_with("..")) return path.string();
    return rel.generic_string();
}

}  // namespace drizzle::detail
