// Typed schema operations: the closed set of changes diff() produces and renderers lower to SQL.
#pragma once

#include "drizzle/schema/model.hpp"

#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace drizzle {

namespace op {

struct CreateTable { Table table; };
struct DropTable { Table table; };
struct RenameTable { std::string schema, from, to; };

/// `table` is the table's name in the new schema (after any rename).
struct AddColumn { std::string schema, table; Column column; };
struct DropColumn { std::string schema, table; Column column; };
struct RenameColumn { std::string schema, table, from, to; };
/// Any change of type, nullability, default, generation, primary key or autoincrement.
struct AlterColumn { std::string schema, table; Column from, to; };

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

/// A short human description ("drop column users.age"), used in summaries and warnings.
std::string describe(const Operation& operation);

/// True for operations that can lose data (drops, narrowing rebuilds are judged by callers).
bool is_destructive(const Operation& operation);

}  // namespace drizzle
