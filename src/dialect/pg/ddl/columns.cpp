// Column definitions and the constraints written on a column.
#include "dialect/pg/ddl/readers.hpp"
#include "dialect/pg/facts/snapshot/pg_common.hpp"

namespace drizzle::pg::ddl {

namespace {

int location_of(const PgQuery__Node* node) {
    if (node->node_case == PG_QUERY__NODE__NODE_CONSTRAINT) return node->constraint->location;
    if (node->node_case == PG_QUERY__NODE__NODE_COLLATE_CLAUSE) return node->collate_clause->location;
    return -1;
}

// The DEFAULT expression runs until the next constraint of the column (or the column's end).
ColumnDefault read_default(const Source& source, const PgQuery__Constraint& constraint, int limit) {
    const std::size_t keyword =
        source.find_outside_brackets(source.token_at(constraint.location), "default", source.size());
    const std::size_t first = keyword + 1;
    return default_from(source, first, source.expression_last(first, limit), constraint.raw_expr);
}

void read_primary_key(Builder& b, Table& table, Column& column, const PgQuery__Constraint& constraint) {
    check_constraint_clauses(b, constraint);
    const std::string name = constraint.conname;
    if (name.empty() || name == table.name + "_pkey") {
        column.primary_key = true;
        return;
    }
    // Another name only fits a table-level key, as the DSL's primary_key({"id"}, "name").
    table.primary_keys.push_back({name, true, {column.name}});
    column.not_null = true;
}

void read_unique(Builder& b, Table& table, const Column& column, const PgQuery__Constraint& constraint) {
    check_constraint_clauses(b, constraint);
    UniqueConstraint unique;
    unique.name = constraint.conname;
    unique.name_explicit = !unique.name.empty();
    unique.columns = {column.name};
    unique.column_level = true;
    unique.nulls_not_distinct = constraint.nulls_not_distinct;
    table.uniques.push_back(std::move(unique));
}

void read_identity(Builder& b, Column& column, const PgQuery__Constraint& constraint) {
    IdentityColumn identity;
    identity.kind =
        std::string(constraint.generated_when) == "d" ? IdentityColumn::Kind::by_default : IdentityColumn::Kind::always;
    // Every option is recorded, PostgreSQL's defaults for the column's type included, as a C++
    // header's identity reads back from the exporter's snapshot.
    identity.options =
        snapshot_detail::pg_identity_options_filled(read_sequence_options(b, constraint.n_options, constraint.options,
                                                                          constraint.location, &identity.sequence_name),
                                                    column.type);
    column.identity = identity;
    column.not_null = true;  // as the DSL records it: identity columns are NOT NULL
}

void read_generated(Builder& b, Column& column, const PgQuery__Constraint& constraint) {
    std::size_t after = Source::npos;
    std::string expression = b.source.parenthesized(b.source.token_at(constraint.location), after);
    if (after == Source::npos) {
        b.problem(constraint.location, "cannot find the generated column's expression");
        return;
    }
    column.generated = GeneratedColumn{std::move(expression), true};
}

}  // namespace

ColumnDefault default_from(const Source& source, std::size_t first, std::size_t last, const PgQuery__Node* expression) {
    ColumnDefault value{ColumnDefault::Kind::expression, source.slice(first, last)};
    // Literal numbers and booleans are what the DSL's default_(5) / default_(true) give; the
    // kind decides how 0.31 snapshots store them.
    if (expression != nullptr && expression->node_case == PG_QUERY__NODE__NODE_A_CONST) {
        const auto kind = expression->a_const->val_case;
        if (kind == PG_QUERY__A__CONST__VAL_IVAL || kind == PG_QUERY__A__CONST__VAL_FVAL) {
            value.kind = ColumnDefault::Kind::number;
        } else if (kind == PG_QUERY__A__CONST__VAL_BOOLVAL) {
            value.kind = ColumnDefault::Kind::boolean;
            value.sql = expression->a_const->boolval->boolval ? "true" : "false";
        }
    }
    return value;
}

void read_column(Builder& b, Table& table, const PgQuery__ColumnDef& definition) {
    Column column;
    column.name = definition.colname;
    const int at = definition.location;
    if (definition.compression[0] != '\0')
        b.problem(at, "column \"" + column.name + "\": COMPRESSION is not supported");
    if (definition.storage[0] != '\0') b.problem(at, "column \"" + column.name + "\": STORAGE is not supported");
    if (definition.n_fdwoptions > 0) b.problem(at, "column \"" + column.name + "\": OPTIONS (...) is not supported");
    if (definition.coll_clause != nullptr) {
        b.problem(definition.coll_clause->location, "column \"" + column.name + "\": COLLATE is not supported");
    }
    // Each clause ends where the next one starts.
    std::vector<int> starts;
    for (std::size_t i = 0; i < definition.n_constraints; ++i)
        starts.push_back(location_of(definition.constraints[i]));
    int type_end = starts.empty() ? -1 : starts.front();
    if (definition.coll_clause != nullptr && (type_end < 0 || definition.coll_clause->location < type_end)) {
        type_end = definition.coll_clause->location;
    }
    read_column_type(b, table, column, *definition.type_name, type_end);

    for (std::size_t i = 0; i < definition.n_constraints; ++i) {
        if (definition.constraints[i]->node_case != PG_QUERY__NODE__NODE_CONSTRAINT) continue;
        const PgQuery__Constraint& constraint = *definition.constraints[i]->constraint;
        const int next = i + 1 < starts.size() ? starts[i + 1] : -1;
        switch (constraint.contype) {
        case PG_QUERY__CONSTR_TYPE__CONSTR_NULL:
        case PG_QUERY__CONSTR_TYPE__CONSTR_ATTR_NOT_DEFERRABLE:  // both state the default
        case PG_QUERY__CONSTR_TYPE__CONSTR_ATTR_IMMEDIATE:
            break;
        case PG_QUERY__CONSTR_TYPE__CONSTR_NOTNULL:
            column.not_null = true;
            break;
        case PG_QUERY__CONSTR_TYPE__CONSTR_DEFAULT:
            column.default_value = read_default(b.source, constraint, next);
            break;
        case PG_QUERY__CONSTR_TYPE__CONSTR_IDENTITY:
            read_identity(b, column, constraint);
            break;
        case PG_QUERY__CONSTR_TYPE__CONSTR_GENERATED:
            read_generated(b, column, constraint);
            break;
        case PG_QUERY__CONSTR_TYPE__CONSTR_CHECK:
            read_check(b, table, constraint);
            break;
        case PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY:
            read_primary_key(b, table, column, constraint);
            break;
        case PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE:
            read_unique(b, table, column, constraint);
            break;
        case PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN:
            read_foreign_key(b, table, constraint, {column.name});
            break;
        default:
            b.problem(constraint.location,
                      "column \"" + column.name + "\": DEFERRABLE and INITIALLY are not supported");
            break;
        }
    }
    table.columns.push_back(std::move(column));
}

}  // namespace drizzle::pg::ddl
