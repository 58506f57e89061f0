// `${NAME}` expansion in config values, from the process environment (plus dotenv variables).
#include "config/config_detail.hpp"
#include "drizzle/error.hpp"

#include <cctype>
#include <cstdlib>

namespace drizzle {

namespace config_detail {

std::optional<std::string> process_env(const std::string& name) {
    const char* value = std::getenv(name.c_str());
    if (value == nullptr) return std::nullopt;
    return std::string(value);
}

std::optional<std::string> lookup_with_dotenv(const DotenvVars& dotenv, const EnvLookup& env,
                                              const std::string& name) {
    if (auto it = dotenv.override.find(name); it != dotenv.override.end()) return it->second;
    if (auto value = env(name)) return value;
    if (auto it = dotenv.fallback.find(name); it != dotenv.fallback.end()) return it->second;
    return std::nullopt;
}

namespace {
bool valid_env_name(std::string_view name) {
    if (name.empty() || std::isdigit(static_cast<unsigned char>(name[0]))) return false;
    for (char c : name) {
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') return false;
    }
    return true;
}
}  // namespace

std::string expand_env_with(const std::string& value, const std::string& where, const EnvLookup& env) {
    // The value itself is never quoted in these messages: it may be a password or hold one.
    std::string out;
    out.reserve(value.size());
    std::size_t i = 0;
    while (i < value.size()) {
        if (value[i] != '$' || i + 1 >= value.size() || value[i + 1] != '{') {
            out += value[i++];
            continue;
        }
        auto close = value.find('}', i + 2);
        if (close == std::string::npos) {
            throw UserError(where + ": unterminated '${' (write ${NAME} to use an environment variable)");
        }
        std::string name = value.substr(i + 2, close - i - 2);
        if (!valid_env_name(name)) {
            throw UserError(where +
                            ": '${...}' must hold an environment variable name "
                            "(letters, digits and _)");
        }
        auto found = env(name);
        if (!found) throw UserError(where + ": environment variable " + name + " is not set");
        out += *found;
        i = close + 1;
    }
    return out;
}

}  // namespace config_detail

std::string expand_env(const std::string& value, const std::string& where) {
    return config_detail::expand_env_with(value, where, config_detail::process_env);
}

}  // namespace drizzle
