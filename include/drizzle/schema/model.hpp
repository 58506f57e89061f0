// The schema model: plain runtime values that every source (DSL, snapshot, database) produces.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <string_view>
#include <vector>

namespace drizzle {

/// Which SQL dialect a schema, folder or connection belongs to: a name ("sqlite", "postgresql",
/// "mysql", or one a program registers), compared by value. What a dialect *does* is asked of its
/// registered objects (drizzle/dialect/registry.hpp), never decided by comparing against one of
/// these names outside the dialect's own folder.
class Dialect {
public:
    /// The SQLite dialect: the embedded default of a schema nobody assigned a dialect.
    constexpr Dialect() = default;
    /// A dialect by name. `name` must outlive every copy (a literal, or a registered name).
    constexpr explicit Dialect(std::string_view name) : name_(name) {}

    /// The canonical name ("sqlite", "postgresql", ...).
    constexpr std::string_view name() const { return name_; }

    friend constexpr bool operator==(Dialect a, Dialect b) { return a.name_ == b.name_; }
    friend constexpr auto operator<=>(Dialect a, Dialect b) { return a.name_ <=> b.name_; }

    static const Dialect sqlite;
    static const Dialect postgresql;
    static const Dialect mysql;

private:
    std::string_view name_ = "sqlite";
};

inline constexpr Dialect Dialect::sqlite{"sqlite"};
inline constexpr Dialect Dialect::postgresql{"postgresql"};
inline constexpr Dialect Dialect::mysql{"mysql"};

/// The dialect's canonical name.
std::string_view to_string(Dialect dialect);
/// Parses a dialect name as drizzle.config uses it (canonical names and aliases of every known or
/// registered dialect); std::nullopt when unknown.
std::optional<Dialect> parse_dialect(std::string_view name);

/// A column default. `sql` is always the SQL text as it appears after DEFAULT
/// (e.g. `'x'`, `true`, `5`, `(unixepoch())`); `kind` only remembers how drizzle-kit
/// serialises it in snapshots (JSON boolean / number / string).
struct ColumnDefault {
    enum class Kind { expression, boolean, number };
    Kind kind = Kind::expression;
    std::string sql;

    bool operator==(const ColumnDefault& other) const { return sql == other.sql; }
};

/// `GENERATED ALWAYS AS (expression) STORED|VIRTUAL`.
struct GeneratedColumn {
    std::string expression;  ///< SQL text without the surrounding parentheses
    bool stored = false;     ///< false = virtual
    bool operator==(const GeneratedColumn&) const = default;
};

/// Sequence parameters as drizzle-kit keeps them: numbers as decimal text, unset = engine default.
struct SequenceOptions {
    std::optional<std::string> increment;
    std::optional<std::string> min_value;
    std::optional<std::string> max_value;
    std::optional<std::string> start_with;
    std::optional<std::string> cache;
    bool cycle = false;
    bool operator==(const SequenceOptions&) const = default;
};

/// PostgreSQL `GENERATED ALWAYS|BY DEFAULT AS IDENTITY (...)`.
struct IdentityColumn {
    enum class Kind { always, by_default };
    Kind kind = Kind::always;
    std::string sequence_name;  ///< "" = PostgreSQL's default `<table>_<column>_seq`
    SequenceOptions options;
    bool operator==(const IdentityColumn&) const = default;
};

/// One table column.
struct Column {
    std::string name;
    std::string type;            ///< SQL type text: "integer", "text", "text(256)", "varchar(256)"
    bool primary_key = false;    ///< single-column primary key declared on the column
    bool not_null = false;       ///< NOT NULL as declared (a primary key implies it in effect)
    bool autoincrement = false;  ///< SQLite AUTOINCREMENT
    std::optional<ColumnDefault> default_value;
    std::optional<GeneratedColumn> generated;
    std::optional<IdentityColumn> identity;  ///< PostgreSQL identity column
    /// Schema of the user-defined type (enum) named by `type`, as drizzle-kit records it:
    /// "public" for a public enum, "" for a built-in type.
    std::string type_schema;
    int dimensions = 0;       ///< array dimensions: `integer[]` is type "integer" with 1
    /// v1 snapshots record a single-column key as a `pks` entity with a name: "" = the default
    /// `<table>_pk`; set when the file keeps another one (v1 keeps names across table renames).
    std::string primary_key_name;
    bool primary_key_name_explicit = false;  ///< v1 `nameExplicit` of that entity (pull sets it)
    /// SQLite only, set by introspection: a key column (own or composite) that is not the rowid
    /// and lacks NOT NULL, so the engine accepts NULL there. Schemas never ask for that; diff()
    /// ignores it on the target side and plans a rebuild that adds NOT NULL.
    bool primary_key_nullable = false;

