// Human descriptions of operations.
#include "drizzle/diff/operations.hpp"

namespace drizzle {

namespace {
std::string qualified(const std::string& schema, const std::string& name) {
    return schema.empty() ? name : schema + "." + name;
}

template <class... Ts>
struct overloaded : Ts... {
    using Ts::operator()...;
};
template <class... Ts>
overloaded(Ts...) -> overloaded<Ts...>;
}  // namespace

std::string describe(const Operation& operation) {
    return std::visit(
        overloaded{
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
        },
        operation);
}

bool is_destructive(const Operation& operation) {
    return std::holds_alternative<op::DropTable>(operation) || std::holds_alternative<op::DropColumn>(operation);
}

}  // namespace drizzle
