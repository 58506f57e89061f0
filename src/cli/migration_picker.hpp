// The terminal picker `drop` shows when no --name is given.
#pragma once

#include <cstddef>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace drizzle::cli {

/// Lists `names` numbered from 1 with the latest pre-selected and reads a choice from `in`:
/// Enter = the latest, a number = that one. std::nullopt when the input ends or says q/quit.
std::optional<std::size_t> pick_migration(const std::vector<std::string>& names, std::istream& in, std::ostream& out);

} // namespace drizzle::cli