    /// NOT NULL in effect: declared, or implied by a primary key (unless the database says the
    /// key accepts NULL), an identity or a serial type.
    bool effective_not_null() const {
        return not_null || (primary_key && !primary_key_nullable) || identity.has_value() || type == "serial" ||
               type == "smallserial" || type == "bigserial";
    }
    bool operator==(const Column&) const = default;
};

/// One indexed element: a column name or an SQL expression.
struct IndexColumn {
    std::string expression;
    bool is_expression = false;
    bool asc = true;       ///< PostgreSQL: ASC/DESC
    std::string nulls;     ///< PostgreSQL: "first", "last" or "" (the default for the direction)
    std::string opclass;   ///< PostgreSQL operator class, "" = default
    bool operator==(const IndexColumn&) const = default;
};

/// An index element naming a column (ascending, default NULLS placement and operator class).
inline IndexColumn index_column(std::string name, bool is_expression = false) {
    IndexColumn column;
    column.expression = std::move(name);
    column.is_expression = is_expression;
    return column;
}

struct Index {
    std::string name;
    std::vector<IndexColumn> columns;
    bool unique = false;
    std::optional<std::string> where;  ///< partial index predicate (SQL text)
    std::string method;                ///< PostgreSQL access method; "" = btree
    bool concurrently = false;         ///< PostgreSQL: CREATE INDEX CONCURRENTLY
    std::vector<std::pair<std::string, std::string>> with;  ///< PostgreSQL storage parameters
    bool origin_auto = false;  ///< v1 `"origin": "auto"`: SQLite made it for a constraint (pull)
    /// v1 PostgreSQL `nameExplicit`: the name was given, not derived (`<table>_<cols>_index`).
    bool name_explicit = false;
    /// Compares what the index is; `name_explicit` only records how the name came about.
    bool operator==(const Index& other) const {
        return name == other.name && columns == other.columns && unique == other.unique && where == other.where &&
               method == other.method && concurrently == other.concurrently && with == other.with &&
               origin_auto == other.origin_auto;
    }
};

/// Referential action as drizzle-kit spells it in 0.31 snapshots: "no action", "cascade",
/// "set null", "set default", "restrict".
using ReferentialAction = std::string;

struct ForeignKey {
    std::string name;
    bool name_explicit = false;  ///< false: the name was derived from the columns (format-specific)
    std::vector<std::string> columns;
    std::string table_to;
    std::vector<std::string> columns_to;
    ReferentialAction on_delete = "no action";
    ReferentialAction on_update = "no action";
    std::string schema_to;  ///< schema of `table_to`; "" = the default schema
    bool operator==(const ForeignKey&) const = default;
};

/// A table-level primary key, usually composite (a column's own key is `Column::primary_key`).
struct PrimaryKey {
    std::string name;
    bool name_explicit = false;
    std::vector<std::string> columns;
    bool operator==(const PrimaryKey&) const = default;
};

struct UniqueConstraint {
    std::string name;
    bool name_explicit = false;
    std::vector<std::string> columns;
    /// Declared with `.unique()` on the column rather than in the table's extras. drizzle-kit
    /// orders those differently (0.31: before the table's indexes; v1: after table-level ones).
    bool column_level = false;
    bool nulls_not_distinct = false;  ///< PostgreSQL 15: UNIQUE NULLS NOT DISTINCT
    /// Compares what the constraint is; `column_level` only decides where snapshots list it.
    bool operator==(const UniqueConstraint& other) const {
        return name == other.name && name_explicit == other.name_explicit && columns == other.columns &&
               nulls_not_distinct == other.nulls_not_distinct;
    }
};

struct CheckConstraint {
    std::string name;
    std::string value;  ///< SQL boolean expression
    bool operator==(const CheckConstraint&) const = default;
};

/// PostgreSQL row-level security policy (`pg_policy`).
struct Policy {
    std::string name;
    std::string as = "permissive";         ///< permissive | restrictive
    std::string for_ = "all";              ///< all | select | insert | update | delete
    std::vector<std::string> to = {"public"};  ///< roles
    std::optional<std::string> using_;     ///< USING (expression)
    std::optional<std::string> with_check; ///< WITH CHECK (expression)
    /// Declared on its own and attached with `.link(table)`; drizzle-kit 1.0 lists those first.
    bool linked = false;
    /// Compares what the policy is; `linked` only decides where v1 snapshots list it.
    bool operator==(const Policy& other) const {
        return name == other.name && as == other.as && for_ == other.for_ && to == other.to &&
               using_ == other.using_ && with_check == other.with_check;
    }
};

/// A table. Vectors keep declaration order, which is also the order of the SQL we emit.
struct Table {
    std::string schema;  ///< "" = the dialect's default schema
    std::string name;
    std::vector<Column> columns;
    std::vector<Index> indexes;
    std::vector<ForeignKey> foreign_keys;
    /// Keys declared at table level: composite ones, or a single column given as
    /// `primaryKey({columns: [x]})` (v1 writes that unlike a column's `.primaryKey()`).
    std::vector<PrimaryKey> primary_keys;
    std::vector<UniqueConstraint> uniques;
    std::vector<CheckConstraint> checks;
    bool rls_enabled = false;        ///< PostgreSQL: ALTER TABLE ... ENABLE ROW LEVEL SECURITY
    std::vector<Policy> policies;    ///< PostgreSQL policies on this table
    /// drizzle's rule, set by the snapshot readers (so for the DSL too): a table with policies has
    /// row-level security on, whatever `rls_enabled` records (0.31 records only `.enableRLS()`).
    /// False for an introspected database and for .sql files, which mean what they say.
    bool policies_enable_rls = false;
    /// RLS as the database will have it.
    bool effective_rls() const { return rls_enabled || (policies_enable_rls && !policies.empty()); }

