// PostgreSQL's sequence defaults, as the diff compares identity options and the renderer writes them.
// Implemented with PostgreSQL's facts (src/dialect/pg/facts/pg_sequences.cpp); shared code asks DialectFacts.
#pragma once

#include "drizzle/schema/model.hpp"

#include <string>

namespace drizzle {

/// Every option PostgreSQL defaults for a sequence of integer `type` (serial names included),
/// spelled out: increment 1, bounds of the type (or 1 / -1 when descending), start at the bound
/// it counts from, cache 1. Options already given are kept.
SequenceOptions pg_sequence_options_with_defaults(SequenceOptions options, const std::string& type);

} // namespace drizzle
