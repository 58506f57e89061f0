// The dialect-neutral diff: matches tables, columns and constraints and emits typed operations.
#include "drizzle/diff/diff.hpp"

#include "drizzle/dialect/registry.hpp"
#include "drizzle/error.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <unordered_map>

namespace drizzle {

namespace {

// drizzle-kit 0.31 writes `numeric(10, 2)` and `timestamp (3)`, 1.0 and the catalogs
// `numeric(10,2)` and `timestamp(3)`: the same type.
std::string type_key(const std::string& type) {
    std::string out;
    for (size_t i = 0; i < type.size(); ++i) {
        char c = static_cast<char>(std::tolower(static_cast<unsigned char>(type[i])));
        if (c == ' ' && ((i > 0 && type[i - 1] == ',') || (i + 1 < type.size() && type[i + 1] == '('))) continue;
        out += c;
    }
    return out;
}

/// The DSL and drizzle-kit write the database's sequence defaults, the catalog reader leaves identity
/// defaults out: the same sequence once the defaults are filled in.
bool identities_equal(const DialectFacts& facts, const Column& a, const Column& b, const std::string& table) {
    if (!a.identity || !b.identity) return a.identity.has_value() == b.identity.has_value();
    auto sequence_name = [&](const Column& c) {
        return c.identity->sequence_name.empty() ? facts.identity_sequence_name(table, c.name)
                                                 : c.identity->sequence_name;
    };
    return a.identity->kind == b.identity->kind && sequence_name(a) == sequence_name(b) &&
           facts.sequence_options_with_defaults(a.identity->options, a.type) ==
               facts.sequence_options_with_defaults(b.identity->options, b.type);
}

/// PostgreSQL makes every primary-key column NOT NULL, also those of a table-level (composite)
/// key; the catalog reports them NOT NULL whether or not a schema says so. (SQLite does not.)
bool implied_not_null(const DialectFacts& facts, const Table& table, const Column& column) {
    if (column.effective_not_null()) return true;
    if (!facts.primary_key_implies_not_null()) return false;
    for (const auto& pk : table.primary_keys) {
        if (std::find(pk.columns.begin(), pk.columns.end(), column.name) != pk.columns.end()) return true;
    }
    return false;
}

bool columns_equal(const DialectFacts& facts, const Column& a, const Column& b, const Table& a_table,
                   const Table& b_table) {
    const std::string& table = b_table.name;
    return a.name == b.name && type_key(a.type) == type_key(b.type) &&
           implied_not_null(facts, a_table, a) == implied_not_null(facts, b_table, b) &&
           a.primary_key == b.primary_key && a.autoincrement == b.autoincrement && a.default_value == b.default_value &&
           a.generated == b.generated && identities_equal(facts, a, b, table) && a.type_schema == b.type_schema &&
           a.dimensions == b.dimensions;
}

/// NULLS LAST is ASC's default and NULLS FIRST DESC's: the catalog spells them out, schemas may not.
std::vector<IndexColumn> canonical_elements(std::vector<IndexColumn> columns) {
    for (auto& column : columns) {
        if ((column.asc && column.nulls == "last") || (!column.asc && column.nulls == "first")) column.nulls.clear();
    }
    return columns;
}

// Where an index came from (declared or made by SQLite for a constraint) does not change it.
// CONCURRENTLY is how an index gets built, not what it is; "" and "btree" are the same method.
bool indexes_equal(const Index& a, const Index& b) {
    auto method = [](const Index& i) { return i.method.empty() ? std::string("btree") : i.method; };
    return a.name == b.name && canonical_elements(a.columns) == canonical_elements(b.columns) &&
           a.unique == b.unique && a.where == b.where && method(a) == method(b) && a.with == b.with;
}

std::string joined(const std::vector<std::string>& parts) {
    std::string out;
    for (const auto& part : parts) out += part + ",";
    return out;
}

// Where a foreign key or primary key cannot be addressed by name (SQLite), its names are cosmetic
// and a constraint is identified by what it does; elsewhere the name identifies it.
std::string foreign_key_identity(bool by_name, const ForeignKey& fk) {
    if (by_name) return fk.name;
    return joined(fk.columns) + "->" + fk.table_to + "(" + joined(fk.columns_to) + ") " + fk.on_delete + "/" +
           fk.on_update;
}

bool foreign_keys_equal(bool by_name, const ForeignKey& a, const ForeignKey& b) {
    if (!by_name) return foreign_key_identity(by_name, a) == foreign_key_identity(by_name, b);
    auto schema_of = [](const std::string& s) { return s == "public" ? std::string() : s; };
    return a.name == b.name && a.columns == b.columns && a.table_to == b.table_to &&
           schema_of(a.schema_to) == schema_of(b.schema_to) && a.columns_to == b.columns_to &&
           a.on_delete == b.on_delete && a.on_update == b.on_update;
}

std::string primary_key_identity(bool by_name, const PrimaryKey& pk) {
    return by_name ? pk.name : joined(pk.columns);
}

/// Applies table and column renames to the old table, the way the engine rewrites it.
void rename_column_references(Table& table, const std::string& from, const std::string& to) {
    for (auto& column : table.columns) {
        if (column.name == from) column.name = to;
    }
    for (auto& index : table.indexes) {
        for (auto& element : index.columns) {
            if (!element.is_expression && element.expression == from) element.expression = to;
        }
    }
    auto rename_in = [&](std::vector<std::string>& names) {
        for (auto& name : names) {
            if (name == from) name = to;
        }
    };
    for (auto& fk : table.foreign_keys) rename_in(fk.columns);
    for (auto& pk : table.primary_keys) rename_in(pk.columns);
    for (auto& unique : table.uniques) rename_in(unique.columns);
}

/// A target never asks for a key that accepts NULL (drizzle's primaryKey() is NOT NULL); only
/// the database side can be in that state (Column::primary_key_nullable), and the diff fixes it.
Schema with_keys_not_null(Schema schema) {
    for (auto& table : schema.tables) {
        for (auto& column : table.columns) column.primary_key_nullable = false;
    }
    return schema;
}

class Differ {
public:
    Differ(const Schema& prev, const Schema& next, Resolver& resolver, NamingStyle naming)
        : prev_(normalize_for_diff(prev, naming)), next_(normalize_for_diff(with_keys_not_null(next), naming)),
          resolver_(resolver), dialect_(next.dialect), facts_(dialect_facts(next.dialect)),
          by_name_(facts_.constraints_addressed_by_name()) {}

