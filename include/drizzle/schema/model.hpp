// The schema model: plain runtime values that every source (DSL, snapshot, database) produces.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace drizzle {

/// The SQL dialects drizzle-cpp knows about.
enum class Dialect { sqlite, postgresql, mysql };

/// "sqlite", "postgresql", "mysql".
std::string_view to_string(Dialect dialect);
/// Parses a dialect name as drizzle.config uses it; std::nullopt when unknown.
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

/// One table column.
struct Column {
    std::string name;
    std::string type;            ///< SQL type text: "integer", "text", "text(256)", "varchar(256)"
    bool primary_key = false;    ///< single-column primary key declared on the column
    bool not_null = false;       ///< NOT NULL as declared (a primary key implies it in effect)
    bool autoincrement = false;  ///< SQLite AUTOINCREMENT
    std::optional<ColumnDefault> default_value;
    std::optional<GeneratedColumn> generated;
    /// v1 snapshots record a single-column key as a `pks` entity with a name: "" = the default
    /// `<table>_pk`; set when the file keeps another one (v1 keeps names across table renames).
    std::string primary_key_name;
    bool primary_key_name_explicit = false;  ///< v1 `nameExplicit` of that entity (pull sets it)

    /// NOT NULL in effect: declared, or implied by a primary key.
    bool effective_not_null() const { return not_null || primary_key; }
    bool operator==(const Column&) const = default;
};

/// One indexed element: a column name or an SQL expression.
struct IndexColumn {
    std::string expression;
    bool is_expression = false;
    bool operator==(const IndexColumn&) const = default;
};

struct Index {
    std::string name;
    std::vector<IndexColumn> columns;
    bool unique = false;
    std::optional<std::string> where;  ///< partial index predicate (SQL text)
    bool origin_auto = false;  ///< v1 `"origin": "auto"`: SQLite made it for a constraint (pull)
    bool operator==(const Index&) const = default;
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
    /// Compares what the constraint is; `column_level` only decides where snapshots list it.
    bool operator==(const UniqueConstraint& other) const {
        return name == other.name && name_explicit == other.name_explicit && columns == other.columns;
    }
};

struct CheckConstraint {
    std::string name;
    std::string value;  ///< SQL boolean expression
    bool operator==(const CheckConstraint&) const = default;
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

    const Column* find_column(std::string_view column_name) const;
    bool operator==(const Table&) const = default;
};

struct View {
    std::string schema;
    std::string name;
    std::optional<std::string> definition;  ///< the SELECT; std::nullopt for an existing view
    bool is_existing = false;               ///< declared `.existing()`: never created or dropped
    bool materialized = false;
    std::vector<Column> columns;  ///< the selected columns; only 0.31 snapshots record them
    /// Compares what the view is; `columns` is bookkeeping that only 0.31 snapshots carry.
    bool operator==(const View& other) const {
        return schema == other.schema && name == other.name && definition == other.definition &&
               is_existing == other.is_existing && materialized == other.materialized;
    }
};

/// A whole database schema as one dialect sees it.
struct Schema {
    Dialect dialect = Dialect::sqlite;
    std::vector<Table> tables;
    std::vector<View> views;

    const Table* find_table(std::string_view name, std::string_view schema = "") const;
    const View* find_view(std::string_view name, std::string_view schema = "") const;
    bool operator==(const Schema&) const = default;
};

}  // namespace drizzle
