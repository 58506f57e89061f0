// parse_ddl: parses a script and hands each statement to its reader, creations first.
#include "drizzle/dialect/pg_ddl.hpp"

#include "dialect/pg/ddl/parse_tree.hpp"
#include "dialect/pg/ddl/readers.hpp"
#include "util/text.hpp"

#include <cctype>
#include <regex>
#include <string_view>

namespace drizzle::pg::ddl {

namespace {

Statement extent(const Source& source, const PgQuery__RawStmt& raw) {
    Statement at;
    at.first = source.token_at(raw.stmt_location);
    // stmt_len 0 means "to the end of the script" (a last statement without a semicolon).
    const int end = raw.stmt_len == 0 ? static_cast<int>(source.text().size()) : raw.stmt_location + raw.stmt_len;
    at.last = source.token_at(end);
    at.last = at.last == 0 ? 0 : at.last - 1;
    if (source.token_text(at.last) == ";" && at.last > at.first) --at.last;
    at.start = at.first < source.size() ? source.token(at.first).start : raw.stmt_location;
    return at;
}

// `CREATE OR REPLACE FUNCTION`: the statement's leading keywords, for messages.
std::string title(const Source& source, const Statement& at) {
    std::string out;
    for (std::size_t i = at.first; i <= at.last && i < at.first + 4 && source.token(i).keyword; ++i) {
        out += (out.empty() ? "" : " ") + detail::to_upper(source.token_text(i));
    }
    return out.empty() ? "this statement" : out;
}

// `DO $$ ... $$`: the body of the block, "" when it has none.
std::string do_body(const PgQuery__DoStmt& stmt) {
    for (std::size_t i = 0; i < stmt.n_args; ++i) {
        const PgQuery__Node* arg = stmt.args[i];
        if (arg->node_case != PG_QUERY__NODE__NODE_DEF_ELEM) continue;
        const PgQuery__DefElem& elem = *arg->def_elem;
        if (std::string_view(elem.defname) == "as" && elem.arg != nullptr &&
            elem.arg->node_case == PG_QUERY__NODE__NODE_STRING) {
            return elem.arg->string->sval;
        }
    }
    return {};
}

// Why a DO block is refused, and what to write instead. drizzle-kit before 0.21 wrapped the
// foreign keys and enums of first migrations in `DO $$ BEGIN <ddl>; EXCEPTION WHEN
// duplicate_object THEN null; END $$;` so they could run twice; such a block's statement is quoted.
std::string do_block_message(const PgQuery__DoStmt& stmt) {
    std::string message =
        "DO blocks run PL/pgSQL code when a migration is applied; a schema file declares what exists, and "
        "the statements inside a DO block are not read as declarations";
    static const std::regex drizzle_wrapper(
        R"(^\s*BEGIN\s+([\s\S]*?);?\s*EXCEPTION\s+WHEN\s+duplicate_object\s+THEN\s+null\s*;\s*END\s*;?\s*$)",
        std::regex::icase);
    std::smatch match;
    const std::string body = do_body(stmt);
    if (std::regex_match(body, match, drizzle_wrapper)) {
        std::string inner = match[1].str();
        while (!inner.empty() && std::isspace(static_cast<unsigned char>(inner.back()))) inner.pop_back();
        return message + ". This is the re-runnable wrapper older drizzle-kit versions wrote; write the statement "
                         "without it: " + inner + ";";
    }
    return message + ". Write the DDL it runs as plain statements in the file, or leave the block to a migration "
                     "if it only changes data";
}

enum class Pass { creation, change, skipped, unsupported };

// Objects are created in a first pass and changed (ALTER, indexes, policies) in a second, so a
// script may ALTER a table it creates further down. Session settings, transactions, data, and
// comments, privileges, ownership and extensions declare nothing drizzle models (drizzle-kit
// manages none of them either) and are skipped.
Pass pass_of(const PgQuery__Node& node) {
    switch (node.node_case) {
    case PG_QUERY__NODE__NODE_CREATE_SCHEMA_STMT:
    case PG_QUERY__NODE__NODE_CREATE_ENUM_STMT:
    case PG_QUERY__NODE__NODE_CREATE_SEQ_STMT:
    case PG_QUERY__NODE__NODE_CREATE_ROLE_STMT:
    case PG_QUERY__NODE__NODE_CREATE_STMT:
    case PG_QUERY__NODE__NODE_VIEW_STMT:
    case PG_QUERY__NODE__NODE_CREATE_TABLE_AS_STMT:
        return Pass::creation;
    case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT:
    case PG_QUERY__NODE__NODE_ALTER_ENUM_STMT:
    case PG_QUERY__NODE__NODE_INDEX_STMT:
    case PG_QUERY__NODE__NODE_CREATE_POLICY_STMT:
        return Pass::change;
    case PG_QUERY__NODE__NODE_SELECT_STMT:
        // SELECT ... INTO creates a table.
        return node.select_stmt->into_clause == nullptr ? Pass::skipped : Pass::unsupported;
    case PG_QUERY__NODE__NODE_VARIABLE_SET_STMT:
    case PG_QUERY__NODE__NODE_TRANSACTION_STMT:
    case PG_QUERY__NODE__NODE_INSERT_STMT:
    case PG_QUERY__NODE__NODE_UPDATE_STMT:
    case PG_QUERY__NODE__NODE_DELETE_STMT:
    case PG_QUERY__NODE__NODE_MERGE_STMT:
    case PG_QUERY__NODE__NODE_COMMENT_STMT:
    case PG_QUERY__NODE__NODE_GRANT_STMT:
    case PG_QUERY__NODE__NODE_GRANT_ROLE_STMT:
    case PG_QUERY__NODE__NODE_ALTER_DEFAULT_PRIVILEGES_STMT:
    case PG_QUERY__NODE__NODE_ALTER_OWNER_STMT:
    case PG_QUERY__NODE__NODE_CREATE_EXTENSION_STMT:
        return Pass::skipped;
    default:
        return Pass::unsupported;
    }
}

void read_statement(Builder& b, const PgQuery__Node& node, const Statement& at) {
    switch (node.node_case) {
    case PG_QUERY__NODE__NODE_CREATE_SCHEMA_STMT:
        return read_create_schema(b, *node.create_schema_stmt, at);
    case PG_QUERY__NODE__NODE_CREATE_ENUM_STMT:
        return read_create_enum(b, *node.create_enum_stmt, at);
    case PG_QUERY__NODE__NODE_CREATE_SEQ_STMT:
        return read_create_sequence(b, *node.create_seq_stmt, at);
    case PG_QUERY__NODE__NODE_CREATE_ROLE_STMT:
        return read_create_role(b, *node.create_role_stmt, at);
    case PG_QUERY__NODE__NODE_CREATE_STMT:
        return read_create_table(b, *node.create_stmt, at);
    case PG_QUERY__NODE__NODE_VIEW_STMT:
        return read_create_view(b, *node.view_stmt, at);
    case PG_QUERY__NODE__NODE_CREATE_TABLE_AS_STMT:
        return read_create_materialized_view(b, *node.create_table_as_stmt, at);
    case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT:
        return read_alter_table(b, *node.alter_table_stmt, at);
    case PG_QUERY__NODE__NODE_ALTER_ENUM_STMT:
        return read_alter_enum(b, *node.alter_enum_stmt, at);
    case PG_QUERY__NODE__NODE_INDEX_STMT:
        return read_create_index(b, *node.index_stmt, at);
    case PG_QUERY__NODE__NODE_CREATE_POLICY_STMT:
        return read_create_policy(b, *node.create_policy_stmt, at);
    case PG_QUERY__NODE__NODE_SELECT_STMT:
        return b.problem(at.start, "SELECT ... INTO is not supported in a schema file; declare the table");
    case PG_QUERY__NODE__NODE_DO_STMT:
        return b.problem(at.start, do_block_message(*node.do_stmt));
    default:
        b.problem(at.start, title(b.source, at) + " is not supported in a schema file");
    }
}

}  // namespace

}  // namespace drizzle::pg::ddl

namespace drizzle::pg {

Schema parse_ddl(std::string_view sql, const std::string& file_name) {
    const ddl::Source source(sql, file_name);
    ddl::Builder builder(source);
    const ddl::ParseTree tree = ddl::ParseTree::parse(source, builder.problems);
    if (!builder.problems.empty()) source.fail(std::move(builder.problems));
    if (tree.size() > 0 && source.size() == 0) source.fail({{0, "libpg_query's scanner could not read the file"}});

    std::vector<ddl::Statement> extents;
    for (std::size_t i = 0; i < tree.size(); ++i)
        extents.push_back(ddl::extent(source, tree.statement(i)));
    for (const auto pass : {ddl::Pass::creation, ddl::Pass::change, ddl::Pass::unsupported}) {
        for (std::size_t i = 0; i < tree.size(); ++i) {
            const PgQuery__Node& node = *tree.statement(i).stmt;
            if (ddl::pass_of(node) == pass) ddl::read_statement(builder, node, extents[i]);
        }
    }
    return builder.finish();
}

}  // namespace drizzle::pg
