// The PostgreSQL DSL (drizzle/dsl/pg.hpp) as the compiler-free header reader evaluates it: each
// builder, setter and declaration reads its arguments by its C++ parameter types and calls the
// DSL itself.
#include "dialect/pg/facts/dsl/pg_declare.hpp"
#include "dsl/reader/shared_readers.hpp"

#include <map>

namespace drizzle::pg::dsl {

namespace {

namespace r = ::drizzle::dsl::reader;
using r::Context;
using r::Expr;

using ColumnMaker = ColumnBuilder (*)(Text);
const std::map<std::string, ColumnMaker>& plain_columns() {
    static const std::map<std::string, ColumnMaker> makers = {
        {"serial", serial},       {"smallserial", smallserial},
        {"bigserial", bigserial}, {"integer", integer},
        {"smallint", smallint},   {"bigint", bigint},
        {"text", text},           {"boolean", boolean},
        {"real", real},           {"double_precision", double_precision},
        {"date", date},           {"interval", interval},
        {"json", json},           {"jsonb", jsonb},
        {"uuid", uuid},           {"inet", inet},
        {"cidr", cidr},           {"macaddr", macaddr},
    };
    return makers;
}

/// `varchar("name", {.length = 256})` and the other columns with options, or the plain ones.
std::optional<ColumnBuilder> column_start(Context& cx, const std::string& name, const Expr& call) {
    const auto args = Context::arguments(call);
    auto arity = [&](std::size_t low, std::size_t high) { cx.require_arguments(call, low, high, name + "()"); };
    if (const auto maker = plain_columns().find(name); maker != plain_columns().end()) {
        arity(1, 1);
        return maker->second(cx.text(args[0]));
    }
    if (name == "varchar" || name == "char_") {
        arity(1, 2);
        LengthOptions options;
        if (args.size() == 2)
            cx.fields(args[1], {"length"},
                      [&](const std::string&, const Expr& v) { options.length = cx.int_value(v); });
        return name == "varchar" ? varchar(cx.text(args[0]), options) : char_(cx.text(args[0]), options);
    }
    if (name == "numeric") {
        arity(1, 2);
        NumericOptions options;
        if (args.size() == 2) {
            cx.fields(args[1], {"precision", "scale"}, [&](const std::string& field, const Expr& v) {
                (field == "precision" ? options.precision : options.scale) = cx.int_value(v);
            });
        }
        return numeric(cx.text(args[0]), options);
    }
    if (name == "time" || name == "timestamp") {
        arity(1, 2);
        TimeOptions options;
        if (args.size() == 2) {
            cx.fields(args[1], {"precision", "with_timezone"}, [&](const std::string& field, const Expr& v) {
                if (field == "precision") {
                    options.precision = cx.int_value(v);
                } else {
                    options.with_timezone = cx.bool_value(v);
                }
            });
        }
        return name == "time" ? time(cx.text(args[0]), options) : timestamp(cx.text(args[0]), options);
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
    if (callee.kind == Expr::Kind::member) {
        ColumnBuilder column = read_column(cx, callee.children[0]);
        const std::string& method = callee.text;
        if (r::apply_shared_column_setter<TableHandle>(cx, column, x, method, true)) return column;
        const auto args = Context::arguments(x);
        if (method == "primary_key" && args.empty()) return column.primary_key();
        if (method == "default_now" && args.empty()) return column.default_now();
        if (method == "default_random" && args.empty()) return column.default_random();
        if (method == "array" && args.empty()) return column.array();
        if (method == "unique" && args.size() <= 2) {
            return column.unique(args.empty() ? Text{} : cx.text(args[0]), args.size() == 2 && cx.bool_value(args[1]));
        }
        if (method == "generated_always_as" && args.size() == 1) return column.generated_always_as(cx.text(args[0]));
        if ((method == "generated_always_as_identity" || method == "generated_by_default_as_identity") &&
            args.size() <= 1) {
            const SequenceParams params = args.empty() ? SequenceParams{} : r::read_sequence_params(cx, args[0]);
            return method == "generated_always_as_identity" ? column.generated_always_as_identity(params)
                                                            : column.generated_by_default_as_identity(params);
        }
        cx.fail(x, "the column setter ." + method + "()");
    }
    if (const EnumHandle* type = cx.variable<EnumHandle>(callee)) {
        const auto args = Context::arguments(x);
        if (args.size() != 1) cx.fail(x, "an enum column takes one argument, its name");
        return (*type)(cx.text(args[0]));
    }
    if (const auto name = cx.dsl_name(callee)) {
        if (auto column = column_start(cx, *name, x)) return *column;
    }
    cx.fail(x, "expected a column: integer(\"id\")...");
}

/// `{.as = ..., .for_ = ..., .to = {...}, .using_ = ..., .with_check = ...}`.
PolicyOptions read_policy_options(Context& cx, const Expr& e) {
    PolicyOptions options;
    cx.fields(e, {"as", "for_", "to", "using_", "with_check"}, [&](const std::string& field, const Expr& v) {
        if (field == "as") options.as = cx.text(v);
        if (field == "for_") options.for_ = cx.text(v);
        if (field == "to") options.to = cx.text_list(v);
        // `{}` value-initialises an OptionalText: unset, unlike the empty text "".
        const bool unset = Context::unwrap(v).kind == Expr::Kind::braced && Context::unwrap(v).children.empty();
        if (field == "using_" && !unset) options.using_ = cx.text(v);
        if (field == "with_check" && !unset) options.with_check = cx.text(v);
    });
    return options;
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
        if (method == "using_" && args.size() == 1) return extra.using_(cx.text(args[0]));
        if (method == "concurrently" && args.empty()) return extra.concurrently();
        if (method == "nulls_not_distinct" && args.empty()) return extra.nulls_not_distinct();
        if (method == "with" && args.size() == 1) {
            extra.options = cx.option_list(args[0]); // what .with() does with its list
            return extra;
        }
        if (method == "references" && (args.size() == 2 || args.size() == 3)) {
            // What .references() does with its list.
            extra.table_to = cx.text(args[0]);
            extra.columns_to = cx.text_list(args[1]);
            extra.schema_to = args.size() == 3 ? cx.text(args[2]) : Text{};
            return extra;
        }
        cx.fail(x, "the table-level setter ." + method + "()");
    }
    if (const auto name = cx.dsl_name(callee)) {
        if (auto extra = r::read_shared_extra_start<TableExtra>(cx, *name, x)) return *extra;
        if (*name == "pg_policy" && (args.size() == 1 || args.size() == 2)) {
            return pg_policy(cx.text(args[0]), args.size() == 2 ? read_policy_options(cx, args[1]) : PolicyOptions{});
        }
    }
    cx.fail(x, "expected a table-level declaration: index(...)...");
}

/// `{.with = {...}, .with_no_data = ..., .using_ = ..., .tablespace = ...}`.
ViewOptions read_view_options(Context& cx, const Expr& e) {
    ViewOptions options;
    cx.fields(e, {"with", "with_no_data", "using_", "tablespace"}, [&](const std::string& field, const Expr& v) {
        if (field == "with") options.with = cx.option_list(v);
        if (field == "with_no_data") options.with_no_data = cx.bool_value(v);
        if (field == "using_") options.using_ = cx.text(v);
        if (field == "tablespace") options.tablespace = cx.text(v);
    });
    return options;
}

/// pg_table / schema.table: name, columns, table-level declarations.
TableHandle read_table(Context& cx, Text schema, const Expr& call) {
    return r::read_table_declaration<ColumnBuilder, TableExtra>(
        cx, call, read_column, read_extra, [&](Text name, const auto& columns, const auto& extras) {
            return detail::declare_table(schema, name, columns, extras);
        });
}

class PgBinding : public r::DialectBinding {
public:
    const char* header() const override { return "drizzle/dsl/pg.hpp"; }
    std::vector<std::string> dsl_namespace() const override { return {"drizzle", "pg", "dsl"}; }
    void note_included() const override { detail::note_pg_dsl(); }

