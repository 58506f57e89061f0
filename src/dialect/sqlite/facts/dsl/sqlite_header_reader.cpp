// The SQLite DSL (drizzle/dsl/sqlite.hpp) as the compiler-free header reader evaluates it: each
// builder, setter and declaration reads its arguments by its C++ parameter types and calls the
// DSL itself.
#include "dialect/sqlite/facts/dsl/sqlite_declare.hpp"
#include "dsl/reader/shared_readers.hpp"

namespace drizzle::sqlite {

namespace {

namespace r = dsl::reader;
using r::Context;
using r::Expr;

/// A value of one of the DSL's option enums (`IntegerMode::boolean`): `values` are its names.
template <class Enum>
Enum enum_value(Context& cx, const Expr& e, const std::string& type,
                std::initializer_list<std::pair<const char*, Enum>> values) {
    if (const auto name = cx.dsl_name(Context::unwrap(e))) {
        for (const auto& [spelled, value] : values)
            if (*name == type + "::" + spelled) return value;
    }
    cx.fail(e, "expected a " + type + "::... value");
}

std::optional<ColumnBuilder> column_start(Context& cx, const std::string& name, const Expr& call) {
    const auto args = Context::arguments(call);
    auto arity = [&](std::size_t low, std::size_t high) { cx.require_arguments(call, low, high, name + "()"); };
    if (name == "integer") {
        arity(1, 2);
        IntegerOptions options;
        if (args.size() == 2) {
            cx.fields(args[1], {"mode"}, [&](const std::string&, const Expr& v) {
                options.mode = enum_value<IntegerMode>(cx, v, "IntegerMode",
                                                       {{"number", IntegerMode::number},
                                                        {"boolean", IntegerMode::boolean},
                                                        {"timestamp", IntegerMode::timestamp},
                                                        {"timestamp_ms", IntegerMode::timestamp_ms}});
            });
        }
        return integer(cx.text(args[0]), options);
    }
    if (name == "text") {
        arity(1, 2);
        TextOptions options;
        int length = -1;
        if (args.size() == 2) {
            cx.fields(args[1], {"length", "enum_values", "mode"}, [&](const std::string& field, const Expr& v) {
                if (field == "length") length = cx.int_value(v);
                if (field == "enum_values") cx.text_list(v); // type-level only: SQLite stores text
                if (field == "mode") {
                    options.mode =
                        enum_value<TextMode>(cx, v, "TextMode", {{"text", TextMode::text}, {"json", TextMode::json}});
                }
            });
        }
        options.length = length;
        return text(cx.text(args[0]), options);
    }
    if (name == "blob") {
        arity(1, 2);
        BlobOptions options;
        if (args.size() == 2) {
            cx.fields(args[1], {"mode"}, [&](const std::string&, const Expr& v) {
                options.mode = enum_value<BlobMode>(
                    cx, v, "BlobMode",
                    {{"buffer", BlobMode::buffer}, {"json", BlobMode::json}, {"bigint", BlobMode::bigint}});
            });
        }
        return blob(cx.text(args[0]), options);
    }
    if (name == "real" || name == "numeric") {
        arity(1, 1);
        return name == "real" ? real(cx.text(args[0])) : numeric(cx.text(args[0]));
    }
    if (name == "custom_type") {
        arity(2, 2);
        return custom_type(cx.text(args[0]), cx.text(args[1]));
    }
    return std::nullopt;
}

ColumnBuilder read_column(Context& cx, const Expr& e) {
    const Expr& x = Context::unwrap(e);
    if (x.kind != Expr::Kind::call) cx.fail(x, "expected a column: integer(\"id\")...");
    const Expr& callee = x.children[0];
    const auto args = Context::arguments(x);
    if (callee.kind == Expr::Kind::member) {
        ColumnBuilder column = read_column(cx, callee.children[0]);
        const std::string& method = callee.text;
        if (r::apply_shared_column_setter<TableHandle>(cx, column, x, method, false)) return column;
        if (method == "primary_key" && args.size() <= 1) {
            PrimaryKeyOptions options;
            if (args.size() == 1) {
                cx.fields(args[0], {"auto_increment"},
                          [&](const std::string&, const Expr& v) { options.auto_increment = cx.bool_value(v); });
            }
            return column.primary_key(options);
        }
        if (method == "unique" && args.size() <= 1) return column.unique(args.empty() ? Text{} : cx.text(args[0]));
        if (method == "generated_always_as" && (args.size() == 1 || args.size() == 2)) {
            GeneratedOptions options;
            if (args.size() == 2) {
                cx.fields(args[1], {"mode"}, [&](const std::string&, const Expr& v) {
                    options.mode = enum_value<GeneratedMode>(
                        cx, v, "GeneratedMode",
                        {{"virtual_", GeneratedMode::virtual_}, {"stored", GeneratedMode::stored}});
                });
            }
            return column.generated_always_as(cx.text(args[0]), options);
        }
        cx.fail(x, "the column setter ." + method + "()");
    }
    if (const auto name = cx.dsl_name(callee)) {
        if (auto column = column_start(cx, *name, x)) return *column;
    }
    cx.fail(x, "expected a column: integer(\"id\")...");
}

TableExtra read_extra(Context& cx, const Expr& e) {
    const Expr& x = Context::unwrap(e);
    if (x.kind != Expr::Kind::call) cx.fail(x, "expected a table-level declaration: index(...)...");
    const Expr& callee = x.children[0];
    const auto args = Context::arguments(x);
    if (callee.kind == Expr::Kind::member) {
        TableExtra extra = read_extra(cx, callee.children[0]);
        const std::string& method = callee.text;
        if (r::apply_shared_extra_setter(cx, extra, x, method)) return extra;
        if (method == "references" && args.size() == 2) {
            // What .references() does with its list.
            extra.table_to = cx.text(args[0]);
            extra.columns_to = cx.text_list(args[1]);
            extra.schema_to = Text{};
            return extra;
        }
        cx.fail(x, "the table-level setter ." + method + "()");
    }
    if (const auto name = cx.dsl_name(callee)) {
        if (auto extra = r::read_shared_extra_start<TableExtra>(cx, *name, x)) return *extra;
    }
    cx.fail(x, "expected a table-level declaration: index(...)...");
}

class SqliteBinding : public r::DialectBinding {
public:
    const char* header() const override { return "drizzle/dsl/sqlite.hpp"; }
    std::vector<std::string> dsl_namespace() const override { return {"drizzle", "sqlite"}; }
    void note_included() const override { detail::note_sqlite_dsl(); }

