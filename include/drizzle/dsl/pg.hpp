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
// Every table, enum, sequence, view, schema and role declared here registers itself.
#pragma once

#include "drizzle/dsl/registry.hpp"
#include "drizzle/schema/model.hpp"

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

namespace drizzle::pg::dsl {

/// Referential actions: `.references(users["id"], {.on_delete = action::cascade})`.
namespace action {
inline constexpr const char* no_action = "no action";
inline constexpr const char* cascade = "cascade";
inline constexpr const char* set_null = "set null";
inline constexpr const char* set_default = "set default";
inline constexpr const char* restrict_ = "restrict";
}  // namespace action

/// Raw SQL for defaults, checks, index expressions: `sql("now()")`.
struct Sql {
    std::string text;
};
inline Sql sql(std::string text) { return {std::move(text)}; }

struct ColumnRef {
    std::string schema;
    std::string table;
    std::string column;
};

/// A column by names, for tables declared later in the header (or the table itself):
/// `.references(ref("users", "id"))`, `ref("billing", "invoices", "id")` in another schema.
inline ColumnRef ref(std::string table, std::string column) { return {{}, std::move(table), std::move(column)}; }
inline ColumnRef ref(std::string schema, std::string table, std::string column) {
    return {std::move(schema), std::move(table), std::move(column)};
}

struct ReferenceOptions {
    std::string on_delete = action::no_action;
    std::string on_update = action::no_action;
    std::string name{};  ///< empty: drizzle's default name
};

/// Identity and sequence parameters; unset keeps PostgreSQL's default.
struct SequenceParams {
    std::optional<std::int64_t> increment{};
    std::optional<std::int64_t> min_value{};
    std::optional<std::int64_t> max_value{};
    std::optional<std::int64_t> start_with{};
    std::optional<std::int64_t> cache{};
    bool cycle = false;
    std::string name{};  ///< identity only: the sequence name, empty = PostgreSQL's default
};

/// Builds one column; every modifier returns the builder.
class ColumnBuilder {
public:
    ColumnBuilder(std::string name, std::string type, std::string type_schema = {});

    ColumnBuilder& primary_key();
    ColumnBuilder& not_null();
    ColumnBuilder& default_(bool value);
    ColumnBuilder& default_(int value);
    ColumnBuilder& default_(std::int64_t value);
    ColumnBuilder& default_(double value);
    ColumnBuilder& default_(const char* value);
    ColumnBuilder& default_(const std::string& value);
    ColumnBuilder& default_(const Sql& expression);
    ColumnBuilder& default_sql(const std::string& text);
    /// `DEFAULT now()`, for date/time columns.
    ColumnBuilder& default_now();
    /// `DEFAULT gen_random_uuid()`, for uuid columns.
    ColumnBuilder& default_random();
    /// UNIQUE; `nulls_not_distinct` gives PostgreSQL 15's NULLS NOT DISTINCT.
    ColumnBuilder& unique(std::string name = {}, bool nulls_not_distinct = false);
    ColumnBuilder& references(const ColumnRef& target, ReferenceOptions options = {});
    /// GENERATED ALWAYS AS (expression) STORED.
    ColumnBuilder& generated_always_as(const std::string& expression);
    ColumnBuilder& generated_always_as_identity(SequenceParams params = {});
    ColumnBuilder& generated_by_default_as_identity(SequenceParams params = {});
    /// An array of this type; call twice for two dimensions.
    ColumnBuilder& array();

    const Column& column() const { return column_; }
    const std::optional<std::pair<std::string, bool>>& unique_spec() const { return unique_; }
    const std::optional<std::pair<ColumnRef, ReferenceOptions>>& reference() const { return reference_; }

private:
    Column column_;
    std::optional<std::pair<std::string, bool>> unique_;
    std::optional<std::pair<ColumnRef, ReferenceOptions>> reference_;
};

struct LengthOptions {
    std::optional<int> length{};
};
struct NumericOptions {
    std::optional<int> precision{};
    std::optional<int> scale{};
};
struct TimeOptions {
    std::optional<int> precision{};
    bool with_timezone = false;
};

ColumnBuilder serial(std::string name);
ColumnBuilder smallserial(std::string name);
ColumnBuilder bigserial(std::string name);
ColumnBuilder integer(std::string name);
ColumnBuilder smallint(std::string name);
ColumnBuilder bigint(std::string name);
ColumnBuilder text(std::string name);
ColumnBuilder varchar(std::string name, LengthOptions options = {});
ColumnBuilder char_(std::string name, LengthOptions options = {});
ColumnBuilder boolean(std::string name);
ColumnBuilder numeric(std::string name, NumericOptions options = {});
ColumnBuilder real(std::string name);
ColumnBuilder double_precision(std::string name);
ColumnBuilder date(std::string name);
ColumnBuilder time(std::string name, TimeOptions options = {});
ColumnBuilder timestamp(std::string name, TimeOptions options = {});
ColumnBuilder interval(std::string name);
ColumnBuilder json(std::string name);
ColumnBuilder jsonb(std::string name);
ColumnBuilder uuid(std::string name);
ColumnBuilder inet(std::string name);
ColumnBuilder cidr(std::string name);
ColumnBuilder macaddr(std::string name);
/// A column of any other SQL type, spelled as PostgreSQL prints it: `custom_type("doc", "tsvector")`.
ColumnBuilder custom_type(std::string name, std::string sql_type);

/// An index element: a column name or `sql("lower(email)")`, with ordering.
struct IndexTarget {
    IndexTarget(const char* column) : value(column) {}
    IndexTarget(std::string column) : value(std::move(column)) {}
    IndexTarget(Sql expression) : value(std::move(expression.text)), is_expression(true) {}
    IndexTarget& desc() { asc = false; return *this; }
    IndexTarget& nulls_first() { nulls = "first"; return *this; }
    IndexTarget& nulls_last() { nulls = "last"; return *this; }
    IndexTarget& op(std::string opclass_name) { opclass = std::move(opclass_name); return *this; }
    std::string value;
    bool is_expression = false;
    bool asc = true;
    std::string nulls;
    std::string opclass;
};

/// A table-level declaration: index, unique_index, primary_key, foreign_key, unique, check, policy.
class TableExtra {
public:
    TableExtra& on(std::initializer_list<IndexTarget> targets);
    TableExtra& where(const std::string& predicate);
    TableExtra& using_(const std::string& method);
    TableExtra& concurrently();
    TableExtra& with(std::initializer_list<std::pair<std::string, std::string>> options);
    TableExtra& nulls_not_distinct();
    TableExtra& references(const std::string& table, std::initializer_list<std::string> columns,
                           const std::string& schema = {});
    TableExtra& on_delete(const std::string& action);
    TableExtra& on_update(const std::string& action);

