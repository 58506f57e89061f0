// The lint's view of a migration file: statements as migrate splits them, normalised for matching.
#include "drizzle/migrate/migrator.hpp"
#include "kit/lint_internal.hpp"
#include "migrate/statements.hpp"
#include "util/text.hpp"

#include <cctype>

namespace drizzle::kit::lint_detail {

namespace {

bool identifier_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$' || static_cast<unsigned char>(c) >= 0x80;
}

} // namespace

std::string normalize(const std::string& sql) {
    // ASCII only, whatever the locale: the C library's isspace/tolower cost a call per byte
    // and could change UTF-8 bytes under a single-byte locale.
    const auto is_space = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    std::string out;
    out.reserve(sql.size());
    bool space = false;
    bool in_string = false;
    for (std::size_t i = 0; i < sql.size(); ++i) {
        const char c = sql[i];
        if (!in_string && c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
            while (i < sql.size() && sql[i] != '\n')
                ++i; // a line comment
            space = true;
            continue;
        }
        if (c == '\'') in_string = !in_string;
        if (!in_string && (c == '"' || c == '`' || c == '[' || c == ']')) continue;
        if (is_space(c)) {
            space = true;
            continue;
        }
        if (space && !out.empty()) out += ' ';
        space = false;
        out += lower(c);
    }
    return out;
}

Source read_source(const std::string& sql) {
    Source source;
    source.txmode_none = migrate_internal::declares_txmode_none(sql);
    for (auto& piece : split_statements(sql))
        source.statements.push_back({piece, normalize(piece)});
    return source;
}

Source statements_source(const std::vector<std::string>& statements, bool txmode_none) {
    Source source;
    source.txmode_none = txmode_none;
    for (const auto& statement : statements)
        source.statements.push_back({statement, normalize(statement)});
    return source;
}

bool has_terms(const std::string& norm, const std::vector<std::string>& terms) {
    for (const auto& term : terms) {
        if (term.empty()) continue;
        bool found = false;
        for (std::size_t at = norm.find(term); at != std::string::npos; at = norm.find(term, at + 1)) {
            const bool starts = at == 0 || !identifier_char(norm[at - 1]);
            const std::size_t end = at + term.size();
            const bool ends = end >= norm.size() || !identifier_char(norm[end]);
            if (starts && ends) {
                found = true;
                break;
            }
        }
        if (!found) return false;
    }
    return true;
}

int locate(const Source& source, const std::vector<std::vector<std::string>>& patterns) {
    for (const auto& pattern : patterns) {
        std::vector<std::string> terms;
        for (const auto& term : pattern)
            terms.push_back(drizzle::detail::to_lower(term));
        for (std::size_t i = 0; i < source.statements.size(); ++i) {
            if (has_terms(source.statements[i].norm, terms)) return static_cast<int>(i + 1);
        }
    }
    return 0;
}

int rebuild_statement(const Source& source, const std::string& table) {
    return locate(source, {{"create table", "__new_" + table}});
}

PrevNames::PrevNames(const std::vector<Operation>& operations, const Schema& prev) : prev_(prev) {
    for (const auto& operation : operations) {
        if (auto* r = std::get_if<op::RenameTable>(&operation)) renamed_[{r->schema, r->to}] = r->from;
    }
}

const Table* PrevNames::table(const std::string& schema, const std::string& name) const {
    auto it = renamed_.find({schema, name});
    return prev_.find_table(it == renamed_.end() ? name : it->second, schema);
}

std::string quoted(const std::string& name) {
    std::string out = "\"";
    for (char c : name) {
        out += c;
        if (c == '"') out += '"';
    }
    return out + "\"";
}

std::string table_object(const std::string& schema, const std::string& table) {
    return "table " + (schema.empty() ? "" : quoted(schema) + ".") + quoted(table);
}

std::string column_object(const std::string& schema, const std::string& table, const std::string& column) {
    return "column " + (schema.empty() ? "" : quoted(schema) + ".") + quoted(table) + "." + quoted(column);
}

} // namespace drizzle::kit::lint_detail
