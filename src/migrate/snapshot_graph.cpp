// The snapshot graph of a migrations folder: ids and parents read cheaply, heads, ancestors, collisions.
#include "drizzle/migrate/snapshot_graph.hpp"
#include "drizzle/error.hpp"

#include "drizzle/snapshot/snapshot.hpp"
#include "util/files.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <map>
#include <memory>

namespace drizzle {

namespace fs = std::filesystem;

std::optional<std::size_t> SnapshotGraph::node_of_entry(std::size_t entry) const {
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        if (nodes[i].entry == entry) return i;
    }
    return std::nullopt;
}

std::optional<std::size_t> SnapshotGraph::node_of_id(const std::string& id) const {
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        if (nodes[i].id == id) return i;
    }
    return std::nullopt;
}

std::vector<std::size_t> SnapshotGraph::parents(std::size_t node) const {
    std::vector<std::size_t> out;
    for (const auto& id : nodes[node].prev_ids) {
        if (auto parent = node_of_id(id); parent && *parent != node) out.push_back(*parent);
    }
    return out;
}

std::vector<std::size_t> SnapshotGraph::children(std::size_t node) const {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        if (i == node) continue;
        const auto& prev = nodes[i].prev_ids;
        if (std::find(prev.begin(), prev.end(), nodes[node].id) != prev.end()) out.push_back(i);
    }
    return out;
}

std::vector<std::size_t> SnapshotGraph::heads() const {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        if (children(i).empty()) out.push_back(i);
    }
    return out;
}

std::set<std::size_t> SnapshotGraph::ancestors(std::size_t node) const {
    std::set<std::size_t> seen{node};
    std::vector<std::size_t> todo{node};
    while (!todo.empty()) {
        std::size_t n = todo.back();
        todo.pop_back();
        for (std::size_t p : parents(n)) {
            if (seen.insert(p).second) todo.push_back(p);
        }
    }
    return seen;
}

bool SnapshotGraph::is_ancestor(std::size_t ancestor, std::size_t node) const {
    return ancestor != node && ancestors(node).count(ancestor) > 0;
}

std::optional<std::size_t> SnapshotGraph::common_ancestor(const std::vector<std::size_t>& of) const {
    if (of.empty()) return std::nullopt;
    std::set<std::size_t> common = ancestors(of.front());
    for (std::size_t i = 1; i < of.size(); ++i) {
        std::set<std::size_t> next;
        const auto other = ancestors(of[i]);
        std::set_intersection(common.begin(), common.end(), other.begin(), other.end(),
                              std::inserter(next, next.begin()));
        common = std::move(next);
    }
    // Nodes are in folder (time) order: the latest common one is the closest to the heads.
    if (common.empty()) return std::nullopt;
    return *common.rbegin();
}

namespace {

/// Reads only the top-level "id", "prevId" and "prevIds" of a snapshot, stopping once it has them:
/// drizzle-kit writes them first, and a snapshot of a large schema is megabytes of JSON.
class ChainKeys : public nlohmann::json::json_sax_t {
public:
    std::optional<std::string> id;
    std::optional<std::vector<std::string>> prev_ids;
    bool failed = false;

    bool null() override { return value(); }
    bool boolean(bool) override { return value(); }
    bool number_integer(number_integer_t) override { return value(); }
    bool number_unsigned(number_unsigned_t) override { return value(); }
    bool number_float(number_float_t, const string_t&) override { return value(); }
    bool binary(binary_t&) override { return value(); }
    bool string(string_t& text) override {
        if (depth_ == 1 && key_ == "id") id = text;
        if (depth_ == 1 && key_ == "prevId") prev_ids = std::vector<std::string>{text};
        if (depth_ == 2 && in_prev_ids_) prev_ids->push_back(text);
        return value();
    }
    bool start_object(std::size_t) override {
        ++depth_;
        return true;
    }
    bool key(string_t& text) override {
        if (depth_ == 1) key_ = text;
        return true;
    }
    bool end_object() override {
        --depth_;
        return true;
    }
    bool start_array(std::size_t) override {
        ++depth_;
        if (depth_ == 2 && key_ == "prevIds") {
            in_prev_ids_ = true;
            prev_ids = std::vector<std::string>{};
        }
        return true;
    }
    bool end_array() override {
        --depth_;
        if (depth_ == 1 && in_prev_ids_) {
            in_prev_ids_ = false;
            return !done();
        }
        return true;
    }
    bool parse_error(std::size_t, const std::string&, const nlohmann::json::exception&) override {
        failed = true;
        return false;
    }

private:
    int depth_ = 0;
    std::string key_;
    bool in_prev_ids_ = false;

    bool done() const { return id && prev_ids && !in_prev_ids_; }

public:
    /// Whether the parse stopped because both keys were read.
    bool complete() const { return done(); }

private:
    /// Stops the parse (returns false) once both are known.
    bool value() const { return !(depth_ == 1 && done()); }
};

/// Up to `size` bytes from the start of `path`.
std::string read_file_head(const fs::path& path, std::size_t size) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error("cannot read " + path.string());
    std::string head(size, '\0');
    in.read(head.data(), static_cast<std::streamsize>(size));
    head.resize(static_cast<std::size_t>(in.gcount()));
    return head;
}

