// Tables and views of the SQLite DSL; the shared table building is dsl/table_build.
#include "drizzle/dsl/registry.hpp"
#include "drizzle/dsl/sqlite.hpp"
#include "dsl/table_build.hpp"

namespace drizzle::sqlite {

namespace {
// SQLite tables name their unnamed constraints when declared (the names are drizzle-kit 1.0's).
constexpr dsl::detail::DslRules rules{.dialect = Dialect::sqlite, .name_unnamed_constraints = true};

ViewHandle declare_view(View view) {
    std::string name = view.name;
    dsl::register_view(rules.dialect, std::move(view));
    return ViewHandle(std::move(name));
}
} // namespace

TableHandle sqlite_table(std::string name, std::initializer_list<ColumnBuilder> columns,
                         std::initializer_list<TableExtra> extras) {
    dsl::detail::declare_table(rules, "", name, columns, extras);
    return TableHandle(std::move(name));
}

ViewHandle sqlite_view(std::string name, std::string definition) {
    View view;
    view.name = std::move(name);
    view.definition = std::move(definition);
    return declare_view(std::move(view));
}

ViewHandle sqlite_existing_view(std::string name) {
    View view;
    view.name = std::move(name);
    view.is_existing = true;
    return declare_view(std::move(view));
}

} // namespace drizzle::sqlite