    DiffResult run() {
        match_enums();
        match_tables();
        std::vector<std::pair<Table, const Table*>> matched;  // (old table with renames applied, new table)
        for (const auto& [prev_index, next_index] : table_pairs_) {
            Table old_table = prev_.tables[prev_index];
            const Table& new_table = next_.tables[next_index];
            if (old_table.name != new_table.name) {
                ops_rename_tables_.push_back(op::RenameTable{new_table.schema, old_table.name, new_table.name});
                apply_table_rename(old_table.name, new_table.name);
                keep_key_name_on_rename(old_table, new_table.name, dialect_);
                old_table.name = new_table.name;
            }
            matched.emplace_back(std::move(old_table), &new_table);
        }
        // Foreign keys of every old table must see the renames, so rename first, then compare.
        for (auto& [old_table, new_table] : matched) match_columns(old_table, *new_table);
        for (auto& [old_table, new_table] : matched) {
            for (auto& fk : old_table.foreign_keys) {
                if (auto it = table_renames_.find(fk.table_to); it != table_renames_.end()) fk.table_to = it->second;
                auto renames = column_renames_.find(fk.table_to);
                if (renames != column_renames_.end()) {
                    for (auto& column : fk.columns_to) {
                        if (auto r = renames->second.find(column); r != renames->second.end()) column = r->second;
                    }
                }
            }
        }
        for (const auto& [old_table, new_table] : matched) diff_table(old_table, *new_table);
        diff_views();
        diff_database_objects();

        DiffResult result = assemble();
        for (auto& [old_table, new_table] : matched) {
            result.kept_tables.emplace_back(std::move(old_table),
                                            static_cast<std::size_t>(new_table - next_.tables.data()));
        }
        result.next = std::move(next_);
        return result;
    }

private:
    void apply_table_rename(const std::string& from, const std::string& to) { table_renames_[from] = to; }

