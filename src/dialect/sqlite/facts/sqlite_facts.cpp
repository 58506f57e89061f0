// SQLite's answers to the dialect questions: backtick quoting, drizzle-kit's SQLite constraint names.
#include "dialect/sqlite/facts/sqlite_facts.hpp"

#include "dialect/sqlite/facts/sqlite_normalize.hpp"
#include "dialect/sqlite/facts/snapshot/sqlite_formats.hpp"
#include "schema/naming_parts.hpp"

#include <cctype>

namespace drizzle::sqlite {

namespace {

using naming_parts::joined;

/// SQLite's one identifier quoter: `quote` around `name`, inner ones doubled.
std::string quote_with(std::string_view name, char quote) {
    std::string out(1, quote);
    for (char c : name) {
        if (c == quote) out += quote;
        out += c;
    }
    return out + quote;
}

class SqliteFacts final : public DialectFacts {
public:
    Dialect dialect() const override { return Dialect::sqlite; }
    std::vector<std::string_view> aliases() const override { return {"turso"}; }

    std::string quote_identifier(std::string_view name) const override { return quote_with(name, '`'); }

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

    // ---- what the shared diff, normalize and validate ask ---------------------------------------

    // Only a table rebuild changes a constraint: its name is cosmetic, what it does identifies it.
    bool constraints_addressed_by_name() const override { return false; }
    // Key columns other than the rowid accept NULL unless declared NOT NULL.
    bool primary_key_implies_not_null() const override { return false; }
    // Derived names are re-derived with the table (the rebuild writes them anew).
    bool keeps_constraint_names_on_rename() const override { return false; }

    std::string database_primary_key_name(std::string_view) const override { return ""; } // keys have no name

    bool is_default_primary_key_name(std::string_view table, std::string_view name) const override {
        return name == default_primary_key_name(NamingStyle::v1, std::string(table), {});
    }

    std::string default_unique_constraint_name(NamingStyle style, const std::string& table,
                                               const UniqueConstraint& unique) const override {
        return default_unique_name(style, table, unique.columns);
    }

    // No sequences and no identity columns.
    SequenceOptions sequence_options_with_defaults(SequenceOptions options, const std::string&) const override {
        return options;
    }
    std::string identity_sequence_name(const std::string&, const std::string&) const override { return ""; }

    std::vector<std::string> column_problems(const Column& column) const override {
        std::vector<std::string> problems;
        if (column.autoincrement && column.type != "integer") {
            problems.emplace_back("AUTOINCREMENT is only allowed on an integer primary key");
        }
        return problems;
    }

    void normalize(Schema& schema, NamingStyle naming) const override { normalize_schema(schema, naming); }

    // ---- snapshot formats (facts/snapshot/) ----------------------------------------------------

    std::vector<std::string_view> snapshot_dialect_names() const override { return {"sqlite"}; }

    std::optional<SnapshotDocument> snapshot_document_of_content(const snapshot_detail::JsonNode& root) const override {
        return snapshot_detail::sqlite_snapshot_document_of_content(root);
    }

    Snapshot read_snapshot(const snapshot_detail::JsonNode& root, std::string_view,
                           std::string_view version) const override {
        return snapshot_detail::read_sqlite_snapshot(root, version);
    }

    std::string write_snapshot(const Snapshot& snapshot) const override {
        return snapshot_detail::write_sqlite_snapshot(snapshot);
    }

    // ---- workflow questions (drizzle/kit) ------------------------------------------------------

    ObjectKinds object_kinds() const override { return {}; }
    // Constraint names are not read back from a SQLite database: they are derived again.
    bool not_null_change_fills_nulls_from_default() const override { return true; }
    bool type_change_converts_values() const override { return false; }
    // The rebuild copies values into the new column's affinity. INTEGER -> TEXT stores each number
    // as its decimal text, which INTEGER affinity turns back into the same number; the other
    // changes may not come back ('007' -> 7, big integers through REAL).
    bool type_change_keeps_values(const Column& from, const Column& to) const override {
        return type_affinity(from.type) == 'i' && type_affinity(to.type) == 't';
    }

    // Type affinity keeps every value as stored; the change itself is a table rebuild (LK106).
    TypeChangeRisk type_change_risk(const Column&, const Column&) const override { return {}; }
    // ADD COLUMN refuses non-constant defaults; the rebuild that adds them is LK106.
    bool default_is_volatile(const std::string&) const override { return false; }
    bool has_online_schema_changes() const override { return false; }

private:
    // SQLite's affinity rules (datatype3.html, 3.1): 'i'nteger, 't'ext, 'b'lob, 'r'eal, 'n'umeric.
    static char type_affinity(const std::string& type) {
        std::string upper;
        for (char c : type)
            upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        if (upper.find("INT") != std::string::npos) return 'i';
        if (upper.find("CHAR") != std::string::npos || upper.find("CLOB") != std::string::npos ||
            upper.find("TEXT") != std::string::npos)
            return 't';
        if (upper.empty() || upper.find("BLOB") != std::string::npos) return 'b';
        if (upper.find("REAL") != std::string::npos || upper.find("FLOA") != std::string::npos ||
            upper.find("DOUB") != std::string::npos)
            return 'r';
        return 'n';
    }
};

}  // namespace

const DialectFacts& dialect_facts_object() {
    static const SqliteFacts facts;
    return facts;
}

// ---- drizzle-orm's quoting (bookkeeping SQL) ---------------------------------------------------

std::string quote_identifier_as_orm(std::string_view name) { return quote_with(name, '"'); }

}  // namespace drizzle::sqlite
