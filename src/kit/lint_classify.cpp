// The lint's statement classifier: text-level codes for SQL no operation explains (custom migrations).
#include "kit/lint_internal.hpp"

#include <algorithm>
#include <regex>

namespace drizzle::kit::lint_detail {

namespace {

/// `name` or `schema.name` as written (quotes already gone) -> (schema, name).
std::pair<std::string, std::string> split_name(const std::string& text) {
    const auto dot = text.rfind('.');
    if (dot == std::string::npos) return {"", text};
    return {text.substr(0, dot), text.substr(dot + 1)};
}

std::string table_of(const std::string& text) {
    auto [schema, name] = split_name(text);
    return table_object(schema == "public" ? "" : schema, name);
}

/// The object without PostgreSQL's default schema, which a model may or may not spell out.
std::string without_public(std::string object) {
    const std::string prefix = "\"public\".";
    for (auto at = object.find(prefix); at != std::string::npos; at = object.find(prefix))
        object.erase(at, prefix.size());
    return object;
}

bool known(const std::vector<LintFinding>& findings, const std::string& code, const std::string& object) {
    for (const auto& f : findings) {
        if (f.code == code && without_public(f.object) == without_public(object)) return true;
    }
    return false;
}

} // namespace

std::vector<LintFinding> statement_findings(const DialectFacts& facts, const Schema& prev,
                                            const std::vector<Operation>& operations, const Source& source,
                                            const std::vector<LintFinding>& known_findings) {
    static const std::string name = R"(([^\s(;,]+))";
    static const std::regex drop_schema(R"(\bdrop schema (?:if exists )?)" + name);
    static const std::regex drop_table(R"(\bdrop table (?:if exists )?)" + name);
    static const std::regex drop_column(R"(\balter table (?:if exists )?(?:only )?)" + name +
                                        R"( drop (?:column )?(?:if exists )?)" + name);
    static const std::regex create_index(R"(\bcreate (?:unique )?index (concurrently )?(?:if not exists )?)" +
                                         std::string(R"((?:([^\s(;,]+) )?on (?:only )?)") + name);
    static const std::regex add_fk(R"(\balter table (?:if exists )?(?:only )?)" + name +
                                   R"( add (?:constraint ([^\s(;,]+) )?foreign key[^;]*)");
    static const std::regex rebuild(R"(\bcreate table (?:[^\s(;,]+\.)?__new_([^\s(;,]+))");
    const PrevNames names(operations, prev);
    std::vector<LintFinding> out;
    auto add = [&](int statement, const char* code, LintSeverity severity, std::string object, std::string message) {
        if (known(known_findings, code, object) || known(out, code, object)) return;
        LintFinding f;
        f.code = code;
        f.severity = severity;
        f.object = std::move(object);
        f.message = std::move(message);
        f.statement = statement;
        out.push_back(std::move(f));
    };
    auto existed = [&](const std::string& text) {
        auto [schema, table] = split_name(text);
        if (names.table(schema, table)) return true;
        return (schema.empty() || schema == "public") && names.table(schema.empty() ? "public" : "", table);
    };
    // Each pattern is searched only in statements holding its keywords: std::regex scans slowly,
    // and a migration creating a thousand tables has thousands of statements none of them match.
    using It = std::sregex_iterator;
    auto matches = [](const std::string& sql, const std::regex& pattern, std::initializer_list<const char*> keywords) {
        for (const char* keyword : keywords)
            if (sql.find(keyword) == std::string::npos) return It();
        return It(sql.begin(), sql.end(), pattern);
    };
    // Tables the file rebuilds: their DROP TABLE is part of the rebuild, not a loss.
    std::vector<std::string> rebuilt;
    for (const auto& s : source.statements) {
        for (auto it = matches(s.norm, rebuild, {"create table", "__new_"}); it != It(); ++it)
            rebuilt.push_back((*it)[1]);
    }
    for (std::size_t i = 0; i < source.statements.size(); ++i) {
        const int n = static_cast<int>(i + 1);
        const std::string& sql = source.statements[i].norm;
        for (auto it = matches(sql, rebuild, {"create table", "__new_"}); it != It(); ++it) {
            add(n, "LK106", LintSeverity::warning, table_of((*it)[1]),
                "table rebuild (create a new table, copy every row, drop, rename): slow on big tables and it "
                "holds the database's write lock throughout");
        }
        for (auto it = matches(sql, drop_schema, {"drop schema "}); it != It(); ++it) {
            add(n, "DS101", LintSeverity::error, "schema " + quoted((*it)[1]),
                "drop schema: every object in it and their rows are lost");
        }
        for (auto it = matches(sql, drop_table, {"drop table "}); it != It(); ++it) {
            const std::string table = split_name((*it)[1]).second;
            if (std::find(rebuilt.begin(), rebuilt.end(), table) != rebuilt.end()) continue;
            if (table.starts_with("__old_") || table.starts_with("__new_")) continue;
            add(n, "DS102", LintSeverity::error, table_of((*it)[1]), "drop table: its rows are lost");
        }
        for (auto it = matches(sql, drop_column, {"alter table ", " drop "}); it != It(); ++it) {
            const std::string column = (*it)[2];
            if (column == "constraint" || column == "default" || column == "not" || column == "expression" ||
                column == "identity")
                continue; // ALTER TABLE ... ALTER COLUMN ... DROP DEFAULT and friends are not drops of a column
            auto [schema, table] = split_name((*it)[1]);
            const std::string object = column_object(schema == "public" ? "" : schema, table, column);
            add(n, "DS103", LintSeverity::error, object, "drop column loses its values");
            if (existed((*it)[1])) {
                add(n, "BC103", LintSeverity::warning, object,
                    "drop column: running app versions still select or insert it (deploy the app without it first)");
            }
        }
        // The lock findings below are about tables that held rows before: none when prev has no
        // table (a first migration creates every index and key of its own new tables).
        if (!facts.has_online_schema_changes() || prev.tables.empty()) continue;
        for (auto it = matches(sql, create_index, {"create ", "index ", " on "}); it != It(); ++it) {
            if (!existed((*it)[3])) continue;
            const bool concurrently = (*it)[1].matched;
            if (concurrently && source.txmode_none) continue;
            const std::string object =
                "index " + quoted((*it)[2].matched ? (*it)[2].str() : "") + " on " + table_of((*it)[3]).substr(6);
            add(n, "LK101", LintSeverity::warning, object,
                concurrently ? "CREATE INDEX CONCURRENTLY needs `-- drizzle:txmode none` as the file's first line: "
                               "inside the migration's transaction PostgreSQL refuses it"
                             : "CREATE INDEX without CONCURRENTLY blocks writes to the table while it builds "
                               "(use CREATE INDEX CONCURRENTLY in a `-- drizzle:txmode none` migration)");
        }
        for (auto it = matches(sql, add_fk, {"alter table ", " add ", "foreign key"}); it != It(); ++it) {
            if (!existed((*it)[1])) continue;
            if (has_terms((*it)[0].str(), {"not valid"})) continue;
            add(n, "LK105", LintSeverity::warning, table_of((*it)[1]),
                "ADD FOREIGN KEY" + ((*it)[2].matched ? " " + quoted((*it)[2]) : std::string()) +
                    " without NOT VALID locks both tables while it checks every row (add it NOT VALID, then "
                    "VALIDATE CONSTRAINT)");
        }
    }
    return out;
}

} // namespace drizzle::kit::lint_detail