    // Enum renames are settled first: columns of the old schema then name the new type, so a
    // renamed type does not look like a type change of every column that uses it.
    void match_enums() {
        auto same = [](const Enum& a, const Enum& b) { return a.schema == b.schema && a.name == b.name; };
        std::vector<Enum> removed;
        for (const auto& type : prev_.enums) {
            if (std::none_of(next_.enums.begin(), next_.enums.end(), [&](const Enum& e) { return same(e, type); })) {
                removed.push_back(type);
            }
        }
        for (const auto& type : next_.enums) {
            if (std::any_of(prev_.enums.begin(), prev_.enums.end(), [&](const Enum& e) { return same(e, type); })) continue;
            std::vector<std::string> candidates;
            for (const auto& old : removed) {
                if (old.schema == type.schema) candidates.push_back(old.name);
            }
            if (candidates.empty()) continue;
            RenameQuestion question{RenameQuestion::Kind::enum_, type.schema, "", type.name, candidates};
            auto from = resolver_.resolve(question);
            decisions_.push_back({question.kind, type.schema, "", type.name, from.value_or("")});
            if (!from) continue;
            ops_rename_enums_.push_back(op::RenameEnum{type.schema, *from, type.name});
            removed.erase(std::remove_if(removed.begin(), removed.end(),
                                         [&](const Enum& e) { return e.schema == type.schema && e.name == *from; }),
                          removed.end());
            for (auto& old : prev_.enums) {
                if (old.schema == type.schema && old.name == *from) old.name = type.name;
            }
            for (auto& table : prev_.tables) {
                for (auto& column : table.columns) {
                    const bool same_schema = column.type_schema == type.schema ||
                                             (column.type_schema == "public" && type.schema.empty());
                    if (!column.type_schema.empty() && same_schema && column.type == *from) column.type = type.name;
                }
            }
        }
    }

    /// (schema, name) -> position, so matching N tables is N lookups rather than N^2 compares.
    static std::map<std::pair<std::string_view, std::string_view>, size_t> table_positions(const Schema& schema) {
        std::map<std::pair<std::string_view, std::string_view>, size_t> positions;
        for (size_t i = 0; i < schema.tables.size(); ++i) {
            positions.emplace(std::pair<std::string_view, std::string_view>(schema.tables[i].schema, schema.tables[i].name), i);
        }
        return positions;
    }

    void match_tables() {
        std::vector<size_t> removed;
        std::vector<size_t> added;
        const auto prev_positions = table_positions(prev_);
        const auto next_positions = table_positions(next_);
        for (size_t i = 0; i < prev_.tables.size(); ++i) {
            const auto& t = prev_.tables[i];
            if (!next_positions.count({t.schema, t.name})) removed.push_back(i);
        }
        for (size_t j = 0; j < next_.tables.size(); ++j) {
            const auto& t = next_.tables[j];
            if (auto old = prev_positions.find({t.schema, t.name}); old != prev_positions.end()) {
                table_pairs_.emplace_back(old->second, j);
            } else {
                added.push_back(j);
            }
        }
        for (size_t j : added) {
            const Table& t = next_.tables[j];
            std::vector<std::string> candidates;
            for (size_t i : removed) {
                if (prev_.tables[i].schema == t.schema) candidates.push_back(prev_.tables[i].name);
            }
            std::optional<std::string> from;
            if (!candidates.empty()) {
                RenameQuestion question{RenameQuestion::Kind::table, t.schema, "", t.name, candidates};
                from = resolver_.resolve(question);
                decisions_.push_back({question.kind, t.schema, "", t.name, from.value_or("")});
            }
            if (from) {
                auto it = std::find_if(removed.begin(), removed.end(), [&](size_t i) {
                    return prev_.tables[i].name == *from && prev_.tables[i].schema == t.schema;
                });
                if (it == removed.end()) throw UserError("rename of table \"" + *from + "\" is not a removed table");
                table_pairs_.emplace_back(*it, j);
                removed.erase(it);
            } else {
                ops_create_tables_.push_back(op::CreateTable{t});
                for (const auto& index : t.indexes) ops_create_indexes_.push_back(op::CreateIndex{t.schema, t.name, index});
                // normalize_for_diff applied drizzle's "policies enable RLS" to drizzle sources only.
                if (t.rls_enabled) ops_enable_rls_.push_back(op::EnableRls{t.schema, t.name});
                for (const auto& policy : t.policies) ops_create_policies_.push_back(op::CreatePolicy{t.schema, t.name, policy});
            }
        }
        for (size_t i : removed) dropped_tables_.push_back(prev_.tables[i]);
        std::sort(table_pairs_.begin(), table_pairs_.end(),
                  [&](auto a, auto b) { return next_.tables[a.second].name < next_.tables[b.second].name; });
    }

