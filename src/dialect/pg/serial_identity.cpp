// SQL for columns moving between serial, identity and plain integer, without colliding with existing rows.
#include "dialect/pg/serial_identity.hpp"

#include "drizzle/dialect/pg.hpp"
#include "drizzle/schema/naming.hpp"
#include "drizzle/schema/pg_sequences.hpp"
#include "util/text.hpp"

#include <utility>

namespace drizzle::pg::serials {

namespace {

std::string table_literal(const std::string& schema, const std::string& table) {
    return detail::quote_sql_string(qualified_name(schema, table));
}

// pg_get_serial_sequence() parses its first argument as SQL (quoted names keep their case) and
// takes the second as the column's exact name; it answers for identity columns too.
std::string owned_sequence_call(const std::string& schema, const std::string& table, const std::string& column) {
    return "pg_get_serial_sequence(" + table_literal(schema, table) + ", " +
           detail::quote_sql_string(column) + ")";
}

std::string owned_sequence_name(const std::string& schema, const std::string& table, const std::string& column) {
    // PostgreSQL's own name for a serial's sequence (cut to 63 bytes as the server cuts it), so the
    // catalog reads back what a serial created by the server would have.
    return qualified_name(schema, pg_default_sequence_name(table, column));
}

}  // namespace

bool is_serial(const std::string& type) { return type == "serial" || type == "smallserial" || type == "bigserial"; }

std::string storage_type(const std::string& type) {
    if (type == "serial") return "integer";
    if (type == "smallserial") return "smallint";
    if (type == "bigserial") return "bigint";
    return type;
}

SequenceOptions effective_identity_options(SequenceOptions options, const std::string& type) {
    return pg_sequence_options_with_defaults(std::move(options), storage_type(type));
}

std::string drop_owned_sequence(const std::string& schema, const std::string& table, const std::string& column) {
    return "DO $drizzle$ DECLARE owned text := " + owned_sequence_call(schema, table, column) +
           "; BEGIN IF owned IS NOT NULL THEN EXECUTE 'DROP SEQUENCE ' || owned; END IF; END $drizzle$;";
}

std::string retype_owned_sequence(const std::string& schema, const std::string& table, const std::string& column,
                                  const std::string& type) {
    return "DO $drizzle$ BEGIN EXECUTE 'ALTER SEQUENCE ' || " + owned_sequence_call(schema, table, column) +
           " || ' AS " + storage_type(type) + "'; END $drizzle$;";
}

std::string create_owned_sequence(const std::string& schema, const std::string& table, const std::string& column,
                                  const std::string& type) {
    return "CREATE SEQUENCE " + owned_sequence_name(schema, table, column) + " AS " + storage_type(type) +
           " OWNED BY " + qualified_name(schema, table) + "." + quote_identifier(column) + ";";
}

std::string serial_default(const std::string& schema, const std::string& table, const std::string& column) {
    return "nextval(" + detail::quote_sql_string(owned_sequence_name(schema, table, column)) + "::regclass)";
}

std::string restart_past_rows(const std::string& schema, const std::string& table, const std::string& column,
                              const SequenceOptions& effective_options) {
    const std::string& increment = effective_options.increment.value_or("1");
    const bool descending = !increment.empty() && increment.front() == '-';
    const std::string start = effective_options.start_with.value_or("1");
    // GREATEST/LEAST skip the NULL of an empty table; is_called = false makes `next` the next value.
    const std::string next = descending ? "LEAST(MIN(" + quote_identifier(column) + ") - 1, " + start + ")"
                                        : "GREATEST(MAX(" + quote_identifier(column) + ") + 1, " + start + ")";
    return "SELECT setval(" + owned_sequence_call(schema, table, column) + ", " + next + ", false) FROM " +
           qualified_name(schema, table) + ";";
}

}  // namespace drizzle::pg::serials
