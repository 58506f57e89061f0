// Defaults of DialectOps that most dialects keep.
#include "drizzle/dialect/dialect_ops.hpp"

namespace drizzle {

std::size_t DialectOps::align_with_live(Connection&, const Schema&, Schema&,
                                        const std::function<void(const std::string&)>&) const {
    return 0;
}

}  // namespace drizzle
