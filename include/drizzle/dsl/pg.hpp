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

#include "drizzle/dsl/common.hpp"
#include "drizzle/dsl/registry.hpp"
#include "drizzle/schema/model.hpp"

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

namespace drizzle::pg::dsl {

namespace action = ::drizzle::dsl::action;
using ::drizzle::dsl::ColumnRef;
using ::drizzle::dsl::ref;
using ::drizzle::dsl::ReferenceOptions;
using ::drizzle::dsl::Sql;
using ::drizzle::dsl::sql;

/// A column in another schema: `ref("billing", "invoices", "id")`.
inline ColumnRef ref(std::string schema, std::string table, std::string column) {
    return {std::move(schema), std::move(table), std::move(column)};
}

/// Identity and sequence parameters; unset keeps PostgreSQL's default.
struct SequenceParams {
    std::optional<std::int64_t> increment{};
    std::optional<std::int64_t> min_value{};
    std::optional<std::int64_t> max_value{};
    std::optional<std::int64_t> start_with{};
    std::optional<std::int64_t> cache{};
    bool cycle = false;
    std::string name{}; ///< identity only: the sequence name, empty = PostgreSQL's default
};

/// Builds one column; every modifier returns the builder. not_null, default_, default_sql and
/// references come from dsl::ColumnBuilderBase.
class ColumnBuilder : public ::drizzle::dsl::ColumnBuilderBase<ColumnBuilder> {
public:
    ColumnBuilder(std::string name, std::string type, std::string type_schema = {})
        : ColumnBuilderBase(std::move(name), std::move(type), std::move(type_schema)) {}

    ColumnBuilder& primary_key();
    /// `DEFAULT now()`, for date/time columns.
    ColumnBuilder& default_now() { return default_(sql("now()")); }
    /// `DEFAULT gen_random_uuid()`, for uuid columns.
    ColumnBuilder& default_random() { return default_(sql("gen_random_uuid()")); }
    /// UNIQUE; `nulls_not_distinct` gives PostgreSQL 15's NULLS NOT DISTINCT.
    ColumnBuilder& unique(std::string name = {}, bool nulls_not_distinct = false);
    /// GENERATED ALWAYS AS (expression) STORED.
    ColumnBuilder& generated_always_as(const std::string& expression);
    ColumnBuilder& generated_always_as_identity(SequenceParams params = {});
    ColumnBuilder& generated_by_default_as_identity(SequenceParams params = {});
    /// An array of this type; call twice for two dimensions.
    ColumnBuilder& array();
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
struct IndexTarget : ::drizzle::dsl::IndexTargetBase {
    using IndexTargetBase::IndexTargetBase;
    IndexTarget& desc() {
        asc = false;
        return *this;
    }
    IndexTarget& nulls_first() {
        nulls = "first";
        return *this;
    }
    IndexTarget& nulls_last() {
        nulls = "last";
        return *this;
    }
    IndexTarget& op(std::string opclass_name) {
        opclass = std::move(opclass_name);
        return *this;
    }
};

/// A table-level declaration: index, unique_index, primary_key, foreign_key, unique, check, policy.
/// on, where, on_delete and on_update come from dsl::TableExtraBase.
class TableExtra : public ::drizzle::dsl::TableExtraBase<TableExtra, IndexTarget> {
public:
    TableExtra& using_(const std::string& new_method);
    TableExtra& concurrently();
    TableExtra& with(std::initializer_list<std::pair<std::string, std::string>> new_options);
    TableExtra& nulls_not_distinct();
    /// Foreign key target; `schema` "" = public.
    TableExtra& references(const std::string& table, std::initializer_list<std::string> columns,
                           const std::string& schema = {}) {
        return set_references(table, columns, schema);
    }
};

inline TableExtra index(std::string name) {
    return ::drizzle::dsl::make_extra<TableExtra>(::drizzle::dsl::ExtraKind::index, std::move(name));
}
inline TableExtra unique_index(std::string name) {
    return ::drizzle::dsl::make_extra<TableExtra>(::drizzle::dsl::ExtraKind::unique_index, std::move(name));
}
inline TableExtra primary_key(std::initializer_list<std::string> columns, std::string name = {}) {
    return ::drizzle::dsl::make_key<TableExtra>(::drizzle::dsl::ExtraKind::primary_key, columns, std::move(name));
}
inline TableExtra foreign_key(std::initializer_list<std::string> columns, std::string name = {}) {
    return ::drizzle::dsl::make_key<TableExtra>(::drizzle::dsl::ExtraKind::foreign_key, columns, std::move(name));
}
inline TableExtra unique(std::string name = {}) {
    return ::drizzle::dsl::make_extra<TableExtra>(::drizzle::dsl::ExtraKind::unique, std::move(name));
}
inline TableExtra check(std::string name, std::string expression) {
    return ::drizzle::dsl::make_check<TableExtra>(std::move(name), std::move(expression));
}

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

} // namespace drizzle::pg::dsl

namespace drizzle::dsl {
/// Including this header makes a schema that declares nothing a PostgreSQL one (see note_dialect).
inline const bool pg_dsl_included = (note_dialect(Dialect::postgresql), true);
} // namespace drizzle::dsl
