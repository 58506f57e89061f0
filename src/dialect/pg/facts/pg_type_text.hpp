// A PostgreSQL column type reduced to its canonical name and modifiers, for the questions that
// compare two types (lint's type-change risks, a down migration's reversibility).
#pragma once

#include "drizzle/schema/model.hpp"

#include <optional>
#include <string>

namespace drizzle::pg {

/// A type as written, reduced to its canonical base name and its modifiers.
struct TypeText {
    std::string base;           ///< "varchar", "integer", "numeric", "timestamp with time zone", ...
    std::optional<long> length; ///< first modifier: length or precision
    std::optional<long> scale;  ///< second modifier (numeric)
    bool user_defined = false;  ///< an enum or other type of a schema
};

/// `column`'s type: aliases folded (int4 -> integer, serial -> integer, character varying ->
/// varchar, timestamptz -> timestamp with time zone, ...), modifiers parsed when numeric.
TypeText parse_type(const Column& column);

/// text, varchar, char or citext.
bool is_text(const TypeText& type);

/// smallint 1, integer 2, bigint 3; 0 for any other type.
int integer_rank(const TypeText& type);

} // namespace drizzle::pg
