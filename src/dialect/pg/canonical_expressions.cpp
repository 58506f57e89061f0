// Expressions of a desired schema spelled as the live database spells them, when the server reads both the same.
//
// PostgreSQL keeps expressions (defaults, checks, generated columns, index elements and
// predicates, policies, view bodies) as parse trees and prints them back its own way:
// `price>0` comes back as `price > 0::numeric`, `status in ('a','b')` as
// `status = ANY (ARRAY['a'::text, 'b'::text])`, `email like '%@%'` as `email ~~ '%@%'::text`.
// No text rule can predict that (it depends on the column types, the operators and the
// functions in the database), and a parse tree of the schema's text without types cannot either.
// So the server is asked: each expression whose text differs from the live object's is created
// on a scratch copy of the live table (a temporary table LIKE it, or a temporary view), inside a
// transaction (or savepoint) that is always rolled back, and read back through the same
// introspection the live schema came from. When the two renderings agree the desired schema
// takes the live text, and diff() sees no change. Anything that cannot be probed (a column the
// table does not have yet, a missing function, no TEMP privilege) keeps its own text: the diff
// then recreates the object, as it would without this step. Policy roles (`current_user` is kept
// as the role it named) and array dimensions (not kept at all), which the catalog also reports in
// its own form, are aligned here too.
#include "drizzle/dialect/pg.hpp"
#include "drizzle/error.hpp"
#include "drizzle/schema/naming.hpp"

#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace drizzle::pg {

namespace {

constexpr const char* kSavepoint = "drizzle_expression_probe";
constexpr const char* kScopeSavepoint = "drizzle_expressions";

std::string schema_key(const std::string& schema) { return schema == "public" ? std::string() : schema; }

bool is_same_table(const Table& a, const Table& b) {
    return a.name == b.name && schema_key(a.schema) == schema_key(b.schema);
}

// The column type as CREATE TABLE writes it (enums qualified, arrays with []).
std::string column_type(const Column& column) {
    std::string type = column.type_schema.empty() ? column.type : qualified_name(column.type_schema, column.type);
    for (int i = 0; i < column.dimensions; ++i) type += "[]";
    return type;
}

template <typename T, typename Pred>
T* find_in(std::vector<T>& items, Pred pred) {
    for (auto& item : items) {
        if (pred(item)) return &item;
    }
    return nullptr;
}

template <typename T, typename Pred>
const T* find_in(const std::vector<T>& items, Pred pred) {
    for (const auto& item : items) {
        if (pred(item)) return &item;
    }
    return nullptr;
}

/// A transaction, or a savepoint inside the caller's, that is rolled back whatever happens: the
/// scratch objects never outlive the comparison, and nothing of the caller's work is touched.
class RolledBackScope {
public:
    explicit RolledBackScope(Connection& connection) : connection_(connection) {
        try {
            connection_.exec(std::string("SAVEPOINT ") + kScopeSavepoint);
            savepoint_ = true;
        } catch (const DbError& e) {
            if (e.code() != "25P01") throw;  // no transaction open: open one
            connection_.exec("BEGIN");
        }
    }
    ~RolledBackScope() {
        try {
            connection_.exec(savepoint_ ? std::string("ROLLBACK TO SAVEPOINT ") + kScopeSavepoint +
                                              "; RELEASE SAVEPOINT " + kScopeSavepoint
                                        : std::string("ROLLBACK"));
        } catch (...) {
        }
    }
    RolledBackScope(const RolledBackScope&) = delete;
    RolledBackScope& operator=(const RolledBackScope&) = delete;