    void declare(Context& cx, const std::string& variable, const Expr& initializer) const override {
        const Expr& x = Context::unwrap(initializer);
        if (x.kind != Expr::Kind::call) cx.fail(x, "expected a declaration: pg_table(...)...");
        const Expr& callee = x.children[0];
        const auto args = Context::arguments(x);
        if (callee.kind == Expr::Kind::member) {
            const std::string& method = callee.text;
            if (method == "enable_rls" && args.empty()) {
                // `pg_table(...).enable_rls()` or `users.enable_rls()` on an earlier variable.
                const Expr& table = Context::unwrap(callee.children[0]);
                if (const TableHandle* existing = cx.variable<TableHandle>(table)) {
                    cx.keep_variable(x, variable, existing->enable_rls());
                    return;
                }
                cx.keep_variable(x, variable, declared_table(cx, table).enable_rls());
                return;
            }
            if (const SchemaHandle* schema = cx.variable<SchemaHandle>(callee.children[0])) {
                if (method == "table") {
                    cx.keep_variable(x, variable, read_table(cx, schema->name(), x));
                    return;
                }
                if (method == "enum_" && args.size() == 2) {
                    cx.keep_variable(x, variable,
                                     detail::declare_enum(schema->name(), cx.text(args[0]), cx.text_list(args[1])));
                    return;
                }
                if (method == "sequence" && args.size() <= 2 && !args.empty()) {
                    cx.keep_variable(x, variable, schema->sequence(cx.text(args[0]), sequence_params(cx, args, 1)));
                    return;
                }
                if ((method == "view" || method == "materialized_view") && (args.size() == 2 || args.size() == 3)) {
                    const ViewOptions options = args.size() == 3 ? read_view_options(cx, args[2]) : ViewOptions{};
                    const Text name = cx.text(args[0]);
                    const Text definition = cx.text(args[1]);
                    cx.keep_variable(x, variable,
                                     method == "view" ? schema->view(name, definition, options)
                                                      : schema->materialized_view(name, definition, options));
                    return;
                }
            }
            cx.fail(x, "the declaration ." + method + "()");
        }
        const auto name = cx.dsl_name(callee);
        if (!name) cx.fail(x, "expected a declaration: pg_table(...)...");
        if (*name == "pg_table") {
            cx.keep_variable(x, variable, read_table(cx, {}, x));
        } else if (*name == "pg_schema" && args.size() == 1) {
            cx.keep_variable(x, variable, pg_schema(cx.text(args[0])));
        } else if (*name == "pg_enum" && args.size() == 2) {
            cx.keep_variable(x, variable, detail::declare_enum({}, cx.text(args[0]), cx.text_list(args[1])));
        } else if (*name == "pg_sequence" && (args.size() == 1 || args.size() == 2)) {
            cx.keep_variable(x, variable, pg_sequence(cx.text(args[0]), sequence_params(cx, args, 1)));
        } else if ((*name == "pg_view" || *name == "pg_materialized_view") && (args.size() == 2 || args.size() == 3)) {
            const ViewOptions options = args.size() == 3 ? read_view_options(cx, args[2]) : ViewOptions{};
            const Text view_name = cx.text(args[0]);
            const Text definition = cx.text(args[1]);
            cx.keep_variable(x, variable,
                             *name == "pg_view" ? pg_view(view_name, definition, options)
                                                : pg_materialized_view(view_name, definition, options));
        } else if (*name == "pg_role" && (args.size() == 1 || args.size() == 2)) {
            RoleOptions options;
            if (args.size() == 2) {
                cx.fields(args[1], {"create_db", "create_role", "inherit"},
                          [&](const std::string& field, const Expr& v) {
                              (field == "create_db"     ? options.create_db
                               : field == "create_role" ? options.create_role
                                                        : options.inherit) = cx.bool_value(v);
                          });
            }
            cx.keep_variable(x, variable, pg_role(cx.text(args[0]), options));
        } else {
            cx.fail(x, "the declaration " + *name + "(...)");
        }
    }

private:
    static SequenceParams sequence_params(Context& cx, std::span<const Expr> args, std::size_t at) {
        return args.size() > at ? r::read_sequence_params(cx, args[at]) : SequenceParams{};
    }

    /// A table declared in place: `pg_table(...)` or `schema.table(...)`.
    static TableHandle declared_table(Context& cx, const Expr& x) {
        if (x.kind == Expr::Kind::call) {
            const Expr& callee = x.children[0];
            if (cx.dsl_name(callee) == "pg_table") return read_table(cx, {}, x);
            if (callee.kind == Expr::Kind::member && callee.text == "table") {
                if (const SchemaHandle* schema = cx.variable<SchemaHandle>(callee.children[0]))
                    return read_table(cx, schema->name(), x);
            }
        }
        cx.fail(x, "expected a table declaration before .enable_rls()");
    }
};

} // namespace

std::unique_ptr<::drizzle::dsl::reader::DialectBinding> header_reader_binding() {
    return std::make_unique<PgBinding>();
}

} // namespace drizzle::pg::dsl
