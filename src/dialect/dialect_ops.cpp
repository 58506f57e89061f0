// Defaults of DialectOps that most dialects keep.
#include "drizzle/dialect/dialect_ops.hpp"

namespace drizzle {

std::size_t DialectOps::align_with_live(Connection&, const Schema&, Schema&,
                                        const std::function<void(const std::string&)>&) const {
    return 0;
}

// ---- workflow questions (drizzle/kit) ----------------------------------------------------------

void DialectOps::require_existing_database(const Config&) const {}

std::filesystem::path DialectOps::local_database_file(const Config&) const { return {}; }

}  // namespace drizzle
