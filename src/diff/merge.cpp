// Three-way merge of schema branches: each object and table part keyed by name, changed on one side or both.
#include "drizzle/diff/merge.hpp"

#include <functional>
#include <map>
#include <optional>
#include <set>

namespace drizzle {

namespace {

using Conflicts = std::vector<std::string>;

template <class T> bool same(const T* x, const T* y) {
    if (x == nullptr || y == nullptr) return x == y;
    return *x == *y;
}

/// The leaf rule: equal sides agree; a side equal to the parent takes the other's change;
/// otherwise both changed differently (A's side is kept, the caller records the conflict).
template <class T> std::optional<T> merge_leaf(const T* p, const T* a, const T* b, bool& conflict) {
    conflict = false;
    const T* pick = a;
    if (same(a, b) || same(b, p)) {
        pick = a;
    } else if (same(a, p)) {
        pick = b;
    } else {
        conflict = true;
    }
    return pick ? std::optional<T>(*pick) : std::nullopt;
}

/// Merges three keyed lists. `merge_item` merges one key's three versions (absent = nullptr).
/// The result keeps A's order, then what only B has in B's order.
template <class T>
std::vector<T> merge_keyed(const std::vector<T>& p, const std::vector<T>& a, const std::vector<T>& b,
                           const std::function<std::string(const T&)>& key,
                           const std::function<std::optional<T>(const T*, const T*, const T*)>& merge_item) {
    auto index = [&](const std::vector<T>& list) {
        std::map<std::string, const T*> by_key;
        for (const auto& item : list)
            by_key.emplace(key(item), &item);
        return by_key;
    };
    const auto pi = index(p), ai = index(a), bi = index(b);
    auto find = [](const std::map<std::string, const T*>& m, const std::string& k) -> const T* {
        auto it = m.find(k);
        return it == m.end() ? nullptr : it->second;
    };
    std::vector<T> out;
    std::set<std::string> done;
    auto visit = [&](const std::string& k) {
        if (!done.insert(k).second) return;
        if (auto merged = merge_item(find(pi, k), find(ai, k), find(bi, k))) out.push_back(std::move(*merged));
    };
    for (const auto& item : a)
        visit(key(item));
    for (const auto& item : b)
        visit(key(item));
    for (const auto& item : p)
        visit(key(item));
    return out;
}

template <class T>
std::vector<T> merge_leaves(const std::vector<T>& p, const std::vector<T>& a, const std::vector<T>& b,
                            const std::function<std::string(const T&)>& key,
                            const std::function<std::string(const T&)>& label, Conflicts& conflicts) {
    return merge_keyed<T>(p, a, b, key, [&](const T* pp, const T* aa, const T* bb) {
        bool conflict = false;
        auto merged = merge_leaf(pp, aa, bb, conflict);
        if (conflict) conflicts.push_back(label(aa ? *aa : bb ? *bb : *pp));
        return merged;
    });
}

std::string quoted(const std::string& name) {
    return "\"" + name + "\"";
}

std::string qualified(const std::string& schema, const std::string& name) {
    if (schema.empty() || schema == "public") return quoted(name);
    return quoted(schema) + "." + quoted(name);
}

std::string key_of(const std::string& name, const std::vector<std::string>& columns) {
    if (!name.empty()) return name;
    std::string key = "(";
    for (const auto& c : columns)
        key += c + ",";
    return key + ")";
}

/// A table without its parts: what "the table's attributes" compares.
Table attributes_of(const Table& table) {
    Table header;
    header.schema = table.schema;
    header.name = table.name;
    header.rls_enabled = table.rls_enabled;
    header.policies_enable_rls = table.policies_enable_rls;
    return header;
}

Table merge_table(const Table* p, const Table& a, const Table& b, Conflicts& conflicts) {
    static const Table empty;
    const Table& base = p ? *p : empty;
    const std::string t = qualified(a.schema, a.name);
    Table merged = a;
    const Table pa = attributes_of(base), aa = attributes_of(a), ba = attributes_of(b);
    bool conflict = false;
    if (p) {
        merged = *merge_leaf(&pa, &aa, &ba, conflict);
    } else {
        conflict = !(aa == ba);
    }
    if (conflict) conflicts.push_back("table " + t + " (attributes)");
    merged.columns = merge_leaves<Column>(
        base.columns, a.columns, b.columns, [](const Column& c) { return c.name; },
        [&](const Column& c) { return "column " + t + "." + quoted(c.name); }, conflicts);
    merged.indexes = merge_leaves<Index>(
        base.indexes, a.indexes, b.indexes,
        [](const Index& i) {
            std::vector<std::string> columns;
            for (const auto& c : i.columns)
                columns.push_back(c.expression);
            return key_of(i.name, columns);
        },
        [&](const Index& i) { return "index " + t + "." + quoted(i.name); }, conflicts);
    merged.foreign_keys = merge_leaves<ForeignKey>(
        base.foreign_keys, a.foreign_keys, b.foreign_keys,
        [](const ForeignKey& f) { return key_of(f.name, f.columns); },
        [&](const ForeignKey& f) { return "foreign key " + t + "." + quoted(f.name); }, conflicts);
    merged.primary_keys = merge_leaves<PrimaryKey>(
        base.primary_keys, a.primary_keys, b.primary_keys,
        [](const PrimaryKey& k) { return key_of(k.name, k.columns); },
        [&](const PrimaryKey& k) { return "primary key " + t + "." + quoted(k.name); }, conflicts);
    merged.uniques = merge_leaves<UniqueConstraint>(
        base.uniques, a.uniques, b.uniques, [](const UniqueConstraint& u) { return key_of(u.name, u.columns); },
        [&](const UniqueConstraint& u) { return "unique " + t + "." + quoted(u.name); }, conflicts);
    merged.checks = merge_leaves<CheckConstraint>(
        base.checks, a.checks, b.checks, [](const CheckConstraint& c) { return c.name; },
        [&](const CheckConstraint& c) { return "check " + t + "." + quoted(c.name); }, conflicts);
    merged.policies = merge_leaves<Policy>(
        base.policies, a.policies, b.policies, [](const Policy& x) { return x.name; },
        [&](const Policy& x) { return "policy " + t + "." + quoted(x.name); }, conflicts);
    return merged;
}

} // namespace

BranchMerge merge_branches(const Schema& parent, const Schema& a, const Schema& b) {
    BranchMerge result;
    Conflicts& conflicts = result.conflicts;
    Schema& merged = result.merged;
    merged.dialect = a.dialect;
    merged.tables = merge_keyed<Table>(
        parent.tables, a.tables, b.tables, [](const Table& t) { return t.schema + "." + t.name; },
        [&](const Table* p, const Table* x, const Table* y) -> std::optional<Table> {
            if (x && y) {
                if (*x == *y) return *x;
                return merge_table(p, *x, *y, conflicts);
            }
            // Removed on one side (or both): fine unless the other side changed it.
            bool conflict = false;
            auto kept = merge_leaf(p, x, y, conflict);
            if (conflict) {
                const Table& t = x ? *x : *y;
                conflicts.push_back("table " + qualified(t.schema, t.name) +
                                    " (removed on one branch, changed on the other)");
            }
            return kept;
        });
    merged.views = merge_leaves<View>(
        parent.views, a.views, b.views, [](const View& v) { return v.schema + "." + v.name; },
        [](const View& v) { return "view " + qualified(v.schema, v.name); }, conflicts);
    merged.schemas = merge_leaves<std::string>(
        parent.schemas, a.schemas, b.schemas, [](const std::string& s) { return s; },
        [](const std::string& s) { return "schema " + quoted(s); }, conflicts);
    merged.enums = merge_leaves<Enum>(
        parent.enums, a.enums, b.enums, [](const Enum& e) { return e.schema + "." + e.name; },
        [](const Enum& e) { return "enum " + qualified(e.schema, e.name); }, conflicts);
    merged.sequences = merge_leaves<Sequence>(
        parent.sequences, a.sequences, b.sequences, [](const Sequence& s) { return s.schema + "." + s.name; },
        [](const Sequence& s) { return "sequence " + qualified(s.schema, s.name); }, conflicts);
    merged.roles = merge_leaves<Role>(
        parent.roles, a.roles, b.roles, [](const Role& r) { return r.name; },
        [](const Role& r) { return "role " + quoted(r.name); }, conflicts);
    merged.policies = merge_leaves<ExternalPolicy>(
        parent.policies, a.policies, b.policies,
        [](const ExternalPolicy& p) { return p.schema + "." + p.table + "." + p.policy.name; },
        [](const ExternalPolicy& p) { return "policy " + qualified(p.schema, p.table) + "." + quoted(p.policy.name); },
        conflicts);
    return result;
}

} // namespace drizzle
