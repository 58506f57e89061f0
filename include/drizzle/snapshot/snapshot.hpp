// drizzle-kit snapshot JSON: reading and writing both the 0.31 format and the 1.0 (v1) format.
#pragma once

#include "drizzle/schema/model.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace drizzle {

/// Which drizzle-kit snapshot format a file uses.
/// legacy: 0.31 (SQLite "version": "6", PostgreSQL "7"), kept in `<out>/meta/NNNN_snapshot.json`.
/// v1: 1.0 (SQLite "7", PostgreSQL "8"), kept beside each `migration.sql`.
enum class SnapshotFormat { legacy, v1 };

/// Renames decided when the snapshot was generated (recorded in legacy `_meta` / v1 `renames`).
struct SnapshotRenames {
    struct TableRename { std::string schema, from, to; };
    struct ColumnRename { std::string schema, table, from, to; };  ///< `table` is the new table name
    std::vector<TableRename> tables;
    std::vector<ColumnRename> columns;
    /// v1 PostgreSQL `renames` exactly as the file words them. Those also name schemas, enums,
    /// sequences, views, roles, policies and constraints (`public.t.t_a_key->public.t.t_b_key`),
    /// so the text alone does not say which kind each is: the reader keeps them here, and a v1
    /// PostgreSQL writer writes them instead of `tables`/`columns` when set.
    std::vector<std::string> verbatim;
    bool empty() const { return tables.empty() && columns.empty() && verbatim.empty(); }
};

/// Which drizzle-kit code path wrote a snapshot. drizzle-kit never reads key order, but each path
/// orders keys (and v1 `ddl` entities) differently, so byte-identical files need to know it.
enum class SnapshotLayout {
    generate,  ///< `generate` / `pull`: built from the schema (the default)
    custom,    ///< `generate --custom`: the previous snapshot re-serialised with new ids
    up,        ///< v1 `up`: converted from a 0.31 snapshot (v1 format only)
};

/// One kind of snapshot file drizzle-kit writes, as its top-level "dialect" and "version"
/// strings name it (e.g. "postgres" "8"), and the format it is. A dialect lists its own through
/// DialectFacts; the strings live as long as the program.
struct SnapshotDocument {
    std::string_view dialect;
    std::string_view version;
    SnapshotFormat format = SnapshotFormat::v1;
};

/// The all-zero UUID drizzle-kit uses as the parent of the first snapshot.
inline constexpr std::string_view kRootSnapshotId = "00000000-0000-0000-0000-000000000000";

struct Snapshot {
    SnapshotFormat format = SnapshotFormat::v1;
    std::string id = std::string(kRootSnapshotId);
    std::vector<std::string> prev_ids;  ///< legacy: exactly one (prevId); v1: prevIds
    Schema schema;
    SnapshotRenames renames;
    /// Top-level key order (legacy: the order of every object in the file).
    SnapshotLayout layout = SnapshotLayout::generate;
    /// v1 only: order and keys of the `ddl` entities, `generate` or `up`. A custom snapshot copies
    /// its parent's entities verbatim, so it keeps the parent's value here.
    SnapshotLayout ddl_layout = SnapshotLayout::generate;
};

/// Parses a snapshot of either format (detected from "version"/"dialect"/"ddl"): the registered
/// dialect whose facts claim the "dialect" string reads it (DialectFacts::read_snapshot).
/// `source_name` (usually the file path) prefixes every error; errors are UserError and say
/// what is wrong and where (e.g. `tables.users.columns.id: "type" must be a string`).
Snapshot parse_snapshot(std::string_view json, const std::string& source_name);

/// The "dialect" string a snapshot's text names, without reading the rest; std::nullopt when the
/// text is not JSON, not an object, or has no string "dialect" (parse_snapshot reports those).
std::optional<std::string> snapshot_dialect_name(std::string_view json);

/// Serialises exactly as drizzle-kit does for that format and layout: key order, 2-space
/// indent, no trailing newline. Tables, columns and views are written in model order.
/// Names: legacy recomputes every non-explicit FK / composite PK / unique name from the table
/// (0.31 never keeps one); v1 writes `name` as given and only fills an empty one with the
/// default (v1 keeps names across renames; `up` layout defaults to 0.31's names).
/// A legacy SQLite write turns every unique constraint into a unique index, as 0.31 does.
/// PostgreSQL: legacy never writes renames (0.31 leaves `_meta` empty for PostgreSQL), fills
/// unset sequence / identity options with drizzle-kit's defaults, and writes a type as
/// `type` + "[]" per dimension; v1 writes 1.0's type text (see src/dialect/pg/facts/snapshot/pg_common.hpp).
/// The dialect's facts write it (DialectFacts::write_snapshot); a dialect without registered
/// facts throws Error.
std::string write_snapshot(const Snapshot& snapshot);

/// A new random UUIDv4 string, for snapshot ids.
std::string new_snapshot_id();

}  // namespace drizzle
