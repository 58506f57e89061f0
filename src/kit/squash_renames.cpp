// Composing a range's renames so a squash keeps a rename a rename (not a drop and a create).
#include "kit/squash_renames.hpp"

#include <algorithm>

namespace drizzle::kit::squash_internal {

namespace {

using Kind = RenameQuestion::Kind;

/// The model's name of a schema: the diff writes the default "public" as "" (diff/normalize.cpp),
/// and snapshots, answers files and questions may use either.
std::string model_schema(const std::string& schema) {
    return schema == "public" ? std::string() : schema;
}

/// One object followed through the range: where it started and what it is called now.
struct Chain {
    Kind kind = Kind::table;
    std::string schema;
    std::string origin_table, table; ///< columns: their table, at the start and now
    std::string origin, current;
};

} // namespace

std::vector<RenameDecision> compose_renames(const std::vector<std::vector<RenameDecision>>& steps) {
    std::vector<Chain> chains;
    for (const auto& step : steps) {
        for (RenameDecision d : step) {
            if (!d.is_rename()) continue;
            d.schema = model_schema(d.schema);
            if (d.kind == Kind::column) {
                // d.table is the table's name in this step's diff (after its table renames).
                auto it = std::find_if(chains.begin(), chains.end(), [&](const Chain& c) {
                    return c.kind == Kind::column && c.schema == d.schema && c.table == d.table && c.current == d.from;
                });
                if (it != chains.end()) {
                    it->current = d.name;
                } else {
                    // The table may have been renamed earlier in the range: its starting name.
                    std::string origin_table = d.table;
                    for (const auto& c : chains) {
                        if (c.kind == Kind::table && c.schema == d.schema && c.current == d.table)
                            origin_table = c.origin;
                    }
                    chains.push_back({Kind::column, d.schema, origin_table, d.table, d.from, d.name});
                }
                continue;
            }
            auto it = std::find_if(chains.begin(), chains.end(), [&](const Chain& c) {
                return c.kind == d.kind && c.schema == d.schema && c.current == d.from;
            });
            if (it != chains.end()) {
                it->current = d.name;
            } else {
                chains.push_back({d.kind, d.schema, "", "", d.from, d.name});
            }
            if (d.kind == Kind::table) {
                for (auto& c : chains) {
                    if (c.kind == Kind::column && c.schema == d.schema && c.table == d.from) c.table = d.name;
                }
            }
        }
    }
    std::vector<RenameDecision> result;
    // Tables first: the diff asks about tables before their columns.
    for (const auto& c : chains) {
        if (c.kind == Kind::column || c.origin == c.current) continue;
        result.push_back({c.kind, c.schema, "", c.current, c.origin});
    }
    for (const auto& c : chains) {
        if (c.kind != Kind::column || c.origin == c.current) continue;
        result.push_back({c.kind, c.schema, c.table, c.current, c.origin});
    }
    return result;
}

std::vector<RenameDecision> decisions_from_verbatim(const std::vector<std::string>& renames) {
    auto parts = [](const std::string& text) {
        std::vector<std::string> out;
        std::size_t start = 0;
        for (std::size_t dot; (dot = text.find('.', start)) != std::string::npos; start = dot + 1)
            out.push_back(text.substr(start, dot - start));
        out.push_back(text.substr(start));
        return out;
    };
    std::vector<RenameDecision> decisions;
    for (const auto& text : renames) {
        const auto arrow = text.find("->");
        if (arrow == std::string::npos || text.find('"') != std::string::npos) continue;
        const auto from = parts(text.substr(0, arrow));
        const auto to = parts(text.substr(arrow + 2));
        if (from.size() != to.size() || from[0] != to[0]) continue;
        if (from.size() == 2) {
            for (Kind kind : {Kind::table, Kind::view, Kind::enum_})
                decisions.push_back({kind, from[0], "", to[1], from[1]});
        } else if (from.size() == 3 && from[1] == to[1]) {
            decisions.push_back({Kind::column, from[0], to[1], to[2], from[2]});
        }
    }
    return decisions;
}

std::optional<std::string> DecisionReplay::resolve(const RenameQuestion& question) {
    for (const auto& d : decisions_) {
        if (!d.is_rename() || d.kind != question.kind || d.name != question.name ||
            model_schema(d.schema) != model_schema(question.schema))
            continue;
        if (question.kind == Kind::column && d.table != question.table) continue;
        if (std::find(question.candidates.begin(), question.candidates.end(), d.from) != question.candidates.end())
            return d.from;
    }
    return std::nullopt;
}

} // namespace drizzle::kit::squash_internal
