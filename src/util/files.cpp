// File-system helpers.
#include "util/files.hpp"

#include "drizzle/error.hpp"

#include <fstream>
#include <sstream>

namespace drizzle::detail {

std::string read_file_bytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw UserError("cannot read " + path.string());
    // One read of the size the file has: streaming a 5 MB snapshot through a stringstream cost
    // a tenth of generate. Whatever has no size (a pipe) or grew meanwhile is read to the end.
    std::string out;
    std::error_code no_size;
    const auto size = std::filesystem::is_regular_file(path, no_size) ? std::filesystem::file_size(path, no_size) : 0;
    if (!no_size && size > 0) {
        out.resize(size);
        in.read(out.data(), static_cast<std::streamsize>(size));
        out.resize(static_cast<std::size_t>(in.gcount()));
    }
    if (in.peek() != std::char_traits<char>::eof()) {
        std::ostringstream rest;
        rest << in.rdbuf();
        out += rest.str();
    }
    if (in.bad()) throw UserError("cannot read " + path.string());
    return out;
}

std::string path_in_folder(const std::filesystem::path& path, const std::filesystem::path& dir) {
    std::error_code ec;
    const std::filesystem::path rel = std::filesystem::relative(path, dir, ec);
    if (ec || rel.empty() || rel.string().starts_with("..")) return path.string();
    return rel.generic_string();
}

}  // namespace drizzle::detail
