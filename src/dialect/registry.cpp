// The registry of dialects by name, and the one place that lists the built-in dialects' facts (and
// their DSLs as the compiler-free header reader evaluates them).
#include "drizzle/dialect/registry.hpp"

#include "dialect/pg/facts/pg_facts.hpp"
#include "dialect/sqlite/facts/sqlite_facts.hpp"
#include "drizzle/dialect/dialect_ops.hpp"
#include "drizzle/error.hpp"
#include "dsl/reader/header_reader.hpp"
#include "util/text.hpp"

#include <algorithm>
#include <map>
#include <mutex>
#include <string>

namespace drizzle::pg::dsl {
std::unique_ptr<::drizzle::dsl::reader::DialectBinding> header_reader_binding();
} // namespace drizzle::pg::dsl
namespace drizzle::sqlite {
std::unique_ptr<::drizzle::dsl::reader::DialectBinding> header_reader_binding();
} // namespace drizzle::sqlite

namespace drizzle {

std::vector<std::unique_ptr<dsl::reader::DialectBinding>> dsl::reader::dialect_bindings() {
    std::vector<std::unique_ptr<DialectBinding>> bindings;
    bindings.push_back(sqlite::header_reader_binding());
    bindings.push_back(pg::dsl::header_reader_binding());
    return bindings;
}

namespace {

// Dialects drizzle-cpp knows by name but has not built yet: parsed from a config, refused at use.
constexpr std::string_view planned_dialects[] = {"mysql"};

struct Registry {
    std::mutex mutex;
    std::map<std::string, const DialectFacts*, std::less<>> facts;
    std::map<std::string, const DialectOps*, std::less<>> ops;
    std::vector<std::string> order;  // canonical names in registration order
};

void add_facts(Registry& registry, const DialectFacts& facts) {
    const std::string name(facts.dialect().name());
    if (!registry.facts.contains(name)) registry.order.push_back(name);
    registry.facts[name] = &facts;
}

Registry& registry() {
    static Registry* instance = [] {
        auto* r = new Registry;
        // The built-in dialects' facts need no database library, so they are always here.
        add_facts(*r, sqlite::dialect_facts_object());
        add_facts(*r, pg::dialect_facts_object());
        return r;
    }();
    return *instance;
}

std::string not_available(Dialect dialect) {
    return "the " + std::string(dialect.name()) + " dialect is not available in this build of drizzle-kit";
}

}  // namespace

void register_dialect_facts(const DialectFacts& facts) {
    Registry& r = registry();
    std::lock_guard lock(r.mutex);
    add_facts(r, facts);
}

const DialectFacts& dialect_facts(Dialect dialect) {
    Registry& r = registry();
    std::lock_guard lock(r.mutex);
    auto it = r.facts.find(dialect.name());
    if (it == r.facts.end()) throw UserError(not_available(dialect));
    return *it->second;
}

void register_dialect_ops(const DialectOps& ops) {
    Registry& r = registry();
    std::lock_guard lock(r.mutex);
    add_facts(r, ops.facts());
    r.ops[std::string(ops.dialect().name())] = &ops;
}

const DialectOps& dialect_ops(Dialect dialect) {
    Registry& r = registry();
    std::lock_guard lock(r.mutex);
    auto it = r.ops.find(dialect.name());
    if (it == r.ops.end()) throw UserError(not_available(dialect));
    return *it->second;
}

bool has_dialect_ops(Dialect dialect) {
    Registry& r = registry();
    std::lock_guard lock(r.mutex);
    return r.ops.contains(dialect.name());
}

std::vector<const DialectFacts*> registered_dialect_facts() {
    Registry& r = registry();
    std::lock_guard lock(r.mutex);
    std::vector<const DialectFacts*> out;
    for (const auto& name : r.order)
        out.push_back(r.facts.at(name));
    return out;
}

std::vector<std::string_view> known_dialect_names() {
    Registry& r = registry();
    std::lock_guard lock(r.mutex);
    std::vector<std::string_view> names;
    // The registered name strings live in the facts objects, which outlive every lookup.
    for (const auto& name : r.order) names.push_back(r.facts.at(name)->dialect().name());
    for (std::string_view planned : planned_dialects) {
        if (std::find(names.begin(), names.end(), planned) == names.end()) names.push_back(planned);
    }
    return names;
}

std::string_view to_string(Dialect dialect) { return dialect.name(); }

std::optional<Dialect> parse_dialect(std::string_view name) {
    Registry& r = registry();
    std::lock_guard lock(r.mutex);
    for (const auto& canonical : r.order) {
        const DialectFacts& facts = *r.facts.at(canonical);
        if (facts.dialect().name() == name) return facts.dialect();
        for (std::string_view alias : facts.aliases()) {
            if (alias == name) return facts.dialect();
        }
    }
    for (std::string_view planned : planned_dialects) {
        if (planned == name) return Dialect(planned);
    }
    return std::nullopt;
}

std::string DialectFacts::quote_literal(std::string_view text) const { return detail::quote_sql_string(text); }

bool DialectFacts::type_change_keeps_values(const Column&, const Column&) const {
    return false;
}

std::string DialectFacts::qualified_name(std::string_view schema, std::string_view name) const {
    if (schema.empty()) return quote_identifier(name);
    return quote_identifier(schema) + "." + quote_identifier(name);
}

}  // namespace drizzle
