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
    /// What a column type change does to the stored rows, for the lint (src/kit/lint*.cpp).
    struct TypeChangeRisk {
        bool narrowing = false;      ///< some values no longer fit (varchar(100) -> varchar(50), bigint -> int)
        bool needs_cast = false;     ///< no implicit conversion: values are cast (USING) and the cast can fail
        bool rewrites_table = false; ///< the database rewrites every row under an exclusive lock
    };

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

    // ---- what the shared diff, normalize and validate ask ---------------------------------------
    // Questions about the database's behaviour: src/diff and src/schema never name a dialect.

    /// Whether foreign keys, primary keys and unique constraints are addressed by name (dropped
    /// and added under their names), so the name is part of what identifies one. false: names are
    /// cosmetic and a constraint is identified by its columns and actions (SQLite).
    virtual bool constraints_addressed_by_name() const = 0;
    /// Whether every primary-key column, also of a table-level (composite) key, is NOT NULL
    /// whether or not the schema says so (the catalog then reports it NOT NULL).
    virtual bool primary_key_implies_not_null() const = 0;
    /// Whether renaming a table or column keeps the names of its constraints, so the diff keeps
    /// them too instead of re-deriving them (which would drop and re-add each constraint).
    virtual bool keeps_constraint_names_on_rename() const = 0;
    /// The name the database itself gives the primary key of `table` when the DDL names none
    /// (made to fit its identifier limit); "" when keys have no name.
    virtual std::string database_primary_key_name(std::string_view table) const = 0;
    /// Whether `name` is the default name of `table`'s primary key, as drizzle-kit spells it or
    /// as the database stores it.
    virtual bool is_default_primary_key_name(std::string_view table, std::string_view name) const = 0;
    /// The name an unnamed unique constraint gets in `style`'s convention, which may depend on
    /// whether it was declared on its column (`.unique()`) or at table level.
    virtual std::string default_unique_constraint_name(NamingStyle style, const std::string& table,
                                                       const UniqueConstraint& unique) const = 0;
    /// Every option the database defaults for a sequence counting in integer `type` spelled out
    /// (`type` "" for a standalone sequence); options already given are kept. Dialects without
    /// sequences return `options` as they are.
    virtual SequenceOptions sequence_options_with_defaults(SequenceOptions options, const std::string& type) const = 0;
    /// The sequence name an identity column of `table` has when none is given ("" when the
    /// dialect has no identity columns).
    virtual std::string identity_sequence_name(const std::string& table, const std::string& column) const = 0;
    /// What this dialect refuses in a column on its own (messages for validate_schema, in order).
    virtual std::vector<std::string> column_problems(const Column& column) const = 0;
    /// The dialect's part of the canonical form the diff compares (normalize_for_diff), applied
    /// after default names are assigned: keys, names and defaults as the database stores them.
    virtual void normalize(Schema& schema, NamingStyle naming) const = 0;

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

    // ---- workflow questions (drizzle/kit) ------------------------------------------------------

    /// Which kinds of objects this dialect has; see ObjectKinds.
    virtual ObjectKinds object_kinds() const = 0;
    /// Whether making a column NOT NULL replaces its NULLs by the new default (SQLite's table
    /// rebuild copies them through the default) rather than refusing them; push counts the rows
    /// that would make it fail only when it does not.
    virtual bool not_null_change_fills_nulls_from_default() const = 0;
    /// Whether changing a column's type converts the stored values (a cast that can fail or
    /// lose data), so push counts the rows at risk; false when values are kept as stored
    /// (SQLite's type affinity).
    virtual bool type_change_converts_values() const = 0;
    /// Whether changing a column from `from`'s type to `to`'s keeps every stored value, so that
    /// changing it back restores them (a widening such as integer -> bigint or varchar(10) ->
    /// varchar(20)). A down migration that undoes a type change which does not is irreversible.
    /// The default, false, assumes any conversion may change values.
    virtual bool type_change_keeps_values(const Column& from, const Column& to) const;

    // ---- lint questions (src/kit/lint*.cpp) --------------------------------------------------

    /// What changing a column from `from` to `to` (type, dimensions) does to its rows.
    virtual TypeChangeRisk type_change_risk(const Column& from, const Column& to) const = 0;
    /// Whether a DEFAULT expression is volatile (evaluated per row, so adding a column with it
    /// rewrites the table: `random()`, `gen_random_uuid()`, `clock_timestamp()`).
    virtual bool default_is_volatile(const std::string& expression) const = 0;
    /// Whether the dialect has the online variants of schema changes that lock a busy table:
    /// CREATE INDEX CONCURRENTLY, constraints added NOT VALID then validated (LK101, LK104, LK105).
    virtual bool has_online_schema_changes() const = 0;
};

}  // namespace drizzle