    const Column* find_column(std::string_view column_name) const;
    bool operator==(const Table&) const = default;
};

struct View {
    std::string schema;
    std::string name;
    std::optional<std::string> definition;  ///< the SELECT; std::nullopt for an existing view
    bool is_existing = false;               ///< declared `.existing()`: never created or dropped
    bool materialized = false;
    std::vector<std::pair<std::string, std::string>> with;  ///< PostgreSQL WITH (options)
    bool with_no_data = false;     ///< materialized: WITH NO DATA
    std::string using_;            ///< materialized: USING access method
    std::string tablespace;        ///< materialized: TABLESPACE
    std::vector<Column> columns;  ///< the selected columns; only 0.31 snapshots record them
    /// Compares what the view is; `columns` is bookkeeping that only 0.31 snapshots carry.
    bool operator==(const View& other) const {
        return schema == other.schema && name == other.name && definition == other.definition &&
               is_existing == other.is_existing && materialized == other.materialized && with == other.with &&
               with_no_data == other.with_no_data && using_ == other.using_ && tablespace == other.tablespace;
    }
};

/// PostgreSQL enum type.
struct Enum {
    std::string schema;  ///< "" = public
    std::string name;
    std::vector<std::string> values;
    bool operator==(const Enum&) const = default;
};

/// PostgreSQL standalone sequence.
struct Sequence {
    std::string schema;  ///< "" = public
    std::string name;
    SequenceOptions options;
    bool operator==(const Sequence&) const = default;
};

/// PostgreSQL role (`pg_role`).
struct Role {
    std::string name;
    bool create_db = false;
    bool create_role = false;
    bool inherit = true;
    // drizzle-kit 1.0 only (0.31 knows the three above).
    bool superuser = false;
    bool can_login = false;
    bool replication = false;
    bool bypass_rls = false;
    int conn_limit = -1;  ///< -1 = no limit
    std::optional<std::string> password;
    std::optional<std::string> valid_until;
    bool operator==(const Role&) const = default;
};

/// A policy on a table the schema does not declare, e.g. Supabase's `auth.users` (0.31 top-level
/// `policies`; in 1.0 a `policies` entity naming a table without a `tables` entity).
struct ExternalPolicy {
    std::string schema;  ///< "" = public
    std::string table;
    Policy policy;
    bool operator==(const ExternalPolicy&) const = default;
};

/// A whole database schema as one dialect sees it.
struct Schema {
    Dialect dialect;  ///< default: SQLite
    std::vector<Table> tables;
    std::vector<View> views;
    std::vector<std::string> schemas;  ///< PostgreSQL schemas other than public
    std::vector<Enum> enums;
    std::vector<Sequence> sequences;
    std::vector<Role> roles;
    std::vector<ExternalPolicy> policies;  ///< PostgreSQL policies on tables not in `tables`

    const Table* find_table(std::string_view name, std::string_view schema = "") const;
    const View* find_view(std::string_view name, std::string_view schema = "") const;
    bool operator==(const Schema&) const = default;
};

}  // namespace drizzle
