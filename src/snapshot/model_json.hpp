// Model values every dialect's snapshot readers (and 0.31 writers) spell alike: one reader each.
#pragma once

#include "drizzle/snapshot/snapshot.hpp"
#include "snapshot/json_reader.hpp"

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace drizzle::snapshot_detail {

/// Maps a snapshot's schema name to the model's (PostgreSQL: "public" becomes ""); nullptr for
/// a dialect whose names have no schema part.
using ModelSchema = std::string (*)(const std::string&);

/// A snapshot of `format` and `dialect` holding the document's `id` and `prevIds` (v1) or
/// `prevId` (legacy); layouts and the schema are left to the dialect's reader.
Snapshot read_snapshot_header(const JsonNode& root, SnapshotFormat format, Dialect dialect);

/// 0.31's column default: a string is SQL text, a number or boolean keeps its kind.
ColumnDefault read_legacy_default(const JsonNode& node);
/// The inverse: a boolean default as a JSON boolean, a number as a JSON number (drizzle-kit
/// passes non-string JavaScript values through), anything else as the SQL text.
Json legacy_default_json(const ColumnDefault& value);

/// A generated column's `{type, as}` object: `type` "stored" (or "virtual" when
/// `allow_virtual`); the expression is `as` exactly as written.
GeneratedColumn read_generated(const JsonNode& generated, bool allow_virtual);

/// A 0.31 `foreignKeys` entry (name, tableFrom, columnsFrom, tableTo, [schemaTo], columnsTo,
/// onUpdate, onDelete); `schemaTo` is read only when `model_schema` is given. name_explicit is
/// left to the caller (each dialect names keys its own way).
ForeignKey read_legacy_foreign_key(const JsonNode& value, ModelSchema model_schema);

/// A check constraint `{name, value}` (both formats).
CheckConstraint read_check(const JsonNode& node);

/// The `name`, `nameExplicit` and `columns` every 1.0 key entity (fks, pks, uniques) has.
template <class Constraint> Constraint read_v1_constraint(const JsonNode& entity) {
    Constraint constraint;
    constraint.name = entity.string("name");
    constraint.name_explicit = entity.boolean("nameExplicit");
    constraint.columns = entity.strings("columns");
    return constraint;
}

/// 0.31 `_meta` renames `"t"` -> `"t2"` and `"t"."c"` -> `"t"."c2"`; with `model_schema` the
/// keys may also start with `"schema".`.
SnapshotRenames read_legacy_meta_renames(const JsonNode& meta, ModelSchema model_schema);

/// The 1.0 entity layout: `up` when the first entity whose `entityType` is one of `types` lists
/// `key` before `entityType` (generate writes `entityType` first); generate when none does.
SnapshotLayout v1_entity_layout(const std::vector<JsonNode>& entities, std::initializer_list<std::string_view> types,
                                std::string_view key);

} // namespace drizzle::snapshot_detail
