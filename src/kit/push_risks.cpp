// Counts the rows a push would drop, truncate or trip over, one COUNT per risky operation.
#include "drizzle/kit/push_risks.hpp"

#include "drizzle/dialect/registry.hpp"
#include "util/text.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <optional>
#include <regex>

namespace drizzle::kit {

namespace {

// How messages show a name: double-quoted whatever the dialect (the counting queries quote
// through the dialect's facts instead, see RiskCounter::sql_name).
std::string quote(const std::string& name) {
    std::string out = "\"";
    for (char c : name) {
        out += c;
        if (c == '"') out += '"';
    }
    return out + "\"";
}

std::string qualified(const std::string& schema, const std::string& table) {
    return schema.empty() ? quote(table) : quote(schema) + "." + quote(table);
}

std::string column_list(const DialectFacts& facts, const std::vector<std::string>& columns,
                        const std::string& prefix = "") {
    std::string out;
    for (const auto& column : columns) out += (out.empty() ? "" : ", ") + prefix + facts.quote_identifier(column);
    return out;
}

std::string all_not_null(const DialectFacts& facts, const std::vector<std::string>& columns,
                         const std::string& prefix = "") {
    std::string out;
    for (const auto& column : columns) {
        out += (out.empty() ? "" : " AND ") + prefix + facts.quote_identifier(column) + " IS NOT NULL";
    }
    return out.empty() ? "TRUE" : out;
}

/// Character length limit of varchar(n)/char(n)/character varying(n); nullopt = unbounded or not text.
std::optional<long> text_limit(const std::string& type) {
    static const std::regex limited(R"(^\s*(varchar|character varying|char|character|text)\s*\((\d+)\)\s*$)",
                                    std::regex::icase);
    std::smatch match;
    if (std::regex_match(type, match, limited)) return std::stol(match[2].str());
    return std::nullopt;
}

bool is_text_type(const std::string& type) {
    const std::string t = detail::to_lower(type);
    return t == "text" || t.rfind("varchar", 0) == 0 || t.rfind("character varying", 0) == 0 || t == "citext";
}

/// PostgreSQL type changes every value survives unchanged.
bool is_widening(const std::string& from_type, const std::string& to_type) {
    const std::string from = detail::to_lower(from_type);
    const std::string to = detail::to_lower(to_type);
    if (from == to) return true;
    if (to == "text") return true;
    auto from_limit = text_limit(from);
    auto to_limit = text_limit(to);
    if (is_text_type(to) && !to_limit && is_text_type(from)) return true;  // varchar(n) -> varchar
    if (from_limit && to_limit && *to_limit >= *from_limit) return true;
    static const std::map<std::string, int> integer_rank = {
        {"smallint", 1}, {"smallserial", 1}, {"integer", 2}, {"serial", 2}, {"bigint", 3}, {"bigserial", 3}};
    auto f = integer_rank.find(from);
    auto t = integer_rank.find(to);
    if (f != integer_rank.end() && t != integer_rank.end()) return t->second >= f->second;
    if (f != integer_rank.end() && (to == "numeric" || to == "decimal")) return true;
    if (from == "real" && to == "double precision") return true;
    if (from == "timestamp" && to == "timestamp with time zone") return false;  // reinterprets the zone
    return false;
}

/// Maps names of the schema after renames back to the live database's.
class LiveNames {
public:
    explicit LiveNames(const std::vector<Operation>& operations) {
        for (const auto& operation : operations) {
            if (auto* r = std::get_if<op::RenameTable>(&operation)) tables_[{r->schema, r->to}] = r->from;
            if (auto* r = std::get_if<op::RenameColumn>(&operation)) columns_[{r->schema, r->table, r->to}] = r->from;
        }
    }
    std::string table(const std::string& schema, const std::string& name) const {
        auto it = tables_.find({schema, name});
        return it == tables_.end() ? name : it->second;
    }
    std::string column(const std::string& schema, const std::string& table, const std::string& name) const {
        auto it = columns_.find({schema, table, name});
        return it == columns_.end() ? name : it->second;
    }
    std::vector<std::string> columns(const std::string& schema, const std::string& table,
                                     const std::vector<std::string>& names) const {
        std::vector<std::string> out;
        for (const auto& name : names) out.push_back(column(schema, table, name));
        return out;
    }

private:
    std::map<std::pair<std::string, std::string>, std::string> tables_;
    std::map<std::tuple<std::string, std::string, std::string>, std::string> columns_;
};

// Operations that put no existing row at risk.
using Riskless =
    OperationList<op::CreateTable, op::RenameTable, op::RenameColumn, op::DropIndex, op::DropForeignKey,
                  op::DropPrimaryKey, op::DropUnique, op::DropCheck, op::CreateView, op::DropView, op::RecreateTable,
                  op::CreateSchema, op::DropSchema, op::CreateEnum, op::RenameEnum, op::DropEnum, op::AddEnumValue,
                  op::CreateSequence, op::DropSequence, op::AlterSequence, op::CreateRole, op::DropRole, op::AlterRole,
                  op::EnableRls, op::DisableRls, op::CreatePolicy, op::DropPolicy>;

std::string table_count_query(const DialectFacts& facts, const std::string& schema, const std::string& table) {
    return "SELECT count(*) FROM " +
           (schema.empty() ? facts.quote_identifier(table)
                           : facts.quote_identifier(schema) + "." + facts.quote_identifier(table));
}

/// Runs one COUNT query under a savepoint; std::nullopt when it fails.
std::optional<std::int64_t> count_under_savepoint(Connection& connection, const std::string& query) {
    std::int64_t rows = 0;
    connection.exec("SAVEPOINT drizzle_push_risk");
    try {
        auto result = connection.query(query);
        if (!result.empty() && !result[0].empty() && result[0][0]) rows = std::stoll(*result[0][0]);
        connection.exec("RELEASE SAVEPOINT drizzle_push_risk");
    } catch (const std::exception&) {
        // A query we cannot run (an expression naming a column that is renamed in the same push,
        // or an enum value it adds) is no reason to stop: the statement itself still runs in the
        // push's transaction, which the savepoint keeps usable (PostgreSQL aborts it otherwise).
        connection.exec("ROLLBACK TO SAVEPOINT drizzle_push_risk");
        connection.exec("RELEASE SAVEPOINT drizzle_push_risk");
        return std::nullopt;
    }
    return rows;
}

class RiskCounter {
public:
    RiskCounter(const std::vector<Operation>& operations, const Schema& live, Connection& connection,
                bool keep_zero_counts)
        : names_(operations), live_(live), facts_(dialect_facts(live.dialect)), connection_(connection),
          keep_zero_(keep_zero_counts) {}

