// The canonical form of a schema that diff() compares.
#include "drizzle/diff/diff.hpp"
#include "drizzle/schema/naming.hpp"

#include <algorithm>
#include <map>
#include <string_view>

namespace drizzle {

void assign_default_names(Schema& schema, NamingStyle naming, bool rederive) {
    for (auto& table : schema.tables) {
        for (auto& fk : table.foreign_keys) {
            if (fk.name.empty() || (rederive && !fk.name_explicit)) fk.name = default_foreign_key_name(naming, schema.dialect, table.name, fk);
        }
        for (auto& pk : table.primary_keys) {
            if (pk.name.empty() || (rederive && !pk.name_explicit)) pk.name = default_primary_key_name(naming, schema.dialect, table.name, pk.columns);
        }
        for (auto& unique : table.uniques) {
            if (unique.name.empty() || (rederive && !unique.name_explicit)) {
                unique.name = default_unique_name(naming, schema.dialect, table.name, unique.columns);
                // drizzle-kit 1.0 names only a column's own `.unique()` the PostgreSQL way (_key).
                if (naming == NamingStyle::v1 && schema.dialect == Dialect::postgresql && !unique.column_level) {
                    unique.name = default_unique_name(NamingStyle::legacy, schema.dialect, table.name, unique.columns);
                }
            }
        }
    }
}

void adopt_constraint_names(const Schema& prev, Schema& next) {
    // Indexed once: a lookup per table over a 1000-table schema was quadratic.
    std::map<std::pair<std::string_view, std::string_view>, const Table*> prev_tables;
    for (const auto& table : prev.tables) {
        prev_tables.emplace(std::pair<std::string_view, std::string_view>(table.schema, table.name), &table);
    }
    for (auto& table : next.tables) {
        auto found = prev_tables.find({table.schema, table.name});
        if (found == prev_tables.end()) continue;
        const Table* old_table = found->second;
        for (auto& fk : table.foreign_keys) {
            if (fk.name_explicit) continue;
            for (const auto& old : old_table->foreign_keys) {
                if (!old.name_explicit && old.columns == fk.columns && old.table_to == fk.table_to &&
                    old.schema_to == fk.schema_to && old.columns_to == fk.columns_to && old.on_delete == fk.on_delete &&
                    old.on_update == fk.on_update) {
                    fk.name = old.name;
                }
            }
        }
        for (auto& unique : table.uniques) {
            if (unique.name_explicit) continue;
            for (const auto& old : old_table->uniques) {
                if (!old.name_explicit && old.columns == unique.columns &&
                    old.nulls_not_distinct == unique.nulls_not_distinct) {
                    unique.name = old.name;
                }
            }
        }
        for (auto& pk : table.primary_keys) {
            if (pk.name_explicit) continue;
            for (const auto& old : old_table->primary_keys) {
                if (!old.name_explicit && old.columns == pk.columns) pk.name = old.name;
            }
        }
    }
}

Schema normalize_for_diff(const Schema& schema, NamingStyle naming) {
    Schema out = schema;
    assign_default_names(out, naming);
    for (auto& table : out.tables) {
        // A one-column key declared at table level is the same key as the column's own; the
        // engine reports it as the column's (PostgreSQL names it <table>_pkey either way).
        if (table.primary_keys.size() == 1 && table.primary_keys[0].columns.size() == 1) {
            const auto& pk = table.primary_keys[0];
            const bool default_name = !pk.name_explicit || pk.name == table.name + "_pkey";
            if (schema.dialect == Dialect::sqlite || default_name) {
                for (auto& column : table.columns) {
                    if (column.name == pk.columns[0]) column.primary_key = true;
                }
                table.primary_keys.clear();
            }
        }
        if (schema.dialect == Dialect::sqlite) {
            // SQLite accepts NULL in key columns that are not the rowid; we declare them NOT NULL
            // (the renderer does), so a key column is NOT NULL unless the database says otherwise.
            for (const auto& pk : table.primary_keys) {
                for (auto& column : table.columns) {
                    if (std::find(pk.columns.begin(), pk.columns.end(), column.name) != pk.columns.end() &&
                        !column.primary_key_nullable) {
                        column.not_null = true;
                    }
                }
            }
        }
        if (schema.dialect == Dialect::sqlite && naming == NamingStyle::legacy) {
            // A UNIQUE constraint (SQLite's sqlite_autoindex_*) is not a named index: it cannot be
            // dropped by name and goes only with a rebuild, so v1 folders and push keep the two
            // apart. drizzle-kit 0.31 writes `.unique()` as a CREATE UNIQUE INDEX and its
            // snapshots know no unique constraints, so a 0.31 folder compares (and writes) them
            // as the unique indexes they are there.
            for (const auto& unique : table.uniques) {
                Index index;
                index.name = unique.name;
                index.unique = true;
                for (const auto& column : unique.columns) index.columns.push_back(index_column(column));
                table.indexes.push_back(std::move(index));
            }
            table.uniques.clear();
        }
    }
    return out;
}

}  // namespace drizzle
