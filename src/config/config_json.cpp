// The config validator: drizzle-kit's keys, their types and values, from the JSON tree of either file kind.
#include "config/config_detail.hpp"
#include "drizzle/error.hpp"

#include <algorithm>
#include <functional>
#include <optional>
#include <utility>
#include <vector>

namespace drizzle::config_detail {

namespace {

std::string type_name(const Json& v) {
    switch (v.type()) {
    case Json::value_t::null: return "null";
    case Json::value_t::boolean: return "boolean";
    case Json::value_t::string: return "string";
    case Json::value_t::array: return "array";
    case Json::value_t::object: return "object";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float: return "number";
    default: return "value";
    }
}

std::string join(const std::vector<std::string>& items, const std::string& separator) {
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : separator) + item;
    return out;
}

const std::vector<std::string> kTopLevelKeys = {
    "dialect", "schema", "out", "dbCredentials", "driver", "migrations", "tablesFilter", "schemaFilter",
    "extensionsFilters", "strict", "verbose", "breakpoints", "casing", "introspect", "entities"};

std::string lowercase(std::string text) {
    for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

std::size_t edit_distance(const std::string& a, const std::string& b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

// The known key a misspelt one most likely meant, or nothing when none is close. Keys of other
// tools' configs that drizzle-kit spells differently are mapped by hand.
std::optional<std::string> nearest_key(const std::string& key, const std::vector<std::string>& known) {
    static const std::vector<std::pair<std::string, std::string>> renamed = {
        {"migrationsfolder", "out"},          {"migrationsdir", "out"},
        {"migrationstable", "migrations.table"}, {"migrationsschema", "migrations.schema"},
        {"credentials", "dbCredentials"},     {"connectionstring", "dbCredentials.url"},
        {"schemafilters", "schemaFilter"},    {"tablefilter", "tablesFilter"}};
    const std::string wanted = lowercase(key);
    for (const auto& [from, to] : renamed) {
        const std::string head = to.substr(0, to.find('.'));
        if (wanted == from && std::find(known.begin(), known.end(), head) != known.end()) return to;
    }
    std::optional<std::string> best;
    std::size_t best_distance = std::max<std::size_t>(2, wanted.size() / 3) + 1;
    for (const auto& candidate : known) {
        const std::size_t d = edit_distance(wanted, lowercase(candidate));
        if (d < best_distance) {
            best_distance = d;
            best = candidate;
        }
    }
    return best;
}

class Validator {
public:
    Validator(const std::string& label, const EnvLookup& env, Config& config)
        : label_(label), env_(env), config_(config) {}

    void run(const Json& root) {
        if (!root.is_object()) fail("the config must be an object (found " + type_name(root) + ")");
        for (const auto& [key, value] : root.items()) top_level(key, value);
        if (!root.contains("dialect")) fail("\"dialect\" is required (sqlite, postgresql or mysql)");
    }

private:
    [[noreturn]] void fail(const std::string& message) const { throw UserError(label_ + ": " + message); }

    [[noreturn]] void type_error(const std::string& key, const std::string& expected, const Json& v) const {
        fail("\"" + key + "\" must be " + expected + " (found " + type_name(v) + ")");
    }

    // `path` is the key as written ("dbCredentials.pasword"); `known` the keys of its object.
    void unknown(const std::string& path, const std::vector<std::string>& known) {
        const std::string prefix = path.substr(0, path.rfind('.') == std::string::npos ? 0 : path.rfind('.') + 1);
        std::string warning = "unknown key '" + path + "' in " + label_ + " (ignored)";
        if (auto guess = nearest_key(path.substr(prefix.size()), known)) {
            warning += "; did you mean '" + (guess->find('.') == std::string::npos ? prefix : "") + *guess + "'?";
        }
        config_.warnings.push_back(warning);
    }

    std::string string(const Json& v, const std::string& key) const {
        if (!v.is_string()) type_error(key, "a string", v);
        return expand_env_with(v.get<std::string>(), label_ + ": \"" + key + "\"", env_);
    }

    bool boolean(const Json& v, const std::string& key) const {
        if (v.is_string()) {
            // "${VERBOSE}" can only ever produce a string.
            std::string s = string(v, key);
            if (s == "true" || s == "false") return s == "true";
        }
        if (!v.is_boolean()) type_error(key, "a boolean (true or false)", v);
        return v.get<bool>();
    }

    std::vector<std::string> string_array(const Json& v, const std::string& key) const {
        if (!v.is_array()) type_error(key, "an array of strings", v);
        std::vector<std::string> out;
        for (std::size_t i = 0; i < v.size(); ++i) {
            out.push_back(string(v[i], key + "[" + std::to_string(i) + "]"));
        }
        return out;
    }

    std::vector<std::string> string_or_array(const Json& v, const std::string& key) const {
        if (v.is_string()) return {string(v, key)};
        if (!v.is_array()) type_error(key, "a string or an array of strings", v);
        return string_array(v, key);
    }

    // The values are not secrets (dialect names, casing styles), so they may be quoted.
    std::string one_of(const Json& v, const std::string& key, const std::vector<std::string>& allowed) const {
        std::string s = string(v, key);
        if (std::find(allowed.begin(), allowed.end(), s) == allowed.end()) {
            fail("\"" + key + "\" must be one of " + join(allowed, ", ") + " (found \"" + redact_url(s) +
                 "\")");
        }
        return s;
    }

    const Json& object(const Json& v, const std::string& key) const {
        if (!v.is_object()) type_error(key, "an object", v);
        return v;
    }

    void top_level(const std::string& key, const Json& v) {
        if (key == "dialect") {
            dialect(v);
        } else if (key == "schema") {
            config_.schema = string_or_array(v, key);
        } else if (key == "out") {
            config_.out = string(v, key);
        } else if (key == "dbCredentials") {
            credentials(object(v, key));
        } else if (key == "driver") {
            driver(v);
        } else if (key == "migrations") {
            migrations(object(v, key));
        } else if (key == "tablesFilter") {
            config_.tables_filter = string_or_array(v, key);
        } else if (key == "schemaFilter") {
            config_.schema_filter = string_or_array(v, key);
        } else if (key == "extensionsFilters") {
            config_.extensions_filters = string_array(v, key);
        } else if (key == "strict") {
            config_.strict = boolean(v, key);
        } else if (key == "verbose") {
            config_.verbose = boolean(v, key);
        } else if (key == "breakpoints") {
            config_.breakpoints = boolean(v, key);
        } else if (key == "casing") {
            config_.casing = one_of(v, key, {"camelCase", "snake_case"});
        } else if (key == "introspect") {
            for (const auto& [sub, value] : object(v, key).items()) {
                if (sub == "casing") {
                    config_.introspect_casing = one_of(value, "introspect.casing", {"camel", "preserve"});
                } else {
                    unknown("introspect." + sub, {"casing"});
                }
            }
        } else if (key == "entities") {
            for (const auto& [sub, value] : object(v, key).items()) {
                if (sub == "roles") {
                    roles(value);
                } else {
                    unknown("entities." + sub, {"roles"});
                }
            }
        } else {
            unknown(key, kTopLevelKeys);
        }
    }

    void dialect(const Json& v) {
        std::string name = string(v, "dialect");
        config_.dialect_name = name;
        config_.dialect = parse_dialect(name);
        if (config_.dialect) return;
        static const std::vector<std::string> elsewhere = {"singlestore", "gel", "mssql", "cockroach",
                                                           "duckdb"};
        if (std::find(elsewhere.begin(), elsewhere.end(), name) != elsewhere.end()) {
            fail("dialect \"" + name +
                 "\" is not supported by drizzle-cpp; valid dialects: sqlite, "
                 "postgresql, mysql (turso is read as sqlite)");
        }
        fail("unknown dialect \"" + redact_url(name) +
             "\"; valid dialects: sqlite, postgresql, mysql "
             "(turso is read as sqlite)");
    }

    void driver(const Json& v) {
        config_.driver = string(v, "driver");
        static const std::vector<std::string> known = {"aws-data-api", "pglite",         "d1-http",
                                                       "expo",         "durable-sqlite", "sqlite-cloud",
                                                       "turso",        "libsql",         "better-sqlite"};
        if (std::find(known.begin(), known.end(), *config_.driver) == known.end()) {
            config_.warnings.push_back("unknown driver '" + redact_url(*config_.driver) + "' in " + label_ +
                                       "; drizzle-kit knows " + join(known, ", "));
        }
    }

    int port(const Json& v) const {
        static const std::string key = "dbCredentials.port";
        static const std::string expected = "a port number between 1 and 65535";
        long long n = 0;
        if (v.is_number_integer() || v.is_number_unsigned()) {
            n = v.get<long long>();
        } else if (v.is_string()) {
            // drizzle-kit coerces, and `"${DB_PORT}"` only ever gives a string.
            std::string s = string(v, key);
            bool digits = !s.empty() && s.size() <= 5 &&
                          std::all_of(s.begin(), s.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
            if (!digits) fail("\"" + key + "\" must be " + expected);
            n = std::stoll(s);
        } else {
            type_error(key, expected, v);
        }
        if (n < 1 || n > 65535) fail("\"" + key + "\" must be " + expected);
        return static_cast<int>(n);
    }

    void credentials(const Json& v) {
        DbCredentials& c = config_.credentials;
        static const std::vector<std::string> extra = {"authToken", "accountId", "databaseId",
                                                       "token",     "secretArn", "resourceArn"};
        for (const auto& [key, value] : v.items()) {
            std::string path = "dbCredentials." + key;
            if (key == "url") {
                c.url = string(value, path);
            } else if (key == "host") {
                c.host = string(value, path);
            } else if (key == "port") {
                c.port = port(value);
            } else if (key == "user") {
                c.user = string(value, path);
            } else if (key == "password") {
                c.password = string(value, path);
            } else if (key == "database") {
                c.database = string(value, path);
            } else if (key == "ssl") {
                if (value.is_boolean()) {
                    c.ssl = value.get<bool>() ? "true" : "false";
                } else if (value.is_string()) {
                    c.ssl = string(value, path);
                } else if (value.is_object()) {
                    c.ssl = value.dump();  // e.g. {"rejectUnauthorized":false}, for the driver to read
                } else {
                    type_error(path, "a boolean, a string or an object", value);
                }
            } else if (std::find(extra.begin(), extra.end(), key) != extra.end()) {
                c.extra[key] = string(value, path);
            } else {
                std::vector<std::string> known = {"url", "host", "port", "user", "password", "database", "ssl"};
                known.insert(known.end(), extra.begin(), extra.end());
                unknown(path, known);
            }
        }
    }

    void migrations(const Json& v) {
        for (const auto& [key, value] : v.items()) {
            std::string path = "migrations." + key;
            if (key == "table") {
                config_.migrations_table = string(value, path);
            } else if (key == "schema") {
                config_.migrations_schema = string(value, path);
            } else if (key == "prefix") {
                config_.migrations_prefix =
                    one_of(value, path, {"index", "timestamp", "supabase", "unix", "none"});
            } else {
                unknown(path, {"table", "schema", "prefix"});
            }
        }
    }

    void roles(const Json& v) {
        RolesConfig& r = config_.roles;
        if (v.is_boolean()) {
            r.enabled = v.get<bool>();
            return;
        }
        if (!v.is_object()) type_error("entities.roles", "a boolean or an object", v);
        r.enabled = true;
        for (const auto& [key, value] : v.items()) {
            std::string path = "entities.roles." + key;
            if (key == "provider") {
                r.provider = one_of(value, path, {"supabase", "neon"});
            } else if (key == "include") {
                r.include = string_array(value, path);
            } else if (key == "exclude") {
                r.exclude = string_array(value, path);
            } else {
                unknown(path, {"provider", "include", "exclude"});
            }
        }
    }

    const std::string& label_;
    const EnvLookup& env_;
    Config& config_;
};

}  // namespace

Config config_from_json(const Json& root, const std::string& label, const EnvLookup& env) {
    Config config;
    Validator(label, env, config).run(root);
    return config;
}

}  // namespace drizzle::config_detail
