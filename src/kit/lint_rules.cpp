// The lint's rules over typed operations: which change risks data, running apps or locks, and where it is.
#include "drizzle/kit/lint.hpp"
#include "kit/lint_internal.hpp"
#include "util/text.hpp"

#include <algorithm>

namespace drizzle::kit::lint_detail {

namespace {

using Patterns = std::vector<std::vector<std::string>>;

std::string type_text(const Column& column) {
    std::string out = column.type;
    for (int i = 0; i < column.dimensions; ++i)
        out += "[]";
    return out;
}

class Rules {
public:
    Rules(const DialectFacts& facts, const Schema& prev, const std::vector<Operation>& operations, const Source& source)
        : facts_(facts), names_(operations, prev), source_(source) {}

    void visit(std::size_t index, const Operation& operation) {
        index_ = index;
        std::visit(drizzle::detail::overloaded{
                       [&](const op::DropSchema& o) {
                           add("DS101", LintSeverity::error, "schema " + quoted(o.name),
                               "drop schema: every object in it and their rows are lost", {{"drop schema", o.name}});
                       },
                       [&](const op::DropTable& o) {
                           add("DS102", LintSeverity::error, table_object(o.table.schema, o.table.name),
                               "drop table: its rows are lost", {{"drop table", o.table.name}});
                       },
                       [&](const op::DropColumn& o) { drop_column(o); },
                       [&](const op::RenameTable& o) {
                           add("BC101", LintSeverity::warning, table_object(o.schema, o.from),
                               "rename table to " + quoted(o.to) + ": running app versions still use the old name",
                               {{"rename to", o.from, o.to}, {"rename to", o.to}});
                       },
                       [&](const op::RenameColumn& o) {
                           add("BC102", LintSeverity::warning, column_object(o.schema, o.table, o.from),
                               "rename column to " + quoted(o.to) + ": running app versions still use the old name",
                               with_rebuild(o.table, {{"rename column", o.from, o.to}}));
                       },
                       [&](const op::AlterColumn& o) { alter_column(o); },
                       [&](const op::AddColumn& o) { add_column(o); },
                       [&](const op::CreateIndex& o) { create_index(o); },
                       [&](const op::AddUnique& o) {
                           if (!existed(o.schema, o.table)) return;
                           add("MF101", LintSeverity::warning, table_object(o.schema, o.table),
                               "add unique constraint " + quoted(o.unique.name) +
                                   " over existing rows: duplicates make it fail",
                               with_rebuild(o.table, {{"constraint", o.unique.name}, {"unique", o.table}}));
                       },
                       [&](const op::AddPrimaryKey& o) {
                           if (!existed(o.schema, o.table)) return;
                           add("MF102", LintSeverity::warning, table_object(o.schema, o.table),
                               "add primary key over existing rows: duplicate or NULL keys make it fail",
                               with_rebuild(o.table, {{"primary key", o.table}}));
                       },
                       [&](const op::AddCheck& o) {
                           if (!existed(o.schema, o.table)) return;
                           add("MF105", LintSeverity::warning, table_object(o.schema, o.table),
                               "add check " + quoted(o.check.name) + " over existing rows: violating rows make it fail",
                               with_rebuild(o.table, {{"constraint", o.check.name, "check"}, {"check", o.table}}));
                       },
                       [&](const op::AddForeignKey& o) { add_foreign_key(o); },
                       [&](const op::RecreateEnum& o) { recreate_enum(o); },
                       [&](const auto&) {},
                   },
                   operation);
    }

    std::vector<LintFinding> take() { return std::move(findings_); }

private:
    bool existed(const std::string& schema, const std::string& table) const {
        return names_.table(schema, table) != nullptr;
    }

    /// `patterns`, then the table's rebuild (SQLite lowers the change into one), then any ALTER of it.
    Patterns with_rebuild(const std::string& table, Patterns patterns) const {
        patterns.push_back({"create table", "__new_" + table});
        patterns.push_back({"alter table", table});
        return patterns;
    }

