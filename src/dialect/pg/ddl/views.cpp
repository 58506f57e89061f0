// CREATE [OR REPLACE] VIEW and CREATE MATERIALIZED VIEW, their options and their query text.
#include "dialect/pg/ddl/parse_tree.hpp"
#include "dialect/pg/ddl/readers.hpp"

namespace drizzle::pg::ddl {

namespace {

std::vector<std::pair<std::string, std::string>> storage_options(std::size_t count, PgQuery__Node* const* options) {
    std::vector<std::pair<std::string, std::string>> out;
    for (std::size_t i = 0; i < count; ++i) {
        const PgQuery__DefElem& option = *options[i]->def_elem;
        // `WITH (security_barrier)` means true, as the catalog then records it.
        out.emplace_back(option.defname, option.arg ? value_text(option.arg) : "true");
    }
    return out;
}

// The query after the AS that follows the view's name (and its WITH (...)), up to token `last`.
std::optional<std::string> query_text(const Source& source, const PgQuery__RangeVar& name, std::size_t last) {
    const std::size_t as = source.find_outside_brackets(source.token_at(name.location), "as", last + 1);
    if (as == Source::npos || as + 1 > last) return std::nullopt;
    return source.slice_unwrapped(as + 1, last);
}

// CREATE OR REPLACE VIEW replaces an earlier definition; IF NOT EXISTS keeps it.
void add_view(Builder& b, View view, int at, bool replace, bool if_not_exists) {
    for (auto& existing : b.schema.views) {
        if (existing.schema == view.schema && existing.name == view.name) {
            if (replace && !existing.materialized) {
                existing = std::move(view);
            } else if (!if_not_exists) {
                b.problem(at, "view " + display_name(view.schema, view.name) + " is created twice");
            }
            return;
        }
    }
    b.schema.views.push_back(std::move(view));
}

}  // namespace

void read_create_view(Builder& b, const PgQuery__ViewStmt& statement, const Statement& at) {
    const PgQuery__RangeVar& name = *statement.view;
    if (std::string(name.relpersistence) == "t") b.problem(at.start, "TEMPORARY views are not part of a schema");
    if (statement.n_aliases > 0) b.problem(at.start, "view column names (and RECURSIVE views) are not supported");
    if (statement.with_check_option == PG_QUERY__VIEW_CHECK_OPTION__LOCAL_CHECK_OPTION ||
        statement.with_check_option == PG_QUERY__VIEW_CHECK_OPTION__CASCADED_CHECK_OPTION) {
        b.problem(at.start, "WITH CHECK OPTION is not supported");
        return;
    }
    View view;
    view.schema = model_schema(name.schemaname);
    view.name = name.relname;
    view.with = storage_options(statement.n_options, statement.options);
    view.definition = query_text(b.source, name, at.last);
    if (!view.definition) {
        b.problem(at.start, "cannot find the view's query");
        return;
    }
    add_view(b, std::move(view), at.start, statement.replace, false);
}

void read_create_materialized_view(Builder& b, const PgQuery__CreateTableAsStmt& statement, const Statement& at) {
    if (statement.objtype != PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW) {
        b.problem(at.start, "CREATE TABLE ... AS is not supported; declare the table's columns");
        return;
    }
    const PgQuery__IntoClause& into = *statement.into;
    if (into.n_col_names > 0) b.problem(at.start, "materialized view column names are not supported");
    View view;
    view.materialized = true;
    view.schema = model_schema(into.rel->schemaname);
    view.name = into.rel->relname;
    view.with = storage_options(into.n_options, into.options);
    view.using_ = into.access_method;
    view.tablespace = into.table_space_name;
    view.with_no_data = into.skip_data;
    // The query ends before a trailing WITH [NO] DATA.
    const Source& source = b.source;
    std::size_t last = at.last;
    if (source.is(last, "data") && source.is(last - 1, "no") && source.is(last - 2, "with")) {
        last -= 3;
    } else if (source.is(last, "data") && source.is(last - 1, "with")) {
        last -= 2;
    }
    view.definition = query_text(b.source, *into.rel, last);
    if (!view.definition) {
        b.problem(at.start, "cannot find the materialized view's query");
        return;
    }
    add_view(b, std::move(view), at.start, false, statement.if_not_exists);
}

}  // namespace drizzle::pg::ddl
