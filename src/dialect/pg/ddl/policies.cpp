// CREATE POLICY: on a table of the script, or on one it does not declare (Supabase's auth.users).
#include "dialect/pg/ddl/readers.hpp"

namespace drizzle::pg::ddl {

namespace {

std::string role_name(const PgQuery__RoleSpec& role) {
    switch (role.roletype) {
    case PG_QUERY__ROLE_SPEC_TYPE__ROLESPEC_CURRENT_ROLE:
        return "current_role";
    case PG_QUERY__ROLE_SPEC_TYPE__ROLESPEC_CURRENT_USER:
        return "current_user";
    case PG_QUERY__ROLE_SPEC_TYPE__ROLESPEC_SESSION_USER:
        return "session_user";
    case PG_QUERY__ROLE_SPEC_TYPE__ROLESPEC_PUBLIC:
        return "public";
    default:
        return role.rolename;
    }
}

// The parenthesised expression after `keyword` (USING, or WITH CHECK) in the statement.
std::optional<std::string> clause(const Source& source, const Statement& at, std::string_view keyword,
                                  std::string_view second = {}) {
    for (std::size_t from = at.first;;) {
        const std::size_t found = source.find_outside_brackets(from, keyword, at.last + 1);
        if (found == Source::npos) return std::nullopt;
        if (second.empty() || source.is(found + 1, second)) {
            std::size_t after = Source::npos;
            std::string text = source.parenthesized(found, after);
            if (after == Source::npos) return std::nullopt;
            return text;
        }
        from = found + 1;
    }
}

}  // namespace

void read_create_policy(Builder& b, const PgQuery__CreatePolicyStmt& statement, const Statement& at) {
    Policy policy;
    policy.name = statement.policy_name;
    policy.as = statement.permissive ? "permissive" : "restrictive";
    policy.for_ = statement.cmd_name;
    policy.to.clear();
    for (std::size_t i = 0; i < statement.n_roles; ++i)
        policy.to.push_back(role_name(*statement.roles[i]->role_spec));
    if (policy.to.empty()) policy.to = {"public"};
    if (statement.qual != nullptr) policy.using_ = clause(b.source, at, "using");
    if (statement.with_check != nullptr) policy.with_check = clause(b.source, at, "with", "check");

    const std::string table_schema = model_schema(statement.table->schemaname);
    if (Table* table = b.find_table(table_schema, statement.table->relname)) {
        table->policies.push_back(std::move(policy));
    } else {
        b.schema.policies.push_back({table_schema, statement.table->relname, std::move(policy)});
    }
}

}  // namespace drizzle::pg::ddl
