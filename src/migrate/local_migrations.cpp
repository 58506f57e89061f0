// The local side of a migration plan: a migrations folder's files read and hashed as drizzle-orm
// hashes them, and the folder checks migrate() makes before touching a database.
#include "drizzle/error.hpp"
#include "drizzle/migrate/plan.hpp"
#include "drizzle/migrate/replaces.hpp"
#include "migrate/hash.hpp"
#include "migrate/migration_store.hpp"
#include "migrate/sql_lexer.hpp"
#include "migrate/statements.hpp"

#include <fstream>
#include <map>
#include <sstream>

namespace drizzle {

namespace mi = migrate_internal;

namespace {

std::string read_bytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw UserError("cannot read migration file " + path.string());
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

} // namespace

std::vector<LocalMigration> read_local_migrations(const MigrationsFolder& folder) {
    std::vector<LocalMigration> local;
    for (const auto& entry : folder.entries) {
        LocalMigration m;
        m.name = entry.name;
        m.created_at_ms = entry.created_at_ms;
        m.sql = read_bytes(entry.sql_path);
        // drizzle hashes the file as a JS string; for valid UTF-8 that is the bytes themselves.
        const std::string as_js_string = mi::node_utf8_roundtrip(m.sql);
        m.hash = sha256_hex(as_js_string);
        m.raw_hash = as_js_string == m.sql ? m.hash : sha256_hex(m.sql);
        m.display_path = entry.sql_path.lexically_relative(folder.dir).generic_string();
        if (m.display_path.empty()) m.display_path = entry.sql_path.generic_string();
        m.switches_foreign_keys_off = mi::switches_foreign_keys_off(m.sql);
        m.outside_transaction = mi::declares_txmode_none(m.sql);
        if (folder.layout == FolderLayout::v1) {
            // A squash migration says which migrations it stands for (`drizzle-kit squash`).
            const auto replaces = entry.sql_path.parent_path() / kReplacesFile;
            if (std::filesystem::exists(replaces))
                m.replaces = replaces_from_json(read_bytes(replaces), replaces.string());
        }
        local.push_back(std::move(m));
    }
    return local;
}

LocalMigrations load_migrations_folder(const std::filesystem::path& dir) {
    if (!std::filesystem::exists(dir)) {
        throw UserError("migrations folder " + dir.string() +
                        " does not exist (`out` in the config, or --out); run `generate` first, or point `out` at "
                        "the folder holding the migrations");
    }
    LocalMigrations loaded{MigrationsFolder::read(dir), {}};
    if (loaded.folder.entries.empty()) {
        throw UserError("migrations folder " + dir.string() +
                        " holds no migration (neither <timestamp>_<name>/migration.sql nor meta/_journal.json "
                        "entries); run `generate` first, or point `out` at the folder holding the migrations");
    }
    loaded.migrations = read_local_migrations(loaded.folder);
    // Two migrations with the same statements: a folder copied under a new name, or a journal
    // entry merged in twice under another tag. Applying both runs the statements twice, so this
    // is refused; files that only hold comments (unedited --custom ones) legitimately repeat.
    std::map<std::string, std::size_t> by_hash;
    for (std::size_t i = 0; i < loaded.migrations.size(); ++i) {
        const auto& m = loaded.migrations[i];
        if (mi::is_comment_only(m.sql)) continue;
        auto [it, fresh] = by_hash.emplace(m.hash, i);
        if (fresh) continue;
        const auto& first = loaded.migrations[it->second];
        throw UserError("migrations " + first.display_path + " and " + m.display_path + " in " + dir.string() +
                        " have identical SQL (sha256 " + mi::short_hash(m.hash) +
                        "): one is a copy (a duplicated folder or journal entry) and would apply the same "
                        "statements twice. Remove the copy; if both are meant to run, make them differ (a comment "
                        "saying why is enough)");
    }
    return loaded;
}

} // namespace drizzle
