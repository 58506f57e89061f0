// The schema being read from a DDL script, the problems found so far, and what can only be
// settled once the whole script is read (enum types, foreign keys to a primary key).
#pragma once

#include "dialect/pg/ddl/source.hpp"
#include "drizzle/schema/model.hpp"

#include <pg_query/pg_query.pb-c.h>

#include <cstddef>
#include <string>
#include <vector>

namespace drizzle::pg::ddl {

/// One statement's tokens, [first, last], and where it starts.
struct Statement {
    int start = 0;
    std::size_t first = 0;
    std::size_t last = 0;
};

/// A column whose type is not built in: an enum (maybe declared further down) or another type.
struct TypeUse {
    std::string table_schema;
    std::string table;
    std::string column;
    std::string schema; ///< as written; "" when unqualified
    std::string name;
    std::string written; ///< the type as written, kept when it is no enum of the script
    int offset = 0;
};

/// `REFERENCES t` without columns, which means t's primary key.
struct KeyReference {
    std::string table_schema;
    std::string table;
    std::size_t foreign_key = 0; ///< index into the table's foreign_keys
    int offset = 0;
};

/// What the statement readers share.
class Builder {
public:
    explicit Builder(const Source& source) : source(source) { schema.dialect = Dialect::postgresql; }

    const Source& source;
    Schema schema;
    std::vector<Problem> problems;
    std::vector<TypeUse> type_uses;
    std::vector<KeyReference> key_references;

    void problem(int offset, std::string message) { problems.push_back({offset, std::move(message)}); }
    /// The declared table, or nullptr.
    Table* find_table(const std::string& table_schema, const std::string& name);
    /// The declared table a statement works on; reports `what` on a table the script lacks.
    Table* table_for(const PgQuery__RangeVar& relation, const std::string& what);

    /// Settles enum columns and key references, then returns the schema or throws every problem.
    Schema finish();
};

/// The model's schema name: "" for public (and for no schema at all).
std::string model_schema(const std::string& schema);

/// `"name"`, or `"schema"."name"` outside public, for messages.
std::string display_name(const std::string& schema, const std::string& name);

}  // namespace drizzle::pg::ddl
