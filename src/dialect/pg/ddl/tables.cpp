// CREATE TABLE and the ALTER TABLE commands that declare schema (constraints, columns, defaults,
// NOT NULL, row-level security).
#include "dialect/pg/ddl/readers.hpp"

#include <algorithm>

namespace drizzle::pg::ddl {

namespace {

// The table options the model has no place for; each is reported rather than dropped.
void check_table_clauses(Builder& b, const PgQuery__CreateStmt& statement, const Statement& at) {
    const std::string persistence = statement.relation->relpersistence;
    if (persistence == "t") b.problem(at.start, "TEMPORARY tables are not part of a schema");
    if (persistence == "u") b.problem(at.start, "UNLOGGED tables are not supported");
    if (statement.n_inh_relations > 0) b.problem(at.start, "INHERITS is not supported");
    if (statement.partbound != nullptr) b.problem(at.start, "PARTITION OF is not supported");
    if (statement.partspec != nullptr) b.problem(at.start, "PARTITION BY is not supported");
    if (statement.of_typename != nullptr) b.problem(at.start, "CREATE TABLE ... OF type is not supported");
    if (statement.n_options > 0) b.problem(at.start, "table storage parameters WITH (...) are not supported");
    if (statement.tablespacename[0] != '\0') b.problem(at.start, "TABLESPACE is not supported");
    if (statement.access_method[0] != '\0') b.problem(at.start, "USING (table access method) is not supported");
}

// The token ranges of an ALTER TABLE's comma-separated commands, after the table's name.
std::vector<std::pair<std::size_t, std::size_t>> command_ranges(const Source& source, const Statement& at,
                                                                const PgQuery__RangeVar& relation) {
    std::vector<std::pair<std::size_t, std::size_t>> ranges;
    std::size_t first = source.token_at(relation.location);
    // Skip the (maybe qualified) name: name [. name [. name]].
    while (first + 2 <= at.last && source.token_text(first + 1) == ".")
        first += 2;
    ++first;
    while (first <= at.last) {
        const std::size_t comma = source.find_outside_brackets(first, ",", at.last + 1);
        const std::size_t last = comma == Source::npos ? at.last : comma - 1;
        ranges.emplace_back(first, last);
        if (comma == Source::npos) break;
        first = comma + 1;
    }
    return ranges;
}

Column* find_column(Builder& b, Table& table, const std::string& name, int at) {
    for (auto& column : table.columns) {
        if (column.name == name) return &column;
    }
    b.problem(at, "table " + display_name(table.schema, table.name) + " has no column \"" + name + "\"");
    return nullptr;
}

bool only_ownership(const PgQuery__AlterTableStmt& statement) {
    for (std::size_t i = 0; i < statement.n_cmds; ++i) {
        if (statement.cmds[i]->alter_table_cmd->subtype != PG_QUERY__ALTER_TABLE_TYPE__AT_ChangeOwner) return false;
    }
    return true;
}

}  // namespace

void read_create_table(Builder& b, const PgQuery__CreateStmt& statement, const Statement& at) {
    check_table_clauses(b, statement, at);
    Table table;
    table.schema = model_schema(statement.relation->schemaname);
    table.name = statement.relation->relname;
    if (b.find_table(table.schema, table.name) != nullptr) {
        // PostgreSQL skips CREATE TABLE IF NOT EXISTS of a table it has.
        if (!statement.if_not_exists) {
            b.problem(at.start, "table " + display_name(table.schema, table.name) + " is created twice");
        }
        return;
    }
    // Columns first: a table-level PRIMARY KEY makes its columns NOT NULL wherever it is written.
    for (std::size_t i = 0; i < statement.n_table_elts; ++i) {
        const PgQuery__Node* element = statement.table_elts[i];
        if (element->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF) read_column(b, table, *element->column_def);
        if (element->node_case == PG_QUERY__NODE__NODE_TABLE_LIKE_CLAUSE) {
            b.problem(element->table_like_clause->relation->location, "LIKE is not supported");
        }
    }
    for (std::size_t i = 0; i < statement.n_table_elts; ++i) {
        const PgQuery__Node* element = statement.table_elts[i];
        if (element->node_case == PG_QUERY__NODE__NODE_CONSTRAINT)
            read_table_constraint(b, table, *element->constraint);
    }
    b.schema.tables.push_back(std::move(table));
}

void read_alter_table(Builder& b, const PgQuery__AlterTableStmt& statement, const Statement& at) {
    // Ownership is not part of drizzle's model: `ALTER ... OWNER TO` (pg_dump writes it) is skipped.
    if (only_ownership(statement)) return;
    if (statement.objtype != PG_QUERY__OBJECT_TYPE__OBJECT_TABLE) {
        b.problem(at.start, "ALTER " + std::string(b.source.token_text(at.first + 1)) + " is not supported");
        return;
    }
    Table* table = b.table_for(*statement.relation, "ALTER TABLE");
    if (table == nullptr) return;
    const auto ranges = command_ranges(b.source, at, *statement.relation);
    for (std::size_t i = 0; i < statement.n_cmds; ++i) {
        const PgQuery__AlterTableCmd& command = *statement.cmds[i]->alter_table_cmd;
        const std::size_t first = i < ranges.size() ? ranges[i].first : at.first;
        const std::size_t last = i < ranges.size() ? ranges[i].second : at.last;
        const int command_at = b.source.token(first).start;
        switch (command.subtype) {
        case PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint:
            read_table_constraint(b, *table, *command.def->constraint);
            break;
        case PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn:
            read_column(b, *table, *command.def->column_def);
            break;
        case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableRowSecurity:
            table->rls_enabled = true;
            break;
        case PG_QUERY__ALTER_TABLE_TYPE__AT_DisableRowSecurity:
            table->rls_enabled = false;
            break;
        case PG_QUERY__ALTER_TABLE_TYPE__AT_ColumnDefault:
            if (Column* column = find_column(b, *table, command.name, command_at)) {
                column->default_value.reset();
                if (command.def != nullptr) {
                    const std::size_t keyword = b.source.find_outside_brackets(first, "default", last + 1);
                    column->default_value = default_from(b.source, keyword + 1, last, command.def);
                }
            }
            break;
        case PG_QUERY__ALTER_TABLE_TYPE__AT_SetNotNull:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_DropNotNull:
            if (Column* column = find_column(b, *table, command.name, command_at)) {
                column->not_null = command.subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_SetNotNull;
            }
            break;
        case PG_QUERY__ALTER_TABLE_TYPE__AT_ChangeOwner:
            break;
        default:
            b.problem(command_at,
                      "ALTER TABLE ... " + b.source.slice(first, std::min(first + 1, last)) + " is not supported");
            break;
        }
    }
}

}  // namespace drizzle::pg::ddl
