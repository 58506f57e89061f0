// Opening the configured database for a command.
#pragma once

#include "drizzle/config/config.hpp"
#include "drizzle/driver/connection.hpp"

#include <memory>

namespace drizzle::cli {

/// Connects with the config's dbCredentials. Throws UserError when they are missing or the
/// dialect has no driver yet; the message never contains a password.
std::unique_ptr<Connection> open_database(const Config& config);

/// Throws UserError unless dbCredentials.url names a SQLite database this build can open: set,
/// and not a remote libSQL/Turso URL (libsql://, http(s)://, ws(s)://).
void require_sqlite_url(const Config& config);

/// Removes the SQLite files open_database created in this run that are still empty: called when
/// a command fails, so a failed command leaves no 0-byte database behind.
void discard_created_files();

}  // namespace drizzle::cli