    void visit(std::size_t index, const Operation& operation) {
        index_ = index;
        std::visit(detail::overloaded{
                       [&](const op::DropTable& o) {
                           count(DataRisk::Kind::loses_data, qualified(o.table.schema, o.table.name),
                                 "drop table", "", table_count_query(facts_, o.table.schema, o.table.name));
                       },
                       [&](const op::DropColumn& o) { drop_column(o); },
                       [&](const op::AlterColumn& o) { alter_column(o); },
                       [&](const op::AddColumn& o) { add_column(o); },
                       [&](const op::AddUnique& o) { unique_key(o.schema, o.table, o.unique.columns, o.unique.nulls_not_distinct, "add unique constraint " + quote(o.unique.name)); },
                       [&](const op::CreateIndex& o) { create_index(o); },
                       [&](const op::AddPrimaryKey& o) { primary_key(o.schema, o.table, o.pk.columns, quote(o.pk.name)); },
                       [&](const op::AddCheck& o) { add_check(o); },
                       [&](const op::AddForeignKey& o) { add_foreign_key(o); },
                       [&](const op::RecreateEnum& o) { recreate_enum(o); },
                       [&](const OneOf<Riskless> auto&) {},
                   },
                   operation);
    }

    std::vector<DataRisk> take() { return std::move(risks_); }

private:
    /// The live table an operation on (schema, table-after-renames) touches; nullptr when it is new.
    const Table* live_table(const std::string& schema, const std::string& table) const {
        return live_.find_table(names_.table(schema, table), schema);
    }

    std::string live_qualified(const std::string& schema, const std::string& table) const {
        return qualified(schema, names_.table(schema, table));
    }

    /// An identifier quoted for the counting queries, in the dialect's own quoting.
    std::string sql_name(const std::string& name) const { return facts_.quote_identifier(name); }
    std::string sql_table(const std::string& schema, const std::string& table) const {
        return schema.empty() ? sql_name(table) : sql_name(schema) + "." + sql_name(table);
    }
    /// The live table of (schema, table-after-renames), quoted for a query.
    std::string live_sql_table(const std::string& schema, const std::string& table) const {
        return sql_table(schema, names_.table(schema, table));
    }

    void count(DataRisk::Kind kind, const std::string& object, const std::string& problem, const std::string& detail,
               const std::string& query) {
        const auto rows = count_under_savepoint(connection_, query);
        if (!rows) return;
        if (*rows > 0 || keep_zero_) risks_.push_back({kind, object, problem, *rows, detail, index_});
    }

