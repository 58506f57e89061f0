// Variable names for generated headers: valid, unreserved and unique C++ identifiers.
#pragma once

#include "drizzle/pull/cpp_header.hpp"
#include "dsl/reserved_names.hpp"

#include <set>
#include <string>
#include <string_view>

namespace drizzle::pull::detail {

/// `name` as an identifier in `casing` (camel: `user_groups` -> `userGroups`), with characters
/// C++ does not allow replaced; may still be empty, start with a digit or be reserved.
std::string identifier_words(std::string_view name, Casing casing);

/// Names a generated variable must not have (dsl/reserved_names.hpp).
using ::drizzle::dsl::detail::is_reserved_identifier;

/// Hands out identifiers, each at most once per header.
class IdentifierPool {
public:
    explicit IdentifierPool(Casing casing) : casing_(casing) {}

    /// An identifier for the object `name` in `schema` ("" = default schema). `kind` ("table",
    /// "enum", "view", ...) is added when the plain name is taken or reserved; objects of
    /// other schemas are told apart by their schema's name first (`billingUsers`).
    std::string take(std::string_view name, std::string_view schema, std::string_view kind);

private:
    std::string join(std::string_view first, std::string_view second) const;
    bool free(const std::string& identifier) const;

    Casing casing_;
    std::set<std::string> used_;
};

}  // namespace drizzle::pull::detail
