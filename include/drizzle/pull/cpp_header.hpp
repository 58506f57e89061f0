// `pull`: turns an introspected schema into a C++ schema header written with the drizzle DSL.
#pragma once

#include "drizzle/schema/model.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace drizzle::pull {

/// How variable names are made from table, enum, sequence and view names
/// (`--introspect-casing`): camel turns `user_groups` into `userGroups`, preserve keeps
/// `user_groups`. Either way the result is a valid C++ identifier that clashes with nothing.
enum class Casing { camel, preserve };

/// Parses "camel" / "preserve"; std::nullopt otherwise.
std::optional<Casing> parse_casing(std::string_view text);

struct HeaderOptions {
    Casing casing = Casing::camel;
    /// Says where the schema came from, for the header's first line (e.g. `PostgreSQL "app"`).
    std::string source;
};

/// The header and what it declares.
struct PulledHeader {
    /// The text of schema.hpp: compiles against <drizzle/dsl/sqlite.hpp> or <drizzle/dsl/pg.hpp>.
    std::string text;
    /// The schema the header declares, exactly as its exporter reports it (same order, names and
    /// default kinds), so a snapshot written from it is the one the header exports. It is the
    /// introspected schema up to what the DSL spells differently without changing its meaning:
    /// SQLite type names in lower case (INTEGER -> integer), single-column uniques and foreign
    /// keys declared on their column, unnamed SQLite checks named `<table>_check[_<n>]`.
    Schema declared;
    /// What could not be carried over as it is, one sentence each (e.g. a foreign key to a table
    /// outside tablesFilter, which is left out).
    std::vector<std::string> warnings;
};

/// Writes the header for `schema` (SQLite or PostgreSQL). Tables are declared so that every
/// table a column references comes first; references that cannot (self-references, cycles)
/// name their target with `ref(...)`, so any database compiles.
PulledHeader write_cpp_header(const Schema& schema, const HeaderOptions& options = {});

}  // namespace drizzle::pull
