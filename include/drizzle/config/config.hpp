// drizzle.config.json / drizzle.config.ts: the keys of drizzle-kit's config, loaded and validated.
#pragma once

#include "drizzle/schema/model.hpp"

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace drizzle {

/// Database credentials: a URL, or the separate fields. `password` is never printed.
struct DbCredentials {
    std::optional<std::string> url;
    std::optional<std::string> host;
    std::optional<int> port;
    std::optional<std::string> user;
    std::optional<std::string> password;
    std::optional<std::string> database;
    std::optional<std::string> ssl;  ///< "true"/"false"/"require"/"prefer"/... as written;
                                     ///< an object is kept as compact JSON
    /// Driver-specific string keys drizzle-kit knows (authToken, accountId, databaseId, token,
    /// secretArn, resourceArn), by their config name. May hold secrets: never print them.
    std::map<std::string, std::string> extra;
    bool empty() const {
        return !url && !host && !port && !user && !password && !database && !ssl && extra.empty();
    }
    /// A printable description: the URL with its password redacted, or
    /// `user@host:port/database`. Never contains the password or driver secrets.
    std::string display() const;
};

/// `entities.roles`: whether `push`/`pull` manage roles, and which ones.
struct RolesConfig {
    bool enabled = false;
    std::optional<std::string> provider;  ///< "supabase" | "neon": their built-in roles are skipped
    std::vector<std::string> include;
    std::vector<std::string> exclude;
};

/// Everything drizzle.config says, after `${ENV}` expansion. Unset keys keep drizzle-kit's defaults.
struct Config {
    std::filesystem::path file;             ///< the config file read (empty when none)
    std::filesystem::path base_dir;         ///< relative paths resolve against this (the config's folder)
    std::optional<Dialect> dialect;
    std::string dialect_name;               ///< `dialect` as written ("turso" stays "turso")
    std::vector<std::string> schema;        ///< `schema`: a path or an array of paths (globs allowed)
    std::string out = "./drizzle";
    DbCredentials credentials;
    std::optional<std::string> driver;      ///< aws-data-api|pglite|d1-http|expo|durable-sqlite|...
    std::string migrations_table = "__drizzle_migrations";
    std::string migrations_schema = "drizzle";
    std::optional<std::string> migrations_prefix;  ///< index|timestamp|supabase|unix|none (legacy layout)
    std::vector<std::string> tables_filter;
    std::vector<std::string> schema_filter;  ///< empty = drizzle-kit's default
    std::vector<std::string> extensions_filters;
    bool strict = false;
    bool verbose = false;
    bool breakpoints = true;
    std::optional<std::string> casing;      ///< camelCase|snake_case
    std::optional<std::string> introspect_casing;  ///< `introspect.casing`: camel|preserve
    RolesConfig roles;                      ///< `entities.roles`
    /// Things worth telling the user that do not stop the load, one sentence each, e.g.
    /// "unknown key 'x' in drizzle.config.json". The CLI prints them.
    std::vector<std::string> warnings;
    /// Keys a .ts/.js config left out because the process.env variable they read is unset:
    /// key path ("dbCredentials.url") -> "process.env.DATABASE_URL (file:line:col) is not set".
    std::map<std::string, std::string> unset_env;

    /// "" or, when `key` was left out for an unset variable, "; <why>" to append to an error
    /// saying the key is required.
    std::string unset_env_hint(const std::string& key) const;

    /// `out` resolved against base_dir.
    std::filesystem::path out_dir() const;
    /// `schema` entries resolved against base_dir (globs expanded, sorted); throws UserError
    /// naming the config file when a pattern matches nothing.
    /// Globs: `*`, `?`, `[...]`, `{a,b}` and `**` (any depth); a folder stands for its files.
    std::vector<std::filesystem::path> schema_paths() const;
};

/// Loads a config file: `.json`, or `.ts`/`.js` whose default export is an object literal or
/// `defineConfig({...})`. Throws UserError naming the file (and line:column for syntax errors).
/// Validation: `dialect` required and known; types of every known key checked.
/// Unknown keys are accepted and reported in Config::warnings.
/// A .ts/.js config is evaluated, not run: literals, objects, arrays, constants, `process.env.X`
/// (unset = key absent, as in JS), `??`/`||` fallbacks, string `+` and template literals,
/// `Number(...)`, and dotenv loading (`import 'dotenv/config'`, `config({ path })`, reading `.env`
/// from the working directory as dotenv does). The process environment itself is never modified.
Config load_config(const std::filesystem::path& file);

/// Finds the config as drizzle-kit does when no --config is given: drizzle.config.ts, .js,
/// then .json in `dir`. std::nullopt when there is none.
std::optional<std::filesystem::path> find_default_config(const std::filesystem::path& dir);

/// Expands `${NAME}` from the environment; an unset variable is a UserError naming it and `where`.
std::string expand_env(const std::string& value, const std::string& where);

/// Hides the secrets of a connection string so it can be printed: the password of
/// `scheme://user:password@host/db` becomes `***`, as do `password=`/`authToken=`-style
/// query or key=value parameters. Strings without secrets come back unchanged.
std::string redact_url(const std::string& url);

}  // namespace drizzle
