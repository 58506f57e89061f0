// How workflow messages name database objects: `"users"`, `"audit"."users"`.
#pragma once

#include <string>

namespace drizzle::kit::object_names {

/// `name` in double quotes, for messages (not SQL: the dialect quotes SQL).
inline std::string quoted_name(const std::string& name) {
    return "\"" + name + "\"";
}

/// `"users"` or `"audit"."users"`: the default schema ("" or "public") is left out.
inline std::string object_name(const std::string& schema, const std::string& name) {
    return schema.empty() || schema == "public" ? quoted_name(name) : quoted_name(schema) + "." + quoted_name(name);
}

} // namespace drizzle::kit::object_names
