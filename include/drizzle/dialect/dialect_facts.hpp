// What a dialect is, needing no database library: quoting, naming, snapshot formats and the
// questions the shared diff asks. One object per dialect, found through drizzle/dialect/registry.hpp.
#pragma once

#include "drizzle/schema/model.hpp"
#include "drizzle/schema/naming.hpp"
#include "drizzle/snapshot/snapshot.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace drizzle {

namespace snapshot_detail {
class JsonNode;  // src/snapshot/json_reader.hpp: a JSON value with its path, for precise errors
}

/// The dependency-free half of a dialect (the other half, DialectOps, runs SQL). It lives in the
/// schema library, so the schema exporter, snapshots and the diff reach it without a driver.
/// Implementations: src/dialect/<name>/facts/. Every method answers for this dialect only;
/// there is no "default dialect" behaviour to fall back on.
class DialectFacts {
public:
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

    // ---- snapshot formats (src/dialect/<name>/facts/snapshot/) -------------------------------

    /// The "dialect" strings of this dialect's snapshot files, in the order an error listing
    /// the known ones names them ({"sqlite"}; {"postgresql", "postgres"}: 0.31 and 1.0 differ).
    virtual std::vector<std::string_view> snapshot_dialect_names() const = 0;
    /// The kind of this dialect's snapshot that `root` (a whole document) has the shape of,
    /// whatever its "dialect" string says; std::nullopt when it is not shaped like one of this
    /// dialect's. At most one registered dialect may claim a document.
    virtual std::optional<SnapshotDocument>
    snapshot_document_of_content(const snapshot_detail::JsonNode& root) const = 0;
    /// Reads a document whose "dialect" is one of snapshot_dialect_names(). Throws UserError
    /// (path-precise) for a malformed file, or naming the versions this dialect reads when
    /// `version` is not one of them.
    virtual Snapshot read_snapshot(const snapshot_detail::JsonNode& root, std::string_view dialect,
                                   std::string_view version) const = 0;
    /// The file text of `snapshot` (a schema of this dialect) in its format and layout, byte for
    /// byte as drizzle-kit writes it (see drizzle::write_snapshot).
    virtual std::string write_snapshot(const Snapshot& snapshot) const = 0;
};

}  // namespace drizzle
