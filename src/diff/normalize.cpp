// The canonical form of a schema that diff() compares.
#include "drizzle/diff/diff.hpp"
#include "drizzle/schema/naming.hpp"

namespace drizzle {

Schema normalize_for_diff(const Schema& schema) {
    Schema out = schema;
    for (auto& table : out.tables) {
        for (auto& fk : table.foreign_keys) {
            if (!fk.name_explicit || fk.name.empty()) {
                fk.name = default_foreign_key_name(NamingStyle::v1, schema.dialect, table.name, fk);
            }
        }
        for (auto& pk : table.primary_keys) {
            if (!pk.name_explicit || pk.name.empty()) {
                pk.name = default_primary_key_name(NamingStyle::v1, schema.dialect, table.name, pk.columns);
            }
        }
        for (auto& unique : table.uniques) {
            if (!unique.name_explicit || unique.name.empty()) {
                unique.name = default_unique_name(NamingStyle::v1, schema.dialect, table.name, unique.columns);
            }
        }
        if (schema.dialect == Dialect::sqlite) {
            // SQLite keeps every UNIQUE constraint as a unique index; drizzle-kit 0.31 writes
            // `.unique()` as an index too. Comparing both as indexes makes the sources agree.
            for (const auto& unique : table.uniques) {
                Index index;
                index.name = unique.name;
                index.unique = true;
                for (const auto& column : unique.columns) index.columns.push_back({column, false});
                table.indexes.push_back(std::move(index));
            }
            table.uniques.clear();
        }
    }
    return out;
}

}  // namespace drizzle