    void match_columns(Table& old_table, const Table& new_table) {
        std::vector<std::string> removed;
        std::vector<std::string> added;
        for (const auto& c : old_table.columns) {
            if (new_table.find_column(c.name) == nullptr) removed.push_back(c.name);
        }
        for (const auto& c : new_table.columns) {
            if (old_table.find_column(c.name) == nullptr) added.push_back(c.name);
        }
        if (removed.empty() || added.empty()) return;
        for (const auto& name : added) {
            if (removed.empty()) break;
            RenameQuestion question{RenameQuestion::Kind::column, new_table.schema, new_table.name, name, removed};
            auto from = resolver_.resolve(question);
            decisions_.push_back({question.kind, new_table.schema, new_table.name, name, from.value_or("")});
            if (!from) continue;
            auto it = std::find(removed.begin(), removed.end(), *from);
            if (it == removed.end()) {
                throw UserError("rename of column \"" + *from + "\" in table \"" + new_table.name +
                                "\" is not a removed column");
            }
            removed.erase(it);
            ops_rename_columns_.push_back(op::RenameColumn{new_table.schema, new_table.name, *from, name});
            rename_column_references(old_table, *from, name);
            column_renames_[new_table.name][*from] = name;
        }
    }

    void diff_table(const Table& old_table, const Table& new_table) {
        const std::string& schema = new_table.schema;
        const std::string& name = new_table.name;
        // Columns losing the primary key go first, so a key moving to another column is dropped
        // before it is added again.
        for (int pass = 0; pass < 2; ++pass) {
            for (const auto& column : new_table.columns) {
                const Column* old_column = old_table.find_column(column.name);
                if (old_column == nullptr) {
                    if (pass == 1) ops_add_columns_.push_back(op::AddColumn{schema, name, column});
                    continue;
                }
                const bool loses_key = old_column->primary_key && !column.primary_key;
                if ((pass == 0) == loses_key && !columns_equal(facts_, *old_column, column, old_table, new_table)) {
                    ops_alter_columns_.push_back(op::AlterColumn{schema, name, *old_column, column});
                }
            }
        }
        for (const auto& column : old_table.columns) {
            if (new_table.find_column(column.name) == nullptr) {
                ops_drop_columns_.push_back(op::DropColumn{schema, name, column});
            }
        }
        // Indexes: by name; any change is drop + create.
        for (const auto& index : old_table.indexes) {
            auto it = std::find_if(new_table.indexes.begin(), new_table.indexes.end(),
                                   [&](const Index& i) { return i.name == index.name; });
            if (it == new_table.indexes.end() || !indexes_equal(*it, index)) {
                ops_drop_indexes_.push_back(op::DropIndex{schema, name, index});
            }
        }
        for (const auto& index : new_table.indexes) {
            auto it = std::find_if(old_table.indexes.begin(), old_table.indexes.end(),
                                   [&](const Index& i) { return i.name == index.name; });
            if (it == old_table.indexes.end() || !indexes_equal(*it, index)) {
                ops_create_indexes_.push_back(op::CreateIndex{schema, name, index});
            }
        }
        for (const auto& fk : old_table.foreign_keys) {
            auto it = std::find_if(new_table.foreign_keys.begin(), new_table.foreign_keys.end(),
                                   [&](const ForeignKey& f) { return foreign_keys_equal(by_name_, f, fk); });
            if (it == new_table.foreign_keys.end()) ops_drop_fks_.push_back(op::DropForeignKey{schema, name, fk});
        }
        for (const auto& fk : new_table.foreign_keys) {
            auto it = std::find_if(old_table.foreign_keys.begin(), old_table.foreign_keys.end(),
                                   [&](const ForeignKey& f) { return foreign_keys_equal(by_name_, f, fk); });
            if (it == old_table.foreign_keys.end()) ops_add_fks_.push_back(op::AddForeignKey{schema, name, fk});
        }
        for (const auto& pk : old_table.primary_keys) {
            auto it =
                std::find_if(new_table.primary_keys.begin(), new_table.primary_keys.end(), [&](const PrimaryKey& p) {
                    return primary_key_identity(by_name_, p) == primary_key_identity(by_name_, pk) &&
                           p.columns == pk.columns;
                });
            if (it == new_table.primary_keys.end()) ops_drop_pks_.push_back(op::DropPrimaryKey{schema, name, pk});
        }
        for (const auto& pk : new_table.primary_keys) {
            auto it =
                std::find_if(old_table.primary_keys.begin(), old_table.primary_keys.end(), [&](const PrimaryKey& p) {
                    return primary_key_identity(by_name_, p) == primary_key_identity(by_name_, pk) &&
                           p.columns == pk.columns;
                });
            if (it == old_table.primary_keys.end()) ops_add_pks_.push_back(op::AddPrimaryKey{schema, name, pk});
        }
        // SQLite cannot address a UNIQUE constraint by name (its index is sqlite_autoindex_<t>_N),
        // so there, as for foreign keys, the columns identify it and a table rename changes nothing.
        auto same_unique = [this](const UniqueConstraint& a, const UniqueConstraint& b) {
            return (!by_name_ || a.name == b.name) && a.columns == b.columns &&
                   a.nulls_not_distinct == b.nulls_not_distinct;
        };
        for (const auto& unique : old_table.uniques) {
            auto it = std::find_if(new_table.uniques.begin(), new_table.uniques.end(),
                                   [&](const UniqueConstraint& u) { return same_unique(u, unique); });
            if (it == new_table.uniques.end()) ops_drop_uniques_.push_back(op::DropUnique{schema, name, unique});
        }
        for (const auto& unique : new_table.uniques) {
            auto it = std::find_if(old_table.uniques.begin(), old_table.uniques.end(),
                                   [&](const UniqueConstraint& u) { return same_unique(u, unique); });
            if (it == old_table.uniques.end()) ops_add_uniques_.push_back(op::AddUnique{schema, name, unique});
        }
        for (const auto& check : old_table.checks) {
            auto it = std::find(new_table.checks.begin(), new_table.checks.end(), check);
            if (it == new_table.checks.end()) ops_drop_checks_.push_back(op::DropCheck{schema, name, check});
        }
        for (const auto& check : new_table.checks) {
            auto it = std::find(old_table.checks.begin(), old_table.checks.end(), check);
            if (it == old_table.checks.end()) ops_add_checks_.push_back(op::AddCheck{schema, name, check});
        }
        if (!old_table.rls_enabled && new_table.rls_enabled) ops_enable_rls_.push_back(op::EnableRls{schema, name});
        if (old_table.rls_enabled && !new_table.rls_enabled) ops_disable_rls_.push_back(op::DisableRls{schema, name});
        for (const auto& policy : old_table.policies) {
            auto it = std::find(new_table.policies.begin(), new_table.policies.end(), policy);
            if (it == new_table.policies.end()) ops_drop_policies_.push_back(op::DropPolicy{schema, name, policy});
        }
        for (const auto& policy : new_table.policies) {
            auto it = std::find(old_table.policies.begin(), old_table.policies.end(), policy);
            if (it == old_table.policies.end()) ops_create_policies_.push_back(op::CreatePolicy{schema, name, policy});
        }
    }

