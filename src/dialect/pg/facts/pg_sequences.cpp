// PostgreSQL's sequence defaults: one place for the diff (comparing) and the renderer (writing).
#include "drizzle/schema/pg_sequences.hpp"

#include <utility>

namespace drizzle {

namespace {

/// The type's range, as PostgreSQL's sequence defaults use it; anything else counts as bigint.
std::pair<std::string, std::string> integer_range(const std::string& type) {
    if (type == "smallint" || type == "smallserial") return {"-32768", "32767"};
    if (type == "integer" || type == "serial") return {"-2147483648", "2147483647"};
    return {"-9223372036854775808", "9223372036854775807"};
}

} // namespace

SequenceOptions pg_sequence_options_with_defaults(SequenceOptions options, const std::string& type) {
    if (!options.increment) options.increment = "1";
    const bool descending = !options.increment->empty() && options.increment->front() == '-';
    const auto [type_min, type_max] = integer_range(type);
    if (!options.min_value) options.min_value = descending ? type_min : "1";
    if (!options.max_value) options.max_value = descending ? "-1" : type_max;
    if (!options.start_with) options.start_with = descending ? *options.max_value : *options.min_value;
    if (!options.cache) options.cache = "1";
    return options;
}

} // namespace drizzle
