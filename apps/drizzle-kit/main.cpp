// drizzle-kit: registers each command (src/cli/) on the app and runs the one parsed; errors map to exit codes there.
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "drizzle/kit/builtin_dialects.hpp"

#include <CLI/CLI.hpp>
#include <malloc.h>

int main(int argc, char** argv) {
    // A 1000-table snapshot is parsed and written as tens of megabytes of small JSON nodes;
    // glibc's defaults hand large blocks back to the kernel and fault them in again, which cost
    // a third of `generate`'s time in system calls. A short-lived CLI keeps its heap instead.
    mallopt(M_MMAP_THRESHOLD, 256 << 20);
    mallopt(M_TRIM_THRESHOLD, 256 << 20);
    drizzle::kit::register_builtin_dialects();
    mallopt(M_TOP_PAD, 64 << 20);
    CLI::App app{"drizzle-kit (drizzle-cpp " DRIZZLE_VERSION "): schema migrations for C++ applications.\n"
                 "Describe your schema in C++ headers, then generate SQL migrations and apply them."};
    app.footer(drizzle::cli::kExitCodes);
    app.set_version_flag("--version", "drizzle-cpp " DRIZZLE_VERSION);
    app.require_subcommand(1);

    drizzle::cli::CommandList commands;
    drizzle::cli::add_generate_command(app, commands);
    drizzle::cli::add_migrate_command(app, commands);
    drizzle::cli::add_push_command(app, commands);
    drizzle::cli::add_pull_command(app, commands);
    drizzle::cli::add_export_command(app, commands);
    // issue 12: status and resolve (wt-status)
    drizzle::cli::add_status_command(app, commands);
    drizzle::cli::add_resolve_command(app, commands);
    // ---- check (issue 12) ----
    drizzle::cli::add_check_command(app, commands);
    // ---- end check ----
    // issue 12: up and drop
    drizzle::cli::add_up_command(app, commands);
    drizzle::cli::add_drop_command(app, commands);
    // issue 12: squash
    drizzle::cli::add_squash_command(app, commands);
    // issue 13: lint
    drizzle::cli::add_lint_command(app, commands);

    if (auto refused = drizzle::cli::refuse_unknown_command(app, argc, argv)) return *refused;
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int code = app.exit(e);
        return code == 0 ? 0 : drizzle::cli::exit_invalid_input;
    }
    for (const auto& command : commands) {
        if (command.app->parsed()) return drizzle::cli::run_guarded(command.run);
    }
    return drizzle::cli::exit_invalid_input;
}
