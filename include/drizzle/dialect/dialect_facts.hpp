// What a dialect is, needing no database library: quoting, naming, snapshot formats and the
// questions the shared diff asks. One object per dialect, found through drizzle/dialect/registry.hpp.
#pragma once

#include "drizzle/schema/model.hpp"
#include "drizzle/schema/naming.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace drizzle {

/// The dependency-free half of a dialect (the other half, DialectOps, runs SQL). It lives in the
/// schema library, so the schema exporter, snapshots and the diff reach it without a driver.
/// Implementations: src/dialect/<name>/facts/. Every method answers for this dialect only;
/// there is no "default dialect" behaviour to fall back on.
class DialectFacts {
public:
    /// The kinds of objects, beyond tables, columns, indexes, keys, checks and views, that this
    /// dialect has (what schemaFilter applies to, and which counts pull and push report).
    struct ObjectKinds {
        bool schemas = false;    ///< named schemas holding the objects (PostgreSQL's `public`, ...)
        bool enums = false;      ///< enum types of their own
        bool sequences = false;  ///< sequences of their own
        bool policies = false;   ///< row-level security policies
    };

    virtual ~DialectFacts() = default;

    /// The dialect these facts describe; its name is the canonical config name.
    virtual Dialect dialect() const = 0;
    /// Other names drizzle.config accepts for it ("turso" for SQLite, "postgres" for PostgreSQL).
    virtual std::vector<std::string_view> aliases() const { return {}; }

    // ---- quoting ------------------------------------------------------------------------------

    /// An identifier quoted for this dialect's SQL, inner quote characters doubled.
    virtual std::string quote_identifier(std::string_view name) const = 0;
    /// A string literal: `'...'` with inner quotes doubled (standard SQL; override if not).
    virtual std::string quote_literal(std::string_view text) const;
    /// `schema`.`name` for dialects with schemas; `name` alone when `schema` is the default ("").
    virtual std::string qualified_name(std::string_view schema, std::string_view name) const;

    // ---- migrations folder ---------------------------------------------------------------------

    /// The snapshot `version` drizzle-kit 0.31 writes for this dialect, recorded in 0.x journals
    /// ("6" for SQLite, "7" for PostgreSQL).
    virtual std::string legacy_snapshot_version() const = 0;

    // ---- default constraint names -------------------------------------------------------------

    /// The name drizzle-kit gives an unnamed foreign key of `table`, in `style`'s convention.
    virtual std::string default_foreign_key_name(NamingStyle style, const std::string& table,
                                                 const ForeignKey& fk) const = 0;
    /// The name of an unnamed composite primary key.
    virtual std::string default_primary_key_name(NamingStyle style, const std::string& table,
                                                 const std::vector<std::string>& columns) const = 0;
    /// The name of an unnamed unique constraint.
    virtual std::string default_unique_name(NamingStyle style, const std::string& table,
                                            const std::vector<std::string>& columns) const = 0;

    // ---- workflow questions (drizzle/kit) ------------------------------------------------------

    /// Which kinds of objects this dialect has; see ObjectKinds.
    virtual ObjectKinds object_kinds() const = 0;
    /// Whether the database stores constraint names as given, so that the names a snapshot
    /// records are the database's own and are kept rather than re-derived.
    virtual bool keeps_constraint_names() const = 0;
};

}  // namespace drizzle
