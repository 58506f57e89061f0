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

}  // namespace drizzle::detail
