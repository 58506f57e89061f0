// CREATE [UNIQUE] INDEX [CONCURRENTLY]: method, elements (columns or expressions, ordering,
// NULLS placement, operator class), WITH (...) and WHERE.
#include "dialect/pg/ddl/parse_tree.hpp"
#include "dialect/pg/ddl/readers.hpp"
#include "dialect/pg/facts/snapshot/pg_common.hpp"

namespace drizzle::pg::ddl {

namespace {

using Range = std::pair<std::size_t, std::size_t>;

// The comma-separated elements between the parentheses that follow the table's name.
std::vector<Range> element_ranges(const Source& source, const PgQuery__IndexStmt& statement, std::size_t& close) {
    std::vector<Range> ranges;
    std::size_t open = source.token_at(statement.relation->location);
    while (open < source.size() && source.token_text(open) != "(")
        ++open;
    close = open < source.size() ? source.closing(open) : Source::npos;
    if (close == Source::npos) return ranges;
    std::size_t first = open + 1;
    while (first < close) {
        const std::size_t comma = source.find_outside_brackets(first, ",", close);
        const std::size_t last = comma == Source::npos ? close - 1 : comma - 1;
        ranges.emplace_back(first, last);
        if (comma == Source::npos) break;
        first = comma + 1;
    }
    return ranges;
}

// An expression element is written `(expr)` or `func(...)`, then its operator class, ASC/DESC
// and NULLS FIRST/LAST; what precedes those trailing words (as the tree counts them) is the
// expression, kept without its own parentheses as the DSL's sql("...") is.
std::string element_expression(const Source& source, const PgQuery__IndexElem& element, Range range) {
    auto [first, last] = range;
    if (element.nulls_ordering == PG_QUERY__SORT_BY_NULLS__SORTBY_NULLS_FIRST ||
        element.nulls_ordering == PG_QUERY__SORT_BY_NULLS__SORTBY_NULLS_LAST) {
        last -= 2;
    }
    if (element.ordering == PG_QUERY__SORT_BY_DIR__SORTBY_ASC ||
        element.ordering == PG_QUERY__SORT_BY_DIR__SORTBY_DESC) {
        last -= 1;
    }
    if (element.n_opclass > 0) last -= 2 * element.n_opclass - 1;
    return source.slice_unwrapped(first, last);
}

void read_element(Builder& b, Index& index, const PgQuery__IndexElem& element, const Range* range, int at) {
    if (element.n_collation > 0) b.problem(at, "COLLATE in an index is not supported");
    if (element.n_opclassopts > 0) b.problem(at, "operator class options are not supported");
    if (element.ordering == PG_QUERY__SORT_BY_DIR__SORTBY_USING) b.problem(at, "ORDER BY ... USING is not supported");
    IndexColumn column;
    // `("a")` is a plain column to PostgreSQL too.
    const PgQuery__Node* expression = element.expr;
    const bool column_in_parentheses = expression != nullptr &&
                                       expression->node_case == PG_QUERY__NODE__NODE_COLUMN_REF &&
                                       expression->column_ref->n_fields == 1;
    if (element.name[0] != '\0') {
        column.expression = element.name;
    } else if (column_in_parentheses) {
        column.expression = string_of(expression->column_ref->fields[0]);
    } else if (range != nullptr) {
        column.expression = element_expression(b.source, element, *range);
        column.is_expression = true;
    } else {
        b.problem(at, "cannot find the text of an index expression");
    }
    column.asc = element.ordering != PG_QUERY__SORT_BY_DIR__SORTBY_DESC;
    if (element.nulls_ordering == PG_QUERY__SORT_BY_NULLS__SORTBY_NULLS_FIRST) column.nulls = "first";
    if (element.nulls_ordering == PG_QUERY__SORT_BY_NULLS__SORTBY_NULLS_LAST) column.nulls = "last";
    column.opclass = dotted(element.n_opclass, element.opclass);
    index.columns.push_back(std::move(column));
}

bool is_view(const Builder& b, const PgQuery__RangeVar& relation) {
    for (const auto& view : b.schema.views) {
        if (view.schema == model_schema(relation.schemaname) && view.name == relation.relname) return true;
    }
    return false;
}

}  // namespace

void read_create_index(Builder& b, const PgQuery__IndexStmt& statement, const Statement& at) {
    if (is_view(b, *statement.relation)) {
        b.problem(statement.relation->location, "indexes on materialized views are not supported");
        return;
    }
    Table* table = b.table_for(*statement.relation, "CREATE INDEX");
    if (table == nullptr) return;
    if (statement.table_space[0] != '\0') b.problem(at.start, "TABLESPACE is not supported");
    if (statement.n_index_including_params > 0) b.problem(at.start, "INCLUDE is not supported");
    if (statement.nulls_not_distinct)
        b.problem(at.start, "NULLS NOT DISTINCT on an index is not supported; use a UNIQUE constraint");

    Index index;
    index.name = statement.idxname;
    index.name_explicit = !index.name.empty();
    index.unique = statement.unique;
    index.concurrently = statement.concurrent;
    index.method = std::string(statement.access_method) == "btree" ? "" : statement.access_method;
    for (std::size_t i = 0; i < statement.n_options; ++i) {
        const PgQuery__DefElem& option = *statement.options[i]->def_elem;
        index.with.emplace_back(option.defname, option.arg ? value_text(option.arg) : "true");
    }

    std::size_t close = Source::npos;
    const auto ranges = element_ranges(b.source, statement, close);
    const bool ranges_fit = ranges.size() == statement.n_index_params;
    for (std::size_t i = 0; i < statement.n_index_params; ++i) {
        read_element(b, index, *statement.index_params[i]->index_elem, ranges_fit ? &ranges[i] : nullptr, at.start);
    }
    if (statement.where_clause != nullptr && close != Source::npos) {
        const std::size_t keyword = b.source.find_outside_brackets(close + 1, "where", at.last + 1);
        if (keyword != Source::npos) index.where = b.source.slice_unwrapped(keyword + 1, at.last);
    }
    for (const auto& existing : table->indexes) {
        if (existing.name == index.name && !index.name.empty()) {
            // PostgreSQL skips CREATE INDEX IF NOT EXISTS of an index it has.
            if (!statement.if_not_exists) b.problem(at.start, "index \"" + index.name + "\" is created twice");
            return;
        }
    }
    if (index.name.empty()) {
        bool named_by_columns = true;
        for (const auto& column : index.columns)
            named_by_columns = named_by_columns && !column.is_expression;
        if (!named_by_columns) b.problem(at.start, "an index on expressions needs a name");
        // drizzle's default name, as drizzle-orm gives an unnamed index().on(...).
        index.name = snapshot_detail::pg_default_index_name(table->name, index.columns);
    }
    table->indexes.push_back(std::move(index));
}

}  // namespace drizzle::pg::ddl
