// Lookups in the schema model (dialect names: src/dialect/registry.cpp).
#include "drizzle/schema/model.hpp"

#include <algorithm>

namespace drizzle {

const Column* Table::find_column(std::string_view column_name) const {
    auto it = std::find_if(columns.begin(), columns.end(), [&](const Column& c) { return c.name == column_name; });
    return it == columns.end() ? nullptr : &*it;
}

const Table* Schema::find_table(std::string_view name, std::string_view schema) const {
    auto it = std::find_if(tables.begin(), tables.end(),
                           [&](const Table& t) { return t.name == name && t.schema == schema; });
    return it == tables.end() ? nullptr : &*it;
}

const View* Schema::find_view(std::string_view name, std::string_view schema) const {
    auto it = std::find_if(views.begin(), views.end(),
                           [&](const View& v) { return v.name == name && v.schema == schema; });
    return it == views.end() ? nullptr : &*it;
}

}  // namespace drizzle
