// PostgreSQL's part of the canonical form the diff compares: keys, names and defaults as the server stores them.
#include "dialect/pg/facts/pg_normalize.hpp"

#include "drizzle/schema/pg_literals.hpp"
#include "util/text.hpp"

namespace drizzle::pg {

namespace {

// PostgreSQL: one form per single-column key. Its default name (`<t>_pkey`) makes it the
// column's own key; any other name is a table-level constraint under that name, which the
// server keeps and the SQL must spell out. Names are compared as the server stores them.
void canonical_pg_table(Table& table) {
    table.rls_enabled = table.effective_rls();
    table.policies_enable_rls = false;
    for (auto& column : table.columns) {
        if (column.primary_key && !column.primary_key_name.empty() &&
            !pg_is_default_primary_key_name(table.name, column.primary_key_name)) {
            table.primary_keys.push_back({column.primary_key_name, column.primary_key_name_explicit, {column.name}});
            column.primary_key = false;
        }
        column.primary_key_name.clear();
        column.primary_key_name_explicit = false;
        // A literal cast to the column's own type (0.31 writes '{...}'::jsonb) is the literal:
        // the catalog reader drops that cast too.
        if (column.default_value && column.type_schema.empty()) {
            auto literal = pg_split_literal(column.default_value->sql);
            std::string own = "::" + column.type;
            for (int i = 0; i < column.dimensions; ++i)
                own += "[]";
            if (literal && !literal->casts.empty() && literal->casts == own) {
                column.default_value->sql = "'" + literal->body + "'";
            }
        }
        // An array default compares as the server prints it: drizzle-kit 0.31 quotes every element.
        if (column.dimensions > 0 && column.default_value) {
            auto literal = pg_split_literal(column.default_value->sql);
            if (literal && literal->casts.empty() && pg_literal_well_quoted(literal->body)) {
                if (auto canonical =
                        pg_canonical_array_literal(pg_unquote_literal_body(literal->body), column.type == "boolean")) {
                    column.default_value->sql = detail::quote_sql_string(*canonical);
                }
            }
        }
        if (column.identity) {
            auto& sequence = column.identity->sequence_name;
            if (sequence == table.name + "_" + column.name + "_seq" ||
                sequence == pg_default_sequence_name(table.name, column.name)) {
                sequence.clear();
            }
            sequence = pg_truncate_identifier(sequence);
        }
    }
    if (table.primary_keys.size() == 1 && table.primary_keys[0].columns.size() == 1 &&
        pg_is_default_primary_key_name(table.name, table.primary_keys[0].name)) {
        for (auto& column : table.columns) {
            if (column.name == table.primary_keys[0].columns[0]) column.primary_key = true;
        }
        table.primary_keys.clear();
    }
    for (auto& fk : table.foreign_keys)
        fk.name = pg_truncate_identifier(fk.name);
    for (auto& pk : table.primary_keys)
        pk.name = pg_truncate_identifier(pk.name);
    for (auto& unique : table.uniques)
        unique.name = pg_truncate_identifier(unique.name);
    for (auto& check : table.checks)
        check.name = pg_truncate_identifier(check.name);
    for (auto& index : table.indexes)
        index.name = pg_truncate_identifier(index.name);
    for (auto& policy : table.policies)
        policy.name = pg_truncate_identifier(policy.name);
}

} // namespace

void normalize_schema(Schema& schema, NamingStyle) {
    for (auto& table : schema.tables)
        canonical_pg_table(table);
    for (auto& policy : schema.policies)
        policy.policy.name = pg_truncate_identifier(policy.policy.name);
}

} // namespace drizzle::pg
