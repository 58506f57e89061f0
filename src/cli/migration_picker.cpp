// A numbered list read from the terminal: no raw mode, so it cannot hang on Enter (drizzle #3691).
#include "cli/migration_picker.hpp"

#include <iostream>

namespace drizzle::cli {

std::optional<std::size_t> pick_migration(const std::vector<std::string>& names, std::istream& in, std::ostream& out) {
    if (names.empty()) return std::nullopt;
    out << "Please select migration to drop:\n";
    for (std::size_t i = 0; i < names.size(); ++i) {
        out << (i + 1 == names.size() ? "> " : "  ") << i + 1 << ") " << names[i] << "\n";
    }
    for (;;) {
        out << "Choice [" << names.size() << "] (q to cancel): " << std::flush;
        std::string line;
        if (!std::getline(in, line)) return std::nullopt;
        if (line.empty()) return names.size() - 1;
        if (line == "q" || line == "quit") return std::nullopt;
        std::size_t choice = 0;
        try {
            std::size_t used = 0;
            choice = std::stoul(line, &used);
            if (used != line.size()) choice = 0;
        } catch (const std::exception&) {
            choice = 0;
        }
        if (choice >= 1 && choice <= names.size()) return choice - 1;
        out << "Please answer a number from 1 to " << names.size() << ".\n";
    }
}

} // namespace drizzle::cli
