// check's snapshot passes: each snapshot parses and fits the folder; the id/prevIds chain and its branches.
#include "drizzle/error.hpp"
#include "kit/check_internal.hpp"
#include "util/files.hpp"

#include <map>
#include <set>

namespace drizzle::kit::check_detail {

namespace fs = std::filesystem;

namespace {

using Severity = CheckFinding::Severity;

std::string layout_word(SnapshotFormat format) {
    return format == SnapshotFormat::legacy ? "drizzle-kit 0.x" : "drizzle-kit 1.0";
}

} // namespace

void check_snapshots(CheckContext& ctx) {
    const auto want = ctx.folder.layout == FolderLayout::legacy ? SnapshotFormat::legacy : SnapshotFormat::v1;
    for (std::size_t i = 0; i < ctx.folder.entries.size(); ++i) {
        const auto& entry = ctx.folder.entries[i];
        const std::string rel = ctx.relative(entry.snapshot_path);
        if (!fs::is_regular_file(entry.snapshot_path)) {
            // Legacy: the journal pass reported it. v1: a hand-made migration may have none.
            if (ctx.folder.layout == FolderLayout::v1) {
                ctx.add("missing_snapshot", Severity::info, entry.sql_path,
                        entry.name + " has no snapshot.json: generate diffs against the newest snapshot before it, "
                                     "and check cannot compare its SQL with anything",
                        {entry.name});
            }
            continue;
        }
        Snapshot snapshot;
        try {
            snapshot = parse_snapshot(detail::read_file_bytes(entry.snapshot_path), rel);
        } catch (const Error& e) {
            const std::string what = e.what();
            const bool version = what.find("unsupported") != std::string::npos;
            ctx.add(version ? "unsupported_snapshot_version" : "malformed_snapshot", Severity::error,
                    entry.snapshot_path,
                    version ? what + " (a newer drizzle-kit wrote it? update drizzle-cpp)"
                            : what + " (the snapshot of " + entry.name + " is malformed)",
                    {entry.name});
            continue;
        }
        if (snapshot.format != want) {
            ctx.add("unsupported_snapshot_version", Severity::error, entry.snapshot_path,
                    want == SnapshotFormat::v1
                        ? rel + " is a " + layout_word(snapshot.format) +
                              " snapshot in a 1.0 (folder-per-migration) layout: run `drizzle-kit up`"
                        : rel + " is a " + layout_word(snapshot.format) +
                              " snapshot in a 0.x (journal) folder; the folder mixes formats",
                    {entry.name});
            continue;
        }
        if (snapshot.schema.dialect != ctx.dialect) {
            ctx.add("wrong_dialect", Severity::error, entry.snapshot_path,
                    rel + " is a " + std::string(to_string(snapshot.schema.dialect)) +
                        " snapshot, but the config's dialect is " + std::string(to_string(ctx.dialect)),
                    {entry.name});
            continue;
        }
        ctx.snapshots.emplace(i, std::move(snapshot));
    }
}

void check_chain(CheckContext& ctx, const SnapshotGraph& graph) {
    const auto& entries = ctx.folder.entries;
    auto name_of = [&](std::size_t node) { return entries[graph.nodes[node].entry].name; };
    auto file_of = [&](std::size_t node) { return entries[graph.nodes[node].entry].snapshot_path; };

    // Duplicate ids: the chain cannot say which one a child follows.
    std::map<std::string, std::vector<std::size_t>> by_id;
    for (std::size_t n = 0; n < graph.nodes.size(); ++n)
        by_id[graph.nodes[n].id].push_back(n);
    for (const auto& [id, nodes] : by_id) {
        if (nodes.size() < 2) continue;
        std::vector<std::string> names;
        for (std::size_t n : nodes)
            names.push_back(name_of(n));
        ctx.add("duplicate_snapshot_id", Severity::error, file_of(nodes[1]),
                "the snapshots of " + joined_names(names) + " have the same id " + id +
                    " (a copied snapshot?): give the later one a new id, or regenerate it",
                names);
    }

    // Parents that name no snapshot. Ids of snapshots that did not parse still count as present.
    std::set<std::string> known;
    for (const auto& node : read_snapshot_graph(ctx.folder).nodes)
        known.insert(node.id);
    if (ctx.folder.layout == FolderLayout::legacy && fs::is_directory(ctx.dir / "meta")) {
        // Snapshots of journal entries whose SQL is missing (reported already) still hold the chain.
        MigrationsFolder meta{ctx.dir, FolderLayout::legacy, {}};
        for (const auto& item : fs::directory_iterator(ctx.dir / "meta")) {
            if (item.path().filename().string().ends_with("_snapshot.json")) {
                meta.entries.push_back({item.path().filename().string(), {}, item.path()});
            }
        }
        for (const auto& node : read_snapshot_graph(meta).nodes)
            known.insert(node.id);
    }
    for (std::size_t n = 0; n < graph.nodes.size(); ++n) {
        for (const auto& parent : graph.nodes[n].prev_ids) {
            if (parent == kRootSnapshotId || known.count(parent)) continue;
            ctx.add("broken_chain", Severity::error, file_of(n),
                    ctx.relative(file_of(n)) + " names parent snapshot " + parent +
                        ", which no snapshot of the folder has (a deleted migration, or one from a branch not "
                        "merged here): the chain is broken, so what " +
                        name_of(n) + " was generated from cannot be told; restore the parent migration",
                    {name_of(n)});
        }
    }

    // Branches: two migrations with the same parent.
    auto load = [&](std::optional<std::size_t> node) {
        if (!node) {
            Schema empty;
            empty.dialect = ctx.dialect;
            return empty;
        }
        return ctx.snapshots.at(graph.nodes[*node].entry).schema;
    };
    for (const auto& c : branch_collisions(graph, load)) {
        const std::string parent = c.parent ? name_of(*c.parent) : "(the empty schema)";
        auto branch = [&](std::size_t child, std::size_t head) {
            return child == head ? name_of(child) : name_of(child) + " .. " + name_of(head);
        };
        const std::string a = branch(c.child_a, c.head_a), b = branch(c.child_b, c.head_b);
        std::vector<std::string> objects{name_of(c.child_a), name_of(c.child_b)};
        std::string tree = "\n  " + parent + "\n  ├── " + a + "\n  └── " + b;
        if (!c.merge.conflicts.empty()) {
            std::string list;
            for (const auto& o : c.merge.conflicts) {
                list += "\n    ⚠ " + o;
                objects.push_back(o);
            }
            ctx.add("branch_conflict", Severity::error, entries[graph.nodes[c.child_b].entry].sql_path,
                    "non-commutative migrations: " + name_of(c.child_a) + " and " + name_of(c.child_b) +
                        " both follow " + parent + " (two branches merged) and change the same objects:" + tree +
                        "\n  conflicting:" + list +
                        "\nKeep one branch: drop the other's migrations, generate again on top of it and review "
                        "the SQL.",
                    objects);
            continue;
        }
        std::string next = ctx.folder.layout == FolderLayout::v1
                               ? "they change different objects, so they commute: `generate` writes a merge "
                                 "migration that joins them, and migrate applies both"
                               : "they change different objects, so they commute; but the 0.x layout cannot record "
                                 "a merge: generate diffs against the last snapshot only and would repeat the "
                                 "other branch's changes. Run `drizzle-kit up`, or regenerate one branch on top "
                                 "of the other";
        ctx.add("branch_commutative", Severity::info, entries[graph.nodes[c.child_b].entry].sql_path,
                name_of(c.child_a) + " and " + name_of(c.child_b) + " both follow " + parent +
                    " (two branches merged);" + tree + "\n" + next,
                objects);
    }
}

} // namespace drizzle::kit::check_detail
