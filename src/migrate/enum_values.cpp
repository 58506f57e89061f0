// Taking `ALTER TYPE … ADD VALUE` out of migrations and push so the values are committed before use.
#include "migrate/enum_values.hpp"

#include "migrate/sql_lexer.hpp"

#include "drizzle/error.hpp"

#include <algorithm>
#include <cctype>
#include <set>
#include <stdexcept>

namespace drizzle::migrate_internal {

namespace {

using Kind = SqlToken::Kind;

bool is_word(const std::vector<SqlToken>& t, std::size_t i, std::string_view word) {
    return i < t.size() && t[i].kind == Kind::word && t[i].value == word;
}

bool is_name(const std::vector<SqlToken>& t, std::size_t i) {
    return i < t.size() && (t[i].kind == Kind::word || t[i].kind == Kind::quoted_identifier);
}

bool is_symbol(const std::vector<SqlToken>& t, std::size_t i, char c) {
    return i < t.size() && t[i].kind == Kind::symbol && t[i].text.size() == 1 && t[i].text[0] == c;
}

/// A possibly schema-qualified name at t[i]: advances i past it.
struct Name {
    std::string written;  ///< as in the SQL ("s"."mood")
    std::string schema;   ///< "" when unqualified
    std::string bare;     ///< the type's own name, case as PostgreSQL folds it
};

std::optional<Name> read_name(const std::vector<SqlToken>& t, std::size_t& i) {
    if (!is_name(t, i)) return std::nullopt;
    Name name{std::string(t[i].text), "", t[i].value};
    ++i;
    if (is_symbol(t, i, '.') && is_name(t, i + 1)) {
        name.schema = name.bare;
        name.bare = t[i + 1].value;
        name.written += "." + std::string(t[i + 1].text);
        i += 2;
    }
    return name;
}

/// `ALTER TYPE <name> ADD VALUE [IF NOT EXISTS] '<v>' [BEFORE|AFTER '<w>']`, rewritten with IF NOT EXISTS.
struct AddValue {
    Name type;
    std::string rewritten;
};

std::optional<AddValue> parse_add_value(const std::vector<SqlToken>& t) {
    std::size_t i = 0;
    if (!is_word(t, 0, "alter") || !is_word(t, 1, "type")) return std::nullopt;
    i = 2;
    auto name = read_name(t, i);
    if (!name || !is_word(t, i, "add") || !is_word(t, i + 1, "value")) return std::nullopt;
    i += 2;
    if (is_word(t, i, "if") && is_word(t, i + 1, "not") && is_word(t, i + 2, "exists")) i += 3;
    if (i >= t.size() || t[i].kind != Kind::string) return std::nullopt;
    std::string sql = "ALTER TYPE " + name->written + " ADD VALUE IF NOT EXISTS " + std::string(t[i].text);
    ++i;
    if (is_word(t, i, "before") || is_word(t, i, "after")) {
        if (i + 1 >= t.size() || t[i + 1].kind != Kind::string) return std::nullopt;
        sql += (t[i].value == "before" ? " BEFORE " : " AFTER ") + std::string(t[i + 1].text);
        i += 2;
    }
    if (i != t.size()) return std::nullopt;
    return AddValue{std::move(*name), sql + ";"};
}

/// Types and schemas that statements create, drop or rename.
struct Touched {
    std::set<std::string> types;    ///< bare names (schemas are ignored: a false match only keeps a statement in place)
    std::set<std::string> schemas;  ///< dropped or renamed schemas

