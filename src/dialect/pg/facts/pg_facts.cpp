// PostgreSQL's answers to the dialect questions: double-quote quoting, the public schema,
// drizzle-kit's PostgreSQL constraint names (63-byte identifiers).
#include "dialect/pg/facts/pg_facts.hpp"

#include "schema/naming_parts.hpp"

namespace drizzle::pg {

namespace {

using naming_parts::joined;

constexpr std::size_t kMaxIdentifierLength = 63;  // NAMEDATALEN - 1

class PgFacts final : public DialectFacts {
public:
    Dialect dialect() const override { return Dialect::postgresql; }
    std::vector<std::string_view> aliases() const override { return {"postgres"}; }

    std::string quote_identifier(std::string_view name) const override {
        std::string out = "\"";
        for (char c : name) {
            if (c == '"') out += '"';
            out += c;
        }
        return out + "\"";
    }

    std::string qualified_name(std::string_view schema, std::string_view name) const override {
        if (schema.empty() || schema == "public") return quote_identifier(name);
        return quote_identifier(schema) + "." + quote_identifier(name);
    }

    std::string legacy_snapshot_version() const override { return "7"; }

    std::string default_foreign_key_name(NamingStyle style, const std::string& table,
                                         const ForeignKey& fk) const override {
        const std::string base = table + "_" + joined(fk.columns) + "_" + fk.table_to + "_" + joined(fk.columns_to);
        if (style == NamingStyle::legacy) return base + "_fk";
        // drizzle-kit 1.0 grammar.ts defaultNameForFK: a name PostgreSQL would cut gets a hash instead.
        const std::string desired = base + "_fkey";
        if (naming_parts::js_length(desired) <= kMaxIdentifierLength) return desired;
        return naming_parts::js_length(table) < kMaxIdentifierLength - 18
                   ? table + "_" + naming_parts::drizzle_hash(desired) + "_fkey"
                   : naming_parts::drizzle_hash(desired) + "_fkey";
    }

    std::string default_primary_key_name(NamingStyle style, const std::string& table,
                                         const std::vector<std::string>& columns) const override {
        return style == NamingStyle::legacy ? table + "_" + joined(columns) + "_pk" : table + "_pkey";
    }

    std::string default_unique_name(NamingStyle style, const std::string& table,
                                    const std::vector<std::string>& columns) const override {
        return table + "_" + joined(columns) + (style == NamingStyle::v1 ? "_key" : "_unique");
    }

    // ---- workflow questions (drizzle/kit) ------------------------------------------------------

    ObjectKinds object_kinds() const override { return {true, true, true, true}; }
    bool keeps_constraint_names() const override { return true; }
};

}  // namespace

const DialectFacts& dialect_facts_object() {
    static const PgFacts facts;
    return facts;
}

}  // namespace drizzle::pg
