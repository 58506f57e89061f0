// Opening the configured database for a command.
#pragma once

#include "drizzle/config/config.hpp"
#include "drizzle/driver/connection.hpp"

#include <memory>

namespace drizzle::cli {

/// Connects with the config's dbCredentials. Throws UserError when they are missing or the
/// dialect has no driver yet; the message never contains a password.
std::unique_ptr<Connection> open_database(const Config& config);

}  // namespace drizzle::cli