    // Schemas, enums, sequences and roles: matched by name; no rename questions for them yet.
    void diff_database_objects() {
        for (const auto& name : next_.schemas) {
            if (std::find(prev_.schemas.begin(), prev_.schemas.end(), name) == prev_.schemas.end()) {
                ops_create_schemas_.push_back(op::CreateSchema{name});
            }
        }
        for (const auto& name : prev_.schemas) {
            if (std::find(next_.schemas.begin(), next_.schemas.end(), name) == next_.schemas.end()) {
                ops_drop_schemas_.push_back(op::DropSchema{name});
            }
        }
        for (const auto& type : next_.enums) {
            auto it = std::find_if(prev_.enums.begin(), prev_.enums.end(),
                                   [&](const Enum& e) { return e.schema == type.schema && e.name == type.name; });
            if (it == prev_.enums.end()) {
                ops_create_enums_.push_back(op::CreateEnum{type});
            } else if (it->values != type.values) {
                diff_enum_values(*it, type);
            }
        }
        for (const auto& type : prev_.enums) {
            auto it = std::find_if(next_.enums.begin(), next_.enums.end(),
                                   [&](const Enum& e) { return e.schema == type.schema && e.name == type.name; });
            if (it == next_.enums.end()) ops_drop_enums_.push_back(op::DropEnum{type});
        }
        for (const auto& sequence : next_.sequences) {
            auto it = std::find_if(prev_.sequences.begin(), prev_.sequences.end(), [&](const Sequence& q) {
                return q.schema == sequence.schema && q.name == sequence.name;
            });
            if (it == prev_.sequences.end()) {
                ops_create_sequences_.push_back(op::CreateSequence{sequence});
            } else if (!(facts_.sequence_options_with_defaults(it->options, "") ==
                         facts_.sequence_options_with_defaults(sequence.options, ""))) {
                ops_alter_sequences_.push_back(op::AlterSequence{*it, sequence});
            }
        }
        for (const auto& sequence : prev_.sequences) {
            auto it = std::find_if(next_.sequences.begin(), next_.sequences.end(), [&](const Sequence& q) {
                return q.schema == sequence.schema && q.name == sequence.name;
            });
            if (it == next_.sequences.end()) ops_drop_sequences_.push_back(op::DropSequence{sequence});
        }
        for (const auto& role : next_.roles) {
            auto it = std::find_if(prev_.roles.begin(), prev_.roles.end(), [&](const Role& r) { return r.name == role.name; });
            if (it == prev_.roles.end()) {
                ops_create_roles_.push_back(op::CreateRole{role});
            } else if (!(*it == role)) {
                ops_alter_roles_.push_back(op::AlterRole{*it, role});
            }
        }
        for (const auto& role : prev_.roles) {
            auto it = std::find_if(next_.roles.begin(), next_.roles.end(), [&](const Role& r) { return r.name == role.name; });
            if (it == next_.roles.end()) ops_drop_roles_.push_back(op::DropRole{role});
        }
    }

