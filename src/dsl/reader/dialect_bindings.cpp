// The dialects the compiler-free header reader knows: adding a dialect's DSL adds one line here.
#include "dsl/reader/header_reader.hpp"

namespace drizzle::pg::dsl {
std::unique_ptr<::drizzle::dsl::reader::DialectBinding> header_reader_binding();
} // namespace drizzle::pg::dsl
namespace drizzle::sqlite {
std::unique_ptr<::drizzle::dsl::reader::DialectBinding> header_reader_binding();
} // namespace drizzle::sqlite

namespace drizzle::dsl::reader {

std::vector<std::unique_ptr<DialectBinding>> dialect_bindings() {
    std::vector<std::unique_ptr<DialectBinding>> bindings;
    bindings.push_back(::drizzle::sqlite::header_reader_binding());
    bindings.push_back(::drizzle::pg::dsl::header_reader_binding());
    return bindings;
}

} // namespace drizzle::dsl::reader
