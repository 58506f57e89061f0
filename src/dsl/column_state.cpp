// What a column builder collects, shared by every dialect's DSL.
#include "drizzle/dsl/common.hpp"

namespace drizzle::dsl {

ColumnState::ColumnState(std::string name, std::string type, std::string type_schema) {
    column_.name = std::move(name);
    column_.type = std::move(type);
    column_.type_schema = std::move(type_schema);
}

void ColumnState::set_default(ColumnDefault value) {
    column_.default_value = std::move(value);
}

void ColumnState::set_unique(std::string name, bool nulls_not_distinct) {
    unique_ = ColumnUnique{std::move(name), nulls_not_distinct};
}

void ColumnState::set_reference(const ColumnRef& target, ReferenceOptions options) {
    reference_ = std::make_pair(target, std::move(options));
}

} // namespace drizzle::dsl
