// Default constraint names per drizzle-kit version and dialect.
#include "drizzle/schema/naming.hpp"

namespace drizzle {

namespace {
std::string joined(const std::vector<std::string>& parts) {
    std::string out;
    for (const auto& part : parts) {
        if (!out.empty()) out += '_';
        out += part;
    }
    return out;
}
}  // namespace

std::string default_foreign_key_name(NamingStyle style, Dialect dialect, const std::string& table,
                                     const ForeignKey& fk) {
    std::string base = table + "_" + joined(fk.columns) + "_" + fk.table_to + "_" + joined(fk.columns_to);
    if (style == NamingStyle::legacy) return base + "_fk";
    if (dialect == Dialect::sqlite) return "fk_" + base + "_fk";
    return base + "_fkey";
}

std::string default_primary_key_name(NamingStyle style, Dialect dialect, const std::string& table,
                                     const std::vector<std::string>& columns) {
    if (style == NamingStyle::legacy) return table + "_" + joined(columns) + "_pk";
    return dialect == Dialect::postgresql ? table + "_pkey" : table + "_pk";
}

std::string default_unique_name(NamingStyle style, Dialect dialect, const std::string& table,
                                const std::vector<std::string>& columns) {
    if (style == NamingStyle::v1 && dialect == Dialect::postgresql) return table + "_" + joined(columns) + "_key";
    return table + "_" + joined(columns) + "_unique";
}

}  // namespace drizzle