/// The chain keys of the snapshot at `path`. They come first in every snapshot drizzle-kit
/// writes, so the file's head nearly always holds them; generate asks for every snapshot of the
/// history, which for a large schema is megabytes a file, so the rest is read only when needed.
ChainKeys read_chain_keys(const fs::path& path) {
    constexpr std::size_t head_size = 64 * 1024;
    const std::string head = read_file_head(path, head_size);
    ChainKeys keys;
    nlohmann::json::sax_parse(head, &keys);
    if (keys.complete() || head.size() < head_size) return keys;
    ChainKeys whole;
    nlohmann::json::sax_parse(detail::read_file_bytes(path), &whole);
    return whole;
}

} // namespace

SnapshotGraph read_snapshot_graph(const MigrationsFolder& folder) {
    SnapshotGraph graph;
    for (std::size_t i = 0; i < folder.entries.size(); ++i) {
        std::error_code ec;
        const fs::path& path = folder.entries[i].snapshot_path;
        if (!fs::is_regular_file(path, ec)) {
            graph.without_snapshot.push_back(i);
            continue;
        }
        ChainKeys keys;
        try {
            keys = read_chain_keys(path);
        } catch (const std::exception&) {
            keys.failed = true;
        }
        // A snapshot cut short is reported by check; here it only has no place in the chain.
        if (!keys.id || (keys.failed && !keys.prev_ids)) {
            graph.unreadable.push_back(i);
            continue;
        }
        graph.nodes.push_back({i, *keys.id, keys.prev_ids.value_or(std::vector<std::string>{})});
    }
    return graph;
}

namespace {

/// Heads reachable from `node` (itself when it is one).
std::vector<std::size_t> heads_below(const SnapshotGraph& graph, std::size_t node) {
    std::vector<std::size_t> heads;
    std::set<std::size_t> seen{node};
    std::vector<std::size_t> todo{node};
    while (!todo.empty()) {
        std::size_t n = todo.back();
        todo.pop_back();
        auto children = graph.children(n);
        if (children.empty()) heads.push_back(n);
        for (std::size_t c : children) {
            if (seen.insert(c).second) todo.push_back(c);
        }
    }
    std::sort(heads.begin(), heads.end());
    return heads;
}

} // namespace

std::vector<BranchCollision> branch_collisions(const SnapshotGraph& graph, const SnapshotSchemaLoader& load) {
    // Children grouped by each parent id they name (the all-zero root included).
    std::map<std::string, std::vector<std::size_t>> by_parent;
    std::vector<std::string> order;
    for (std::size_t i = 0; i < graph.nodes.size(); ++i) {
        for (const auto& id : graph.nodes[i].prev_ids) {
            auto& list = by_parent[id];
            if (list.empty()) order.push_back(id);
            if (std::find(list.begin(), list.end(), i) == list.end()) list.push_back(i);
        }
    }
    std::vector<BranchCollision> out;
    for (const auto& parent_id : order) {
        const auto& children = by_parent[parent_id];
        if (children.size() < 2) continue;
        const auto parent = graph.node_of_id(parent_id);
        for (std::size_t x = 0; x < children.size(); ++x) {
            for (std::size_t y = x + 1; y < children.size(); ++y) {
                const auto heads_a = heads_below(graph, children[x]);
                const auto heads_b = heads_below(graph, children[y]);
                std::vector<std::size_t> shared;
                std::set_intersection(heads_a.begin(), heads_a.end(), heads_b.begin(), heads_b.end(),
                                      std::back_inserter(shared));
                if (!shared.empty() || heads_a.empty() || heads_b.empty()) continue; // joined already
                BranchCollision collision;
                collision.parent_id = parent_id;
                collision.parent = parent;
                collision.child_a = children[x];
                collision.child_b = children[y];
                collision.head_a = heads_a.back();
                collision.head_b = heads_b.back();
                collision.merge = merge_branches(load(parent), load(collision.head_a), load(collision.head_b));
                out.push_back(std::move(collision));
            }
        }
    }
    return out;
}

HeadsMerge merge_heads(const SnapshotGraph& graph, const std::vector<std::size_t>& heads,
                       const SnapshotSchemaLoader& load) {
    HeadsMerge result;
    if (heads.empty()) return result;
    result.base = graph.common_ancestor(heads);
    const Schema base = load(result.base);
    result.merged = load(heads.front());
    for (std::size_t i = 1; i < heads.size(); ++i) {
        BranchMerge step = merge_branches(base, result.merged, load(heads[i]));
        result.merged = std::move(step.merged);
        for (auto& c : step.conflicts)
            result.conflicts.push_back(std::move(c));
    }
    return result;
}

SnapshotSchemaLoader snapshot_file_loader(const MigrationsFolder& folder, const SnapshotGraph& graph) {
    auto cache = std::make_shared<std::map<std::size_t, Schema>>();
    auto dialect = std::make_shared<std::optional<Dialect>>();
    return [cache, dialect, &folder, &graph](std::optional<std::size_t> node) -> Schema {
        if (!node) {
            Schema empty;
            if (*dialect) {
                empty.dialect = **dialect;
            } else if (!graph.nodes.empty()) {
                const auto& path = folder.entries[graph.nodes.front().entry].snapshot_path;
                empty.dialect = parse_snapshot(detail::read_file_bytes(path), path.string()).schema.dialect;
                *dialect = empty.dialect;
            }
            return empty;
        }
        if (auto it = cache->find(*node); it != cache->end()) return it->second;
        const auto& path = folder.entries[graph.nodes[*node].entry].snapshot_path;
        Schema schema = parse_snapshot(detail::read_file_bytes(path), path.string()).schema;
        *dialect = schema.dialect;
        return cache->emplace(*node, std::move(schema)).first->second;
    };
}

} // namespace drizzle
