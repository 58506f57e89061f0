// SQLite's part of the canonical form the diff compares: keys and unique constraints as the engine has them.
#include "dialect/sqlite/facts/sqlite_normalize.hpp"

#include <algorithm>

namespace drizzle::sqlite {

void normalize_schema(Schema& schema, NamingStyle naming) {
    for (auto& table : schema.tables) {
        // A one-column key declared at table level is the same key as the column's own; the
        // engine reports it as the column's.
        if (table.primary_keys.size() == 1 && table.primary_keys[0].columns.size() == 1) {
            const auto& pk = table.primary_keys[0];
            for (auto& column : table.columns) {
                if (column.name == pk.columns[0]) column.primary_key = true;
            }
            table.primary_keys.clear();
        }
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
        if (naming == NamingStyle::legacy) {
            // A UNIQUE constraint (SQLite's sqlite_autoindex_*) is not a named index: it cannot be
            // dropped by name and goes only with a rebuild, so v1 folders and push keep the two
            // apart. drizzle-kit 0.31 writes `.unique()` as a CREATE UNIQUE INDEX and its
            // snapshots know no unique constraints, so a 0.31 folder compares (and writes) them
            // as the unique indexes they are there.
            for (const auto& unique : table.uniques) {
                Index index;
                index.name = unique.name;
                index.unique = true;
                for (const auto& column : unique.columns)
                    index.columns.push_back(index_column(column));
                table.indexes.push_back(std::move(index));
            }
            table.uniques.clear();
        }
    }
}

} // namespace drizzle::sqlite