    void declare(Context& cx, const std::string& variable, const Expr& initializer) const override {
        const Expr& x = Context::unwrap(initializer);
        const auto name = x.kind == Expr::Kind::call ? cx.dsl_name(x.children[0]) : std::nullopt;
        if (!name) cx.fail(x, "expected a declaration: sqlite_table(...)...");
        const auto args = Context::arguments(x);
        if (*name == "sqlite_table" && (args.size() == 2 || args.size() == 3)) {
            cx.keep_variable(
                x, variable,
                r::read_table_declaration<ColumnBuilder, TableExtra>(
                    cx, x, read_column, read_extra, [](Text table, const auto& columns, const auto& extras) {
                        return detail::declare_table(table, columns, extras);
                    }));
        } else if (*name == "sqlite_view" && args.size() == 2) {
            const Text view = cx.text(args[0]);
            cx.keep_variable(x, variable, sqlite_view(view, cx.text(args[1])));
        } else if (*name == "sqlite_existing_view" && args.size() == 1) {
            cx.keep_variable(x, variable, sqlite_existing_view(cx.text(args[0])));
        } else {
            cx.fail(x, "the declaration " + *name + "(...)");
        }
    }
};

} // namespace

std::unique_ptr<dsl::reader::DialectBinding> header_reader_binding() {
    return std::make_unique<SqliteBinding>();
}

} // namespace drizzle::sqlite
