// The C++ schema DSL for PostgreSQL, mirroring drizzle-orm's pg-core builders in C++ naming.
//
//   #include <drizzle/dsl/pg.hpp>
//   using namespace drizzle::pg::dsl;
//   inline const auto mood = pg_enum("mood", {"sad", "ok", "happy"});
//   inline const auto users = pg_table("users", {
//       serial("id").primary_key(),
//       varchar("email", {.length = 256}).not_null().unique(),
//       mood("mood").default_("ok"),
//   }, {
//       index("users_email_idx").on({"email"}),
//   });
//
// Every table, enum, sequence, view, schema and role declared here registers itself. Builders are
// plain data (see dsl/common.hpp); the library turns them into the schema model.
#pragma once

#include "drizzle/dsl/common.hpp"

namespace drizzle::pg::dsl {

namespace action = ::drizzle::dsl::action;
using ::drizzle::dsl::ColumnRef;
using ::drizzle::dsl::ref;
using ::drizzle::dsl::ReferenceOptions;
using ::drizzle::dsl::SequenceParams;
using ::drizzle::dsl::Sql;
using ::drizzle::dsl::sql;
using ::drizzle::dsl::Text;

/// A column in another schema: `ref("billing", "invoices", "id")`.
constexpr ColumnRef ref(Text schema, Text table, Text column) {
    return {schema, table, column};
}

/// Builds one column; every modifier returns the builder. not_null, default_, default_sql and
/// references come from dsl::ColumnBuilderBase.
class ColumnBuilder : public ::drizzle::dsl::ColumnBuilderBase<ColumnBuilder> {
public:
    using ColumnBuilderBase::ColumnBuilderBase;

