// The canonical form of a schema that diff() compares, and constraint names carried over.
#include "drizzle/dialect/registry.hpp"
#include "drizzle/diff/diff.hpp"
#include "drizzle/schema/naming.hpp"

#include <algorithm>
#include <map>
#include <string_view>

namespace drizzle {

void assign_default_names(Schema& schema, NamingStyle naming, bool rederive) {
    if (schema.tables.empty()) return;
    const DialectFacts& facts = dialect_facts(schema.dialect);
    for (auto& table : schema.tables) {
        for (auto& fk : table.foreign_keys) {
            if (fk.name.empty() || (rederive && !fk.name_explicit))
                fk.name = facts.default_foreign_key_name(naming, table.name, fk);
        }
        for (auto& pk : table.primary_keys) {
            if (pk.name.empty() || (rederive && !pk.name_explicit))
                pk.name = facts.default_primary_key_name(naming, table.name, pk.columns);
        }
        for (auto& unique : table.uniques) {
            if (unique.name.empty() || (rederive && !unique.name_explicit)) {
                unique.name = facts.default_unique_constraint_name(naming, table.name, unique);
            }
        }
    }
}

namespace {

using TableKey = std::pair<std::string, std::string>;  // (schema, table)

std::string model_schema(const std::string& schema) { return schema == "public" ? std::string() : schema; }

/// Where each table and column of the old schema went, from the rename decisions of a diff.
class RenameMap {
public:
    explicit RenameMap(const std::vector<RenameDecision>& decisions) {
        for (const auto& d : decisions) {
            if (!d.is_rename()) continue;
            const std::string schema = model_schema(d.schema);
            if (d.kind == RenameQuestion::Kind::table) {
                old_table_[{schema, d.name}] = d.from;
                new_table_[{schema, d.from}] = d.name;
            } else if (d.kind == RenameQuestion::Kind::column) {
                columns_[{schema, d.table}][d.from] = d.name;
            }
        }
    }
    /// The old name of the table now called `table`.
    std::string old_table(const std::string& schema, const std::string& table) const {
        auto it = old_table_.find({model_schema(schema), table});
        return it == old_table_.end() ? table : it->second;
    }
    /// The new name of the old table `table`.
    std::string new_table(const std::string& schema, const std::string& table) const {
        auto it = new_table_.find({model_schema(schema), table});
        return it == new_table_.end() ? table : it->second;
    }
    /// An old column's names in the new table `table` (named as it is now).
    std::vector<std::string> new_columns(const std::string& schema, const std::string& table,
                                         std::vector<std::string> columns) const {
        auto it = columns_.find({model_schema(schema), table});
        if (it == columns_.end()) return columns;
        for (auto& column : columns) {
            if (auto r = it->second.find(column); r != it->second.end()) column = r->second;
        }
        return columns;
    }

private:
    std::map<TableKey, std::string> old_table_;
    std::map<TableKey, std::string> new_table_;
    std::map<TableKey, std::map<std::string, std::string>> columns_;
};

/// The old table's single-column key on `column` (named as in the new table): its name as the
/// database has it, "" when there is none. `explicit_name` tells whether it was given.
std::string old_single_key_name(const DialectFacts& facts, const Table& old_table, const std::string& new_table_name,
                                const RenameMap& renames, const std::string& column, bool& explicit_name) {
    for (const auto& c : old_table.columns) {
        if (!c.primary_key || renames.new_columns(old_table.schema, new_table_name, {c.name})[0] != column) continue;
        explicit_name = c.primary_key_name_explicit;
        // A column's own key carries drizzle-kit 1.0's default name when it has none of its own.
        return c.primary_key_name.empty() ? facts.default_primary_key_name(NamingStyle::v1, old_table.name, {c.name})
                                          : c.primary_key_name;
    }
    for (const auto& pk : old_table.primary_keys) {
        if (pk.columns.size() != 1 || renames.new_columns(old_table.schema, new_table_name, pk.columns)[0] != column) {
            continue;
        }
        explicit_name = pk.name_explicit;
        return pk.name;
    }
    return "";
}

}  // namespace

void adopt_constraint_names(const Schema& prev, Schema& next, const std::vector<RenameDecision>& renames,
                            bool prev_is_database) {
    const RenameMap moved(renames);
    const DialectFacts& facts = dialect_facts(next.dialect);
    // Where renames keep constraint names, a single-column key keeps its name with them.
    const bool keep_key_names = facts.keeps_constraint_names_on_rename();
    // A name the database has is kept whatever its origin; a snapshot's explicit name only when
    // the new schema gives the same one (then nothing is adopted anyway).
    auto adoptable = [&](bool old_explicit) { return prev_is_database || !old_explicit; };
    // Indexed once: a lookup per table over a 1000-table schema was quadratic.
    std::map<std::pair<std::string_view, std::string_view>, const Table*> prev_tables;
    for (const auto& table : prev.tables) {
        prev_tables.emplace(std::pair<std::string_view, std::string_view>(table.schema, table.name), &table);
    }
    for (auto& table : next.tables) {
        const std::string old_name = moved.old_table(table.schema, table.name);
        auto found = prev_tables.find({table.schema, old_name});
        if (found == prev_tables.end()) continue;
        const Table* old_table = found->second;
        auto now = [&](const std::vector<std::string>& columns) {
            return moved.new_columns(table.schema, table.name, columns);
        };
        for (auto& fk : table.foreign_keys) {
            if (fk.name_explicit) continue;
            for (const auto& old : old_table->foreign_keys) {
                const std::string old_target = moved.new_table(old.schema_to, old.table_to);
                if (adoptable(old.name_explicit) && now(old.columns) == fk.columns && old_target == fk.table_to &&
                    model_schema(old.schema_to) == model_schema(fk.schema_to) &&
                    moved.new_columns(old.schema_to, old_target, old.columns_to) == fk.columns_to &&
                    old.on_delete == fk.on_delete && old.on_update == fk.on_update) {
                    fk.name = old.name;
                }
            }
        }
        for (auto& unique : table.uniques) {
            if (unique.name_explicit) continue;
            for (const auto& old : old_table->uniques) {
                if (adoptable(old.name_explicit) && now(old.columns) == unique.columns &&
                    old.nulls_not_distinct == unique.nulls_not_distinct) {
                    unique.name = old.name;
                }
            }
        }
        for (auto& pk : table.primary_keys) {
            if (pk.name_explicit) continue;
            for (const auto& old : old_table->primary_keys) {
                if (adoptable(old.name_explicit) && now(old.columns) == pk.columns) pk.name = old.name;
            }
            if (keep_key_names && pk.columns.size() == 1) {
                bool old_explicit = false;
                std::string name =
                    old_single_key_name(facts, *old_table, table.name, moved, pk.columns[0], old_explicit);
                if (!name.empty() && adoptable(old_explicit)) pk.name = name;
            }
        }
        // PostgreSQL keeps a key's name when its table is renamed; so does drizzle-kit 1.0.
        if (!keep_key_names) continue;
        for (auto& column : table.columns) {
            if (!column.primary_key || column.primary_key_name_explicit) continue;
            bool old_explicit = false;
            const std::string name =
                old_single_key_name(facts, *old_table, table.name, moved, column.name, old_explicit);
            if (name.empty() || !adoptable(old_explicit)) continue;
            column.primary_key_name = facts.is_default_primary_key_name(table.name, name) ? "" : name;
        }
    }
}

void keep_names_through_renames(const Schema& prev, Schema& next, DiffResult& diff, NamingStyle naming,
                                bool prev_is_database) {
    // SQLite rebuilds derived unique-index names with the table (its own convention); this is
    // for databases like PostgreSQL, where constraints are addressed by name and renames keep them.
    if (!dialect_facts(next.dialect).keeps_constraint_names_on_rename()) return;
    const bool renamed = std::any_of(diff.decisions.begin(), diff.decisions.end(), [](const RenameDecision& d) {
        return d.is_rename() && (d.kind == RenameQuestion::Kind::table || d.kind == RenameQuestion::Kind::column);
    });
    if (!renamed) return;
    // PostgreSQL never renames a constraint with its table or column, and drizzle-kit 1.0 keeps the
    // name too: re-deriving it would drop and re-add the constraint (slow, and locks a big table).
    const Schema before = next;
    adopt_constraint_names(prev, next, diff.decisions, prev_is_database);
    if (next == before) return;
    ScriptedResolver same_answers(diff.decisions);
    diff = drizzle::diff(prev, next, same_answers, naming);
}

void keep_key_name_on_rename(Table& old_table, const std::string& new_name, Dialect dialect) {
    const DialectFacts& facts = dialect_facts(dialect);
    if (!facts.keeps_constraint_names_on_rename()) return; // e.g. SQLite: keys have no name to keep
    for (auto& column : old_table.columns) {
        if (!column.primary_key || !column.primary_key_name.empty() || !old_table.primary_keys.empty()) continue;
        const std::string name = facts.database_primary_key_name(old_table.name);
        if (facts.is_default_primary_key_name(new_name, name)) continue;
        old_table.primary_keys.push_back({name, true, {column.name}});
        column.primary_key = false;
        column.not_null = true;
    }
    // The converse: a key the table kept from an earlier name (a rename's own, or a down
    // migration's reverse rename) that is the new name's default is the column's own key again;
    // comparing it as a table-level constraint would drop and re-add it, which fails while
    // foreign keys of other tables use it.
    if (old_table.primary_keys.size() == 1 && old_table.primary_keys[0].columns.size() == 1 &&
        facts.is_default_primary_key_name(new_name, old_table.primary_keys[0].name)) {
        for (auto& column : old_table.columns) {
            if (column.name == old_table.primary_keys[0].columns[0]) column.primary_key = true;
        }
        old_table.primary_keys.clear();
    }
}

Schema normalize_for_diff(Schema schema, NamingStyle naming) {
    assign_default_names(schema, naming);
    // How keys, names and defaults are stored is the database's own business.
    dialect_facts(schema.dialect).normalize(schema, naming);
    return schema;
}

}  // namespace drizzle
