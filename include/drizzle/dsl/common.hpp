// The part of the schema DSL every dialect shares: raw SQL, column references, referential
// actions, the column-builder setters and the table-level declarations. A dialect's DSL header
// (sqlite.hpp, pg.hpp) adds only its own types and builders on top.
#pragma once

#include "drizzle/schema/model.hpp"

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace drizzle::dsl {

/// Referential actions, as `.references(..., {.on_delete = action::cascade})`.
namespace action {
inline constexpr const char* no_action = "no action";
inline constexpr const char* cascade = "cascade";
inline constexpr const char* set_null = "set null";
inline constexpr const char* set_default = "set default";
inline constexpr const char* restrict_ = "restrict";
} // namespace action

/// Raw SQL, for defaults, checks and index expressions: `default_(sql("(unixepoch())"))`.
struct Sql {
    std::string text;
};
/// Wraps `text` as raw SQL.
inline Sql sql(std::string text) {
    return {std::move(text)};
}

/// A column of a declared table, for `.references(...)` and foreign keys. `schema` is empty for
/// the default schema (the only one dialects without schemas have).
struct ColumnRef {
    ColumnRef(std::string table_name, std::string column_name)
        : table(std::move(table_name)), column(std::move(column_name)) {}
    ColumnRef(std::string schema_name, std::string table_name, std::string column_name)
        : schema(std::move(schema_name)), table(std::move(table_name)), column(std::move(column_name)) {}
    std::string schema;
    std::string table;
    std::string column;
};

/// A column reference by names, for targets declared later in the header (or the table itself).
inline ColumnRef ref(std::string table, std::string column) {
    return {std::move(table), std::move(column)};
}

/// Options of a column's `.references(...)`.
struct ReferenceOptions {
    std::string on_delete = action::no_action;
    std::string on_update = action::no_action;
    std::string name{}; ///< empty: drizzle's default name
};

/// A UNIQUE declared on a column.
struct ColumnUnique {
    std::string name; ///< empty: drizzle's default name
    bool nulls_not_distinct = false;
};

/// What a column builder has collected; the dialect's table declaration turns it into the model.
class ColumnState {
public:
    ColumnState(std::string name, std::string type, std::string type_schema);

    const Column& column() const { return column_; }
    const std::optional<ColumnUnique>& column_unique() const { return unique_; }
    const std::optional<std::pair<ColumnRef, ReferenceOptions>>& reference() const { return reference_; }

protected:
    void set_default(ColumnDefault value);
    void set_unique(std::string name, bool nulls_not_distinct);
    void set_reference(const ColumnRef& target, ReferenceOptions options);

    Column column_;
    std::optional<ColumnUnique> unique_;
    std::optional<std::pair<ColumnRef, ReferenceOptions>> reference_;
};

namespace detail {
ColumnDefault boolean_default(bool value);
ColumnDefault integer_default(std::int64_t value);
/// Printed as JavaScript prints numbers (1.5, 100), so snapshots match drizzle-kit's.
ColumnDefault number_default(double value);
/// A quoted SQL string literal ('it''s').
ColumnDefault string_default(const std::string& value);
ColumnDefault sql_default(const std::string& sql);
} // namespace detail

/// The setters every dialect's column builder has; each returns the dialect's builder (`Self`),
/// so dialect-specific modifiers chain after shared ones.
template <class Self> class ColumnBuilderBase : public ColumnState {
public:
    using ColumnState::ColumnState;

    /// NOT NULL.
    Self& not_null() {
        column_.not_null = true;
        return self();
    }
    /// DEFAULT with a literal value: bool, integer, floating point or string (quoted for you).
    Self& default_(bool value) { return with_default(detail::boolean_default(value)); }
    Self& default_(int value) { return with_default(detail::integer_default(value)); }
    Self& default_(std::int64_t value) { return with_default(detail::integer_default(value)); }
    Self& default_(double value) { return with_default(detail::number_default(value)); }
    Self& default_(const char* value) { return with_default(detail::string_default(value)); }
    Self& default_(const std::string& value) { return with_default(detail::string_default(value)); }
    /// DEFAULT with raw SQL, e.g. `default_(sql("(unixepoch())"))`.
    Self& default_(const Sql& expression) { return with_default(detail::sql_default(expression.text)); }
    /// Same as `default_(sql(text))`.
    Self& default_sql(const std::string& text) { return with_default(detail::sql_default(text)); }
    /// A foreign key from this column.
    Self& references(const ColumnRef& target, ReferenceOptions options = {}) {
        set_reference(target, std::move(options));
        return self();
    }

protected:
    Self& self() { return static_cast<Self&>(*this); }
    Self& with_default(ColumnDefault value) {
        set_default(std::move(value));
        return self();
    }
};

/// One element of an index: a column name or an SQL expression, with its ordering.
struct IndexElement {
    std::string value;
    bool is_expression = false;
    bool asc = true;
    std::string nulls;   ///< "first", "last" or "" (the direction's default)
    std::string opclass; ///< "" = the default operator class
};

/// An index target as written: a column name or `sql("lower(email)")`. Dialects derive their
/// IndexTarget from it (adding ordering modifiers where they have them).
struct IndexTargetBase : IndexElement {
    IndexTargetBase(const char* column) { value = column; }
    IndexTargetBase(std::string column) { value = std::move(column); }
    IndexTargetBase(Sql expression) {
        value = std::move(expression.text);
        is_expression = true;
    }
};

/// What a table-level declaration is.
enum class ExtraKind { index, unique_index, primary_key, foreign_key, unique, check, policy };

/// What a table-level declaration has collected; fields a dialect has no setter for keep their
/// neutral value.
struct ExtraSpec {
    ExtraKind kind = ExtraKind::index;
    std::string name;
    std::vector<IndexElement> targets;    ///< index elements, or the key's columns
    std::optional<std::string> predicate; ///< index WHERE, or the CHECK expression
    std::string method;                   ///< index USING
    bool build_concurrently = false;
    std::vector<std::pair<std::string, std::string>> options; ///< index WITH (...)
    bool distinct_nulls = true;
    std::string table_to;
    std::string schema_to;
    std::vector<std::string> columns_to;
    std::string delete_action = action::no_action;
    std::string update_action = action::no_action;
    Policy policy_value;
};

/// The setters every dialect's table-level declaration has (`Self` is the dialect's TableExtra,
/// `Target` its IndexTarget).
template <class Self, class Target> class TableExtraBase : public ExtraSpec {
public:
    using Kind = ExtraKind;

    /// The columns or expressions the index/unique/primary key covers.
    Self& on(std::initializer_list<Target> new_targets) {
        targets.assign(new_targets.begin(), new_targets.end());
        return self();
    }
    /// Partial index predicate.
    Self& where(const std::string& new_predicate) {
        predicate = new_predicate;
        return self();
    }
    /// Foreign key actions.
    Self& on_delete(const std::string& action) {
        delete_action = action;
        return self();
    }
    Self& on_update(const std::string& action) {
        update_action = action;
        return self();
    }

protected:
    Self& self() { return static_cast<Self&>(*this); }
    Self& set_references(const std::string& table, std::initializer_list<std::string> columns,
                         const std::string& schema) {
        table_to = table;
        schema_to = schema;
        columns_to.assign(columns.begin(), columns.end());
        return self();
    }
};

/// A declaration of `kind` named `name` (empty = drizzle's default name).
template <class Extra> Extra make_extra(ExtraKind kind, std::string name) {
    Extra extra;
    extra.kind = kind;
    extra.name = std::move(name);
    return extra;
}

/// A key (primary, foreign) over `columns`.
template <class Extra> Extra make_key(ExtraKind kind, std::initializer_list<std::string> columns, std::string name) {
    auto extra = make_extra<Extra>(kind, std::move(name));
    for (const auto& column : columns) {
        IndexElement element;
        element.value = column;
        extra.targets.push_back(std::move(element));
    }
    return extra;
}

/// A CHECK constraint.
template <class Extra> Extra make_check(std::string name, std::string expression) {
    auto extra = make_extra<Extra>(ExtraKind::check, std::move(name));
    extra.predicate = std::move(expression);
    return extra;
}

} // namespace drizzle::dsl
