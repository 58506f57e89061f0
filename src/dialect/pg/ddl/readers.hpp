// One reader per kind of DDL statement (and the clauses they share), each filling the Builder.
#pragma once

#include "dialect/pg/ddl/builder.hpp"

#include <optional>
#include <string>

namespace drizzle::pg::ddl {

// Clauses (columns.cpp, constraints.cpp, types.cpp, sequence_options.cpp).

/// A column type: the DSL's spelling for built-in types; anything else is recorded as a TypeUse
/// for Builder::finish. `end_offset` is where the column's constraints start (-1: none).
void read_column_type(Builder& b, Table& table, Column& column, const PgQuery__TypeName& type, int end_offset);
/// A DEFAULT value: the source text of tokens [first, last]; literal numbers and booleans get
/// the kind the DSL's default_(5) / default_(true) give.
ColumnDefault default_from(const Source& source, std::size_t first, std::size_t last, const PgQuery__Node* expression);
/// A column definition with its constraints (NOT NULL, DEFAULT, PRIMARY KEY, UNIQUE, REFERENCES,
/// CHECK, GENERATED ... STORED, GENERATED ... AS IDENTITY), appended to `table`.
void read_column(Builder& b, Table& table, const PgQuery__ColumnDef& definition);
/// A table constraint (in CREATE TABLE or ALTER TABLE ... ADD): PRIMARY KEY, UNIQUE, FOREIGN KEY, CHECK.
void read_table_constraint(Builder& b, Table& table, const PgQuery__Constraint& constraint);
/// Reports the constraint clauses the model cannot hold (DEFERRABLE, NOT VALID, NO INHERIT,
/// INCLUDE, index WITH/TABLESPACE, USING INDEX).
void check_constraint_clauses(Builder& b, const PgQuery__Constraint& constraint);
/// A foreign key of `columns` (REFERENCES on a column, or FOREIGN KEY at table level).
void read_foreign_key(Builder& b, Table& table, const PgQuery__Constraint& constraint,
                      std::vector<std::string> columns);
/// A CHECK constraint; unnamed ones get the name PostgreSQL would give them.
void read_check(Builder& b, Table& table, const PgQuery__Constraint& constraint);
/// Sequence options (CREATE SEQUENCE, identity columns); only the ones given are set. The
/// identity's `SEQUENCE NAME` goes to `sequence_name` when not null, else it is an error.
SequenceOptions read_sequence_options(Builder& b, std::size_t count, PgQuery__Node* const* options, int at,
                                      std::string* sequence_name);

// Statements.

void read_create_schema(Builder& b, const PgQuery__CreateSchemaStmt& statement, const Statement& at);
void read_create_enum(Builder& b, const PgQuery__CreateEnumStmt& statement, const Statement& at);
void read_alter_enum(Builder& b, const PgQuery__AlterEnumStmt& statement, const Statement& at);
void read_create_sequence(Builder& b, const PgQuery__CreateSeqStmt& statement, const Statement& at);
void read_create_role(Builder& b, const PgQuery__CreateRoleStmt& statement, const Statement& at);
void read_create_table(Builder& b, const PgQuery__CreateStmt& statement, const Statement& at);
void read_alter_table(Builder& b, const PgQuery__AlterTableStmt& statement, const Statement& at);
void read_create_index(Builder& b, const PgQuery__IndexStmt& statement, const Statement& at);
void read_create_view(Builder& b, const PgQuery__ViewStmt& statement, const Statement& at);
void read_create_materialized_view(Builder& b, const PgQuery__CreateTableAsStmt& statement, const Statement& at);
void read_create_policy(Builder& b, const PgQuery__CreatePolicyStmt& statement, const Statement& at);

}  // namespace drizzle::pg::ddl
