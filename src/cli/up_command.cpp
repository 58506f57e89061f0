// `up`: convert a drizzle-kit 0.31 migrations folder to the 1.0 layout, printed as drizzle-kit 1.0 prints it.
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "drizzle/kit/upgrade_folder.hpp"

#include <CLI/CLI.hpp>

#include <filesystem>
#include <iostream>

namespace drizzle::cli {

namespace {

/// The folder as the user wrote it ("./drizzle" -> "drizzle"), as drizzle-kit prints it.
std::string shown_folder(const std::string& out) {
    std::string shown = std::filesystem::path(out).lexically_normal().generic_string();
    while (shown.size() > 1 && shown.back() == '/')
        shown.pop_back();
    return shown.empty() ? "." : shown;
}

} // namespace

int run_up(const UpOptions& options) {
    Config config = resolve_config(options.config);
    kit::UpgradeResult result = kit::upgrade_folder(config);
    const std::string out = shown_folder(config.out);
    if (!result.upgraded) {
        print_success(out + " already uses the drizzle-kit 1.0 layout (or holds no 0.31 journal): nothing to upgrade");
        return exit_ok;
    }
    for (const auto& warning : result.warnings)
        print_info("warning: " + warning);
    for (const auto& m : result.migrations) {
        print_success(out + "/" + m.folder + (m.has_snapshot ? "/snapshot.json" : "/migration.sql (no snapshot)"));
    }
    std::cout << "Everything's fine 🐶🔥" << std::endl;
    return exit_ok;
}

void add_up_command(CLI::App& app, CommandList& commands) {
    auto options = std::make_shared<UpOptions>();
    auto* command =
        app.add_subcommand("up", "Convert a drizzle-kit 0.31 migrations folder (meta/_journal.json) to the 1.0 layout");
    add_config_flags(*command, options->config, false, true);
    command->footer(
        std::string(
            "\n"
            "Converts a 0.31 folder (meta/_journal.json) to the 1.0 layout as drizzle-kit 1.0's `up` does:\n"
            "one <YYYYMMDDHHMMSS>_<name>/ folder per journal entry (the time is the entry's `when`, UTC)\n"
            "holding its migration.sql unchanged and its snapshot.json in the 1.0 format; meta/ and the old .sql\n"
            "files are removed. All or nothing: the new folders are built beside the folder and renamed into place;\n"
            "on any error the folder stays as it was. A folder already in the 1.0 layout is left alone (exit 0).\n"
            "A database migrated with the old folder sees every migration as applied afterwards. A journal entry\n"
            "whose snapshot is missing gets a folder without snapshot.json (with a warning); two entries that\n"
            "would get the same folder name are refused."
            "\n\nExamples:\n"
            "  drizzle-kit up                       # the config's `out` folder\n"
            "  drizzle-kit up --out ./drizzle --dialect postgresql\n"
            "  drizzle-kit up --config drizzle.config.json\n") +
        kExitCodes);
    commands.push_back({command, [options] { return run_up(*options); }});
}

} // namespace drizzle::cli
