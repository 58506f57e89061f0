// Lowers operations SQLite cannot ALTER into table rebuilds.
#include "dialect/sqlite/expression_text.hpp"
#include "drizzle/dialect/sqlite.hpp"
#include "util/text.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

namespace drizzle::sqlite {

namespace {

bool mentions(const std::string& text, const std::string& name) {
    return drizzle::detail::to_lower(text).find(drizzle::detail::to_lower(name)) != std::string::npos;
}

// SQLite's ALTER TABLE ADD COLUMN refuses PRIMARY KEY/UNIQUE columns, NOT NULL without a
// non-NULL default, parenthesised or CURRENT_* defaults, and STORED generated columns.
bool can_add_in_place(const Column& column) {
    if (column.primary_key) return false;
    if (column.generated && column.generated->stored) return false;
    if (column.default_value) {
        const std::string& sql = column.default_value->sql;
        const std::string upper_sql = drizzle::detail::to_upper(sql);
        if (!sql.empty() && sql.front() == '(') return false;
        if (upper_sql.rfind("CURRENT_", 0) == 0) return false;
        if (upper_sql == "NULL" && column.not_null) return false;
    } else if (column.not_null && !column.generated) {
        return false;
    }
    return true;
}

// DROP COLUMN fails for key, unique, indexed, foreign-key and generated-source columns and
// for columns named in a CHECK; a rebuild handles all of those.
bool can_drop_in_place(const Table& old_table, const Column& column, const std::set<std::string>& dropped_indexes) {
    if (column.primary_key) return false;
    auto names = [&](const std::vector<std::string>& columns) {
        return std::find(columns.begin(), columns.end(), column.name) != columns.end();
    };
    for (const auto& pk : old_table.primary_keys) {
        if (names(pk.columns)) return false;
    }
    for (const auto& fk : old_table.foreign_keys) {
        if (names(fk.columns)) return false;
    }
    for (const auto& unique : old_table.uniques) {
        if (names(unique.columns)) return false;
    }
    for (const auto& index : old_table.indexes) {
        if (dropped_indexes.count(index.name)) continue;  // dropped before the column goes
        for (const auto& element : index.columns) {
            if (element.expression == column.name || (element.is_expression && mentions(element.expression, column.name))) {
                return false;
            }
        }
    }
    for (const auto& check : old_table.checks) {
        if (mentions(check.value, column.name)) return false;
    }
    for (const auto& other : old_table.columns) {
        if (other.generated && mentions(other.generated->expression, column.name)) return false;
    }
    return true;
}

// Operations that change one existing table: a rebuild of that table replaces them.
using TableChanges = OperationList<op::AlterColumn, op::AddForeignKey, op::DropForeignKey, op::AddPrimaryKey,
                                   op::DropPrimaryKey, op::AddUnique, op::DropUnique, op::AddCheck, op::DropCheck,
                                   op::AddColumn, op::DropColumn, op::CreateIndex>;
// Operations that stand alone, kept as they are around any rebuild (and objects SQLite does not have).
using StandAlone = OperationList<op::CreateTable, op::DropTable, op::RenameTable, op::RenameColumn, op::DropIndex,
                                 op::CreateView, op::DropView, op::RecreateTable, op::CreateSchema, op::DropSchema,
                                 op::CreateEnum, op::RenameEnum, op::DropEnum, op::AddEnumValue, op::RecreateEnum,
                                 op::CreateSequence, op::DropSequence, op::AlterSequence, op::CreateRole, op::DropRole,
                                 op::AlterRole, op::EnableRls, op::DisableRls, op::CreatePolicy, op::DropPolicy>;

// The table an operation alters in place, or "" for operations that stand alone.
std::string altered_table(const Operation& operation) {
    return std::visit(drizzle::detail::overloaded{
                          [](const OneOf<TableChanges> auto& o) -> std::string { return o.table; },
                          [](const OneOf<StandAlone> auto&) -> std::string { return ""; },
                      },
                      operation);
}

// The names a kept table had and has: expressions may qualify columns with either (SQLite's
// RENAME TO rewrites the qualifiers it stores to the new one).
std::map<std::string, std::vector<std::string>> table_names(const std::vector<Operation>& operations) {
    std::map<std::string, std::vector<std::string>> names;
    for (const auto& operation : operations) {
        if (const auto* o = std::get_if<op::RenameTable>(&operation)) names[o->to].push_back(o->from);
    }
    return names;
}

bool same_elements(const std::vector<IndexColumn>& a, const std::vector<IndexColumn>& b,
                   const std::vector<std::string>& tables) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
        if (a[i].is_expression != b[i].is_expression) return false;
        if (!a[i].is_expression && a[i].expression != b[i].expression) return false;
        if (a[i].is_expression && detail::canonical_expression(a[i].expression, tables) !=
                                      detail::canonical_expression(b[i].expression, tables)) {
            return false;
        }
    }
    return true;
}

