// What an AlterColumn changes, and human descriptions of operations.
#include "drizzle/diff/operations.hpp"
#include "util/text.hpp"

namespace drizzle {

namespace {
std::string qualified(const std::string& schema, const std::string& name) {
    return schema.empty() ? name : schema + "." + name;
}

}  // namespace

ColumnChanges column_changes(const Column& from, const Column& to) {
    ColumnChanges changes;
    auto flag = [&](bool differs, ColumnChange change) {
        if (differs) changes |= change;
    };
    flag(from.type != to.type, ColumnChange::type);
    flag(from.type_schema != to.type_schema, ColumnChange::type_schema);
    flag(from.dimensions != to.dimensions, ColumnChange::dimensions);
    flag(from.effective_not_null() != to.effective_not_null(), ColumnChange::not_null);
    flag(from.primary_key != to.primary_key, ColumnChange::primary_key);
    flag(from.autoincrement != to.autoincrement, ColumnChange::autoincrement);
    flag(!(from.default_value == to.default_value), ColumnChange::default_value);
    flag(!(from.generated == to.generated), ColumnChange::generated);
    flag(!(from.identity == to.identity), ColumnChange::identity);
    return changes;
}

std::string describe(const Operation& operation) {
    return std::visit(
        detail::overloaded{
            [](const op::CreateTable& o) { return "create table " + qualified(o.table.schema, o.table.name); },
            [](const op::DropTable& o) { return "drop table " + qualified(o.table.schema, o.table.name); },
            [](const op::RenameTable& o) { return "rename table " + o.from + " to " + o.to; },
            [](const op::AddColumn& o) { return "add column " + o.table + "." + o.column.name; },
            [](const op::DropColumn& o) { return "drop column " + o.table + "." + o.column.name; },
            [](const op::RenameColumn& o) { return "rename column " + o.table + "." + o.from + " to " + o.to; },
            [](const op::AlterColumn& o) { return "alter column " + o.table + "." + o.to.name; },
            [](const op::CreateIndex& o) { return "create index " + o.index.name + " on " + o.table; },
            [](const op::DropIndex& o) { return "drop index " + o.index.name + " on " + o.table; },
            [](const op::AddForeignKey& o) { return "add foreign key " + o.fk.name + " on " + o.table; },
            [](const op::DropForeignKey& o) { return "drop foreign key " + o.fk.name + " on " + o.table; },
            [](const op::AddPrimaryKey& o) { return "add primary key " + o.pk.name + " on " + o.table; },
            [](const op::DropPrimaryKey& o) { return "drop primary key " + o.pk.name + " on " + o.table; },
            [](const op::AddUnique& o) { return "add unique " + o.unique.name + " on " + o.table; },
            [](const op::DropUnique& o) { return "drop unique " + o.unique.name + " on " + o.table; },
            [](const op::AddCheck& o) { return "add check " + o.check.name + " on " + o.table; },
            [](const op::DropCheck& o) { return "drop check " + o.check.name + " on " + o.table; },
            [](const op::CreateView& o) { return "create view " + qualified(o.view.schema, o.view.name); },
            [](const op::DropView& o) { return "drop view " + qualified(o.view.schema, o.view.name); },
            [](const op::RecreateTable& o) { return "recreate table " + qualified(o.to.schema, o.to.name); },
            [](const op::CreateSchema& o) { return "create schema " + o.name; },
            [](const op::DropSchema& o) { return "drop schema " + o.name; },
            [](const op::CreateEnum& o) { return "create enum " + qualified(o.type.schema, o.type.name); },
            [](const op::RenameEnum& o) { return "rename enum " + qualified(o.schema, o.from) + " to " + o.to; },
            [](const op::DropEnum& o) { return "drop enum " + qualified(o.type.schema, o.type.name); },
            [](const op::AddEnumValue& o) { return "add value '" + o.value + "' to enum " + qualified(o.schema, o.name); },
            [](const op::RecreateEnum& o) { return "recreate enum " + qualified(o.to.schema, o.to.name); },
            [](const op::CreateSequence& o) { return "create sequence " + qualified(o.sequence.schema, o.sequence.name); },
            [](const op::DropSequence& o) { return "drop sequence " + qualified(o.sequence.schema, o.sequence.name); },
            [](const op::AlterSequence& o) { return "alter sequence " + qualified(o.to.schema, o.to.name); },
            [](const op::CreateRole& o) { return "create role " + o.role.name; },
            [](const op::DropRole& o) { return "drop role " + o.role.name; },
            [](const op::AlterRole& o) { return "alter role " + o.to.name; },
            [](const op::EnableRls& o) { return "enable row level security on " + qualified(o.schema, o.table); },
            [](const op::DisableRls& o) { return "disable row level security on " + qualified(o.schema, o.table); },
            [](const op::CreatePolicy& o) { return "create policy " + o.policy.name + " on " + o.table; },
            [](const op::DropPolicy& o) { return "drop policy " + o.policy.name + " on " + o.table; },
        },
        operation);
}

bool is_destructive(const Operation& operation) {
    return std::holds_alternative<op::DropTable>(operation) || std::holds_alternative<op::DropColumn>(operation) ||
           std::holds_alternative<op::DropSchema>(operation) || std::holds_alternative<op::RecreateEnum>(operation);
}

}  // namespace drizzle
