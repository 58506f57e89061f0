// SQLite's answers to the dialect questions: backtick quoting, drizzle-kit's SQLite constraint names.
#include "dialect/sqlite/facts/sqlite_facts.hpp"

#include "schema/naming_parts.hpp"

namespace drizzle::sqlite {

namespace {

using naming_parts::joined;

class SqliteFacts final : public DialectFacts {
public:
    Dialect dialect() const override { return Dialect::sqlite; }
    std::vector<std::string_view> aliases() const override { return {"turso"}; }

    std::string quote_identifier(std::string_view name) const override {
        std::string out = "`";
        for (char c : name) {
            if (c == '`') out += '`';
            out += c;
        }
        return out + "`";
    }

    std::string legacy_snapshot_version() const override { return "6"; }

    std::string default_foreign_key_name(NamingStyle style, const std::string& table,
                                         const ForeignKey& fk) const override {
        const std::string base = table + "_" + joined(fk.columns) + "_" + fk.table_to + "_" + joined(fk.columns_to);
        return style == NamingStyle::legacy ? base + "_fk" : "fk_" + base + "_fk";
    }

    std::string default_primary_key_name(NamingStyle style, const std::string& table,
                                         const std::vector<std::string>& columns) const override {
        return style == NamingStyle::legacy ? table + "_" + joined(columns) + "_pk" : table + "_pk";
    }

    std::string default_unique_name(NamingStyle, const std::string& table,
                                    const std::vector<std::string>& columns) const override {
        return table + "_" + joined(columns) + "_unique";
    }

    // ---- workflow questions (drizzle/kit) ------------------------------------------------------

    ObjectKinds object_kinds() const override { return {}; }
    // Constraint names are not read back from a SQLite database: they are derived again.
    bool keeps_constraint_names() const override { return false; }
};

}  // namespace

const DialectFacts& dialect_facts_object() {
    static const SqliteFacts facts;
    return facts;
}

}  // namespace drizzle::sqlite
