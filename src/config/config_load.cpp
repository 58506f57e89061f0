// Reading a config file: finding it, choosing the parser by extension, then the shared validator.
#include "config/config_detail.hpp"
#include "config/ts_lexer.hpp"
#include "drizzle/error.hpp"

#include <fstream>
#include <sstream>

namespace drizzle {

namespace fs = std::filesystem;

namespace config_detail {

SourcePos position_of(std::string_view text, std::size_t offset) {
    SourcePos pos;
    offset = std::min(offset, text.size());
    for (std::size_t i = 0; i < offset; ++i) {
        if (text[i] == '\n') {
            ++pos.line;
            pos.column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++pos.column;  // UTF-8 continuation bytes do not start a new character
        }
    }
    return pos;
}

Json parse_json_config(std::string_view text, const std::string& label) {
    try {
        return Json::parse(text.begin(), text.end(), nullptr, true, /*ignore_comments=*/true);
    } catch (const Json::parse_error& e) {
        // nlohmann's text is "[json.exception.parse_error.101] parse error at line 1, column 2:
        // <what>; last read: '<text>'". The last-read part may be a piece of a password: dropped.
        std::string detail = e.what();
        if (auto at = detail.find("parse error"); at != std::string::npos) {
            if (auto colon = detail.find(": ", at); colon != std::string::npos) detail.erase(0, colon + 2);
        }
        if (auto last = detail.find("; last read"); last != std::string::npos) detail.erase(last);
        std::size_t offset = e.byte == 0 ? 0 : e.byte - 1;
        throw UserError(located(text, label, offset, "invalid JSON: " + detail));
    }
}

}  // namespace config_detail

namespace {

bool is_script(const fs::path& file) {
    auto ext = file.extension().string();
    return ext == ".ts" || ext == ".js" || ext == ".mts" || ext == ".cts" || ext == ".mjs" || ext == ".cjs";
}

std::string read_text(const fs::path& file, const std::string& label) {
    std::error_code ec;
    if (!fs::exists(file, ec)) throw UserError(label + ": config file not found");
    if (fs::is_directory(file, ec)) throw UserError(label + ": is a folder, not a config file");
    std::ifstream in(file, std::ios::binary);
    if (!in) throw UserError(label + ": cannot read the config file");
    std::ostringstream text;
    text << in.rdbuf();
    std::string content = text.str();
    if (content.compare(0, 3, "\xEF\xBB\xBF") == 0) content.erase(0, 3);  // BOM
    return content;
}

}  // namespace

Config load_config(const fs::path& file) {
    using namespace config_detail;
    const std::string label = file.string();
    auto ext = file.extension().string();
    if (ext != ".json" && !is_script(file)) {
        throw UserError(label + ": unsupported config file type '" + ext + "'; expected .ts, .js or .json");
    }
    std::string text = read_text(file, label);

    Json root;
    TsConfigResult script;
    if (ext == ".json") {
        root = parse_json_config(text, label);
    } else {
        script = parse_ts_config(text, label, process_env, fs::current_path());
        root = std::move(script.value);
    }
    // `${NAME}` sees what dotenv loaded too, with dotenv's precedence.
    const DotenvVars& dotenv = script.dotenv;
    EnvLookup env = [&dotenv](const std::string& name) {
        return lookup_with_dotenv(dotenv, process_env, name);
    };
    if (!root.is_object() || !root.contains("dialect")) {
        if (auto it = script.unset_keys.find("dialect"); it != script.unset_keys.end()) {
            throw UserError(label + ": \"dialect\" is required; " + it->second);
        }
    }
    Config config = config_from_json(root, label, env);
    config.unset_env = script.unset_keys;
    config.file = file;
    config.base_dir = fs::absolute(file).parent_path().lexically_normal();
    config.warnings.insert(config.warnings.begin(), script.warnings.begin(), script.warnings.end());
    return config;
}

std::string Config::unset_env_hint(const std::string& key) const {
    auto it = unset_env.find(key);
    return it == unset_env.end() ? std::string() : "; " + it->second;
}

std::optional<fs::path> find_default_config(const fs::path& dir) {
    for (const char* name : {"drizzle.config.ts", "drizzle.config.js", "drizzle.config.json"}) {
        std::error_code ec;
        fs::path candidate = dir / name;
        if (fs::is_regular_file(candidate, ec)) return candidate;
    }
    return std::nullopt;
}

}  // namespace drizzle
