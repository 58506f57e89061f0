// Table constraints (PRIMARY KEY, UNIQUE, FOREIGN KEY, CHECK), declared in CREATE TABLE, on a
// column, or added by ALTER TABLE.
#include "dialect/pg/ddl/parse_tree.hpp"
#include "dialect/pg/ddl/readers.hpp"
#include "drizzle/schema/naming.hpp"

#include <algorithm>
#include <set>

namespace drizzle::pg::ddl {

namespace {

std::vector<std::string> names_of(std::size_t count, PgQuery__Node* const* items) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < count; ++i)
        out.push_back(string_of(items[i]));
    return out;
}

std::string action_name(const std::string& code) {
    if (code == "c") return "cascade";
    if (code == "n") return "set null";
    if (code == "d") return "set default";
    if (code == "r") return "restrict";
    return "no action";
}

// PostgreSQL's makeObjectName (UTF-8 safe, shared with the diff's name rules).
std::string object_name(const std::string& name1, const std::string& name2, const std::string& label) {
    return pg_object_name(name1, name2, label);
}

std::set<std::string> constraint_names_in(const Schema& schema, const Table& extra) {
    std::set<std::string> names;
    auto add = [&](const Table& table) {
        if (table.schema != extra.schema) return;
        for (const auto& check : table.checks)
            names.insert(check.name);
        for (const auto& fk : table.foreign_keys)
            names.insert(fk.name);
        for (const auto& unique : table.uniques)
            names.insert(unique.name);
        for (const auto& pk : table.primary_keys)
            names.insert(pk.name);
    };
    for (const auto& table : schema.tables)
        add(table);
    add(extra);
    return names;
}

// The name PostgreSQL gives an unnamed CHECK (AddRelationNewConstraints): `<table>_<column>_check`
// when the expression uses exactly one column, else `<table>_check`; then `check1`, `check2`, ...
// until no constraint of the schema has it.
std::string default_check_name(const Builder& b, const Table& table, const PgQuery__Constraint& constraint) {
    std::vector<std::string> columns;
    for_each_column_ref(&constraint.raw_expr->base, [&](const PgQuery__ColumnRef& ref) {
        const std::string name = ref.n_fields ? string_of(ref.fields[ref.n_fields - 1]) : "";
        if (!name.empty() && std::find(columns.begin(), columns.end(), name) == columns.end()) columns.push_back(name);
    });
    const std::string column = columns.size() == 1 ? columns[0] : "";
    const auto taken = constraint_names_in(b.schema, table);
    std::string name = object_name(table.name, column, "check");
    for (int pass = 1; taken.count(name) > 0; ++pass)
        name = object_name(table.name, column, "check" + std::to_string(pass));
    return name;
}

}  // namespace

void check_constraint_clauses(Builder& b, const PgQuery__Constraint& constraint) {
    const int at = constraint.location;
    if (constraint.deferrable || constraint.initdeferred) b.problem(at, "DEFERRABLE constraints are not supported");
    if (constraint.skip_validation) b.problem(at, "NOT VALID is not supported");
    if (constraint.is_no_inherit) b.problem(at, "NO INHERIT is not supported");
    if (constraint.n_including > 0) b.problem(at, "INCLUDE is not supported");
    if (constraint.n_options > 0) b.problem(at, "WITH (...) on a constraint's index is not supported");
    if (constraint.indexspace[0] != '\0') b.problem(at, "USING INDEX TABLESPACE is not supported");
    if (constraint.indexname[0] != '\0') b.problem(at, "USING INDEX is not supported");
}

void read_foreign_key(Builder& b, Table& table, const PgQuery__Constraint& constraint,
                      std::vector<std::string> columns) {
    check_constraint_clauses(b, constraint);
    const int at = constraint.location;
    if (std::string(constraint.fk_matchtype) == "f" || std::string(constraint.fk_matchtype) == "p") {
        b.problem(at, "MATCH FULL and MATCH PARTIAL are not supported");
    }
    if (constraint.n_fk_del_set_cols > 0) b.problem(at, "ON DELETE SET NULL (columns) is not supported");
    ForeignKey fk;
    fk.name = constraint.conname;
    fk.name_explicit = !fk.name.empty();
    fk.columns = std::move(columns);
    fk.table_to = constraint.pktable->relname;
    fk.schema_to = model_schema(constraint.pktable->schemaname);
    fk.columns_to = names_of(constraint.n_pk_attrs, constraint.pk_attrs);
    fk.on_delete = action_name(constraint.fk_del_action);
    fk.on_update = action_name(constraint.fk_upd_action);
    if (fk.columns_to.empty()) b.key_references.push_back({table.schema, table.name, table.foreign_keys.size(), at});
    table.foreign_keys.push_back(std::move(fk));
}

void read_check(Builder& b, Table& table, const PgQuery__Constraint& constraint) {
    check_constraint_clauses(b, constraint);
    const Source& source = b.source;
    const std::size_t keyword =
        source.find_outside_brackets(source.token_at(constraint.location), "check", source.size());
    std::size_t after = Source::npos;
    const std::string expression = source.parenthesized(keyword, after);
    if (after == Source::npos) {
        b.problem(constraint.location, "cannot find the CHECK expression");
        return;
    }
    std::string name = constraint.conname;
    if (name.empty()) name = default_check_name(b, table, constraint);
    table.checks.push_back({name, expression});
}

void read_table_constraint(Builder& b, Table& table, const PgQuery__Constraint& constraint) {
    switch (constraint.contype) {
    case PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY: {
        check_constraint_clauses(b, constraint);
        PrimaryKey pk{constraint.conname, constraint.conname[0] != '\0', names_of(constraint.n_keys, constraint.keys)};
        // PostgreSQL makes key columns NOT NULL; the DSL records that on the columns too.
        for (auto& column : table.columns) {
            if (std::find(pk.columns.begin(), pk.columns.end(), column.name) != pk.columns.end())
                column.not_null = true;
        }
        table.primary_keys.push_back(std::move(pk));
        break;
    }
    case PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE: {
        check_constraint_clauses(b, constraint);
        UniqueConstraint unique;
        unique.name = constraint.conname;
        unique.name_explicit = !unique.name.empty();
        unique.columns = names_of(constraint.n_keys, constraint.keys);
        unique.nulls_not_distinct = constraint.nulls_not_distinct;
        table.uniques.push_back(std::move(unique));
        break;
    }
    case PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN:
        read_foreign_key(b, table, constraint, names_of(constraint.n_fk_attrs, constraint.fk_attrs));
        break;
    case PG_QUERY__CONSTR_TYPE__CONSTR_CHECK:
        read_check(b, table, constraint);
        break;
    case PG_QUERY__CONSTR_TYPE__CONSTR_EXCLUSION:
        b.problem(constraint.location, "EXCLUDE constraints are not supported");
        break;
    default:
        b.problem(constraint.location, "this table constraint is not supported");
        break;
    }
}

}  // namespace drizzle::pg::ddl
