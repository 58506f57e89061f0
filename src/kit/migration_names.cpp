// Random and validated migration names.
#include "drizzle/kit/migration_names.hpp"

#include "drizzle/error.hpp"

#include <array>
#include <cctype>
#include <random>

namespace drizzle::kit {

std::string random_migration_name() {
    static constexpr std::array adjectives = {"brave", "calm", "clever", "eager", "fancy", "gentle", "happy",
                                              "jolly", "kind", "lucky", "mighty", "nimble", "proud", "quiet",
                                              "rapid", "shiny", "swift", "tidy", "vivid", "wise"};
    static constexpr std::array heroes = {"vision", "storm", "wolverine", "falcon", "gambit", "hulk", "jubilee",
                                          "magneto", "nova", "phoenix", "rogue", "sentry", "thor", "wasp",
                                          "banshee", "cable", "daredevil", "elektra", "forge", "havok"};
    std::random_device device;
    std::mt19937 rng(device());
    return std::string(adjectives[rng() % adjectives.size()]) + "_" + heroes[rng() % heroes.size()];
}

void require_valid_migration_name(const std::string& name) {
    bool ok = !name.empty() && name.size() <= 100;
    for (char c : name) {
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '-') ok = false;
    }
    if (!ok) {
        throw UserError("--name \"" + name + "\": use 1 to 100 letters, digits, '_' or '-' (it becomes a file name)");
    }
}

}  // namespace drizzle::kit