    /// The name `type` had in prev (before an enum rename of this diff).
    std::string name_before_renames(const Enum& type) const {
        for (const auto& rename : ops_rename_enums_) {
            if (rename.schema == type.schema && rename.to == type.name) return rename.from;
        }
        return type.name;
    }

    // Values only added (old order kept) become ADD VALUE; anything else recreates the type.
    void diff_enum_values(const Enum& old_type, const Enum& new_type) {
        std::vector<std::string> kept;
        for (const auto& value : new_type.values) {
            if (std::find(old_type.values.begin(), old_type.values.end(), value) != old_type.values.end()) {
                kept.push_back(value);
            }
        }
        if (kept == old_type.values) {
            for (size_t i = 0; i < new_type.values.size(); ++i) {
                const auto& value = new_type.values[i];
                if (std::find(old_type.values.begin(), old_type.values.end(), value) != old_type.values.end()) continue;
                std::string before;
                for (size_t j = i + 1; j < new_type.values.size() && before.empty(); ++j) {
                    if (std::find(old_type.values.begin(), old_type.values.end(), new_type.values[j]) !=
                        old_type.values.end()) {
                        before = new_type.values[j];
                    }
                }
                // Written against the name the type has before this migration (ADD VALUE runs first,
                // ahead of an enum rename): the migrator commits it before the rest, where the
                // value may be used (PostgreSQL refuses uncommitted values, SQLSTATE 55P04).
                ops_add_enum_values_.push_back(op::AddEnumValue{new_type.schema, name_before_renames(new_type), value, before});
            }
            return;
        }
        // The recreate runs before renames and column changes, so it works on the old columns
        // (prev_ has enum renames applied) and looks up where each one ends up.
        auto uses_type = [&](const Column& column) {
            const bool same_schema = column.type_schema == new_type.schema ||
                                     ((column.type_schema.empty() || column.type_schema == "public") &&
                                      (new_type.schema.empty() || new_type.schema == "public"));
            return !column.type_schema.empty() && column.type == new_type.name && same_schema;
        };
        op::RecreateEnum recreate{old_type, new_type, {}};
        for (const auto& table : prev_.tables) {
            auto renamed_table = table_renames_.find(table.name);
            const std::string next_table_name = renamed_table == table_renames_.end() ? table.name : renamed_table->second;
            const Table* next_table = next_.find_table(next_table_name, table.schema);
            for (const auto& column : table.columns) {
                if (!uses_type(column)) continue;
                op::RecreateEnum::ColumnUse use;
                use.schema = table.schema;
                use.table = table.name;
                use.column = column.name;
                use.had_default = column.default_value.has_value();
                use.dimensions = column.dimensions;
                std::string next_column_name = column.name;
                if (auto renames = column_renames_.find(next_table_name); renames != column_renames_.end()) {
                    if (auto r = renames->second.find(column.name); r != renames->second.end()) next_column_name = r->second;
                }
                const Column* next_column = next_table ? next_table->find_column(next_column_name) : nullptr;
                if (next_column != nullptr && uses_type(*next_column) && next_column->dimensions == column.dimensions) {
                    use.cast_back = true;
                    if (next_column->default_value) use.new_default = next_column->default_value->sql;
                }
                recreate.columns.push_back(std::move(use));
            }
        }
        ops_recreate_enums_.push_back(std::move(recreate));
    }

    void diff_views() {
        for (const auto& view : prev_.views) {
            if (view.is_existing) continue;
            const View* next_view = next_.find_view(view.name, view.schema);
            if (next_view == nullptr || next_view->is_existing || !(*next_view == view)) {
                ops_drop_views_.push_back(op::DropView{view});
            }
        }
        for (const auto& view : next_.views) {
            if (view.is_existing) continue;
            const View* prev_view = prev_.find_view(view.name, view.schema);
            if (prev_view == nullptr || prev_view->is_existing || !(*prev_view == view)) {
                ops_create_views_.push_back(op::CreateView{view});
            }
        }
    }