    constexpr ColumnBuilder& primary_key() {
        ColumnSpec::primary_key = true;
        return *this;
    }
    /// `DEFAULT now()`, for date/time columns.
    constexpr ColumnBuilder& default_now() { return default_(sql("now()")); }
    /// `DEFAULT gen_random_uuid()`, for uuid columns.
    constexpr ColumnBuilder& default_random() { return default_(sql("gen_random_uuid()")); }
    /// UNIQUE; `nulls_not_distinct` gives PostgreSQL 15's NULLS NOT DISTINCT.
    constexpr ColumnBuilder& unique(Text constraint_name = {}, bool nulls_not_distinct = false) {
        ColumnSpec::unique = true;
        unique_name = constraint_name;
        unique_nulls_not_distinct = nulls_not_distinct;
        return *this;
    }
    /// GENERATED ALWAYS AS (expression) STORED.
    constexpr ColumnBuilder& generated_always_as(Text expression) {
        generated = true;
        generated_stored = true;
        generated_expression = expression;
        return *this;
    }
    constexpr ColumnBuilder& generated_always_as_identity(SequenceParams params = {}) {
        return with_identity(Identity::always, params);
    }
    constexpr ColumnBuilder& generated_by_default_as_identity(SequenceParams params = {}) {
        return with_identity(Identity::by_default, params);
    }
    /// An array of this type; call twice for two dimensions.
    constexpr ColumnBuilder& array() {
        ++dimensions;
        return *this;
    }

private:
    constexpr ColumnBuilder& with_identity(Identity kind, SequenceParams params) {
        identity = kind;
        identity_params = ::drizzle::dsl::identity_spec(params);
        ColumnSpec::not_null = true; // identity columns are NOT NULL in PostgreSQL
        return *this;
    }
};

struct LengthOptions {
    int length = -1; ///< -1: no length
};
struct NumericOptions {
    int precision = -1; ///< -1: no precision
    int scale = -1;     ///< -1: no scale
};
struct TimeOptions {
    int precision = -1; ///< -1: the type's default precision
    bool with_timezone = false;
};

namespace detail {
constexpr ColumnBuilder typed(Text name, Text type, int first = -1, int second = -1, Text suffix = {}) {
    ColumnBuilder column(name, type);
    column.type_arg = first;
    column.type_arg2 = first < 0 ? -1 : second;
    column.type_suffix = suffix;
    return column;
}
constexpr ColumnBuilder time_typed(Text name, Text type, TimeOptions options) {
    return typed(name, type, options.precision, -1, options.with_timezone ? " with time zone" : "");
}
} // namespace detail

constexpr ColumnBuilder serial(Text name) {
    return {name, "serial"};
}
constexpr ColumnBuilder smallserial(Text name) {
    return {name, "smallserial"};
}
constexpr ColumnBuilder bigserial(Text name) {
    return {name, "bigserial"};
}
constexpr ColumnBuilder integer(Text name) {
    return {name, "integer"};
}
constexpr ColumnBuilder smallint(Text name) {
    return {name, "smallint"};
}
constexpr ColumnBuilder bigint(Text name) {
    return {name, "bigint"};
}
constexpr ColumnBuilder text(Text name) {
    return {name, "text"};
}
constexpr ColumnBuilder varchar(Text name, LengthOptions options = {}) {
    return detail::typed(name, "varchar", options.length);
}
constexpr ColumnBuilder char_(Text name, LengthOptions options = {}) {
    return detail::typed(name, "char", options.length);
}
constexpr ColumnBuilder boolean(Text name) {
    return {name, "boolean"};
}
constexpr ColumnBuilder numeric(Text name, NumericOptions options = {}) {
    return detail::typed(name, "numeric", options.precision, options.scale);
}
constexpr ColumnBuilder real(Text name) {
    return {name, "real"};
}
constexpr ColumnBuilder double_precision(Text name) {
    return {name, "double precision"};
}
constexpr ColumnBuilder date(Text name) {
    return {name, "date"};
}
constexpr ColumnBuilder time(Text name, TimeOptions options = {}) {
    return detail::time_typed(name, "time", options);
}
constexpr ColumnBuilder timestamp(Text name, TimeOptions options = {}) {
    return detail::time_typed(name, "timestamp", options);
}
constexpr ColumnBuilder interval(Text name) {
    return {name, "interval"};
}
constexpr ColumnBuilder json(Text name) {
    return {name, "json"};
}
constexpr ColumnBuilder jsonb(Text name) {
    return {name, "jsonb"};
}
constexpr ColumnBuilder uuid(Text name) {
    return {name, "uuid"};
}
constexpr ColumnBuilder inet(Text name) {
    return {name, "inet"};
}
constexpr ColumnBuilder cidr(Text name) {
    return {name, "cidr"};
}
constexpr ColumnBuilder macaddr(Text name) {
    return {name, "macaddr"};
}
/// A column of any other SQL type, spelled as PostgreSQL prints it: `custom_type("doc", "tsvector")`.
constexpr ColumnBuilder custom_type(Text name, Text sql_type) {
    return {name, sql_type};
}

/// An index element: a column name or `sql("lower(email)")`, with ordering.
using ::drizzle::dsl::IndexTarget;

/// A table-level declaration: index, unique_index, primary_key, foreign_key, unique, check, policy.
/// on, where, on_delete and on_update come from dsl::TableExtraBase.
class TableExtra : public ::drizzle::dsl::TableExtraBase<TableExtra> {
public:
    constexpr TableExtra& using_(Text new_method) {
        method = new_method;
        return *this;
    }
    constexpr TableExtra& concurrently() {
        build_concurrently = true;
        return *this;
    }
    constexpr TableExtra& with(std::initializer_list<::drizzle::dsl::Option> new_options) {
        options = new_options;
        return *this;
    }
    constexpr TableExtra& nulls_not_distinct() {
        distinct_nulls = false;
        return *this;
    }
    /// Foreign key target; `schema` "" = public.
    constexpr TableExtra& references(Text table, std::initializer_list<Text> columns, Text schema = {}) {
        return set_references(table, columns, schema);
    }
};

constexpr TableExtra index(Text name) {
    return ::drizzle::dsl::make_extra<TableExtra>(::drizzle::dsl::ExtraKind::index, name);
}
constexpr TableExtra unique_index(Text name) {
    return ::drizzle::dsl::make_extra<TableExtra>(::drizzle::dsl::ExtraKind::unique_index, name);
}
constexpr TableExtra primary_key(std::initializer_list<Text> columns, Text name = {}) {
    return ::drizzle::dsl::make_key<TableExtra>(::drizzle::dsl::ExtraKind::primary_key, columns, name);
}
constexpr TableExtra foreign_key(std::initializer_list<Text> columns, Text name = {}) {
    return ::drizzle::dsl::make_key<TableExtra>(::drizzle::dsl::ExtraKind::foreign_key, columns, name);
}
constexpr TableExtra unique(Text name = {}) {
    return ::drizzle::dsl::make_extra<TableExtra>(::drizzle::dsl::ExtraKind::unique, name);
}
constexpr TableExtra check(Text name, Text expression) {
    return ::drizzle::dsl::make_check<TableExtra>(name, expression);
}

struct PolicyOptions {
    Text as = "permissive";
    Text for_ = "all";
    ::drizzle::dsl::ListView<Text> to{}; ///< the roles; none given: `public`
    ::drizzle::dsl::OptionalText using_{};
    ::drizzle::dsl::OptionalText with_check{};
};
/// A row-level security policy; declaring one enables RLS on the table, as drizzle does.
constexpr TableExtra pg_policy(Text name, PolicyOptions options = {}) {
    auto extra = ::drizzle::dsl::make_extra<TableExtra>(::drizzle::dsl::ExtraKind::policy, name);
    extra.policy.as = options.as;
    extra.policy.for_ = options.for_;
    extra.policy.to = options.to;
    extra.policy.has_using = options.using_.set;
    extra.policy.using_ = options.using_.value;
    extra.policy.has_with_check = options.with_check.set;
    extra.policy.with_check = options.with_check.value;
    return extra;
}

/// A declared table; `users["id"]` refers to its column.
class TableHandle : public ::drizzle::dsl::Declaration {
public:
    using Declaration::Declaration;
    constexpr ColumnRef operator[](Text column) const { return {this, column}; }
    constexpr Text name() const { return declared_.name; }
    /// Turns row-level security on (without policies).
    const TableHandle& enable_rls() const;
};

/// Declares (and registers) a table in the public schema. `pg_table(...)` is checked at compile
/// time first (see dsl::detail::check_table); `(pg_table)(...)` is not.
TableHandle pg_table(Text name, std::initializer_list<ColumnBuilder> columns,
                     std::initializer_list<TableExtra> extras = {});

/// What the pg_table macro calls once the compile-time check passed (found unqualified, through
/// the builders' namespace, and as drizzle::pg::dsl::pg_table).
inline TableHandle checked_pg_table(::drizzle::dsl::detail::DslCheck<::drizzle::dsl::detail::Message{}>, Text name,
                                    std::initializer_list<ColumnBuilder> columns,
                                    std::initializer_list<TableExtra> extras = {}) {
    return pg_table(name, columns, extras);
}
namespace detail {
consteval ::drizzle::dsl::detail::Message check_pg_table(Text name, std::initializer_list<ColumnBuilder> columns,
                                                         std::initializer_list<TableExtra> extras = {}) {
    return ::drizzle::dsl::detail::check_table(name, columns, extras);
}
} // namespace detail

/// A declared enum type; call it to make a column: `mood("mood")`.
class EnumHandle : public ::drizzle::dsl::Declaration {
public:
    using Declaration::Declaration;
    constexpr ColumnBuilder operator()(Text column) const {
        ColumnBuilder builder(column, {});
        builder.type_owner = this;
        return builder;
    }
};

/// What pg_sequence/pg_view/pg_role return, so they can be declared as `inline const auto x = ...`.
struct Declared {
    Text name;
};

/// View options: `WITH (...)`; materialized views also `WITH NO DATA`, `USING`, `TABLESPACE`.
struct ViewOptions {
    ::drizzle::dsl::ListView<::drizzle::dsl::Option> with{};
    bool with_no_data = false;
    Text using_{};
    Text tablespace{};
};

/// A non-public schema: `inline const auto billing = pg_schema("billing");` then
/// `billing.table(...)`, `billing.enum_(...)`, `billing.sequence(...)`, `billing.view(...)`,
/// `billing.materialized_view(...)`.
class SchemaHandle {
public:
    explicit SchemaHandle(Text name);
    TableHandle table(Text name, std::initializer_list<ColumnBuilder> columns,
                      std::initializer_list<TableExtra> extras = {}) const;
    EnumHandle enum_(Text name, std::initializer_list<Text> values) const;
    Declared sequence(Text name, SequenceParams params = {}) const;
    Declared view(Text name, Text definition, ViewOptions options = {}) const;
    Declared materialized_view(Text name, Text definition, ViewOptions options = {}) const;
    constexpr Text name() const { return name_; }

private:
    Text name_;
};

SchemaHandle pg_schema(Text name);
EnumHandle pg_enum(Text name, std::initializer_list<Text> values);
/// A standalone sequence; drizzle records every parameter, so unset ones get PostgreSQL's defaults.
Declared pg_sequence(Text name, SequenceParams params = {});

Declared pg_view(Text name, Text definition, ViewOptions options = {});
Declared pg_materialized_view(Text name, Text definition, ViewOptions options = {});

struct RoleOptions {
    bool create_db = false;
    bool create_role = false;
    bool inherit = true;
};
Declared pg_role(Text name, RoleOptions options = {});

namespace detail {
/// Records that this header was included: a schema that declares nothing is a PostgreSQL one.
bool note_pg_dsl();
} // namespace detail

} // namespace drizzle::pg::dsl

// The library that implements the DSL includes this header too, but declares nothing: its own
// sources must not make every schema the host loads look like one of this dialect.
#ifndef DRIZZLE_DSL_IMPLEMENTATION
namespace drizzle::dsl {
/// Including this header makes a schema that declares nothing a PostgreSQL one (see note_dialect).
inline const bool pg_dsl_included = ::drizzle::pg::dsl::detail::note_pg_dsl();
} // namespace drizzle::dsl
#endif

#if !defined(DRIZZLE_DSL_CHECK) || DRIZZLE_DSL_CHECK
/// `pg_table(...)`: the table is checked at compile time, then declared (see dsl/common.hpp).
// clang-format off
// The comment on the check's line is what the compiler quotes when an argument is not a constant.
#define pg_table(...)                                                                                    \
    checked_pg_table(::drizzle::dsl::detail::DslCheck<                                                      \
        ::drizzle::pg::dsl::detail::check_pg_table(__VA_ARGS__) /* computed at run time? write (pg_table)(...) */ \
    >{}, __VA_ARGS__)
// clang-format on
#endif