    LintFinding& add(std::string code, LintSeverity severity, std::string object, std::string message,
                     const Patterns& where) {
        LintFinding f;
        f.code = std::move(code);
        f.severity = severity;
        f.object = std::move(object);
        f.message = std::move(message);
        f.statement = locate(source_, where);
        f.operation = index_;
        findings_.push_back(std::move(f));
        return findings_.back();
    }

    const std::string& text_of(int statement) const {
        static const std::string none;
        return statement > 0 ? source_.statements[statement - 1].norm : none;
    }

    void drop_column(const op::DropColumn& o) {
        const auto where = with_rebuild(o.table, {{"drop column", o.column.name, o.table}});
        const std::string object = column_object(o.schema, o.table, o.column.name);
        add("DS103", LintSeverity::error, object, "drop column loses its values", where);
        add("BC103", LintSeverity::warning, object,
            "drop column: running app versions still select or insert it (deploy the app without it first)", where);
    }

    void alter_column(const op::AlterColumn& o) {
        const std::string object = column_object(o.schema, o.table, o.to.name);
        if (o.changes.has_any(ColumnChange::type | ColumnChange::type_schema | ColumnChange::dimensions)) {
            const auto risk = facts_.type_change_risk(o.from, o.to);
            const std::string change = "type change " + type_text(o.from) + " -> " + type_text(o.to);
            const auto where = with_rebuild(o.table, {{"alter column", o.to.name, "type"}});
            if (risk.narrowing)
                add("DS105", LintSeverity::error, object,
                    "narrowing " + change + ": values that do not fit are cut or make it fail", where);
            if (risk.needs_cast)
                add("MF104", LintSeverity::warning, object,
                    change + " needs a cast (USING): values that do not convert make it fail", where);
            if (risk.rewrites_table && facts_.has_online_schema_changes())
                add("LK103", LintSeverity::warning, object, change + " rewrites the table under an exclusive lock",
                    where);
        }
        if (o.changes.has(ColumnChange::not_null) && o.to.effective_not_null() && !o.from.effective_not_null()) {
            const auto where = with_rebuild(o.table, {{"alter column", o.to.name, "set not null"}});
            add("MF103", LintSeverity::warning, object,
                "SET NOT NULL on an existing column: rows holding NULL make it fail", where);
            if (!o.to.default_value && !o.to.identity && !o.to.generated)
                add("BC104", LintSeverity::warning, object,
                    "becomes NOT NULL without a default: running app versions inserting without it fail", where);
            if (facts_.has_online_schema_changes()) {
                auto& f =
                    add("LK104", LintSeverity::warning, object,
                        "SET NOT NULL scans the table under an exclusive lock: first add CHECK (" + quoted(o.to.name) +
                            " IS NOT NULL) NOT VALID and VALIDATE CONSTRAINT it, in this migration",
                        where);
                if (prior_not_null_check(f.statement, o.to.name)) findings_.pop_back();
            }
        }
        if (o.changes.has(ColumnChange::primary_key) && o.to.primary_key) {
            add("MF102", LintSeverity::warning, table_object(o.schema, o.table),
                "add primary key over existing rows: duplicate or NULL keys make it fail",
                with_rebuild(o.table, {{"primary key", o.table}}));
        }
    }

    /// A `CHECK (col IS NOT NULL) NOT VALID` and a VALIDATE CONSTRAINT before `statement`.
    bool prior_not_null_check(int statement, const std::string& column) const {
        if (statement <= 0) return false;
        bool check = false, validated = false;
        const std::string col = drizzle::detail::to_lower(column);
        for (int i = 0; i + 1 < statement; ++i) {
            const std::string& norm = source_.statements[i].norm;
            if (has_terms(norm, {"check", col, "is not null", "not valid"})) check = true;
            if (check && has_terms(norm, {"validate constraint"})) validated = true;
        }
        return validated;
    }

