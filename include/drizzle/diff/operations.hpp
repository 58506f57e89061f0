// Typed schema operations: the closed set of changes diff() produces and renderers lower to SQL.
#pragma once

#include "drizzle/schema/model.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

namespace drizzle {

/// One property of a column that an `op::AlterColumn` changes. Each is compared exactly (as the
/// text and values the schemas hold), so renderers can trust a flag without comparing again.
enum class ColumnChange : std::uint16_t {
    type = 1u << 0,          ///< `Column::type` text (a serial and its integer type differ here)
    type_schema = 1u << 1,   ///< schema of a user-defined type (enum)
    dimensions = 1u << 2,    ///< array dimensions
    not_null = 1u << 3,      ///< NOT NULL in effect (`Column::effective_not_null`)
    primary_key = 1u << 4,   ///< single-column primary key declared on the column
    autoincrement = 1u << 5, ///< SQLite AUTOINCREMENT
    default_value = 1u << 6, ///< DEFAULT expression
    generated = 1u << 7,     ///< generation expression or kind (added, removed or changed)
    identity = 1u << 8,      ///< identity (added, removed, or its kind, sequence name or options)
};

/// A set of `ColumnChange` flags.
class ColumnChanges {
public:
    constexpr ColumnChanges() = default;
    /// Implicit: one flag is a set of one.
    constexpr ColumnChanges(ColumnChange change) : bits_(static_cast<std::uint16_t>(change)) {}

    /// True when `change` is in the set.
    constexpr bool has(ColumnChange change) const { return (bits_ & static_cast<std::uint16_t>(change)) != 0; }
    /// True when any flag of `changes` is in the set.
    constexpr bool has_any(ColumnChanges changes) const { return (bits_ & changes.bits_) != 0; }
    /// True when no flag is set.
    constexpr bool empty() const { return bits_ == 0; }

    friend constexpr ColumnChanges operator|(ColumnChanges a, ColumnChanges b) {
        ColumnChanges out;
        out.bits_ = static_cast<std::uint16_t>(a.bits_ | b.bits_);
        return out;
    }
    constexpr ColumnChanges& operator|=(ColumnChanges other) { return *this = *this | other; }
    constexpr bool operator==(const ColumnChanges&) const = default;

private:
    std::uint16_t bits_ = 0;
};

/// Union of two flags: `ColumnChange::type | ColumnChange::dimensions`.
constexpr ColumnChanges operator|(ColumnChange a, ColumnChange b) {
    return ColumnChanges(a) | ColumnChanges(b);
}

/// The properties that differ between two versions of one column. The diff may also alter a
/// column for a reason outside it (PostgreSQL makes a column joining a composite key NOT NULL),
/// so an `AlterColumn` can carry an empty set.
ColumnChanges column_changes(const Column& from, const Column& to);

namespace op {

struct CreateTable { Table table; };
struct DropTable { Table table; };
struct RenameTable { std::string schema, from, to; };

/// `table` is the table's name in the new schema (after any rename).
struct AddColumn { std::string schema, table; Column column; };
struct DropColumn { std::string schema, table; Column column; };
struct RenameColumn { std::string schema, table, from, to; };
/// Any change of type, nullability, default, generation, primary key or autoincrement.
/// `changes` says which: the constructor computes it once from `from` and `to`.
struct AlterColumn {
    AlterColumn(std::string schema_name, std::string table_name, Column before, Column after)
        : schema(std::move(schema_name)), table(std::move(table_name)), from(std::move(before)), to(std::move(after)),
          changes(column_changes(from, to)) {}

