// PostgreSQL's answers to the dialect questions: double-quote quoting, the public schema,
// drizzle-kit's PostgreSQL constraint names (63-byte identifiers).
#include "dialect/pg/facts/pg_facts.hpp"

#include "dialect/pg/facts/pg_normalize.hpp"
#include "dialect/pg/facts/pg_type_widening.hpp"
#include "dialect/pg/facts/snapshot/pg_formats.hpp"
#include "drizzle/schema/pg_sequences.hpp"
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

    // ---- what the shared diff, normalize and validate ask ---------------------------------------

    bool constraints_addressed_by_name() const override { return true; }
    bool primary_key_implies_not_null() const override { return true; }
    bool keeps_constraint_names_on_rename() const override { return true; }

    std::string database_primary_key_name(std::string_view table) const override {
        return pg_default_primary_key_name(table);
    }

    bool is_default_primary_key_name(std::string_view table, std::string_view name) const override {
        return pg_is_default_primary_key_name(table, name);
    }

    std::string default_unique_constraint_name(NamingStyle style, const std::string& table,
                                               const UniqueConstraint& unique) const override {
        // drizzle-kit 1.0 names only a column's own `.unique()` the PostgreSQL way (_key).
        const NamingStyle own = style == NamingStyle::v1 && !unique.column_level ? NamingStyle::legacy : style;
        return default_unique_name(own, table, unique.columns);
    }

    SequenceOptions sequence_options_with_defaults(SequenceOptions options, const std::string& type) const override {
        // A standalone sequence is AS bigint unless it says otherwise.
        return pg_sequence_options_with_defaults(std::move(options), type.empty() ? "bigint" : type);
    }

    std::string identity_sequence_name(const std::string& table, const std::string& column) const override {
        // As drizzle-kit spells it (not cut to 63 bytes; normalize compares it in either form).
        return table + "_" + column + "_seq";
    }

    std::vector<std::string> column_problems(const Column&) const override { return {}; }

    void normalize(Schema& schema, NamingStyle naming) const override { normalize_schema(schema, naming); }

    // ---- snapshot formats (facts/snapshot/) ----------------------------------------------------

    /// 0.31 files say "postgresql", 1.0 files "postgres".
    std::vector<std::string_view> snapshot_dialect_names() const override { return {"postgresql", "postgres"}; }

    std::optional<SnapshotDocument> snapshot_document_of_content(const snapshot_detail::JsonNode& root) const override {
        return snapshot_detail::pg_snapshot_document_of_content(root);
    }

    Snapshot read_snapshot(const snapshot_detail::JsonNode& root, std::string_view dialect,
                           std::string_view version) const override {
        return snapshot_detail::read_pg_snapshot(root, dialect, version);
    }

    std::string write_snapshot(const Snapshot& snapshot) const override {
        return snapshot_detail::write_pg_snapshot(snapshot);
    }

    // ---- workflow questions (drizzle/kit) ------------------------------------------------------

    ObjectKinds object_kinds() const override { return {true, true, true, true}; }
    bool not_null_change_fills_nulls_from_default() const override { return false; }
    bool type_change_converts_values() const override { return true; }
    bool type_change_keeps_values(const Column& from, const Column& to) const override {
        return pg_type_change_keeps_values(from, to);
    }
    TypeChangeRisk type_change_risk(const Column& from, const Column& to) const override {
        return pg_type_change_risk(from, to);
    }
    bool default_is_volatile(const std::string& expression) const override {
        return pg_default_is_volatile(expression);
    }
    bool has_online_schema_changes() const override { return true; }
};

}  // namespace

const DialectFacts& dialect_facts_object() {
    static const PgFacts facts;
    return facts;
}

}  // namespace drizzle::pg
