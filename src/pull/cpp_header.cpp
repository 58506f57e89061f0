// Entry point of the header writer: plan once, print in the schema's dialect.
#include "drizzle/pull/cpp_header.hpp"

#include "drizzle/dialect/dialect_ops.hpp"
#include "drizzle/dialect/registry.hpp"
#include "pull/header_plan.hpp"
#include "pull/header_writers.hpp"

namespace drizzle::pull {

std::optional<Casing> parse_casing(std::string_view text) {
    if (text == "camel") return Casing::camel;
    if (text == "preserve") return Casing::preserve;
    return std::nullopt;
}

PulledHeader write_cpp_header(const Schema& schema, const HeaderOptions& options) {
    return dialect_ops(schema.dialect).write_header(schema, options);
}

PulledHeader detail::write_planned_header(const Schema& schema, const HeaderOptions& options,
                                          const HeaderDialect& dialect) {
    detail::HeaderPlan plan = detail::plan_header(schema, options.casing, dialect);
    PulledHeader header;
    header.text = dialect.write_text(plan, options.source);
    header.declared = std::move(plan.declared);
    header.warnings = std::move(plan.warnings);
    return header;
}

} // namespace drizzle::pull