    enum class Kind { index, unique_index, primary_key, foreign_key, unique, check, policy };
    Kind kind = Kind::index;
    std::string name;
    std::vector<IndexTarget> targets;
    std::optional<std::string> predicate;
    std::string method;
    bool build_concurrently = false;
    std::vector<std::pair<std::string, std::string>> options;
    bool distinct_nulls = true;
    std::string table_to;
    std::string schema_to;
    std::vector<std::string> columns_to;
    std::string delete_action = action::no_action;
    std::string update_action = action::no_action;
    Policy policy_value;
};

TableExtra index(std::string name);
TableExtra unique_index(std::string name);
TableExtra primary_key(std::initializer_list<std::string> columns, std::string name = {});
TableExtra foreign_key(std::initializer_list<std::string> columns, std::string name = {});
TableExtra unique(std::string name = {});
TableExtra check(std::string name, std::string expression);

struct PolicyOptions {
    std::string as = "permissive";
    std::string for_ = "all";
    std::vector<std::string> to = {"public"};
    std::optional<std::string> using_{};
    std::optional<std::string> with_check{};
};
/// A row-level security policy; declaring one enables RLS on the table, as drizzle does.
TableExtra pg_policy(std::string name, PolicyOptions options = {});

/// A declared table; `users["id"]` refers to its column.
class TableHandle {
public:
    TableHandle(std::string schema, std::string name) : schema_(std::move(schema)), name_(std::move(name)) {}
    ColumnRef operator[](const std::string& column) const { return {schema_, name_, column}; }
    const std::string& name() const { return name_; }
    /// Turns row-level security on (without policies).
    const TableHandle& enable_rls() const;

private:
    std::string schema_;
    std::string name_;
};

/// Declares (and registers) a table in the public schema.
TableHandle pg_table(std::string name, std::initializer_list<ColumnBuilder> columns,
                     std::initializer_list<TableExtra> extras = {});

/// A declared enum type; call it to make a column: `mood("mood")`.
class EnumHandle {
public:
    EnumHandle(std::string schema, std::string name) : schema_(std::move(schema)), name_(std::move(name)) {}
    ColumnBuilder operator()(std::string column) const;

private:
    std::string schema_;
    std::string name_;
};

/// What pg_sequence/pg_view/pg_role return, so they can be declared as `inline const auto x = ...`.
struct Declared {
    std::string name;
};

/// View options: `WITH (...)`; materialized views also `WITH NO DATA`, `USING`, `TABLESPACE`.
struct ViewOptions {
    std::vector<std::pair<std::string, std::string>> with{};
    bool with_no_data = false;
    std::string using_{};
    std::string tablespace{};
};

/// A non-public schema: `inline const auto billing = pg_schema("billing");` then
/// `billing.table(...)`, `billing.enum_(...)`, `billing.sequence(...)`, `billing.view(...)`,
/// `billing.materialized_view(...)`.
class SchemaHandle {
public:
    explicit SchemaHandle(std::string name);
    TableHandle table(std::string name, std::initializer_list<ColumnBuilder> columns,
                      std::initializer_list<TableExtra> extras = {}) const;
    EnumHandle enum_(std::string name, std::initializer_list<std::string> values) const;
    Declared sequence(std::string name, SequenceParams params = {}) const;
    Declared view(std::string name, std::string definition, ViewOptions options = {}) const;
    Declared materialized_view(std::string name, std::string definition, ViewOptions options = {}) const;
    const std::string& name() const { return name_; }

private:
    std::string name_;
};

SchemaHandle pg_schema(std::string name);
EnumHandle pg_enum(std::string name, std::initializer_list<std::string> values);
/// A standalone sequence; drizzle records every parameter, so unset ones get PostgreSQL's defaults.
Declared pg_sequence(std::string name, SequenceParams params = {});

Declared pg_view(std::string name, std::string definition, ViewOptions options = {});
Declared pg_materialized_view(std::string name, std::string definition, ViewOptions options = {});

struct RoleOptions {
    bool create_db = false;
    bool create_role = false;
    bool inherit = true;
};
Declared pg_role(std::string name, RoleOptions options = {});

}  // namespace drizzle::pg::dsl

namespace drizzle::dsl {
/// Including this header makes a schema that declares nothing a PostgreSQL one (see note_dialect).
inline const bool pg_dsl_included = (note_dialect(Dialect::postgresql), true);
}  // namespace drizzle::dsl
