// Facts both PostgreSQL snapshot formats share: schema names, type text, defaults, sequence
// defaults, default names, policy spelling, view and index WITH options.
#pragma once

#include "drizzle/schema/model.hpp"
#include "snapshot/json_reader.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace drizzle::snapshot_detail {

/// "public" for the model's default schema "" (snapshots always spell it out).
std::string pg_schema_name(const std::string& schema);
/// The model's schema for a snapshot's: "public" becomes "".
std::string pg_model_schema(const std::string& schema);

// Column type text. The model keeps drizzle-orm's getSQLType() text, which is what 0.31 stores
// (`numeric(10, 2)`, `timestamp (3) with time zone`), without the array suffix (`dimensions`).

/// 1.0 generate's text (dialects/postgres/drizzle.ts unwrapColumn): the first ", " becomes ","
/// and a leading "timestamp (" becomes "timestamp(".
std::string pg_v1_type(const std::string& type);
/// 1.0 `up`'s text (dialects/postgres/versions.ts upToV8): only `numeric(` types lose the space.
std::string pg_up_type(const std::string& type);
/// The model's text for a 1.0 file's: `numeric(10,2)` becomes `numeric(10, 2)`, the only type
/// whose drizzle-orm text always has the space (timestamps have it only in mode "date").
std::string pg_model_type_from_v1(const std::string& type);
/// 0.31's `integer[]` / `integer[][]` / `integer[3]` as {"integer", dimensions}
/// (versions.ts extractBaseTypeAndDimensions: every `[...]` counts, sizes are dropped).
std::pair<std::string, int> pg_split_array_type(const std::string& type);

/// grammar.ts trimDefaultValueSuffix: drops a trailing "[]" and trailing `::type` casts.
std::string pg_trim_default_suffix(const std::string& value);

/// 0.31 writes json/jsonb and array defaults as `'<JSON.stringify(v)>'[::json]` and
/// `'<array text>'` without doubling the quotes inside (drizzle-kit's own bug; older versions did
/// the same for strings), so `'{"note":"it's"}'` fails as SQL. Such a literal, one that does not
/// read as a single SQL string, gets its inner quotes doubled; array literals are re-printed as
/// PostgreSQL prints them (0.31 quotes every element), so they compare equal with the database's.
std::string pg_repair_legacy_default(const std::string& value, const std::string& type, int dimensions);

/// Columns (of tables and views) whose type names one of the snapshot's enums but that record
/// no `typeSchema` (drizzle-kit snapshots before it existed) get the enum's: "public" for a public
/// one, so the type is rendered quoted ("RegistryType", not RegistryType).
void pg_resolve_enum_type_schemas(Schema& schema);

/// Standalone sequence options with drizzle-kit's defaults filled in (pgSerializer.ts 0.31 and
/// drizzle.ts 1.0 compute the same): increment 1, min 1 / -2^63, max 2^63-1 / -1, start = min
/// (max when descending), cache 1.
SequenceOptions pg_sequence_options_filled(const SequenceOptions& options);
/// Identity options with drizzle-kit's defaults: max by the column's type (integer, bigint, else
/// smallint's 32767); a descending identity's min is always -32768 (drizzle-kit compares the
/// column's class name, e.g. "PgInteger", with "integer", which never matches).
SequenceOptions pg_identity_options_filled(const SequenceOptions& options, const std::string& column_type);
/// `<table>_<column>_seq`, PostgreSQL's and drizzle-kit's identity sequence name.
std::string pg_identity_sequence_name(const std::string& table, const std::string& column);

/// `<table>_<cols>_index`: drizzle-kit's default index name in both formats.
std::string pg_default_index_name(const std::string& table, const std::vector<IndexColumn>& columns);
/// 1.0 grammar.ts defaultNameForFK: `<t>_<cols>_<tableTo>_<colsTo>_fkey`, or a hashed name when
/// that is longer than 63 characters.
std::string pg_v1_default_foreign_key_name(const std::string& table, const ForeignKey& fk);
/// 0.31's names, which it recomputes from the table every time unless given explicitly:
/// `<t>_<cols>_<tt>_<colsTo>_fk`, `<t>_<cols>_pk`, `<t>_<cols>_unique`.
std::string pg_legacy_foreign_key_name(const std::string& table, const ForeignKey& fk);
std::string pg_legacy_primary_key_name(const std::string& table, const PrimaryKey& pk);
std::string pg_legacy_unique_name(const std::string& table, const UniqueConstraint& unique);

/// What 0.31 writes for a model value (and so what `up` reads from a 0.31 file):
/// FK / primary key / unique: the model's name when explicit, else 0.31's default (0.31 derives
/// names from the table on every run); index: the model's name, the default when empty.
std::string pg_legacy_written_name(const Table& table, const ForeignKey& fk);
std::string pg_legacy_written_name(const Table& table, const PrimaryKey& pk);
std::string pg_legacy_written_name(const Table& table, const UniqueConstraint& unique);
std::string pg_written_index_name(const Table& table, const Index& index);
/// An index element's `nulls`: the model's, or the direction's default ("last" for ASC,
/// "first" for DESC) when it has none.
std::string pg_nulls_or_default(const IndexColumn& column);
/// 0.31's order of a table's unique constraints (column `.unique()` first, then table-level:
/// pgSerializer.ts adds them while reading columns) and policies (own first; `.link()`ed ones
/// are added after every table).
std::vector<const UniqueConstraint*> pg_legacy_unique_order(const Table& table);
std::vector<const Policy*> pg_legacy_policy_order(const Table& table);

/// Policy `as`/`for` as snapshots spell them ("PERMISSIVE", "ALL") and as the model does.
std::string pg_upper(const std::string& text);
std::string pg_lower(const std::string& text);
/// Roles of a policy as drizzle-kit stores them: sorted (`mappedTo.sort()`).
std::vector<std::string> pg_sorted_roles(std::vector<std::string> roles);

/// JSON type of a view WITH option (keys are drizzle's camelCase names).
enum class PgOptionKind { string, boolean, number };
/// The keys of 1.0's view `with` object, in the order drizzle.ts / versions.ts list them.
const std::vector<std::pair<const char*, PgOptionKind>>& pg_v1_view_options();
/// The keys of 0.31's zod `mergedViewWithOption`, in its order (what `--custom` re-emits).
const std::vector<std::pair<const char*, PgOptionKind>>& pg_legacy_view_options();
/// The kind a key has in those lists; std::nullopt for a key drizzle does not know.
std::optional<PgOptionKind> pg_view_option_kind(const std::string& key);

/// An option value as the model keeps it: strings raw, booleans "true"/"false", numbers as
/// JavaScript prints them. Fails on objects, arrays and null.
std::string pg_option_text(const JsonNode& value);
/// The JSON value for an option's text: typed by `kind`, or (unknown key) by its look: a plain
/// number becomes a number, "true"/"false" a boolean, anything else a string.
Json pg_option_json(const std::string& text, std::optional<PgOptionKind> kind);

/// 1.0 index `with` text `fillfactor=70, deduplicate_items=true` (generate joins with ", ",
/// `up` with ","), split into the model's pairs; std::nullopt when a part has no "=".
std::optional<std::vector<std::pair<std::string, std::string>>> pg_parse_index_with(const std::string& text);
std::string pg_index_with_text(const std::vector<std::pair<std::string, std::string>>& with,
                               const std::string& separator);

}  // namespace drizzle::snapshot_detail
