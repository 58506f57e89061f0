// Introspects the configured database and keeps only the objects tablesFilter/schemaFilter/extensionsFilters manage.
#include "drizzle/kit/live_schema.hpp"

#include "config/config_detail.hpp"
#include "drizzle/dialect/dialect_ops.hpp"
#include "drizzle/dialect/registry.hpp"
#include "drizzle/error.hpp"

#include <algorithm>
#include <set>

namespace drizzle::kit {

namespace {

// Tables an extension creates in the user's schema. They are extension members too, but a
// database restored from a dump can hold them as plain tables; drizzle-kit skips them by name.
const std::vector<std::string>& extension_tables(const std::string& extension) {
    static const std::vector<std::string> postgis = {"spatial_ref_sys", "geometry_columns", "geography_columns",
                                                     "raster_columns", "raster_overviews"};
    static const std::vector<std::string> none;
    return extension == "postgis" ? postgis : none;
}

std::string schema_name(const std::string& model_schema) { return model_schema.empty() ? "public" : model_schema; }

template <typename Item, typename Keep>
void keep_if(std::vector<Item>& items, Keep keep) {
    items.erase(std::remove_if(items.begin(), items.end(), [&](const Item& item) { return !keep(item); }),
                items.end());
}

}  // namespace

bool ObjectFilter::keeps_table(const std::string& name) const {
    for (const auto& extension : extensions) {
        const auto& skipped = extension_tables(extension);
        if (std::find(skipped.begin(), skipped.end(), name) != skipped.end()) return false;
    }
    bool any_positive = false;
    bool matched_positive = false;
    for (const auto& pattern : tables) {
        if (!pattern.empty() && pattern[0] == '!') {
            if (config_detail::glob_match(std::string_view(pattern).substr(1), name)) return false;
        } else {
            any_positive = true;
            if (config_detail::glob_match(pattern, name)) matched_positive = true;
        }
    }
    return !any_positive || matched_positive;
}

ObjectFilter object_filter(const Config& config, const Schema* desired) {
    ObjectFilter filter;
    filter.tables = config.tables_filter;
    filter.extensions = config.extensions_filters;
    filter.roles = config.roles.enabled;
    // schemaFilter and the schemas push manages only mean something where objects live in schemas.
    if (!dialect_facts(*config.dialect).object_kinds().schemas) return filter;
    filter.schemas = config.schema_filter;
    if (filter.schemas.empty() && desired) {
        // Push manages public plus what the code declares; other schemas of the database are not ours.
        std::set<std::string> schemas = {"public"};
        for (const auto& name : desired->schemas) schemas.insert(name);
        for (const auto& table : desired->tables) schemas.insert(schema_name(table.schema));
        for (const auto& view : desired->views) schemas.insert(schema_name(view.schema));
        for (const auto& type : desired->enums) schemas.insert(schema_name(type.schema));
        for (const auto& sequence : desired->sequences) schemas.insert(schema_name(sequence.schema));
        filter.schemas.assign(schemas.begin(), schemas.end());
    }
    return filter;
}

void apply_filter(Schema& schema, const ObjectFilter& filter) {
    auto in_schemas = [&](const std::string& model_schema) {
        if (filter.schemas.empty()) return true;
        return std::find(filter.schemas.begin(), filter.schemas.end(), schema_name(model_schema)) !=
               filter.schemas.end();
    };
    keep_if(schema.tables, [&](const Table& t) { return in_schemas(t.schema) && filter.keeps_table(t.name); });
    keep_if(schema.views, [&](const View& v) { return in_schemas(v.schema) && filter.keeps_table(v.name); });
    keep_if(schema.schemas, [&](const std::string& name) { return in_schemas(name); });
    keep_if(schema.enums, [&](const Enum& e) { return in_schemas(e.schema); });
    keep_if(schema.sequences, [&](const Sequence& s) { return in_schemas(s.schema); });
    if (!filter.roles) schema.roles.clear();
    keep_if(schema.policies, [&](const ExternalPolicy& p) { return in_schemas(p.schema) && filter.keeps_table(p.table); });
}

ObjectCounts count_objects(const Schema& schema) {
    ObjectCounts counts;
    counts.tables = schema.tables.size();
    counts.views = schema.views.size();
    counts.enums = schema.enums.size();
    counts.sequences = schema.sequences.size();
    for (const auto& table : schema.tables) {
        counts.columns += table.columns.size();
        counts.indexes += table.indexes.size();
        counts.foreign_keys += table.foreign_keys.size();
        counts.checks += table.checks.size();
        counts.policies += table.policies.size();
    }
    return counts;
}

Schema introspect_live(const Config& config, Connection& connection, const ObjectFilter& filter,
                       const std::function<void(const std::string&)>& log) {
    IntrospectOptions options;
    options.schemas = filter.schemas;
    options.migrations_schema = config.migrations_schema;
    options.migrations_table = config.migrations_table;
    Schema schema = dialect_ops(connection.dialect()).introspect(connection, options);
    apply_filter(schema, filter);
    if (log) {
        const ObjectCounts n = count_objects(schema);
        std::string line = std::to_string(n.tables) + " tables, " + std::to_string(n.columns) + " columns, " +
                           std::to_string(n.indexes) + " indexes, " + std::to_string(n.foreign_keys) +
                           " foreign keys, " + std::to_string(n.checks) + " checks, " + std::to_string(n.views) +
                           " views";
        const DialectFacts::ObjectKinds kinds = dialect_facts(schema.dialect).object_kinds();
        if (kinds.enums) line += ", " + std::to_string(n.enums) + " enums";
        if (kinds.sequences) line += ", " + std::to_string(n.sequences) + " sequences";
        if (kinds.policies) line += ", " + std::to_string(n.policies) + " policies";
        log(line + " fetched from " + connection.describe());
    }
    return schema;
}

void align_expressions_with_live(Connection& connection, const Schema& live, Schema& desired,
                                 const std::function<void(const std::string&)>& log) {
    dialect_ops(connection.dialect()).align_with_live(connection, live, desired, log);
}

}  // namespace drizzle::kit