    /// Runs `sql` in a savepoint of its own; false (and the savepoint undone) when it fails.
    bool probe(const std::string& sql) {
        try {
            connection_.exec(std::string("SAVEPOINT ") + kSavepoint + "; " + sql + "; RELEASE SAVEPOINT " + kSavepoint);
            return true;
        } catch (const DbError& e) {
            last_error_ = e.what();
            connection_.exec(std::string("ROLLBACK TO SAVEPOINT ") + kSavepoint + "; RELEASE SAVEPOINT " + kSavepoint);
            return false;
        }
    }
    /// The server's message for the last probe that failed.
    const std::string& last_error() const { return last_error_; }

private:
    Connection& connection_;
    bool savepoint_ = false;
    std::string last_error_;
};

/// One desired table whose expressions differ in text from its live twin.
struct TableProbe {
    Table* desired = nullptr;
    const Table* live = nullptr;
    std::string scratch;  ///< the temporary copy's name
    std::vector<std::string> defaults, generated, checks, policies;
    std::vector<std::pair<std::string, std::string>> indexes;  ///< (desired name, probe name)
};

struct ViewProbe {
    View* desired = nullptr;
    const View* live = nullptr;
    std::string scratch;
};

/// Names as the server stores them: a longer one is cut to 63 bytes (so is a desired one, on creation).
bool same_name(const std::string& a, const std::string& b) {
    return a == b || pg_truncate_identifier(a) == pg_truncate_identifier(b);
}

bool index_expressions_differ(const Index& desired, const Index& live) {
    return desired.where != live.where || !(desired.columns == live.columns);
}

TableProbe find_differences(Table& desired, const Table& live) {
    TableProbe probe;
    probe.desired = &desired;
    probe.live = &live;
    for (const auto& column : desired.columns) {
        const Column* old = live.find_column(column.name);
        if (old == nullptr) continue;
        if (column.default_value && old->default_value && !(*column.default_value == *old->default_value)) {
            probe.defaults.push_back(column.name);
        }
        if (column.generated && old->generated && column.generated->expression != old->generated->expression) {
            probe.generated.push_back(column.name);
        }
    }
    for (const auto& check : desired.checks) {
        const auto* old = find_in(live.checks, [&](const CheckConstraint& c) { return same_name(c.name, check.name); });
        if (old != nullptr && old->value != check.value) probe.checks.push_back(check.name);
    }
    for (const auto& index : desired.indexes) {
        const auto* old = find_in(live.indexes, [&](const Index& i) { return same_name(i.name, index.name); });
        if (old != nullptr && index_expressions_differ(index, *old)) probe.indexes.emplace_back(index.name, "");
    }
    for (const auto& policy : desired.policies) {
        const auto* old = find_in(live.policies, [&](const Policy& p) { return same_name(p.name, policy.name); });
        // Roles too: the catalog keeps `current_user` as the role it named when the policy was made.
        if (old != nullptr &&
            (old->using_ != policy.using_ || old->with_check != policy.with_check || old->to != policy.to)) {
            probe.policies.push_back(policy.name);
        }
    }
    return probe;
}

// PostgreSQL does not keep an array's declared dimensions (`text[][]` is `text[]`): any array
// column of the same element type is the same column.
void align_array_dimensions(Table& desired, const Table& live) {
    for (auto& column : desired.columns) {
        const Column* old = live.find_column(column.name);
        if (old != nullptr && column.dimensions > 0 && old->dimensions > 0 && column.type == old->type &&
            column.type_schema == old->type_schema) {
            column.dimensions = old->dimensions;
        }
    }
}

bool has_work(const TableProbe& p) {
    return !p.defaults.empty() || !p.generated.empty() || !p.checks.empty() || !p.indexes.empty() ||
           !p.policies.empty();
}

// Creates the scratch table and each differing object on it; what fails is left out. False when
// the table itself could not be copied (no TEMP privilege, a read-only standby).
bool build_table_probe(RolledBackScope& scope, TableProbe& p, std::string scratch_name, int number) {
    p.scratch = std::move(scratch_name);
    const std::string scratch = qualified_name("pg_temp", p.scratch);
    // LIKE copies names, types and NOT NULL: no defaults, generation, constraints or indexes.
    if (!scope.probe("CREATE TEMPORARY TABLE " + quote_identifier(p.scratch) + " (LIKE " +
                     qualified_name(p.live->schema, p.live->name) + ")")) {
        p.desired = nullptr;
        return false;
    }
    const Table& desired = *p.desired;
    for (const auto& name : p.generated) {
        const Column* column = desired.find_column(name);
        scope.probe("ALTER TABLE " + scratch + " DROP COLUMN " + quote_identifier(name) + "; ALTER TABLE " + scratch +
                    " ADD COLUMN " + quote_identifier(name) + " " + column_type(*column) + " GENERATED ALWAYS AS (" +
                    column->generated->expression + ") STORED");
    }
    for (const auto& name : p.defaults) {
        scope.probe("ALTER TABLE " + scratch + " ALTER COLUMN " + quote_identifier(name) + " SET DEFAULT " +
                    desired.find_column(name)->default_value->sql);
    }
    std::vector<Operation> operations;
    for (const auto& name : p.checks) {
        const auto* check = find_in(desired.checks, [&](const CheckConstraint& c) { return c.name == name; });
        operations.emplace_back(op::AddCheck{"pg_temp", p.scratch, *check});
    }
    int index_number = 0;
    for (auto& [name, probe_name] : p.indexes) {
        Index index = *find_in(desired.indexes, [&, n = name](const Index& i) { return i.name == n; });
        // Index names share the schema's namespace: every probe gets its own.
        probe_name = "__drizzle_expression_probe_" + std::to_string(number) + "_i" + std::to_string(index_number++);
        index.name = probe_name;
        index.concurrently = false;
        operations.emplace_back(op::CreateIndex{"pg_temp", p.scratch, index});
    }
    for (const auto& name : p.policies) {
        const auto* policy = find_in(desired.policies, [&](const Policy& x) { return x.name == name; });
        operations.emplace_back(op::CreatePolicy{"pg_temp", p.scratch, *policy});
    }
    for (const auto& statement : render(operations)) {
        std::string sql = statement;
        while (!sql.empty() && (sql.back() == ';' || sql.back() == '\n')) sql.pop_back();
        scope.probe(sql);
    }
    return true;
}

// Takes the live text for every probed expression the server rendered as the live one.
std::size_t adopt_table(const TableProbe& p, const Table& scratch) {
    std::size_t adopted = 0;
    Table& desired = *p.desired;
    const Table& live = *p.live;
    for (const auto& name : p.generated) {
        const Column* probed = scratch.find_column(name);
        const Column* old = live.find_column(name);
        Column* column = find_in(desired.columns, [&](const Column& c) { return c.name == name; });
        if (probed && probed->generated && old->generated &&
            probed->generated->expression == old->generated->expression) {
            column->generated->expression = old->generated->expression;
            ++adopted;
        }
    }
    for (const auto& name : p.defaults) {
        const Column* probed = scratch.find_column(name);
        const Column* old = live.find_column(name);
        Column* column = find_in(desired.columns, [&](const Column& c) { return c.name == name; });
        if (probed && probed->default_value && *probed->default_value == *old->default_value) {
            column->default_value = old->default_value;
            ++adopted;
        }
    }
    for (const auto& name : p.checks) {
        const auto* probed = find_in(scratch.checks, [&](const CheckConstraint& c) { return same_name(c.name, name); });
        const auto* old = find_in(live.checks, [&](const CheckConstraint& c) { return same_name(c.name, name); });
        auto* check = find_in(desired.checks, [&](const CheckConstraint& c) { return c.name == name; });
        if (probed && probed->value == old->value) {
            check->value = old->value;
            ++adopted;
        }
    }
    for (const auto& [name, probe_name] : p.indexes) {
        const auto* probed = find_in(scratch.indexes, [&, n = probe_name](const Index& i) { return i.name == n; });
        const auto* old = find_in(live.indexes, [&, n = name](const Index& i) { return same_name(i.name, n); });
        auto* index = find_in(desired.indexes, [&, n = name](const Index& i) { return i.name == n; });
        if (probed && !index_expressions_differ(*probed, *old)) {
            index->columns = old->columns;
            index->where = old->where;
            ++adopted;
        }
    }
    for (const auto& name : p.policies) {
        const auto* probed = find_in(scratch.policies, [&](const Policy& x) { return same_name(x.name, name); });
        const auto* old = find_in(live.policies, [&](const Policy& x) { return same_name(x.name, name); });
        auto* policy = find_in(desired.policies, [&](const Policy& x) { return x.name == name; });
        if (probed && probed->using_ == old->using_ && probed->with_check == old->with_check && probed->to == old->to) {
            policy->using_ = old->using_;
            policy->with_check = old->with_check;
            policy->to = old->to;
            ++adopted;
        }
    }
    return adopted;
}

}  // namespace

