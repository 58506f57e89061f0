// The reader's evaluation of what every dialect's DSL shares (dsl/common.hpp): column setters,
// table-level setters, index targets, references, sequence parameters. Each reads its arguments
// by the C++ parameter types and calls the DSL's own setter, so a read header means what the
// compiled one means.
#pragma once

#include "dsl/reader/header_reader.hpp"

namespace drizzle::dsl::reader {

/// `sql("...")`, or nullopt when `e` is not that call.
inline std::optional<Sql> read_sql(Context& cx, const Expr& e) {
    const Expr& x = Context::unwrap(e);
    if (cx.called_dsl_name(x) != "sql") return std::nullopt;
    const auto args = Context::arguments(x);
    if (args.size() != 1) cx.fail(x, "sql() takes one argument");
    return sql(cx.text(args[0]));
}

/// `{.on_delete = ..., .on_update = ..., .name = ...}`.
inline ReferenceOptions read_reference_options(Context& cx, const Expr& e) {
    ReferenceOptions options;
    cx.fields(e, {"on_delete", "on_update", "name"}, [&](const std::string& field, const Expr& value) {
        (field == "on_delete"   ? options.on_delete
         : field == "on_update" ? options.on_update
                                : options.name) = cx.text(value);
    });
    return options;
}

/// `{.increment = 1, ..., .cycle = true, .name = "..."}`.
inline SequenceParams read_sequence_params(Context& cx, const Expr& e) {
    SequenceParams params;
    cx.fields(e, {"increment", "min_value", "max_value", "start_with", "cache", "cycle", "name"},
              [&](const std::string& field, const Expr& value) {
                  if (field == "cycle") {
                      params.cycle = cx.bool_value(value);
                  } else if (field == "name") {
                      params.name = cx.text(value);
                  } else {
                      const std::int64_t number = cx.int64_value(value);
                      (field == "increment"    ? params.increment
                       : field == "min_value"  ? params.min_value
                       : field == "max_value"  ? params.max_value
                       : field == "start_with" ? params.start_with
                                               : params.cache) = number;
                  }
              });
    return params;
}

/// `users["id"]` (a table variable of type Handle), `ref("table", "column")`, and with
/// `with_schema` also `ref("schema", "table", "column")`.
template <class Handle> ColumnRef read_column_ref(Context& cx, const Expr& e, bool with_schema) {
    const Expr& x = Context::unwrap(e);
    if (x.kind == Expr::Kind::index) {
        const Handle* table = cx.variable<Handle>(x.children[0]);
        if (table == nullptr) cx.fail(x, "expected a table variable before [...]");
        return (*table)[cx.text(x.children[1])];
    }
    if (cx.called_dsl_name(x) == "ref") {
        const auto args = Context::arguments(x);
        if (args.size() == 2) return ref(cx.text(args[0]), cx.text(args[1]));
        // The schema-qualified ref is the dialect's own, not dsl/common.hpp's.
        if (args.size() == 3 && with_schema && !Context::names_shared_dsl(x.children[0]))
            return ColumnRef(cx.text(args[0]), cx.text(args[1]), cx.text(args[2]));
    }
    cx.fail(x, "expected a column reference: table[\"column\"] or ref(...)");
}

/// Applies a setter of dsl::ColumnBuilderBase to `column`; false when `method` is not one of them.
template <class Handle, class Builder>
bool apply_shared_column_setter(Context& cx, Builder& column, const Expr& call, const std::string& method,
                                bool schema_refs) {
    const auto args = Context::arguments(call);
    auto arity = [&](std::size_t low, std::size_t high) { cx.require_arguments(call, low, high, "." + method + "()"); };
    if (method == "not_null") {
        arity(0, 0);
        column.not_null();
    } else if (method == "default_") {
        arity(1, 1);
        const Expr& value = Context::unwrap(args[0]);
        // The overload C++ picks for the argument's type: bool, int/long, double, text, sql().
        switch (value.kind) {
        case Expr::Kind::boolean:
            column.default_(value.boolean);
            break;
        case Expr::Kind::integer:
            column.default_(static_cast<std::int64_t>(value.integer));
            break;
        case Expr::Kind::floating:
            column.default_(value.floating);
            break;
        case Expr::Kind::string:
            column.default_(cx.text(value).data);
            break;
        default:
            if (const auto expression = read_sql(cx, value)) {
                column.default_(*expression);
            } else {
                cx.fail(value, "a default that is not a literal or sql(...)");
            }
        }
    } else if (method == "default_sql") {
        arity(1, 1);
        column.default_sql(cx.text(args[0]));
    } else if (method == "references") {
        arity(1, 2);
        const ColumnRef target = read_column_ref<Handle>(cx, args[0], schema_refs);
        column.references(target, args.size() == 2 ? read_reference_options(cx, args[1]) : ReferenceOptions{});
    } else {
        return false;
    }
    return true;
}

/// An index element: `"column"`, `sql("...")`, or `IndexTarget(...)` with its modifiers.
inline IndexTarget read_index_target(Context& cx, const Expr& e) {
    const Expr& x = Context::unwrap(e);
    if (x.kind == Expr::Kind::string) return IndexTarget(cx.text(x).data);
    if (const auto expression = read_sql(cx, x)) return IndexTarget(*expression);
    if (cx.called_dsl_name(x) == "IndexTarget") {
        const auto args = Context::arguments(x);
        if (args.size() != 1) cx.fail(x, "IndexTarget() takes one argument");
        return read_index_target(cx, args[0]);
    }
    if (x.kind == Expr::Kind::call && x.children[0].kind == Expr::Kind::member) {
        const Expr& member = x.children[0];
        // Modifiers are IndexTarget's: the chain starts with IndexTarget(...), not "column".
        const Expr& object = Context::unwrap(member.children[0]);
        const bool on_target = cx.called_dsl_name(object) == "IndexTarget" ||
                               (object.kind == Expr::Kind::call && object.children[0].kind == Expr::Kind::member);
        if (!on_target) cx.fail(x, "." + member.text + "() on something that is not an IndexTarget(...)");
        IndexTarget target = read_index_target(cx, member.children[0]);
        const auto args = Context::arguments(x);
        const std::string& method = member.text;
        if (method == "desc" && args.empty()) return target.desc();
        if (method == "nulls_first" && args.empty()) return target.nulls_first();
        if (method == "nulls_last" && args.empty()) return target.nulls_last();
        if (method == "op" && args.size() == 1) return target.op(cx.text(args[0]));
        cx.fail(x, "the index element modifier ." + method + "()");
    }
    cx.fail(x, "expected an index element: \"column\", sql(...) or IndexTarget(...)");
}

/// Applies a setter of dsl::TableExtraBase to `extra`; false when `method` is not one of them.
/// Lists are kept by the context: the DSL's setters take braced lists only the compiler can make.
template <class Extra>
bool apply_shared_extra_setter(Context& cx, Extra& extra, const Expr& call, const std::string& method) {
    const auto args = Context::arguments(call);
    if (method == "on" && args.size() == 1) {
        const Expr& list = Context::unwrap(args[0]);
        if (list.kind != Expr::Kind::braced || !list.designators.empty()) cx.fail(list, ".on() takes a braced list");
        std::vector<IndexTarget> targets;
        for (const auto& item : list.children)
            targets.push_back(read_index_target(cx, item));
        extra.targets = cx.keep_list(std::move(targets)); // what .on() does with its list
    } else if (method == "where" && args.size() == 1) {
        extra.where(cx.text(args[0]));
    } else if (method == "on_delete" && args.size() == 1) {
        extra.on_delete(cx.text(args[0]));
    } else if (method == "on_update" && args.size() == 1) {
        extra.on_update(cx.text(args[0]));
    } else {
        return false;
    }
    return true;
}

/// The table-level declarations every dialect has, by their DSL name: index, unique_index,
/// primary_key, foreign_key, unique, check. nullopt when `name` is none of them.
template <class Extra>
std::optional<Extra> read_shared_extra_start(Context& cx, const std::string& name, const Expr& call) {
    const auto args = Context::arguments(call);
    auto arity = [&](std::size_t low, std::size_t high) { cx.require_arguments(call, low, high, name + "()"); };
    if (name == "index" || name == "unique_index") {
        arity(1, 1);
        return make_extra<Extra>(name == "index" ? ExtraKind::index : ExtraKind::unique_index, cx.text(args[0]));
    }
    if (name == "primary_key" || name == "foreign_key") {
        arity(1, 2);
        auto extra = make_key<Extra>(name == "primary_key" ? ExtraKind::primary_key : ExtraKind::foreign_key, {},
                                     args.size() == 2 ? cx.text(args[1]) : Text{});
        extra.key_columns = cx.text_list(args[0]);
        return extra;
    }
    if (name == "unique") {
        arity(0, 1);
        return make_extra<Extra>(ExtraKind::unique, args.empty() ? Text{} : cx.text(args[0]));
    }
    if (name == "check") {
        arity(2, 2);
        return make_check<Extra>(cx.text(args[0]), cx.text(args[1]));
    }
    return std::nullopt;
}

/// `{a, b, ...}` read element by element with `read`.
template <class T, class Read> std::vector<T> read_braced(Context& cx, const Expr& e, Read&& read) {
    const Expr& x = Context::unwrap(e);
    if (x.kind != Expr::Kind::braced || !x.designators.empty()) cx.fail(x, "expected a braced list");
    std::vector<T> items;
    items.reserve(x.children.size());
    for (const auto& item : x.children)
        items.push_back(read(item));
    return items;
}

/// A table declaration, `(name, {columns...}[, {table-level...}])`: its columns and table-level
/// declarations read with the dialect's `read_column` and `read_extra`, then handed to `declare`
/// (name, column specs, extra specs) while they live.
template <class Builder, class Extra, class ReadColumn, class ReadExtra, class Declare>
auto read_table_declaration(Context& cx, const Expr& call, ReadColumn read_column, ReadExtra read_extra,
                            Declare&& declare) {
    cx.require_arguments(call, 2, 3, "a table declaration");
    const auto args = Context::arguments(call);
    const Text name = cx.text(args[0]);
    const auto columns = read_braced<Builder>(cx, args[1], [&](const Expr& c) { return read_column(cx, c); });
    const auto extras = args.size() == 3
                            ? read_braced<Extra>(cx, args[2], [&](const Expr& c) { return read_extra(cx, c); })
                            : std::vector<Extra>{};
    std::vector<const ColumnSpec*> column_specs;
    for (const auto& column : columns)
        column_specs.push_back(&column);
    std::vector<const ExtraSpec*> extra_specs;
    for (const auto& extra : extras)
        extra_specs.push_back(&extra);
    return declare(name, column_specs, extra_specs);
}

} // namespace drizzle::dsl::reader
