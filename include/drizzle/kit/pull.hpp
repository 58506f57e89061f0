// The `pull` workflow: the live database's schema as a C++ header plus a baseline migration.
#pragma once

#include "drizzle/config/config.hpp"
#include "drizzle/driver/connection.hpp"
#include "drizzle/migrate/folder.hpp"
#include "drizzle/migrate/migrator.hpp"
#include "drizzle/pull/cpp_header.hpp"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace drizzle::kit {

/// Where a pull reads from and writes to, checked before anything is written.
struct PullTarget {
    MigrationsFolder folder;                ///< the config's migrations folder, as read
    bool write_baseline = false;            ///< the folder is empty: a baseline migration goes in
    MigrateOptions bookkeeping;             ///< folder, table and schema of the bookkeeping table
    std::unique_ptr<Connection> connection; ///< the configured database
};

/// Reads the folder (refusing one of another dialect), refuses `record_baseline` (--baseline) for a
/// folder that holds migrations already or a database that records some, requires the database
/// to exist (pull never creates one) and opens it.
PullTarget open_pull_target(const Config& config, bool record_baseline);

/// The bookkeeping table as messages name it: `schema.table` where the dialect has schemas.
std::string bookkeeping_table_name(const Config& config);

/// What write_pulled wrote.
struct PulledFiles {
    std::optional<std::filesystem::path> migration; ///< the baseline's SQL file, when one was written
    std::filesystem::path header;                   ///< <out>/schema.hpp
};

/// Writes the baseline migration (an empty folder only: the SQL that creates `header.declared`,
/// commented out since the database has it, and its snapshot in the folder's format) and then the
/// header. A v1 baseline is removed again when the header cannot be written.
PulledFiles write_pulled(const Config& config, const PullTarget& target, const pull::PulledHeader& header);

/// Records the baseline just written as applied, without running it (--baseline).
void record_pulled_baseline(PullTarget& target);

} // namespace drizzle::kit
