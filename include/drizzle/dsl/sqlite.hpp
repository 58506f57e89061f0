// The C++ schema DSL for SQLite, mirroring drizzle-orm's sqlite-core builders in C++ naming.
//
//   #include <drizzle/dsl/sqlite.hpp>
//   using namespace drizzle::sqlite;
//   inline const auto users = sqlite_table("users", {
//       integer("id").primary_key({.auto_increment = true}),
//       text("email", {.length = 256}).not_null().unique(),
//   }, {
//       index("users_email_idx").on({"email"}),
//   });
//
// Every table and view built here registers itself, so the exporter sees all of them. Builders are
// plain data (see dsl/common.hpp); the library turns them into the schema model.
#pragma once

#include "drizzle/dsl/common.hpp"

namespace drizzle::sqlite {

namespace action = drizzle::dsl::action;
using drizzle::dsl::ColumnRef;
using drizzle::dsl::ref;
using drizzle::dsl::ReferenceOptions;
using drizzle::dsl::Sql;
using drizzle::dsl::sql;
using drizzle::dsl::Text;

struct PrimaryKeyOptions {
    bool auto_increment = false;
};

enum class GeneratedMode { virtual_, stored };

struct GeneratedOptions {
    GeneratedMode mode = GeneratedMode::virtual_;
};

/// Builds one column. Every modifier returns the builder, so calls chain; not_null, default_,
/// default_sql and references come from dsl::ColumnBuilderBase.
class ColumnBuilder : public dsl::ColumnBuilderBase<ColumnBuilder> {
public:
    using ColumnBuilderBase::ColumnBuilderBase;

