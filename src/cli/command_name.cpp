// Names the command line's command before CLI11 parses it, so a misspelt or missing command gets
// a message that says so and lists the commands, instead of CLI11's "A subcommand is required".
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"

#include <CLI/CLI.hpp>

#include <iostream>
#include <string>

namespace drizzle::cli {

namespace {

std::string command_list(const CLI::App& app) {
    std::string names;
    for (const CLI::App* command : app.get_subcommands([](const CLI::App*) { return true; })) {
        names += (names.empty() ? "" : ", ") + command->get_name();
    }
    return names;
}

/// Whether `word` names a command or one of its aliases.
bool is_command(const CLI::App& app, const std::string& word) {
    for (const CLI::App* command : app.get_subcommands([](const CLI::App*) { return true; })) {
        if (command->check_name(word)) return true;
    }
    return false;
}

} // namespace

std::optional<int> refuse_unknown_command(const CLI::App& app, int argc, char** argv) {
    // The first word that is not a flag is the command (top-level flags such as --version and
    // --help come first and take no value).
    for (int i = 1; i < argc; ++i) {
        const std::string word = argv[i];
        if (!word.empty() && word[0] == '-') {
            if (word == "--help" || word == "-h" || word == "--version") return std::nullopt;
            continue;
        }
        if (is_command(app, word)) return std::nullopt;
        std::cerr << "error: unknown command \"" << word << "\"\n"
                  << "Commands: " << command_list(app) << "\n"
                  << "Run drizzle-kit --help for what each does." << std::endl;
        return exit_invalid_input;
    }
    std::cerr << "error: no command given\n"
              << "Commands: " << command_list(app) << "\n"
              << "Run drizzle-kit --help for what each does." << std::endl;
    return exit_invalid_input;
}

} // namespace drizzle::cli