// The diff compares expression text; SQLite does not care how a check or an index predicate is
// spelled (`"t"."x"`, `t.x`, `x`, quoting, case, spacing). A dropped and re-added check or
// index that only differs in spelling is no change: both operations go, and no rebuild follows.
std::vector<Operation> without_respellings(const std::vector<Operation>& operations) {
    auto names = table_names(operations);
    auto tables_of = [&](const std::string& table) {
        std::vector<std::string> all = names[table];
        all.push_back(table);
        return all;
    };
    // Drops by (table, name), so each add finds its partner in one lookup.
    std::map<std::pair<std::string, std::string>, size_t> dropped_checks;
    std::map<std::pair<std::string, std::string>, size_t> dropped_indexes;
    for (size_t i = 0; i < operations.size(); ++i) {
        if (const auto* o = std::get_if<op::DropCheck>(&operations[i])) dropped_checks[{o->table, o->check.name}] = i;
        if (const auto* o = std::get_if<op::DropIndex>(&operations[i])) dropped_indexes[{o->table, o->index.name}] = i;
    }
    std::set<size_t> cancelled;
    if (dropped_checks.empty() && dropped_indexes.empty()) return operations;
    for (size_t j = 0; j < operations.size(); ++j) {
        if (const auto* add = std::get_if<op::AddCheck>(&operations[j])) {
            auto found = dropped_checks.find({add->table, add->check.name});
            if (found == dropped_checks.end()) continue;
            const auto& dropped = std::get<op::DropCheck>(operations[found->second]).check;
            const auto tables = tables_of(add->table);
            if (detail::canonical_expression(dropped.value, tables) ==
                detail::canonical_expression(add->check.value, tables)) {
                cancelled.insert(found->second);
                cancelled.insert(j);
            }
        } else if (const auto* create = std::get_if<op::CreateIndex>(&operations[j])) {
            auto found = dropped_indexes.find({create->table, create->index.name});
            if (found == dropped_indexes.end()) continue;
            const Index& a = std::get<op::DropIndex>(operations[found->second]).index;
            const Index& b = create->index;
            const auto tables = tables_of(create->table);
            auto predicate = [&](const Index& index) {
                return index.where ? std::optional<std::string>(detail::canonical_expression(*index.where, tables))
                                   : std::nullopt;
            };
            if (a.unique == b.unique && same_elements(a.columns, b.columns, tables) && predicate(a) == predicate(b)) {
                cancelled.insert(found->second);
                cancelled.insert(j);
            }
        }
    }
    if (cancelled.empty()) return operations;
    std::vector<Operation> out;
    for (size_t i = 0; i < operations.size(); ++i) {
        if (!cancelled.count(i)) out.push_back(operations[i]);
    }
    return out;
}

}  // namespace

std::vector<Operation> lower(const DiffResult& diff) {
    const std::vector<Operation> operations = without_respellings(diff.operations);
    // (old table, new table) by the new table's name.
    std::map<std::string, std::pair<const Table*, const Table*>> kept;
    for (const auto& [old_table, next_index] : diff.kept_tables) {
        const Table& new_table = diff.next.tables.at(next_index);
        kept[new_table.name] = {&old_table, &new_table};
    }

    std::set<std::string> dropped_indexes;
    for (const auto& operation : operations) {
        if (const auto* o = std::get_if<op::DropIndex>(&operation)) dropped_indexes.insert(o->index.name);
    }

    // Which kept tables need a rebuild.
    std::set<std::string> rebuilds;
    for (const auto& operation : operations) {
        const std::string table = altered_table(operation);
        if (table.empty() || !kept.count(table) || std::holds_alternative<op::CreateIndex>(operation)) continue;
        if (const auto* add = std::get_if<op::AddColumn>(&operation)) {
            if (can_add_in_place(add->column)) continue;
        } else if (const auto* drop = std::get_if<op::DropColumn>(&operation)) {
            if (can_drop_in_place(*kept[table].first, drop->column, dropped_indexes)) continue;
        }
        rebuilds.insert(table);
    }
    if (rebuilds.empty()) return operations;

    // Views reading from a rebuilt table must be dropped first and created again after.
    std::set<std::string> dropped_views;
    std::set<std::string> created_views;
    for (const auto& operation : operations) {
        if (const auto* o = std::get_if<op::DropView>(&operation)) dropped_views.insert(o->view.name);
        if (const auto* o = std::get_if<op::CreateView>(&operation)) created_views.insert(o->view.name);
    }
    // A view qualifies when it reads a rebuilt table or another qualifying view; views the
    // migration creates or drops anyway are left to their own operations.
    std::vector<View> dependent_views;
    std::set<std::string> reads_from = rebuilds;
    for (bool grew = true; grew;) {
        grew = false;
        for (const auto& view : diff.next.views) {
            if (view.is_existing || !view.definition || dropped_views.count(view.name) ||
                created_views.count(view.name) || reads_from.count(view.name)) {
                continue;
            }
            bool reads = std::any_of(reads_from.begin(), reads_from.end(),
                                     [&](const std::string& name) { return mentions(*view.definition, name); });
            if (reads) {
                dependent_views.push_back(view);
                reads_from.insert(view.name);
                grew = true;
            }
        }
    }
    // Dependents are dropped before what they read and created after it.
    std::reverse(dependent_views.begin(), dependent_views.end());

    std::vector<Operation> out;
    for (const auto& view : dependent_views) out.emplace_back(op::DropView{view});
    std::set<std::string> emitted;
    for (const auto& operation : operations) {
        const std::string table = altered_table(operation);
        if (!table.empty() && rebuilds.count(table)) {
            if (emitted.insert(table).second)
                out.emplace_back(op::RecreateTable{*kept[table].first, *kept[table].second});
            continue;  // folded into the rebuild, which also recreates every index of the table
        }
        out.push_back(operation);
    }
    for (auto it = dependent_views.rbegin(); it != dependent_views.rend(); ++it) out.emplace_back(op::CreateView{*it});
    return out;
}

}  // namespace drizzle::sqlite
