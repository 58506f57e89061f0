// What a dialect does against SQL and a database: render migrations, connect, introspect, keep
// the bookkeeping table, write the pull header. One object per dialect, in its driver library.
#pragma once

#include "drizzle/config/config.hpp"
#include "drizzle/dialect/dialect_facts.hpp"
#include "drizzle/diff/diff.hpp"
#include "drizzle/driver/connection.hpp"
#include "drizzle/migrate/migration_store.hpp"
#include "drizzle/migrate/migrator.hpp"
#include "drizzle/pull/cpp_header.hpp"
#include "drizzle/schema/model.hpp"

#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace drizzle {

/// A diff rendered as this dialect's SQL.
struct MigrationSql {
    std::vector<std::string> statements;  ///< one string per statement, in order
    bool outside_transaction = false;     ///< some statement cannot run in a transaction
};

/// What introspection reads and what it leaves out.
struct IntrospectOptions {
    std::vector<std::string> schemas;                    ///< {} = every user schema
    std::string migrations_schema = "drizzle";           ///< skipped (dialects with schemas)
    std::string migrations_table = "__drizzle_migrations";  ///< skipped
};

/// The half of a dialect that needs its database library. Implementations live in
/// src/dialect/<name>/ and are registered with register_dialect_ops() (drizzle/dialect/registry.hpp);
/// a Connection registers its own dialect's when it is opened.
class DialectOps {
public:
    virtual ~DialectOps() = default;

    /// The dependency-free facts of this dialect.
    virtual const DialectFacts& facts() const = 0;
    /// Shorthand for facts().dialect().
    Dialect dialect() const { return facts().dialect(); }

    /// Lowers and renders `diff` as the statements of a migration file.
    virtual MigrationSql migration_sql(const DiffResult& diff) const = 0;

    /// Opens the database drizzle.config's dbCredentials name. Throws UserError naming the config
    /// for unusable credentials, DbError when the database cannot be reached.
    virtual std::unique_ptr<Connection> connect(const Config& config) const = 0;

    /// Reads the live schema of `connection`, leaving out drizzle's bookkeeping table.
    virtual Schema introspect(Connection& connection, const IntrospectOptions& options) const = 0;

    /// The bookkeeping table and lock of `options` on `connection`.
    virtual std::unique_ptr<MigrationStore> migration_store(Connection& connection,
                                                            const MigrateOptions& options) const = 0;

    /// For push: rewrites expressions of `desired` the way the server stores them whenever both
    /// mean the same, so that only real changes are planned. Returns how many were rewritten.
    /// Dialects whose introspection keeps the text as written need nothing (the default).
    virtual std::size_t align_with_live(Connection& connection, const Schema& live, Schema& desired,
                                        const std::function<void(const std::string&)>& note) const;

    /// A schema from a `.sql` file of this dialect's DDL; `origin` names it in errors.
    virtual Schema schema_from_sql(const std::string& sql, const std::string& origin) const = 0;

    /// The C++ header `pull` writes for `schema`, in this dialect's DSL.
    virtual pull::PulledHeader write_header(const Schema& schema, const pull::HeaderOptions& options) const = 0;

    // ---- workflow questions (drizzle/kit) ------------------------------------------------------

    /// For commands that only read a database (pull): throws unless the database `config` names
    /// exists already, where connecting would otherwise create an empty one. Servers: nothing to
    /// check (the default).
    virtual void require_existing_database(const Config& config) const;

    /// The local file connect() would create when it is missing (so a failed command can remove
    /// it again); empty for in-memory databases and servers (the default).
    virtual std::filesystem::path local_database_file(const Config& config) const;
};

}  // namespace drizzle
