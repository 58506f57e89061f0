// Entry point of the header writer: plan once, print in the schema's dialect.
#include "drizzle/pull/cpp_header.hpp"

#include "pull/header_plan.hpp"
#include "pull/header_writers.hpp"

namespace drizzle::pull {

std::optional<Casing> parse_casing(std::string_view text) {
    if (text == "camel") return Casing::camel;
    if (text == "preserve") return Casing::preserve;
    return std::nullopt;
}

PulledHeader write_cpp_header(const Schema& schema, const HeaderOptions& options) {
    detail::HeaderPlan plan = detail::plan_header(schema, options.casing);
    PulledHeader header;
    header.text = schema.dialect == Dialect::postgresql ? detail::write_pg_header(plan, options.source)
                                                        : detail::write_sqlite_header(plan, options.source);
    header.declared = std::move(plan.declared);
    header.warnings = std::move(plan.warnings);
    return header;
}

}  // namespace drizzle::pull