    // Tables that reference other dropped tables go first, so no drop breaks a reference.
    // Dropped tables, referencing ones before the tables they reference, otherwise by name; in a
    // cycle the first by name goes first (the migration needs foreign keys off then anyway).
    // Kahn's algorithm over name-sorted tables: a down migration of a whole schema drops every
    // table, and scanning all remaining tables' keys for each pick made that cubic.
    std::vector<Table> drop_order() const {
        std::vector<Table> tables = dropped_tables_;
        std::sort(tables.begin(), tables.end(), [](const Table& a, const Table& b) { return a.name < b.name; });
        std::unordered_map<std::string, std::vector<std::size_t>> by_name;
        for (std::size_t i = 0; i < tables.size(); ++i)
            by_name[tables[i].name].push_back(i);
        // references[i]: the other tables i has a foreign key to (a key matches by table name).
        std::vector<std::vector<std::size_t>> references(tables.size());
        std::vector<std::size_t> referenced_by(tables.size(), 0);
        for (std::size_t i = 0; i < tables.size(); ++i) {
            std::set<std::size_t> targets;
            for (const auto& fk : tables[i].foreign_keys) {
                auto found = by_name.find(fk.table_to);
                if (found == by_name.end()) continue;
                for (std::size_t j : found->second)
                    if (j != i) targets.insert(j);
            }
            for (std::size_t j : targets)
                ++referenced_by[j];
            references[i].assign(targets.begin(), targets.end());
        }
        std::set<std::size_t> remaining, unreferenced;
        for (std::size_t i = 0; i < tables.size(); ++i) {
            remaining.insert(i);
            if (referenced_by[i] == 0) unreferenced.insert(i);
        }
        std::vector<Table> ordered;
        while (!remaining.empty()) {
            const std::size_t pick = unreferenced.empty() ? *remaining.begin() : *unreferenced.begin();
            remaining.erase(pick);
            unreferenced.erase(pick);
            for (std::size_t j : references[pick]) {
                if (--referenced_by[j] == 0 && remaining.count(j) != 0) unreferenced.insert(j);
            }
            ordered.push_back(std::move(tables[pick]));
        }
        return ordered;
    }

    // A dropped check on a column whose enum is recreated (`s <> 'review'::status`) goes before
    // the recreate, which casts the column to text: the check would make that cast fail. It runs
    // before the table renames, so it names the table as it was.
    void hoist_checks_on_recreated_enums(std::vector<Operation>& out) {
        for (auto it = ops_drop_checks_.begin(); it != ops_drop_checks_.end();) {
            std::string old_name = it->table;
            for (const auto& [from, to] : table_renames_) {
                if (to == it->table) old_name = from;
            }
            const bool on_recreated =
                std::any_of(ops_recreate_enums_.begin(), ops_recreate_enums_.end(), [&](const op::RecreateEnum& r) {
                    return std::any_of(r.columns.begin(), r.columns.end(), [&](const op::RecreateEnum::ColumnUse& use) {
                        return use.schema == it->schema && use.table == old_name;
                    });
                });
            if (!on_recreated) {
                ++it;
                continue;
            }
            op::DropCheck early = *it;
            early.table = old_name;
            out.emplace_back(std::move(early));
            it = ops_drop_checks_.erase(it);
        }
    }

    DiffResult assemble() {
        DiffResult result;
        auto& out = result.operations;
        // One allocation: an operation is a variant as large as a whole table, and a migration
        // of a thousand tables would move each one several times while the vector grows.
        const auto count = [](const auto&... lists) { return (lists.size() + ...); };
        out.reserve(dropped_tables_.size() +
                    count(ops_add_enum_values_, ops_create_schemas_, ops_rename_enums_, ops_create_enums_,
                          ops_create_sequences_, ops_alter_sequences_, ops_create_roles_, ops_alter_roles_,
                          ops_drop_views_, ops_drop_policies_, ops_recreate_enums_, ops_rename_tables_,
                          ops_rename_columns_, ops_create_tables_, ops_enable_rls_, ops_drop_indexes_, ops_drop_fks_,
                          ops_drop_uniques_, ops_drop_checks_, ops_drop_pks_, ops_alter_columns_, ops_add_pks_,
                          ops_add_columns_, ops_add_fks_, ops_add_uniques_, ops_add_checks_, ops_drop_columns_,
                          ops_create_indexes_, ops_create_views_, ops_create_policies_, ops_disable_rls_,
                          ops_drop_enums_, ops_drop_sequences_, ops_drop_roles_, ops_drop_schemas_));
        auto append = [&out](auto& ops) {
            for (auto& o : ops) out.emplace_back(std::move(o));
        };
        // Enum values first: they touch only types that exist already, and a migration that starts
        // with them can have them committed before the statements that use them.
        append(ops_add_enum_values_);
        append(ops_create_schemas_);
        append(ops_rename_enums_);
        append(ops_create_enums_);
        append(ops_create_sequences_);
        append(ops_alter_sequences_);
        append(ops_create_roles_);
        append(ops_alter_roles_);
        append(ops_drop_views_);
        append(ops_drop_policies_);
        hoist_checks_on_recreated_enums(out);
        append(ops_recreate_enums_);
        append(ops_rename_tables_);
        append(ops_rename_columns_);
        append(ops_create_tables_);
        append(ops_enable_rls_);
        append(ops_drop_indexes_);
        append(ops_drop_fks_);
        append(ops_drop_uniques_);
        append(ops_drop_checks_);
        append(ops_drop_pks_);
        append(ops_alter_columns_);
        append(ops_add_pks_);
        append(ops_add_columns_);
        append(ops_add_fks_);
        append(ops_add_uniques_);
        append(ops_add_checks_);
        append(ops_drop_columns_);
        for (auto& table : drop_order()) out.emplace_back(op::DropTable{std::move(table)});
        append(ops_create_indexes_);
        append(ops_create_views_);
        append(ops_create_policies_);
        append(ops_disable_rls_);
        append(ops_drop_enums_);
        append(ops_drop_sequences_);
        append(ops_drop_roles_);
        append(ops_drop_schemas_);
        result.decisions = std::move(decisions_);
        return result;
    }