    void drop_column(const op::DropColumn& o) {
        if (!live_table(o.schema, o.table)) return;
        const std::string table = live_qualified(o.schema, o.table);
        count(DataRisk::Kind::loses_data, table + "." + quote(o.column.name), "drop column",
              "with a value",
              "SELECT count(*) FROM " + live_sql_table(o.schema, o.table) + " WHERE " + sql_name(o.column.name) +
                  " IS NOT NULL");
    }

    void add_column(const op::AddColumn& o) {
        const Column& c = o.column;
        if (!c.effective_not_null() || c.default_value || c.generated || c.identity || c.primary_key) return;
        if (c.type == "serial" || c.type == "smallserial" || c.type == "bigserial") return;
        if (!live_table(o.schema, o.table)) return;
        const std::string table = live_qualified(o.schema, o.table);
        count(DataRisk::Kind::will_fail, table + "." + quote(c.name),
              "add NOT NULL column without a default", "that would hold NULL",
              "SELECT count(*) FROM " + live_sql_table(o.schema, o.table));
    }

    void alter_column(const op::AlterColumn& o) {
        if (!live_table(o.schema, o.table)) return;
        const std::string table = live_qualified(o.schema, o.table);
        const std::string column = quote(names_.column(o.schema, o.table, o.to.name));
        const std::string object = table + "." + column;
        const std::string sql_from = live_sql_table(o.schema, o.table);
        const std::string sql_column = sql_name(names_.column(o.schema, o.table, o.to.name));
        const bool becomes_not_null = o.changes.has(ColumnChange::not_null) && o.to.effective_not_null();
        const DialectFacts& facts = dialect_facts(live_.dialect);
        const bool nulls_fail = !facts.not_null_change_fills_nulls_from_default() || !o.to.default_value;
        if (becomes_not_null && nulls_fail) {
            count(DataRisk::Kind::will_fail, object, "set NOT NULL on", "holding NULL",
                  "SELECT count(*) FROM " + sql_from + " WHERE " + sql_column + " IS NULL");
        }
        if (!facts.type_change_converts_values()) return;
        if (!o.changes.has_any(ColumnChange::type | ColumnChange::dimensions)) return;
        auto to_limit = text_limit(o.to.type);
        if (to_limit && o.to.dimensions == 0 && (is_text_type(o.from.type) || text_limit(o.from.type)) &&
            !is_widening(o.from.type, o.to.type)) {
            count(DataRisk::Kind::loses_data, object, "change type " + o.from.type + " -> " + o.to.type + " of",
                  "longer than " + std::to_string(*to_limit) + " characters",
                  "SELECT count(*) FROM " + sql_from + " WHERE length(" + sql_column + "::text) > " +
                      std::to_string(*to_limit));
        } else if (o.changes.has(ColumnChange::dimensions) || !is_widening(o.from.type, o.to.type)) {
            count(DataRisk::Kind::loses_data, object, "change type " + o.from.type + " -> " + o.to.type + " of",
                  "with a value to convert (the cast may fail or round it)",
                  "SELECT count(*) FROM " + sql_from + " WHERE " + sql_column + " IS NOT NULL");
        }
    }

    void unique_key(const std::string& schema, const std::string& table_name, const std::vector<std::string>& columns,
                    bool nulls_not_distinct, const std::string& problem) {
        if (!live_table(schema, table_name) || columns.empty()) return;
        const std::string table = live_qualified(schema, table_name);
        const auto live_columns = names_.columns(schema, table_name, columns);
        // Only rows whose columns all exist before the push can collide.
        const Table* live = live_table(schema, table_name);
        for (const auto& column : live_columns) {
            if (!live->find_column(column)) return;
        }
        count(DataRisk::Kind::will_fail, table, problem + " on", "sharing the key with another row",
              "SELECT coalesce(sum(n), 0) FROM (SELECT count(*) AS n FROM " + live_sql_table(schema, table_name) +
                  " WHERE " + (nulls_not_distinct ? std::string("TRUE") : all_not_null(facts_, live_columns)) +
                  " GROUP BY " + column_list(facts_, live_columns) + " HAVING count(*) > 1) AS duplicates");
    }

    void create_index(const op::CreateIndex& o) {
        if (!o.index.unique) return;
        std::vector<std::string> columns;
        for (const auto& element : o.index.columns) {
            if (element.is_expression) return;  // expression keys: left to the database
            columns.push_back(element.expression);
        }
        if (o.index.where) return;  // partial: the predicate decides which rows count
        unique_key(o.schema, o.table, columns, false, "create unique index " + quote(o.index.name));
    }