    /// PRIMARY KEY; `{.auto_increment = true}` adds AUTOINCREMENT (integer columns only).
    constexpr ColumnBuilder& primary_key(PrimaryKeyOptions options = {}) {
        ColumnSpec::primary_key = true;
        autoincrement = options.auto_increment;
        return *this;
    }
    /// A UNIQUE constraint on this column (drizzle's default name `<table>_<column>_unique`).
    constexpr ColumnBuilder& unique(Text constraint_name = {}) {
        ColumnSpec::unique = true;
        unique_name = constraint_name;
        return *this;
    }
    /// GENERATED ALWAYS AS (expression) VIRTUAL|STORED.
    constexpr ColumnBuilder& generated_always_as(Text expression, GeneratedOptions options = {}) {
        generated = true;
        generated_stored = options.mode == GeneratedMode::stored;
        generated_expression = expression;
        return *this;
    }
};

enum class IntegerMode { number, boolean, timestamp, timestamp_ms };
struct IntegerOptions {
    IntegerMode mode = IntegerMode::number;
};
enum class TextMode { text, json };
struct TextOptions {
    int length = -1;                           ///< `text(256)`; -1: no length
    std::initializer_list<Text> enum_values{}; ///< type-level only; SQLite stores plain text
    TextMode mode = TextMode::text;
};
enum class BlobMode { buffer, json, bigint };
struct BlobOptions {
    BlobMode mode = BlobMode::buffer;
};

/// `integer` (modes number/boolean/timestamp/timestamp_ms all store INTEGER).
constexpr ColumnBuilder integer(Text name, IntegerOptions = {}) {
    return {name, "integer"};
}
/// `text`, optionally with a length: `text("email", {.length = 256})`.
constexpr ColumnBuilder text(Text name, TextOptions options = {}) {
    ColumnBuilder column(name, "text");
    column.type_arg = options.length;
    return column;
}
constexpr ColumnBuilder real(Text name) {
    return {name, "real"};
}
constexpr ColumnBuilder blob(Text name, BlobOptions = {}) {
    return {name, "blob"};
}
constexpr ColumnBuilder numeric(Text name) {
    return {name, "numeric"};
}
/// A column of any other declared type, kept as written: `custom_type("created", "DATETIME")`.
constexpr ColumnBuilder custom_type(Text name, Text sql_type) {
    return {name, sql_type};
}

/// An index element: a column name or an SQL expression (`sql("lower(email)")`).
using dsl::IndexTarget;

/// A table-level declaration: index, unique_index, primary_key, foreign_key, unique, check.
/// on, where, on_delete and on_update come from dsl::TableExtraBase.
class TableExtra : public dsl::TableExtraBase<TableExtra> {
public:
    /// Foreign key target.
    constexpr TableExtra& references(Text table, std::initializer_list<Text> columns) {
        return set_references(table, columns, {});
    }
};

constexpr TableExtra index(Text name) {
    return dsl::make_extra<TableExtra>(dsl::ExtraKind::index, name);
}
constexpr TableExtra unique_index(Text name) {
    return dsl::make_extra<TableExtra>(dsl::ExtraKind::unique_index, name);
}
/// Composite primary key; `name` empty = drizzle's default name.
constexpr TableExtra primary_key(std::initializer_list<Text> columns, Text name = {}) {
    return dsl::make_key<TableExtra>(dsl::ExtraKind::primary_key, columns, name);
}
/// Table-level foreign key: `foreign_key({"a", "b"}).references("other", {"x", "y"})`.
constexpr TableExtra foreign_key(std::initializer_list<Text> columns, Text name = {}) {
    return dsl::make_key<TableExtra>(dsl::ExtraKind::foreign_key, columns, name);
}
/// Table-level unique constraint: `unique("name").on({"a", "b"})` (empty name = default name).
constexpr TableExtra unique(Text name = {}) {
    return dsl::make_extra<TableExtra>(dsl::ExtraKind::unique, name);
}
/// CHECK constraint.
constexpr TableExtra check(Text name, Text expression) {
    return dsl::make_check<TableExtra>(name, expression);
}

/// A declared table; indexing it gives column references: `users["id"]`.
class TableHandle : public dsl::Declaration {
public:
    using Declaration::Declaration;
    constexpr ColumnRef operator[](Text column) const { return {this, column}; }
    constexpr Text name() const { return declared_.name; }
};

/// Declares (and registers) a table. `sqlite_table(...)` is checked at compile time first (see
/// dsl::detail::check_table); `(sqlite_table)(...)` is not.
TableHandle sqlite_table(Text name, std::initializer_list<ColumnBuilder> columns,
                         std::initializer_list<TableExtra> extras = {});

/// What the sqlite_table macro calls once the compile-time check passed.
inline TableHandle checked_sqlite_table(dsl::detail::DslCheck<dsl::detail::Message{}>, Text name,
                                        std::initializer_list<ColumnBuilder> columns,
                                        std::initializer_list<TableExtra> extras = {}) {
    return sqlite_table(name, columns, extras);
}
namespace detail {
consteval dsl::detail::Message check_sqlite_table(Text name, std::initializer_list<ColumnBuilder> columns,
                                                  std::initializer_list<TableExtra> extras = {}) {
    return dsl::detail::check_table(name, columns, extras);
}
} // namespace detail

/// A declared view.
class ViewHandle {
public:
    constexpr explicit ViewHandle(dsl::DeclaredName declared) : declared_(declared) {}
    constexpr Text name() const { return declared_.name; }

private:
    dsl::DeclaredName declared_;
};

/// Declares (and registers) a view: `sqlite_view("active_users", "select ... from users")`.
ViewHandle sqlite_view(Text name, Text definition);
/// Declares a view that exists already and is managed elsewhere (never created or dropped).
ViewHandle sqlite_existing_view(Text name);

namespace detail {
/// Records that this header was included: a schema that declares nothing is a SQLite one.
bool note_sqlite_dsl();
} // namespace detail

} // namespace drizzle::sqlite

// The library that implements the DSL includes this header too, but declares nothing: its own
// sources must not make every schema the host loads look like one of this dialect.
#ifndef DRIZZLE_DSL_IMPLEMENTATION
namespace drizzle::dsl {
/// Including this header makes a schema that declares nothing a SQLite one (see note_dialect).
inline const bool sqlite_dsl_included = ::drizzle::sqlite::detail::note_sqlite_dsl();
} // namespace drizzle::dsl
#endif

#if !defined(DRIZZLE_DSL_CHECK) || DRIZZLE_DSL_CHECK
/// `sqlite_table(...)`: the table is checked at compile time, then declared (see dsl/common.hpp).
// clang-format off
// The comment on the check's line is what the compiler quotes when an argument is not a constant.
#define sqlite_table(...)                                                                                    \
    checked_sqlite_table(::drizzle::dsl::detail::DslCheck<                                                      \
        ::drizzle::sqlite::detail::check_sqlite_table(__VA_ARGS__) /* computed at run time? write (sqlite_table)(...) */ \
    >{}, __VA_ARGS__)
// clang-format on
#endif
