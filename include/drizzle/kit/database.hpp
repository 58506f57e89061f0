// Opening the configured database for a workflow, and cleaning up after a failed one.
#pragma once

#include "drizzle/config/config.hpp"
#include "drizzle/driver/connection.hpp"

#include <memory>

namespace drizzle::kit {

/// Connects with the config's dbCredentials through the dialect's operations. Throws UserError
/// when they are missing or the dialect has no driver here; the message never contains a password.
/// A local database file the connection creates is remembered for discard_created_files().
std::unique_ptr<Connection> open_database(const Config& config);

/// For commands that only read the database (pull): throws unless it exists already, where
/// opening it would create an empty one (the dialect decides; see DialectOps).
void require_existing_database(const Config& config);

/// Removes the local database files open_database created in this run that are still empty:
/// called when a command fails, so a failed command leaves no 0-byte database behind.
void discard_created_files();

}  // namespace drizzle::kit
