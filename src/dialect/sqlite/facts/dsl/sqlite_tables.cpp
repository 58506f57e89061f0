// Tables and views of the SQLite DSL: each declaration's plain data becomes the model and is
// registered (the shared table building is dsl/table_build).
#include "dialect/sqlite/facts/dsl/sqlite_declare.hpp"
#include "drizzle/dsl/registry.hpp"
#include "drizzle/dsl/sqlite.hpp"
#include "dsl/table_build.hpp"

namespace drizzle::sqlite {

namespace {
using dsl::detail::str;

// SQLite tables name their unnamed constraints when declared (the names are drizzle-kit 1.0's).
constexpr dsl::detail::DslRules rules{.dialect = Dialect::sqlite, .name_unnamed_constraints = true};

ViewHandle declare_view(View view) {
    const dsl::DeclaredName names = dsl::detail::keep_names({}, view.name);
    dsl::register_view(rules.dialect, std::move(view));
    return ViewHandle(names);
}
} // namespace

// In parentheses: sqlite_table is also the checking macro (dsl/sqlite.hpp).
TableHandle(sqlite_table)(Text name, std::initializer_list<ColumnBuilder> columns,
                          std::initializer_list<TableExtra> extras) {
    return TableHandle(dsl::detail::declare_table(rules, {}, name, columns, extras));
}

TableHandle detail::declare_table(Text name, const std::vector<const dsl::ColumnSpec*>& columns,
                                  const std::vector<const dsl::ExtraSpec*>& extras) {
    return TableHandle(dsl::detail::declare_table(rules, {}, name, columns, extras));
}

ViewHandle sqlite_view(Text name, Text definition) {
    View view;
    view.name = str(name);
    view.definition = str(definition);
    return declare_view(std::move(view));
}

ViewHandle sqlite_existing_view(Text name) {
    View view;
    view.name = str(name);
    view.is_existing = true;
    return declare_view(std::move(view));
}

bool detail::note_sqlite_dsl() {
    dsl::note_dialect(rules.dialect);
    return true;
}

} // namespace drizzle::sqlite