std::size_t adopt_live_expressions(Connection& connection, const Schema& live, Schema& desired,
                                   const std::function<void(const std::string&)>& note) {
    std::vector<TableProbe> tables;
    for (auto& table : desired.tables) {
        const auto* twin = find_in(live.tables, [&](const Table& t) { return is_same_table(t, table); });
        if (twin == nullptr) continue;
        align_array_dimensions(table, *twin);
        TableProbe probe = find_differences(table, *twin);
        if (has_work(probe)) tables.push_back(std::move(probe));
    }
    std::vector<ViewProbe> views;
    for (auto& view : desired.views) {
        if (view.is_existing || !view.definition) continue;
        const auto* twin = find_in(live.views, [&](const View& v) {
            return v.name == view.name && schema_key(v.schema) == schema_key(view.schema);
        });
        if (twin != nullptr && twin->definition && twin->definition != view.definition) {
            views.push_back({&view, twin, ""});
        }
    }
    if (tables.empty() && views.empty()) return 0;

    RolledBackScope scope(connection);
    // The temporary schema exists once something was made in it; its name differs per session.
    auto read_back = [&]() -> std::optional<Schema> {
        const auto temp_schema = connection.query(
            "SELECT nspname FROM pg_catalog.pg_namespace WHERE oid = pg_catalog.pg_my_temp_schema()");
        if (temp_schema.empty() || !temp_schema[0][0]) return std::nullopt;  // nothing could be created
        return introspect(connection, {*temp_schema[0][0]});
    };
    std::size_t adopted = 0;
    int number = 0;
    for (auto& probe : views) {
        // A plain temporary view: PostgreSQL prints a materialized view's query the same way,
        // and has no temporary materialized views.
        probe.scratch = "__drizzle_expression_probe_v" + std::to_string(number++);
        View view;
        view.schema = "pg_temp";
        view.name = probe.scratch;
        view.definition = probe.desired->definition;
        std::string sql = render({op::CreateView{view}}).front();
        while (!sql.empty() && (sql.back() == ';' || sql.back() == '\n')) sql.pop_back();
        if (!scope.probe(sql)) probe.scratch.clear();
    }
    // Views are read back before any table copy exists: a copy shadows its table (pg_temp comes
    // first in the search path), and the server would then print the view's tables schema-qualified.
    if (!views.empty()) {
        if (const auto probed = read_back()) {
            for (const auto& probe : views) {
                if (probe.scratch.empty()) continue;
                const auto* scratch =
                    find_in(probed->views, [&](const View& v) { return v.name == probe.scratch; });
                if (scratch != nullptr && scratch->definition == probe.live->definition) {
                    probe.desired->definition = probe.live->definition;
                    ++adopted;
                }
            }
        }
    }
    if (tables.empty()) return adopted;

    // Each copy takes its table's own name where it can: drizzle-orm writes checks as
    // `"products"."price" >= 0`, which only resolves on a table called products.
    std::size_t uncopied = 0;
    std::string first_uncopied;
    std::set<std::string> scratch_names;
    for (auto& probe : tables) {
        const std::string name = qualified_name(probe.live->schema, probe.live->name);
        const int probe_number = number++;
        std::string scratch_name = scratch_names.insert(probe.live->name).second
                                       ? probe.live->name
                                       : "__drizzle_expression_probe_" + std::to_string(probe_number);
        if (!build_table_probe(scope, probe, std::move(scratch_name), probe_number) && uncopied++ == 0) {
            first_uncopied = name + ": " + scope.last_error();
        }
    }
    if (uncopied > 0 && note) {
        note("could not make temporary copies of " + std::to_string(uncopied) +
             " table(s) to compare expressions through the server (" + first_uncopied +
             "); their expressions are compared as written");
    }
    const auto probed = read_back();
    if (!probed) return adopted;
    for (const auto& probe : tables) {
        if (probe.desired == nullptr) continue;
        const auto* scratch = find_in(probed->tables, [&](const Table& t) { return t.name == probe.scratch; });
        if (scratch != nullptr) adopted += adopt_table(probe, *scratch);
    }
    return adopted;
}

}  // namespace drizzle::pg
