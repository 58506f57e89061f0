// Drift: the live database against the migrations folder's latest snapshot ("did someone change
// the database by hand?"), for `check --db`.
#pragma once

#include "drizzle/config/config.hpp"
#include "drizzle/driver/connection.hpp"

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace drizzle::kit {

/// What differs between the database and the folder's latest snapshot.
struct DriftReport {
    std::filesystem::path snapshot; ///< the latest snapshot, which the database was compared against
    /// One human line per difference, naming the object, e.g. `column "users"."nickname" exists in
    /// the database but not in the migrations`. Empty when they agree.
    std::vector<std::string> differences;
    /// The SQL that brings the database back to the folder's state (what push would run).
    std::vector<std::string> statements;

    /// True when anything differs.
    bool drifted() const { return !differences.empty() || !statements.empty(); }
};

/// Introspects the database behind `connection` through the config's filters (as push does) and
/// diffs it against the schema of the folder's latest snapshot. Renames are never guessed: an
/// object renamed by hand shows as one dropped and one created. The bookkeeping table is not
/// a difference. Reads only: no lock, nothing written. UserError when the folder holds no
/// snapshot (or its newest migration has none), or belongs to another dialect. `log` receives
/// progress lines (may be empty).
/// `against` names another snapshot of the folder to compare with (`check --db` uses the last
/// applied migration's, so pending migrations are not mistaken for drift).
DriftReport detect_drift(const Config& config, Connection& connection,
                         const std::function<void(const std::string&)>& log, const std::filesystem::path& against = {});

} // namespace drizzle::kit
