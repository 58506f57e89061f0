// Private pieces of the config loader, shared by its source files and its unit tests.
#pragma once

#include "drizzle/config/config.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace drizzle::config_detail {

using Json = nlohmann::ordered_json;

/// Where `${NAME}` and `process.env.NAME` get their values; std::nullopt = unset.
using EnvLookup = std::function<std::optional<std::string>(const std::string&)>;

/// The process environment.
std::optional<std::string> process_env(const std::string& name);

/// expand_env with an explicit lookup (the process environment plus what dotenv loaded).
std::string expand_env_with(const std::string& value, const std::string& where, const EnvLookup& env);

/// 1-based line and column (in characters, not bytes) of a byte offset in `text`.
struct SourcePos {
    int line = 1;
    int column = 1;
};
SourcePos position_of(std::string_view text, std::size_t offset);

/// Variables a config file loaded through dotenv (`import 'dotenv/config'`, `dotenv.config()`).
struct DotenvVars {
    std::map<std::string, std::string> fallback;  ///< used when the process has no such variable
    std::map<std::string, std::string> override;  ///< `config({ override: true })`: win over the process
};

/// `name` as a config sees it after dotenv ran: override, then the process, then fallback.
std::optional<std::string> lookup_with_dotenv(const DotenvVars& dotenv, const EnvLookup& env,
                                              const std::string& name);

/// What a .ts/.js config evaluates to: its default export as JSON, any dotenv variables, and
/// notes for the user (e.g. an import that is not evaluated).
struct TsConfigResult {
    Json value;
    DotenvVars dotenv;
    std::vector<std::string> warnings;
    /// Keys left out because the process.env variable they read is unset: key path
    /// ("dbCredentials.url") -> "process.env.DATABASE_URL (file:line:col) is not set".
    std::map<std::string, std::string> unset_keys;
};

/// Evaluates the literal subset of TypeScript a drizzle.config.ts uses. `label` (the file name)
/// prefixes every error, with line:column. `cwd` is where dotenv looks for `.env`.
TsConfigResult parse_ts_config(std::string_view text, const std::string& label, const EnvLookup& env,
                               const std::filesystem::path& cwd);

/// Parses drizzle.config.json (comments tolerated); errors carry label:line:column.
Json parse_json_config(std::string_view text, const std::string& label);

/// The one validator both file kinds go through: checks every known key's type and value,
/// expands `${NAME}`, and collects unknown keys as warnings.
Config config_from_json(const Json& root, const std::string& label, const EnvLookup& env);

/// Parses the text of a `.env` file the way the dotenv package does.
std::map<std::string, std::string> parse_dotenv(std::string_view text);

/// True when a path component holds glob syntax (`*`, `?`, `[`, `{`).
bool has_glob_chars(std::string_view component);
/// Matches one path component against a glob component (`*`, `?`, `[...]`); `*` and `?` do not
/// match a leading dot, as in the glob package drizzle-kit uses.
bool glob_match(std::string_view pattern, std::string_view name);
/// `a{b,c}d` -> `abd`, `acd` (nested braces allowed); a pattern without braces comes back alone.
std::vector<std::string> expand_braces(const std::string& pattern);

}  // namespace drizzle::config_detail
