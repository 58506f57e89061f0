// Config paths: `out` and the `schema` globs, resolved against the config's folder.
#include "config/config_detail.hpp"
#include "drizzle/error.hpp"

#include <set>
#include <system_error>

namespace drizzle {

namespace fs = std::filesystem;
using config_detail::expand_braces;
using config_detail::glob_match;
using config_detail::has_glob_chars;

namespace {

fs::path resolve(const fs::path& base, const std::string& relative) {
    fs::path p = (base.empty() ? fs::path(relative) : base / relative).lexically_normal();
    if (!p.has_filename() && p.has_parent_path() && p != p.root_path()) p = p.parent_path();  // "out/"
    return p;
}

// A folder stands for the files directly in it, as in drizzle-kit's prepareFilenames.
void add_match(const fs::path& p, std::set<fs::path>& out) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
        for (const auto& entry :
             fs::directory_iterator(p, fs::directory_options::skip_permission_denied, ec)) {
            if (entry.is_regular_file(ec)) out.insert(entry.path());
        }
    } else if (fs::exists(p, ec)) {
        out.insert(p);
    }
}

void walk(const fs::path& dir, const std::vector<std::string>& parts, std::size_t index,
          std::set<fs::path>& out) {
    if (index == parts.size()) {
        add_match(dir, out);
        return;
    }
    std::error_code ec;
    const std::string& part = parts[index];
    if (part == "**") {
        walk(dir, parts, index + 1, out);  // zero folders
        for (const auto& entry :
             fs::directory_iterator(dir, fs::directory_options::skip_permission_denied, ec)) {
            // Symlinked folders are not followed, so a link cycle cannot recurse forever.
            auto name = entry.path().filename().string();
            if (!name.empty() && name[0] != '.' && entry.is_directory(ec) && !entry.is_symlink(ec)) {
                walk(entry.path(), parts, index, out);
            }
        }
    } else if (has_glob_chars(part)) {
        for (const auto& entry :
             fs::directory_iterator(dir, fs::directory_options::skip_permission_denied, ec)) {
            if (!glob_match(part, entry.path().filename().string())) continue;
            if (index + 1 == parts.size()) {
                add_match(entry.path(), out);
            } else if (entry.is_directory(ec)) {
                walk(entry.path(), parts, index + 1, out);
            }
        }
    } else if (fs::exists(dir / part, ec)) {
        walk(dir / part, parts, index + 1, out);
    }
}

void expand_pattern(const fs::path& pattern, std::set<fs::path>& out) {
    // The literal folders before the first glob component are the walk's starting point.
    fs::path start = pattern.root_path();
    std::vector<std::string> parts;
    for (const auto& component : pattern.relative_path()) {
        if (parts.empty() && !has_glob_chars(component.string())) {
            start /= component;
        } else {
            parts.push_back(component.string());
        }
    }
    if (start.empty()) start = ".";
    std::error_code ec;
    if (!fs::exists(start, ec)) return;
    walk(start, parts, 0, out);
}

}  // namespace

fs::path Config::out_dir() const {
    return resolve(base_dir, out);
}

std::vector<fs::path> Config::schema_paths() const {
    std::set<fs::path> found;
    for (const auto& entry : schema) {
        std::set<fs::path> matched;
        for (const auto& alternative : expand_braces(entry))
            expand_pattern(resolve(base_dir, alternative), matched);
        if (matched.empty()) {
            std::string label = file.empty() ? std::string("config") : file.string();
            throw UserError(label + ": \"schema\" pattern '" + entry + "' matched no files");
        }
        found.insert(matched.begin(), matched.end());
    }
    return {found.begin(), found.end()};
}

}  // namespace drizzle
