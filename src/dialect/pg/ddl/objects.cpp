// Schemas, enum types, sequences and roles.
#include "dialect/pg/ddl/parse_tree.hpp"
#include "dialect/pg/ddl/readers.hpp"
#include "dialect/pg/facts/snapshot/pg_common.hpp"

#include <algorithm>
#include <map>

namespace drizzle::pg::ddl {

namespace {

// A qualified type name (`schema.name` or `name`) as the model's {schema, name}.
std::pair<std::string, std::string> type_name(std::size_t count, PgQuery__Node* const* names) {
    if (count == 0) return {};
    const std::string name = string_of(names[count - 1]);
    return {count > 1 ? model_schema(string_of(names[count - 2])) : "", name};
}

Enum* find_enum(Schema& schema, const std::pair<std::string, std::string>& name) {
    for (auto& type : schema.enums) {
        if (type.schema == name.first && type.name == name.second) return &type;
    }
    return nullptr;
}

}  // namespace

void read_create_schema(Builder& b, const PgQuery__CreateSchemaStmt& statement, const Statement& at) {
    if (statement.n_schema_elts > 0) {
        b.problem(at.start, "CREATE SCHEMA with statements inside is not supported; write them after it");
    }
    // AUTHORIZATION names the owner, which drizzle does not model.
    const std::string name = statement.schemaname[0] != '\0' ? statement.schemaname
                             : statement.authrole != nullptr ? statement.authrole->rolename
                                                             : "";
    if (name.empty() || name == "public") return;
    auto& schemas = b.schema.schemas;
    if (std::find(schemas.begin(), schemas.end(), name) == schemas.end()) schemas.push_back(name);
}

void read_create_enum(Builder& b, const PgQuery__CreateEnumStmt& statement, const Statement& at) {
    const auto name = type_name(statement.n_type_name, statement.type_name);
    if (find_enum(b.schema, name) != nullptr) {
        b.problem(at.start, "type " + display_name(name.first, name.second) + " is created twice");
        return;
    }
    Enum type{name.first, name.second, {}};
    for (std::size_t i = 0; i < statement.n_vals; ++i)
        type.values.push_back(string_of(statement.vals[i]));
    b.schema.enums.push_back(std::move(type));
}

void read_alter_enum(Builder& b, const PgQuery__AlterEnumStmt& statement, const Statement& at) {
    const auto name = type_name(statement.n_type_name, statement.type_name);
    Enum* type = find_enum(b.schema, name);
    if (type == nullptr) {
        b.problem(at.start,
                  "ALTER TYPE: enum " + display_name(name.first, name.second) + " is not created in this file");
        return;
    }
    auto& values = type->values;
    if (statement.old_val[0] != '\0') {  // RENAME VALUE old TO new
        std::replace(values.begin(), values.end(), std::string(statement.old_val), std::string(statement.new_val));
        return;
    }
    if (std::find(values.begin(), values.end(), statement.new_val) != values.end()) {
        if (!statement.skip_if_new_val_exists)
            b.problem(at.start, "enum value '" + std::string(statement.new_val) + "' already exists");
        return;
    }
    auto position = values.end();
    if (statement.new_val_neighbor[0] != '\0') {
        position = std::find(values.begin(), values.end(), statement.new_val_neighbor);
        if (position == values.end()) {
            b.problem(at.start, "enum value '" + std::string(statement.new_val_neighbor) + "' does not exist");
            return;
        }
        if (statement.new_val_is_after) ++position;
    }
    values.insert(position, statement.new_val);
}

void read_create_sequence(Builder& b, const PgQuery__CreateSeqStmt& statement, const Statement& at) {
    const std::string persistence = statement.sequence->relpersistence;
    if (persistence == "t" || persistence == "u")
        b.problem(at.start, "TEMPORARY and UNLOGGED sequences are not supported");
    Sequence sequence;
    sequence.schema = model_schema(statement.sequence->schemaname);
    sequence.name = statement.sequence->relname;
    for (const auto& existing : b.schema.sequences) {
        if (existing.schema == sequence.schema && existing.name == sequence.name) {
            if (!statement.if_not_exists) {
                b.problem(at.start, "sequence " + display_name(sequence.schema, sequence.name) + " is created twice");
            }
            return;
        }
    }
    // drizzle records every parameter of a standalone sequence, PostgreSQL's defaults included.
    sequence.options = snapshot_detail::pg_sequence_options_filled(
        read_sequence_options(b, statement.n_options, statement.options, at.start, nullptr));
    b.schema.sequences.push_back(std::move(sequence));
}

void read_create_role(Builder& b, const PgQuery__CreateRoleStmt& statement, const Statement& at) {
    static const std::map<std::string, bool Role::*> flags = {
        {"superuser", &Role::superuser},  {"createdb", &Role::create_db}, {"createrole", &Role::create_role},
        {"inherit", &Role::inherit},      {"canlogin", &Role::can_login}, {"isreplication", &Role::replication},
        {"bypassrls", &Role::bypass_rls},
    };
    Role role;
    role.name = statement.role;
    // CREATE USER implies LOGIN.
    role.can_login = statement.stmt_type == PG_QUERY__ROLE_STMT_TYPE__ROLESTMT_USER;
    for (std::size_t i = 0; i < statement.n_options; ++i) {
        const PgQuery__DefElem& option = *statement.options[i]->def_elem;
        const std::string name = option.defname;
        const std::string value = value_text(option.arg);
        if (auto flag = flags.find(name); flag != flags.end()) {
            role.*(flag->second) = value != "false";
        } else if (name == "connectionlimit") {
            role.conn_limit = std::stoi(value);
        } else if (name == "password") {
            role.password = option.arg ? std::optional<std::string>(value) : std::nullopt;
        } else if (name == "validUntil") {
            role.valid_until = value;
        } else {
            b.problem(option.location >= 0 ? option.location : at.start, "role option " + name + " is not supported");
        }
    }
    b.schema.roles.push_back(std::move(role));
}

}  // namespace drizzle::pg::ddl
