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
// Every table and view built here registers itself, so the exporter sees all of them.
#pragma once

#include "drizzle/dsl/common.hpp"
#include "drizzle/dsl/registry.hpp"
#include "drizzle/schema/model.hpp"

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace drizzle::sqlite {

namespace action = drizzle::dsl::action;
using drizzle::dsl::ColumnRef;
using drizzle::dsl::ref;
using drizzle::dsl::ReferenceOptions;
using drizzle::dsl::Sql;
using drizzle::dsl::sql;

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
    ColumnBuilder(std::string name, std::string type) : ColumnBuilderBase(std::move(name), std::move(type), {}) {}

    /// PRIMARY KEY; `{.auto_increment = true}` adds AUTOINCREMENT (integer columns only).
    ColumnBuilder& primary_key(PrimaryKeyOptions options = {});
    /// A UNIQUE constraint on this column (drizzle's default name `<table>_<column>_unique`).
    ColumnBuilder& unique(std::string name = {});
    /// GENERATED ALWAYS AS (expression) VIRTUAL|STORED.
    ColumnBuilder& generated_always_as(const std::string& expression, GeneratedOptions options = {});
};

enum class IntegerMode { number, boolean, timestamp, timestamp_ms };
struct IntegerOptions {
    IntegerMode mode = IntegerMode::number;
};
enum class TextMode { text, json };
struct TextOptions {
    std::optional<int> length{};            ///< `text(256)`
    std::vector<std::string> enum_values{}; ///< type-level only; SQLite stores plain text
    TextMode mode = TextMode::text;
};
enum class BlobMode { buffer, json, bigint };
struct BlobOptions {
    BlobMode mode = BlobMode::buffer;
};

/// `integer` (modes number/boolean/timestamp/timestamp_ms all store INTEGER).
ColumnBuilder integer(std::string name, IntegerOptions options = {});
/// `text`, optionally with a length: `text("email", {.length = 256})`.
ColumnBuilder text(std::string name, TextOptions options = {});
ColumnBuilder real(std::string name);
ColumnBuilder blob(std::string name, BlobOptions options = {});
ColumnBuilder numeric(std::string name);
/// A column of any other declared type, kept as written: `custom_type("created", "DATETIME")`.
ColumnBuilder custom_type(std::string name, std::string sql_type);

/// An index element: a column name or an SQL expression (`sql("lower(email)")`).
struct IndexTarget : dsl::IndexTargetBase {
    using IndexTargetBase::IndexTargetBase;
};

/// A table-level declaration: index, unique_index, primary_key, foreign_key, unique, check.
/// on, where, on_delete and on_update come from dsl::TableExtraBase.
class TableExtra : public dsl::TableExtraBase<TableExtra, IndexTarget> {
public:
    /// Foreign key target.
    TableExtra& references(const std::string& table, std::initializer_list<std::string> columns) {
        return set_references(table, columns, {});
    }
};

inline TableExtra index(std::string name) {
    return dsl::make_extra<TableExtra>(dsl::ExtraKind::index, std::move(name));
}
inline TableExtra unique_index(std::string name) {
    return dsl::make_extra<TableExtra>(dsl::ExtraKind::unique_index, std::move(name));
}
/// Composite primary key; `name` empty = drizzle's default name.
inline TableExtra primary_key(std::initializer_list<std::string> columns, std::string name = {}) {
    return dsl::make_key<TableExtra>(dsl::ExtraKind::primary_key, columns, std::move(name));
}
/// Table-level foreign key: `foreign_key({"a", "b"}).references("other", {"x", "y"})`.
inline TableExtra foreign_key(std::initializer_list<std::string> columns, std::string name = {}) {
    return dsl::make_key<TableExtra>(dsl::ExtraKind::foreign_key, columns, std::move(name));
}
/// Table-level unique constraint: `unique("name").on({"a", "b"})` (empty name = default name).
inline TableExtra unique(std::string name = {}) {
    return dsl::make_extra<TableExtra>(dsl::ExtraKind::unique, std::move(name));
}
/// CHECK constraint.
inline TableExtra check(std::string name, std::string expression) {
    return dsl::make_check<TableExtra>(std::move(name), std::move(expression));
}

/// A declared table; indexing it gives column references: `users["id"]`.
class TableHandle {
public:
    explicit TableHandle(std::string name) : name_(std::move(name)) {}
    ColumnRef operator[](const std::string& column) const { return {name_, column}; }
    const std::string& name() const { return name_; }

private:
    std::string name_;
};

/// Declares (and registers) a table.
TableHandle sqlite_table(std::string name, std::initializer_list<ColumnBuilder> columns,
                         std::initializer_list<TableExtra> extras = {});

/// A declared view.
class ViewHandle {
public:
    explicit ViewHandle(std::string name) : name_(std::move(name)) {}
    const std::string& name() const { return name_; }

private:
    std::string name_;
};

/// Declares (and registers) a view: `sqlite_view("active_users", "select ... from users")`.
ViewHandle sqlite_view(std::string name, std::string definition);
/// Declares a view that exists already and is managed elsewhere (never created or dropped).
ViewHandle sqlite_existing_view(std::string name);

} // namespace drizzle::sqlite

namespace drizzle::dsl {
/// Including this header makes a schema that declares nothing a SQLite one (see note_dialect).
inline const bool sqlite_dsl_included = (note_dialect(Dialect::sqlite), true);
} // namespace drizzle::dsl
