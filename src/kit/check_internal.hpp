// check's passes share the folder as scanned, the parsed snapshots and the report they add findings to.
#pragma once

#include "drizzle/kit/check.hpp"
#include "drizzle/migrate/snapshot_graph.hpp"
#include "drizzle/snapshot/snapshot.hpp"

#include <filesystem>
#include <map>
#include <string>

namespace drizzle::kit::check_detail {

/// What every pass works on.
struct CheckContext {
    std::filesystem::path dir;
    Dialect dialect;
    bool breakpoints = true;
    /// The migrations that could be located (a legacy entry without its SQL file is left out).
    MigrationsFolder folder;
    /// Snapshots that parsed, are of the folder's format and of the dialect, by entry index.
    std::map<std::size_t, Snapshot> snapshots;
    CheckReport& report;

    /// `path` relative to the migrations folder, for messages.
    std::string relative(const std::filesystem::path& path) const;
    void add(std::string code, CheckFinding::Severity severity, const std::filesystem::path& file, std::string message,
             std::vector<std::string> objects = {});
};

/// Lists the folder: legacy journal entries against .sql files and meta snapshots, `when`
/// order; v1 migration folders. Fills `ctx.folder`. False when nothing more can be checked.
bool scan_folder(CheckContext& ctx);

/// Parses every snapshot (malformed, unsupported version, other format, other dialect).
void check_snapshots(CheckContext& ctx);

/// Duplicate ids, broken chains, branch collisions (commuting or conflicting).
void check_chain(CheckContext& ctx, const SnapshotGraph& graph);

/// Each migration's SQL against what its snapshot pair generates.
void check_sql(CheckContext& ctx, const SnapshotGraph& graph);

/// "a, b and c".
std::string joined_names(const std::vector<std::string>& names);

} // namespace drizzle::kit::check_detail
