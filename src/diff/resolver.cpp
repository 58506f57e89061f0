// Scripted and recording resolvers, and the JSON form of rename decisions (drizzle-kit 1.0 hints).
#include "drizzle/diff/resolver.hpp"

#include "drizzle/error.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace drizzle {

using nlohmann::ordered_json;

std::string to_string(RenameQuestion::Kind kind) {
    switch (kind) {
    case RenameQuestion::Kind::table: return "table";
    case RenameQuestion::Kind::column: return "column";
    case RenameQuestion::Kind::view: return "view";
    case RenameQuestion::Kind::enum_: return "enum";
    }
    return "table";
}

namespace {

std::optional<RenameQuestion::Kind> parse_kind(const std::string& text) {
    if (text == "table") return RenameQuestion::Kind::table;
    if (text == "column") return RenameQuestion::Kind::column;
    if (text == "view") return RenameQuestion::Kind::view;
    if (text == "enum") return RenameQuestion::Kind::enum_;
    return std::nullopt;
}

// The entity tuple: [table] / [table, column], with the schema in front when there is one.
ordered_json entity(RenameQuestion::Kind kind, const std::string& schema, const std::string& table,
                    const std::string& name) {
    ordered_json tuple = ordered_json::array();
    if (!schema.empty()) tuple.push_back(schema);
    if (kind == RenameQuestion::Kind::column) tuple.push_back(table);
    tuple.push_back(name);
    return tuple;
}

bool same_scope(const RenameDecision& d, const RenameQuestion& q) {
    return d.kind == q.kind && d.name == q.name && d.schema == q.schema &&
           (q.kind != RenameQuestion::Kind::column || d.table == q.table);
}

}  // namespace

std::optional<std::string> ScriptedResolver::resolve(const RenameQuestion& question) {
    for (const auto& decision : decisions_) {
        if (!same_scope(decision, question)) continue;
        if (!decision.is_rename()) return std::nullopt;
        if (std::find(question.candidates.begin(), question.candidates.end(), decision.from) ==
            question.candidates.end()) {
            throw UserError("answer renames " + to_string(question.kind) + " \"" + decision.from + "\" to \"" +
                            question.name + "\", but \"" + decision.from + "\" is not among the removed " +
                            to_string(question.kind) + "s");
        }
        return decision.from;
    }
    open_.push_back(question);
    return std::nullopt;
}

std::string decisions_to_json(const std::vector<RenameDecision>& decisions) {
    ordered_json out = ordered_json::array();
    for (const auto& d : decisions) {
        ordered_json item;
        if (d.is_rename()) {
            item["type"] = "rename";
            item["kind"] = to_string(d.kind);
            item["from"] = entity(d.kind, d.schema, d.table, d.from);
            item["to"] = entity(d.kind, d.schema, d.table, d.name);
        } else {
            item["type"] = "create";
            item["kind"] = to_string(d.kind);
            item["entity"] = entity(d.kind, d.schema, d.table, d.name);
        }
        out.push_back(std::move(item));
    }
    return out.dump(2);
}

std::vector<RenameDecision> decisions_from_json(const std::string& json, const std::string& source) {
    ordered_json parsed;
    try {
        parsed = ordered_json::parse(json);
    } catch (const nlohmann::json::parse_error& e) {
        throw UserError(source + ": not valid JSON: " + e.what());
    }
    if (!parsed.is_array()) throw UserError(source + ": expected a JSON array of decisions");
    std::vector<RenameDecision> decisions;
    for (size_t i = 0; i < parsed.size(); ++i) {
        const auto& item = parsed[i];
        const std::string where = source + ": decision " + std::to_string(i + 1);
        if (!item.is_object()) throw UserError(where + ": must be an object");
        auto text = [&](const char* key) -> std::string {
            if (!item.contains(key) || !item[key].is_string()) {
                throw UserError(where + ": \"" + key + "\" must be a string");
            }
            return item[key].get<std::string>();
        };
        auto kind = parse_kind(text("kind"));
        if (!kind) throw UserError(where + ": \"kind\" must be table, column, view or enum");
        std::string type = text("type");
        const size_t parts = *kind == RenameQuestion::Kind::column ? 2 : 1;
        auto tuple = [&](const char* key) -> std::vector<std::string> {
            if (!item.contains(key) || !item[key].is_array()) throw UserError(where + ": \"" + key + "\" must be an array");
            std::vector<std::string> values;
            for (const auto& v : item[key]) {
                if (!v.is_string()) throw UserError(where + ": \"" + key + "\" must hold strings");
                values.push_back(v.get<std::string>());
            }
            if (values.size() != parts && values.size() != parts + 1) {
                throw UserError(where + ": \"" + key + "\" must have " + std::to_string(parts) + " or " +
                                std::to_string(parts + 1) + " elements (optional schema first)");
            }
            return values;
        };
        RenameDecision decision;
        decision.kind = *kind;
        std::vector<std::string> target;
        if (type == "rename") {
            auto from = tuple("from");
            target = tuple("to");
            decision.from = from.back();
        } else if (type == "create") {
            target = tuple("entity");
        } else {
            throw UserError(where + ": \"type\" must be rename or create");
        }
        decision.name = target.back();
        if (*kind == RenameQuestion::Kind::column) decision.table = target[target.size() - 2];
        if (target.size() == parts + 1) decision.schema = target.front();
        // "public" is PostgreSQL's default schema, which the model spells as "".
        if (decision.schema == "public") decision.schema.clear();
        decisions.push_back(std::move(decision));
    }
    return decisions;
}

std::string questions_to_json(const std::vector<RenameQuestion>& questions) {
    ordered_json out;
    out["status"] = "missing_hints";
    out["unresolved"] = ordered_json::array();
    for (const auto& q : questions) {
        ordered_json item;
        item["type"] = "rename_or_create";
        item["kind"] = to_string(q.kind);
        item["entity"] = entity(q.kind, q.schema, q.table, q.name);
        ordered_json candidates = ordered_json::array();
        for (const auto& c : q.candidates) candidates.push_back(entity(q.kind, q.schema, q.table, c));
        item["renameFrom"] = std::move(candidates);
        out["unresolved"].push_back(std::move(item));
    }
    return out.dump(2);
}

}  // namespace drizzle
