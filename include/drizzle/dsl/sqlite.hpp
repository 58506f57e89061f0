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

#include "drizzle/dsl/registry.hpp"
#include "drizzle/schema/model.hpp"

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace drizzle::sqlite {

/// Referential actions, as `.references(..., {.on_delete = action::cascade})`.
namespace action {
inline constexpr const char* no_action = "no action";
inline constexpr const char* cascade = "cascade";
inline constexpr const char* set_null = "set null";
inline constexpr const char* set_default = "set default";
inline constexpr const char* restrict_ = "restrict";
}  // namespace action

/// A column of a declared table, for `.references(...)` and foreign keys.
struct ColumnRef {
    std::string table;
    std::string column;
};

/// A column reference by names, for targets declared later in the header.
inline ColumnRef ref(std::string table, std::string column) { return {std::move(table), std::move(column)}; }

struct PrimaryKeyOptions {
    bool auto_increment = false;
};

struct ReferenceOptions {
    std::string on_delete = action::no_action;
    std::string on_update = action::no_action;
    std::string name{};  ///< empty: drizzle's default name
};

enum class GeneratedMode { virtual_, stored };

struct GeneratedOptions {
    GeneratedMode mode = GeneratedMode::virtual_;
};

/// Raw SQL, for defaults and index expressions: `default_(sql("(unixepoch())"))`.
struct Sql {
    std::string text;
};
inline Sql sql(std::string text) { return {std::move(text)}; }

/// Builds one column. Every modifier returns the builder, so calls chain.
class ColumnBuilder {
public:
    ColumnBuilder(std::string name, std::string type);

    /// PRIMARY KEY; `{.auto_increment = true}` adds AUTOINCREMENT (integer columns only).
    ColumnBuilder& primary_key(PrimaryKeyOptions options = {});
    ColumnBuilder& not_null();
    /// DEFAULT with a literal value: bool, integer, floating point or string (quoted for you).
    ColumnBuilder& default_(bool value);
    ColumnBuilder& default_(int value);
    ColumnBuilder& default_(std::int64_t value);
    ColumnBuilder& default_(double value);
    ColumnBuilder& default_(const char* value);
    ColumnBuilder& default_(const std::string& value);
    /// DEFAULT with raw SQL, e.g. `default_(sql("(unixepoch())"))`.
    ColumnBuilder& default_(const Sql& expression);
    /// Same as `default_(sql(text))`.
    ColumnBuilder& default_sql(const std::string& text);
    /// A UNIQUE constraint on this column (drizzle's default name `<table>_<column>_unique`).
    ColumnBuilder& unique(std::string name = {});
    /// A foreign key from this column.
    ColumnBuilder& references(const ColumnRef& target, ReferenceOptions options = {});
    /// GENERATED ALWAYS AS (expression) VIRTUAL|STORED.
    ColumnBuilder& generated_always_as(const std::string& expression, GeneratedOptions options = {});

    const Column& column() const { return column_; }
    const std::optional<std::string>& unique_name() const { return unique_; }
    const std::optional<std::pair<ColumnRef, ReferenceOptions>>& reference() const { return reference_; }

private:
    Column column_;
    std::optional<std::string> unique_;
    std::optional<std::pair<ColumnRef, ReferenceOptions>> reference_;
};

enum class IntegerMode { number, boolean, timestamp, timestamp_ms };
struct IntegerOptions {
    IntegerMode mode = IntegerMode::number;
};
enum class TextMode { text, json };
struct TextOptions {
    std::optional<int> length{};            ///< `text(256)`
    std::vector<std::string> enum_values{};   ///< type-level only; SQLite stores plain text
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
struct IndexTarget {
    IndexTarget(const char* column) : value(column) {}
    IndexTarget(std::string column) : value(std::move(column)) {}
    IndexTarget(Sql expression) : value(std::move(expression.text)), is_expression(true) {}
    std::string value;
    bool is_expression = false;
};

/// A table-level declaration: index, unique_index, primary_key, foreign_key, unique, check.
class TableExtra {
public:
    /// The columns or expressions the index/unique/primary key covers.
    TableExtra& on(std::initializer_list<IndexTarget> targets);
    /// Partial index predicate.
    TableExtra& where(const std::string& predicate);
    /// Foreign key target and actions.
    TableExtra& references(const std::string& table, std::initializer_list<std::string> columns);
    TableExtra& on_delete(const std::string& action);
    TableExtra& on_update(const std::string& action);

    enum class Kind { index, unique_index, primary_key, foreign_key, unique, check };
    Kind kind = Kind::index;
    std::string name;
    std::vector<IndexTarget> targets;
    std::optional<std::string> predicate;  ///< index WHERE, or the CHECK expression
    std::string table_to;
    std::vector<std::string> columns_to;
    std::string delete_action = action::no_action;
    std::string update_action = action::no_action;
};

TableExtra index(std::string name);
TableExtra unique_index(std::string name);
/// Composite primary key; `name` empty = drizzle's default name.
TableExtra primary_key(std::initializer_list<std::string> columns, std::string name = {});
/// Table-level foreign key: `foreign_key({"a", "b"}).references("other", {"x", "y"})`.
TableExtra foreign_key(std::initializer_list<std::string> columns, std::string name = {});
/// Table-level unique constraint: `unique("name").on({"a", "b"})` (empty name = default name).
TableExtra unique(std::string name = {});
/// CHECK constraint.
TableExtra check(std::string name, std::string expression);

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

}  // namespace drizzle::sqlite

namespace drizzle::dsl {
/// Including this header makes a schema that declares nothing a SQLite one (see note_dialect).
inline const bool sqlite_dsl_included = (note_dialect(Dialect::sqlite), true);
}  // namespace drizzle::dsl
