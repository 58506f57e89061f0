// PostgreSQL's DialectOps: the PostgreSQL pieces of every workflow, behind the shared interface.
#include "dialect/pg/pg_ops.hpp"

#include "dialect/pg/facts/pg_facts.hpp"
#include "dialect/pg/pg_bookkeeping.hpp"
#include "drizzle/dialect/pg.hpp"
#include "drizzle/dialect/pg_connection.hpp"
#include "drizzle/error.hpp"
#include "pull/header_writers.hpp"
#include "dialect/pg/pg_header.hpp"
#ifdef DRIZZLE_HAVE_PG_QUERY
#include "drizzle/dialect/pg_ddl.hpp"
#endif

#include <cctype>
#include <iostream>

namespace drizzle::pg {

namespace {

std::string config_name(const Config& config) {
    return config.file.empty() ? std::string("config") : config.file.string();
}

std::string lowercase(std::string text) {
    for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

class PgOps final : public DialectOps {
public:
    const DialectFacts& facts() const override { return dialect_facts_object(); }

    MigrationSql migration_sql(const DiffResult& diff) const override {
        auto operations = lower(diff);
        MigrationSql sql;
        sql.outside_transaction = needs_no_transaction(operations);
        sql.statements = render(operations);
        return sql;
    }

    std::unique_ptr<Connection> connect(const Config& config) const override {
        const DbCredentials& credentials = config.credentials;
        const bool has_url = credentials.url && !credentials.url->empty();
        if (!has_url && !credentials.host) {
            throw UserError(config_name(config) +
                            ": dbCredentials.url (postgres://user:password@host:port/db) or dbCredentials.host, "
                            "port, user, password and database are required, or pass --url" +
                            config.unset_env_hint("dbCredentials.url") + config.unset_env_hint("dbCredentials.host"));
        }
        auto connection = PgConnection::open(credentials);
        // Warnings matter (e.g. a migration's RAISE WARNING); notices only with `verbose: true`, since
        // IF NOT EXISTS and friends send one for every object that already exists.
        const bool verbose = config.verbose;
        connection->set_notice_handler([verbose](const Notice& notice) {
            if (notice.severity == "WARNING" || verbose) {
                std::cerr << lowercase(notice.severity) << ": " << notice.message << std::endl;
            }
        });
        return connection;
    }

    Schema introspect(Connection& connection, const IntrospectOptions& options) const override {
        return pg::introspect(connection, options.schemas, options.migrations_schema, options.migrations_table);
    }

    std::unique_ptr<MigrationStore> migration_store(Connection& connection,
                                                    const MigrateOptions& options) const override {
        return make_pg_migration_store(connection, options);
    }

    std::size_t align_with_live(Connection& connection, const Schema& live, Schema& desired,
                                const std::function<void(const std::string&)>& note) const override {
        return adopt_live_expressions(connection, live, desired, note);
    }

    Schema schema_from_sql(const std::string& sql, const std::string& origin) const override {
#ifdef DRIZZLE_HAVE_PG_QUERY
        return parse_ddl(sql, origin);
#else
        (void)sql;
        throw UserError(origin + ": this drizzle-kit was built without libpg_query "
                                 "(DRIZZLE_WITH_PG_QUERY=OFF), so it cannot read PostgreSQL .sql files");
#endif
    }

    pull::PulledHeader write_header(const Schema& schema, const pull::HeaderOptions& options) const override {
        return pull::detail::write_planned_header(schema, options, header_dialect());
    }
};

}  // namespace

const DialectOps& dialect_ops_object() {
    static const PgOps ops;
    return ops;
}

}  // namespace drizzle::pg