    void add_column(const op::AddColumn& o) {
        if (!existed(o.schema, o.table)) return;
        const Column& c = o.column;
        const std::string object = column_object(o.schema, o.table, c.name);
        const auto where = with_rebuild(o.table, {{"add column", c.name}, {"add", c.name, o.table}});
        const bool serial = c.type == "serial" || c.type == "smallserial" || c.type == "bigserial";
        if (c.effective_not_null() && !c.default_value && !c.generated && !c.identity && !c.primary_key && !serial) {
            add("MF107", LintSeverity::warning, object,
                "NOT NULL column without a default added to an existing table: fails when the table has rows", where);
        }
        if (c.default_value && facts_.default_is_volatile(c.default_value->sql)) {
            add("LK102", LintSeverity::warning, object,
                "ADD COLUMN with the volatile default " + c.default_value->sql +
                    " rewrites the table under an exclusive lock (add it without, then backfill)",
                where);
        }
    }

    void create_index(const op::CreateIndex& o) {
        if (!existed(o.schema, o.table)) return;
        const std::string object = "index " + quoted(o.index.name) + " on " + table_object(o.schema, o.table).substr(6);
        const Patterns where = {{"index", o.index.name}, {"create table", "__new_" + o.table}};
        if (o.index.unique) {
            add("MF101", LintSeverity::warning, object, "unique index over existing rows: duplicates make it fail",
                where);
        }
        if (!facts_.has_online_schema_changes()) return;
        auto& f = add("LK101", LintSeverity::warning, object,
                      "CREATE INDEX without CONCURRENTLY blocks writes to the table while it builds "
                      "(use CREATE INDEX CONCURRENTLY in a `-- drizzle:txmode none` migration)",
                      where);
        if (has_terms(text_of(f.statement), {"concurrently"})) {
            if (source_.txmode_none) {
                findings_.pop_back();
            } else {
                f.message = "CREATE INDEX CONCURRENTLY needs `-- drizzle:txmode none` as the file's first line: "
                            "inside the migration's transaction PostgreSQL refuses it";
            }
        }
    }

    void add_foreign_key(const op::AddForeignKey& o) {
        if (!existed(o.schema, o.table)) return;
        const std::string object = table_object(o.schema, o.table);
        const auto where = with_rebuild(o.table, {{"constraint", o.fk.name, "foreign key"}, {"foreign key", o.table}});
        add("MF106", LintSeverity::warning, object,
            "add foreign key " + quoted(o.fk.name) + " over existing rows: orphan rows make it fail", where);
        if (!facts_.has_online_schema_changes()) return;
        auto& f = add("LK105", LintSeverity::warning, object,
                      "ADD FOREIGN KEY " + quoted(o.fk.name) +
                          " without NOT VALID locks both tables while it checks every row (add it NOT VALID, "
                          "then VALIDATE CONSTRAINT)",
                      where);
        if (has_terms(text_of(f.statement), {"not valid"})) findings_.pop_back();
    }

    void recreate_enum(const op::RecreateEnum& o) {
        std::vector<std::string> lost;
        for (const auto& value : o.from.values) {
            if (std::find(o.to.values.begin(), o.to.values.end(), value) == o.to.values.end()) lost.push_back(value);
        }
        if (lost.empty()) return;
        std::string values;
        for (const auto& v : lost)
            values += (values.empty() ? "'" : ", '") + v + "'";
        add("DS104", LintSeverity::error,
            "enum " + (o.from.schema.empty() || o.from.schema == "public" ? "" : quoted(o.from.schema) + ".") +
                quoted(o.from.name),
            "drop enum value(s) " + values + ": the type is recreated and rows holding them make it fail",
            {{"drop type", o.from.name}, {"create type", o.from.name}});
    }

    const DialectFacts& facts_;
    PrevNames names_;
    const Source& source_;
    std::size_t index_ = 0;
    std::vector<LintFinding> findings_;
};

} // namespace

std::vector<LintFinding> operation_findings(const DialectFacts& facts, const Schema& prev,
                                            const std::vector<Operation>& operations, const Source& source) {
    Rules rules(facts, prev, operations, source);
    for (std::size_t i = 0; i < operations.size(); ++i)
        rules.visit(i, operations[i]);
    return rules.take();
}

} // namespace drizzle::kit::lint_detail
