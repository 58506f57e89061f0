// Model values every dialect's snapshot readers (and 0.31 writers) spell alike: one reader each.
#include "snapshot/model_json.hpp"

#include "snapshot/renames.hpp"

#include <algorithm>

namespace drizzle::snapshot_detail {

Snapshot read_snapshot_header(const JsonNode& root, SnapshotFormat format, Dialect dialect) {
    Snapshot snapshot;
    snapshot.format = format;
    snapshot.schema.dialect = dialect;
    snapshot.id = root.string("id");
    if (format == SnapshotFormat::legacy) {
        snapshot.prev_ids = {root.string("prevId")};
    } else {
        snapshot.prev_ids = root.strings("prevIds");
    }
    return snapshot;
}

ColumnDefault read_legacy_default(const JsonNode& node) {
    ColumnDefault out;
    if (auto text = node.string_value()) {
        out.sql = *text;
    } else if (auto flag = node.boolean_value()) {
        out.kind = ColumnDefault::Kind::boolean;
        out.sql = *flag ? "true" : "false";
    } else if (auto number = node.number_text()) {
        out.kind = ColumnDefault::Kind::number;
        out.sql = std::move(*number);
    } else {
        node.fail("must be a string, number or boolean");
    }
    return out;
}

Json legacy_default_json(const ColumnDefault& value) {
    if (value.kind == ColumnDefault::Kind::boolean && (value.sql == "true" || value.sql == "false")) {
        return value.sql == "true";
    }
    if (value.kind == ColumnDefault::Kind::number) {
        if (auto number = json_number_from_text(value.sql)) return *number;
    }
    return value.sql;
}

GeneratedColumn read_generated(const JsonNode& generated, bool allow_virtual) {
    generated.expect_object();
    const std::string type = generated.string("type");
    if (type != "stored" && !(allow_virtual && type == "virtual")) {
        generated.fail(allow_virtual ? "\"type\" must be \"stored\" or \"virtual\"" : "\"type\" must be \"stored\"");
    }
    return GeneratedColumn{generated.string("as"), type == "stored"};
}

ForeignKey read_legacy_foreign_key(const JsonNode& value, ModelSchema model_schema) {
    value.expect_object();
    ForeignKey fk;
    fk.name = value.string("name");
    value.string("tableFrom"); // required by 0.31's schema; always the owning table
    fk.columns = value.strings("columnsFrom");
    fk.table_to = value.string("tableTo");
    if (model_schema != nullptr) fk.schema_to = model_schema(value.optional_string("schemaTo").value_or(""));
    fk.columns_to = value.strings("columnsTo");
    fk.on_update = value.optional_string("onUpdate").value_or("no action");
    fk.on_delete = value.optional_string("onDelete").value_or("no action");
    return fk;
}

CheckConstraint read_check(const JsonNode& node) {
    node.expect_object();
    return {node.string("name"), node.string("value")};
}

SnapshotRenames read_legacy_meta_renames(const JsonNode& meta, ModelSchema model_schema) {
    // A `"schema".` part is allowed only where the dialect has schemas.
    const std::size_t schema_parts = model_schema != nullptr ? 1 : 0;
    const auto schema_of = [&](const std::vector<std::string>& parts, std::size_t plain) {
        return parts.size() > plain ? model_schema(parts.front()) : std::string();
    };
    const auto split = [](const std::string& from, const JsonNode& to, std::size_t min, std::size_t max,
                          const char* message) {
        const auto to_text = to.string_value();
        if (!to_text) to.fail("must be a string");
        auto from_parts = split_quoted_key(from);
        auto to_parts = split_quoted_key(std::string(*to_text));
        if (!from_parts || !to_parts || from_parts->size() != to_parts->size() || from_parts->size() < min ||
            from_parts->size() > max) {
            to.fail(message);
        }
        return std::pair{std::move(*from_parts), std::move(*to_parts)};
    };
    SnapshotRenames renames;
    for (const auto& [from, to] : meta.entries("tables")) {
        const auto [from_parts, to_parts] =
            split(from, to, 1, 1 + schema_parts,
                  "a table rename must map a quoted name to a quoted name, e.g. \"t\" to \"t2\"");
        renames.tables.push_back({schema_of(from_parts, 1), from_parts.back(), to_parts.back()});
    }
    for (const auto& [from, to] : meta.entries("columns")) {
        const auto [from_parts, to_parts] = split(
            from, to, 2, 2 + schema_parts, "a column rename must map \"table\".\"column\" to \"table\".\"column\"");
        renames.columns.push_back(
            {schema_of(from_parts, 2), to_parts[to_parts.size() - 2], from_parts.back(), to_parts.back()});
    }
    return renames;
}

SnapshotLayout v1_entity_layout(const std::vector<JsonNode>& entities, std::initializer_list<std::string_view> types,
                                std::string_view key) {
    for (const auto& entity : entities) {
        const auto name = entity.find_string("entityType");
        if (!name || std::find(types.begin(), types.end(), *name) == types.end()) continue;
        return entity.key_before(key, "entityType") ? SnapshotLayout::up : SnapshotLayout::generate;
    }
    return SnapshotLayout::generate;
}

} // namespace drizzle::snapshot_detail
