// libpg_query's typed parse tree of a script, the syntax errors of a script it rejects, and
// small accessors for its nodes.
#pragma once

#include "dialect/pg/ddl/source.hpp"

#include <pg_query/pg_query.pb-c.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace drizzle::pg::ddl {

/// The statements of a script, owned.
class ParseTree {
public:
    /// Parses the whole script. When PostgreSQL's grammar rejects it, every statement is parsed
    /// on its own so each syntax error lands in `problems` (at the parser's cursor), and the
    /// tree is empty.
    static ParseTree parse(const Source& source, std::vector<Problem>& problems);

    std::size_t size() const { return result_ ? result_->n_stmts : 0; }
    const PgQuery__RawStmt& statement(std::size_t i) const { return *result_->stmts[i]; }

private:
    struct Free {
        void operator()(PgQuery__ParseResult* result) const;
    };
    std::unique_ptr<PgQuery__ParseResult, Free> result_;
};

/// `String` node text; "" for any other node.
std::string string_of(const PgQuery__Node* node);
/// The `String` items of a name list (`schema`, `name`), joined by ".".
std::string dotted(std::size_t count, PgQuery__Node* const* items);
/// The text of a number or word argument (`Integer`, `Float`, `String`, `Boolean`, `A_Const`,
/// a one-word `TypeName`); "" for anything else.
std::string value_text(const PgQuery__Node* node);

/// Calls `visit` for every column reference at or below `node`, walking the tree generically
/// through the protobuf-c descriptors (expressions have dozens of node kinds).
void for_each_column_ref(const ProtobufCMessage* node, const std::function<void(const PgQuery__ColumnRef&)>& visit);

}  // namespace drizzle::pg::ddl