    Schema prev_;
    Schema next_;
    Resolver& resolver_;
    Dialect dialect_;
    const DialectFacts& facts_;
    bool by_name_; // constraints are addressed (and so identified) by name
    std::vector<std::pair<size_t, size_t>> table_pairs_;
    std::vector<Table> dropped_tables_;
    std::map<std::string, std::string> table_renames_;
    std::map<std::string, std::map<std::string, std::string>> column_renames_;
    std::vector<RenameDecision> decisions_;

    std::vector<op::DropView> ops_drop_views_;
    std::vector<op::RenameTable> ops_rename_tables_;
    std::vector<op::RenameColumn> ops_rename_columns_;
    std::vector<op::CreateTable> ops_create_tables_;
    std::vector<op::DropIndex> ops_drop_indexes_;
    std::vector<op::DropForeignKey> ops_drop_fks_;
    std::vector<op::DropUnique> ops_drop_uniques_;
    std::vector<op::DropCheck> ops_drop_checks_;
    std::vector<op::DropPrimaryKey> ops_drop_pks_;
    std::vector<op::AlterColumn> ops_alter_columns_;
    std::vector<op::AddPrimaryKey> ops_add_pks_;
    std::vector<op::AddColumn> ops_add_columns_;
    std::vector<op::AddForeignKey> ops_add_fks_;
    std::vector<op::AddUnique> ops_add_uniques_;
    std::vector<op::AddCheck> ops_add_checks_;
    std::vector<op::DropColumn> ops_drop_columns_;
    std::vector<op::CreateIndex> ops_create_indexes_;
    std::vector<op::CreateView> ops_create_views_;
    std::vector<op::CreateSchema> ops_create_schemas_;
    std::vector<op::DropSchema> ops_drop_schemas_;
    std::vector<op::CreateEnum> ops_create_enums_;
    std::vector<op::RenameEnum> ops_rename_enums_;
    std::vector<op::DropEnum> ops_drop_enums_;
    std::vector<op::AddEnumValue> ops_add_enum_values_;
    std::vector<op::RecreateEnum> ops_recreate_enums_;
    std::vector<op::CreateSequence> ops_create_sequences_;
    std::vector<op::DropSequence> ops_drop_sequences_;
    std::vector<op::AlterSequence> ops_alter_sequences_;
    std::vector<op::CreateRole> ops_create_roles_;
    std::vector<op::DropRole> ops_drop_roles_;
    std::vector<op::AlterRole> ops_alter_roles_;
    std::vector<op::EnableRls> ops_enable_rls_;
    std::vector<op::DisableRls> ops_disable_rls_;
    std::vector<op::CreatePolicy> ops_create_policies_;
    std::vector<op::DropPolicy> ops_drop_policies_;
};

}  // namespace

DiffResult diff(const Schema& prev, const Schema& next, Resolver& resolver, NamingStyle naming) {
    if (prev.dialect != next.dialect && !prev.tables.empty()) {
        throw UserError("cannot diff a " + std::string(to_string(prev.dialect)) + " schema against a " +
                        std::string(to_string(next.dialect)) + " schema");
    }
    return Differ(prev, next, resolver, naming).run();
}

}  // namespace drizzle
