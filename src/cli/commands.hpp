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
    bool allow_missing = false;  ///< --allow-missing: recorded migrations without a file only warn
    int lock_timeout_seconds = 60;
};
int run_migrate(const MigrateOptionsCli& options);

struct PushOptions {
    ConfigFlags config;
    std::string answers;   ///< --answers FILE.json: rename/create decisions
    bool force = false;    ///< --force: accept data loss and --strict without asking
    bool strict = false;   ///< --strict: ask before executing anything
    bool explain = false;  ///< --explain: print the plan and the data at risk, change nothing
};
int run_push(const PushOptions& options);

struct PullOptions {
    ConfigFlags config;
    std::string casing;     ///< --introspect-casing camel|preserve ("" = config, else camel)
    bool baseline = false;  ///< --baseline / --init: record the baseline migration as applied
};
int run_pull(const PullOptions& options);

struct ExportOptions {
    ConfigFlags config;
};
int run_export(const ExportOptions& options);

}  // namespace drizzle::cli