    bool covers(const Name& type) const {
        return types.count(type.bare) > 0 || schemas.count(type.schema.empty() ? "public" : type.schema) > 0;
    }
    void merge(const Touched& other) {
        types.insert(other.types.begin(), other.types.end());
        schemas.insert(other.schemas.begin(), other.schemas.end());
    }
};

void note_touches(const std::vector<SqlToken>& t, Touched& touched);

/// Inside a DO body the statements sit in BEGIN … EXCEPTION … END: every CREATE/ALTER/DROP counts.
void note_touches_in_body(std::string_view sql, Touched& touched) {
    for (const auto& statement : split_sql(sql)) {
        const auto& t = statement.tokens;
        for (std::size_t k = 0; k < t.size(); ++k) {
            if (is_word(t, k, "create") || is_word(t, k, "alter") || is_word(t, k, "drop") || is_word(t, k, "do")) {
                note_touches(std::vector<SqlToken>(t.begin() + static_cast<std::ptrdiff_t>(k), t.end()), touched);
            }
        }
    }
}

void note_touches(const std::vector<SqlToken>& t, Touched& touched) {
    if (t.empty()) return;
    std::size_t i = 2;
    if ((is_word(t, 0, "create") || is_word(t, 0, "alter")) && is_word(t, 1, "type")) {
        auto name = read_name(t, i);
        if (!name) return;
        touched.types.insert(name->bare);
        for (std::size_t j = i; j + 1 < t.size(); ++j) {
            if (is_word(t, j, "rename") && is_word(t, j + 1, "to") && is_name(t, j + 2)) touched.types.insert(t[j + 2].value);
        }
    } else if (is_word(t, 0, "drop") && (is_word(t, 1, "type") || is_word(t, 1, "schema"))) {
        const bool schema = is_word(t, 1, "schema");
        if (is_word(t, i, "if") && is_word(t, i + 1, "exists")) i += 2;
        while (auto name = read_name(t, i)) {
            (schema ? touched.schemas : touched.types).insert(name->bare);
            if (!is_symbol(t, i, ',')) break;
            ++i;
        }
    } else if (is_word(t, 0, "alter") && is_word(t, 1, "schema") && is_name(t, 2)) {
        touched.schemas.insert(t[2].value);
    } else if (is_word(t, 0, "do")) {
        // drizzle-kit 0.x wrote `DO $$ BEGIN CREATE TYPE … EXCEPTION … END $$;`: look inside.
        for (const auto& token : t) {
            if (token.kind != Kind::dollar_string) continue;
            const std::string_view body = token.text;
            const std::size_t open = body.find('$', 1);
            if (open == std::string_view::npos || body.size() < 2 * (open + 1)) continue;
            note_touches_in_body(body.substr(open + 1, body.size() - 2 * (open + 1)), touched);
        }
    }
}

bool mentions_types(std::string_view piece) {
    std::string lower(piece);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    return lower.find("type") != std::string::npos || lower.find("schema") != std::string::npos;
}

}  // namespace

EnumValueSplit split_enum_values(const std::vector<std::vector<std::string>>& units,
                                 const std::function<bool(const std::string& type)>& type_exists) {
    EnumValueSplit split;
    Touched before_unit;  // by the units already passed
    for (std::size_t u = 0; u < units.size(); ++u) {
        Touched in_unit;
        std::vector<std::string> pieces;
        std::vector<std::string> first;
        for (const auto& piece : units[u]) {
            if (!mentions_types(piece)) {
                pieces.push_back(piece);
                continue;
            }
            std::string kept;
            bool moved = false;
            for (const auto& statement : split_sql(piece)) {
                auto add = parse_add_value(statement.tokens);
                if (add && !in_unit.covers(add->type)) {
                    if (before_unit.covers(add->type)) {
                        split.cut = u;
                        return split;
                    }
                    if (type_exists(add->type.written)) {
                        first.push_back(add->rewritten);
                        moved = true;
                        continue;
                    }
                }
                if (!add) note_touches(statement.tokens, in_unit);
                kept += statement.text;
            }
            if (moved && is_comment_only(kept)) kept.clear();
            pieces.push_back(moved ? kept : piece);
        }
        before_unit.merge(in_unit);
        split.pieces.push_back(std::move(pieces));
        split.first.insert(split.first.end(), first.begin(), first.end());
    }
    return split;
}

void commit_enum_values_first(Connection& connection, MigrationStore& store, const std::vector<std::string>& statements,
                              const std::string& what) {
    if (!store.lock_survives_transactions()) {
        throw std::logic_error("enum values committed first need a lock that outlives transactions");
    }
    for (const auto& statement : statements) {
        try {
            connection.exec(statement);
        } catch (const DbError& e) {
            store.rollback();
            throw DbError("while adding the enum values of " + what +
                              " (committed before the rest, so the rest can use them): " + e.what() +
                              "\n  statement: " + statement,
                          e.code(), statement);
        }
    }
    store.commit();
}

}  // namespace drizzle::migrate_internal