    std::string schema, table;
    Column from, to;
    ColumnChanges changes;
};

struct CreateIndex { std::string schema, table; Index index; };
struct DropIndex { std::string schema, table; Index index; };
struct AddForeignKey { std::string schema, table; ForeignKey fk; };
struct DropForeignKey { std::string schema, table; ForeignKey fk; };
struct AddPrimaryKey { std::string schema, table; PrimaryKey pk; };
struct DropPrimaryKey { std::string schema, table; PrimaryKey pk; };
struct AddUnique { std::string schema, table; UniqueConstraint unique; };
struct DropUnique { std::string schema, table; UniqueConstraint unique; };
struct AddCheck { std::string schema, table; CheckConstraint check; };
struct DropCheck { std::string schema, table; CheckConstraint check; };

struct CreateView { View view; };
struct DropView { View view; };

struct CreateSchema { std::string name; };
struct DropSchema { std::string name; };
struct CreateEnum { Enum type; };
struct RenameEnum { std::string schema, from, to; };
struct DropEnum { Enum type; };
/// ALTER TYPE ... ADD VALUE; `before` empty = at the end.
struct AddEnumValue { std::string schema, name, value, before; };
/// Values removed or reordered: PostgreSQL cannot drop an enum value, so the type is recreated
/// and every column using it is cast through text (drizzle #855). It runs before renames and
/// column changes, so `columns` name the columns as they are before the migration.
struct RecreateEnum {
    Enum from;
    Enum to;
    struct ColumnUse {
        std::string schema, table, column;  ///< names before the migration
        bool had_default = false;           ///< the old default depends on the type: drop it first
        bool cast_back = false;             ///< the column still uses the enum afterwards
        std::optional<std::string> new_default;  ///< restored after the cast back
        int dimensions = 0;
    };
    std::vector<ColumnUse> columns;
};
struct CreateSequence { Sequence sequence; };
struct DropSequence { Sequence sequence; };
struct AlterSequence { Sequence from, to; };
struct CreateRole { Role role; };
struct DropRole { Role role; };
struct AlterRole { Role from, to; };
struct EnableRls { std::string schema, table; };
struct DisableRls { std::string schema, table; };
struct CreatePolicy { std::string schema, table; Policy policy; };
struct DropPolicy { std::string schema, table; Policy policy; };

/// Lowered form for engines that cannot ALTER a table in place (SQLite): build the new
/// table beside the old one, copy the rows, swap. `from` is the old table (after renames).
struct RecreateTable { Table from; Table to; };

}  // namespace op

/// One schema change.
using Operation = std::variant<op::CreateTable, op::DropTable, op::RenameTable, op::AddColumn, op::DropColumn,
                               op::RenameColumn, op::AlterColumn, op::CreateIndex, op::DropIndex,
                               op::AddForeignKey, op::DropForeignKey, op::AddPrimaryKey, op::DropPrimaryKey,
                               op::AddUnique, op::DropUnique, op::AddCheck, op::DropCheck, op::CreateView,
                               op::DropView, op::RecreateTable, op::CreateSchema, op::DropSchema,
                               op::CreateEnum, op::RenameEnum, op::DropEnum, op::AddEnumValue, op::RecreateEnum,
                               op::CreateSequence, op::DropSequence, op::AlterSequence, op::CreateRole,
                               op::DropRole, op::AlterRole, op::EnableRls, op::DisableRls, op::CreatePolicy,
                               op::DropPolicy>;

/// A compile-time list of operation types, for a visitor that handles a group of them alike.
template <class... Ts> struct OperationList {};

namespace detail {
template <class T, class List> inline constexpr bool in_operation_list = false;
template <class T, class... Ts>
inline constexpr bool in_operation_list<T, OperationList<Ts...>> = (std::is_same_v<T, Ts> || ...);
} // namespace detail

/// Satisfied by the types of `List`. In a visitor, `[](const OneOf<Group> auto& o)` handles exactly
/// that group; unlike a catch-all `auto` overload it leaves a new operation type unmatched, so
/// std::visit fails to compile until the new type is handled or listed.
template <class T, class List>
concept OneOf = detail::in_operation_list<T, List>;

/// A short human description ("drop column users.age"), used in summaries and warnings.
std::string describe(const Operation& operation);

/// True for operations that can lose data (drops, narrowing rebuilds are judged by callers).
bool is_destructive(const Operation& operation);

}  // namespace drizzle
