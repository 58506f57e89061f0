// Table, view and table-extra builders of the SQLite DSL; they register what they build.
#include "drizzle/dsl/registry.hpp"
#include "drizzle/dsl/sqlite.hpp"
#include "drizzle/schema/naming.hpp"

namespace drizzle::sqlite {

TableExtra& TableExtra::on(std::initializer_list<IndexTarget> new_targets) {
    targets.assign(new_targets.begin(), new_targets.end());
    return *this;
}

TableExtra& TableExtra::where(const std::string& new_predicate) {
    predicate = new_predicate;
    return *this;
}

TableExtra& TableExtra::references(const std::string& table, std::initializer_list<std::string> columns) {
    table_to = table;
    columns_to.assign(columns.begin(), columns.end());
    return *this;
}

TableExtra& TableExtra::on_delete(const std::string& new_action) {
    delete_action = new_action;
    return *this;
}

TableExtra& TableExtra::on_update(const std::string& new_action) {
    update_action = new_action;
    return *this;
}

namespace {
TableExtra make_extra(TableExtra::Kind kind, std::string name) {
    TableExtra extra;
    extra.kind = kind;
    extra.name = std::move(name);
    return extra;
}

std::vector<std::string> target_names(const TableExtra& extra) {
    std::vector<std::string> names;
    for (const auto& target : extra.targets) names.push_back(target.value);
    return names;
}

ForeignKey make_foreign_key(const std::string& table, std::vector<std::string> columns, const std::string& table_to,
                            std::vector<std::string> columns_to, const std::string& name,
                            const std::string& on_delete, const std::string& on_update) {
    ForeignKey fk;
    fk.columns = std::move(columns);
    fk.table_to = table_to;
    fk.columns_to = std::move(columns_to);
    fk.on_delete = on_delete;
    fk.on_update = on_update;
    fk.name_explicit = !name.empty();
    fk.name = fk.name_explicit ? name : default_foreign_key_name(NamingStyle::v1, Dialect::sqlite, table, fk);
    return fk;
}

void add_extra(Table& table, const TableExtra& extra) {
    switch (extra.kind) {
    case TableExtra::Kind::index:
    case TableExtra::Kind::unique_index: {
        Index index;
        index.name = extra.name;
        index.unique = extra.kind == TableExtra::Kind::unique_index;
        for (const auto& target : extra.targets) index.columns.push_back(index_column(target.value, target.is_expression));
        index.where = extra.predicate;
        table.indexes.push_back(std::move(index));
        break;
    }
    case TableExtra::Kind::primary_key: {
        PrimaryKey pk;
        pk.columns = target_names(extra);
        pk.name_explicit = !extra.name.empty();
        pk.name = pk.name_explicit ? extra.name
                                   : default_primary_key_name(NamingStyle::v1, Dialect::sqlite, table.name, pk.columns);
        table.primary_keys.push_back(std::move(pk));
        break;
    }
    case TableExtra::Kind::foreign_key:
        table.foreign_keys.push_back(make_foreign_key(table.name, target_names(extra), extra.table_to,
                                                      extra.columns_to, extra.name, extra.delete_action,
                                                      extra.update_action));
        break;
    case TableExtra::Kind::unique: {
        UniqueConstraint unique;
        unique.columns = target_names(extra);
        unique.name_explicit = !extra.name.empty();
        unique.name = unique.name_explicit
                          ? extra.name
                          : default_unique_name(NamingStyle::v1, Dialect::sqlite, table.name, unique.columns);
        table.uniques.push_back(std::move(unique));
        break;
    }
    case TableExtra::Kind::check:
        table.checks.push_back({extra.name, extra.predicate.value_or("")});
        break;
    }
}
}  // namespace

TableExtra index(std::string name) { return make_extra(TableExtra::Kind::index, std::move(name)); }
TableExtra unique_index(std::string name) { return make_extra(TableExtra::Kind::unique_index, std::move(name)); }

TableExtra primary_key(std::initializer_list<std::string> columns, std::string name) {
    auto extra = make_extra(TableExtra::Kind::primary_key, std::move(name));
    for (const auto& column : columns) extra.targets.emplace_back(column);
    return extra;
}

TableExtra foreign_key(std::initializer_list<std::string> columns, std::string name) {
    auto extra = make_extra(TableExtra::Kind::foreign_key, std::move(name));
    for (const auto& column : columns) extra.targets.emplace_back(column);
    return extra;
}

TableExtra unique(std::string name) { return make_extra(TableExtra::Kind::unique, std::move(name)); }

TableExtra check(std::string name, std::string expression) {
    auto extra = make_extra(TableExtra::Kind::check, std::move(name));
    extra.predicate = std::move(expression);
    return extra;
}

TableHandle sqlite_table(std::string name, std::initializer_list<ColumnBuilder> columns,
                         std::initializer_list<TableExtra> extras) {
    Table table;
    table.name = name;
    for (const auto& builder : columns) {
        table.columns.push_back(builder.column());
        const auto& column_name = builder.column().name;
        if (builder.unique_name()) {
            UniqueConstraint unique;
            unique.columns = {column_name};
            unique.column_level = true;
            unique.name_explicit = !builder.unique_name()->empty();
            unique.name = unique.name_explicit
                              ? *builder.unique_name()
                              : default_unique_name(NamingStyle::v1, Dialect::sqlite, name, unique.columns);
            table.uniques.push_back(std::move(unique));
        }
        if (builder.reference()) {
            const auto& [target, options] = *builder.reference();
            table.foreign_keys.push_back(make_foreign_key(name, {column_name}, target.table, {target.column},
                                                          options.name, options.on_delete, options.on_update));
        }
    }
    for (const auto& extra : extras) add_extra(table, extra);
    dsl::register_table(Dialect::sqlite, std::move(table));
    return TableHandle(std::move(name));
}

ViewHandle sqlite_view(std::string name, std::string definition) {
    View view;
    view.name = name;
    view.definition = std::move(definition);
    dsl::register_view(Dialect::sqlite, std::move(view));
    return ViewHandle(std::move(name));
}

ViewHandle sqlite_existing_view(std::string name) {
    View view;
    view.name = name;
    view.is_existing = true;
    dsl::register_view(Dialect::sqlite, std::move(view));
    return ViewHandle(std::move(name));
}

}  // namespace drizzle::sqlite
