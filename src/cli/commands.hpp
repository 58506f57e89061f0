// The CLI commands: each takes its parsed options and returns an exit code.
#pragma once

#include "cli/common.hpp"

#include <string>

namespace drizzle::cli {

struct GenerateOptions {
    ConfigFlags config;
    std::string name;     ///< --name: migration name suffix
    bool custom = false;  ///< --custom: an empty migration for hand-written SQL
    std::string answers;  ///< --answers FILE.json: rename/create decisions
};
int run_generate(const GenerateOptions& options);

struct MigrateOptionsCli {
    ConfigFlags config;
    std::string tx_mode = "all";  ///< --tx-mode all|file
    bool allow_modified = false;
    bool allow_out_of_order = false;
    int lock_timeout_seconds = 60;
};
int run_migrate(const MigrateOptionsCli& options);

struct ExportOptions {
    ConfigFlags config;
};
int run_export(const ExportOptions& options);

}  // namespace drizzle::cli