    void primary_key(const std::string& schema, const std::string& table_name, const std::vector<std::string>& columns,
                     const std::string& name) {
        unique_key(schema, table_name, columns, false, "add primary key " + name);
        const Table* live = live_table(schema, table_name);
        if (!live) return;
        const auto live_columns = names_.columns(schema, table_name, columns);
        std::string any_null;
        for (const auto& column : live_columns) {
            if (!live->find_column(column)) return;
            any_null += (any_null.empty() ? "" : " OR ") + sql_name(column) + " IS NULL";
        }
        const std::string table = live_qualified(schema, table_name);
        count(DataRisk::Kind::will_fail, table, "add primary key " + name + " on", "with a NULL key column",
              "SELECT count(*) FROM " + live_sql_table(schema, table_name) + " WHERE " + any_null);
    }

    void add_check(const op::AddCheck& o) {
        if (!live_table(o.schema, o.table)) return;
        const std::string table = live_qualified(o.schema, o.table);
        count(DataRisk::Kind::will_fail, table, "add check " + quote(o.check.name) + " on",
              "violating it",
              "SELECT count(*) FROM " + live_sql_table(o.schema, o.table) + " WHERE NOT (" + o.check.value + ")");
    }

    void add_foreign_key(const op::AddForeignKey& o) {
        const Table* live = live_table(o.schema, o.table);
        if (!live) return;
        const auto child_columns = names_.columns(o.schema, o.table, o.fk.columns);
        for (const auto& column : child_columns) {
            if (!live->find_column(column)) return;
        }
        const std::string child = live_qualified(o.schema, o.table);
        const std::string parent_schema = o.fk.schema_to;
        std::string query = "SELECT count(*) FROM " + live_sql_table(o.schema, o.table) + " AS c WHERE " +
                            all_not_null(facts_, child_columns, "c.");
        if (live_table(parent_schema, o.fk.table_to)) {
            const auto parent_columns = names_.columns(parent_schema, o.fk.table_to, o.fk.columns_to);
            std::string match;
            for (size_t i = 0; i < child_columns.size() && i < parent_columns.size(); ++i) {
                match += (match.empty() ? "" : " AND ") + std::string("p.") + sql_name(parent_columns[i]) + " = c." +
                         sql_name(child_columns[i]);
            }
            query += " AND NOT EXISTS (SELECT 1 FROM " + live_sql_table(parent_schema, o.fk.table_to) +
                     " AS p WHERE " + match + ")";
        }
        count(DataRisk::Kind::will_fail, child, "add foreign key " + quote(o.fk.name) + " on",
              "referencing a missing " + qualified(parent_schema, o.fk.table_to) + " row", query);
    }

    void recreate_enum(const op::RecreateEnum& o) {
        std::string values;
        for (const auto& value : o.to.values) values += (values.empty() ? "" : ", ") + facts_.quote_literal(value);
        for (const auto& use : o.columns) {
            if (!use.cast_back || use.dimensions > 0) continue;
            const std::string table = qualified(use.schema, use.table);
            count(DataRisk::Kind::will_fail, table + "." + quote(use.column),
                  "remove values from enum " + qualified(o.from.schema, o.from.name) + " used by",
                  "holding a removed value",
                  "SELECT count(*) FROM " + sql_table(use.schema, use.table) + " WHERE " + sql_name(use.column) +
                      "::text NOT IN (" +
                      (values.empty() ? std::string("NULL") : values) + ")");
        }
    }

    LiveNames names_;
    const Schema& live_;
    const DialectFacts& facts_;
    Connection& connection_;
    bool keep_zero_ = false;
    std::size_t index_ = 0;
    std::vector<DataRisk> risks_;
};

}  // namespace

std::string DataRisk::describe() const {
    return problem + " " + object + ": " + std::to_string(rows) + (rows == 1 ? " row" : " rows") +
           (detail.empty() ? "" : " " + detail) +
           (kind == Kind::will_fail ? " (the statement would fail)" : "");
}

std::vector<DataRisk> assess_data_risks(const std::vector<Operation>& operations, const Schema& live,
                                        Connection& connection, bool keep_zero_counts) {
    RiskCounter counter(operations, live, connection, keep_zero_counts);
    for (std::size_t i = 0; i < operations.size(); ++i) counter.visit(i, operations[i]);
    return counter.take();
}

std::optional<std::int64_t> count_table_rows(Connection& connection, const std::string& schema,
                                             const std::string& table) {
    return count_under_savepoint(connection, table_count_query(dialect_facts(connection.dialect()), schema, table));
}

std::string risks_to_json(const std::vector<DataRisk>& risks) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const auto& risk : risks) {
        out.push_back({{"kind", risk.kind == DataRisk::Kind::will_fail ? "will_fail" : "loses_data"},
                       {"object", risk.object},
                       {"problem", risk.problem},
                       {"rows", risk.rows},
                       {"detail", risk.detail}});
    }
    return out.dump(2);
}

}  // namespace drizzle::kit
