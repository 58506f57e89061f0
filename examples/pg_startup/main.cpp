// Migrating PostgreSQL at application start: open DATABASE_URL, apply what is pending, list it.
#include <drizzle/dialect/pg_connection.hpp>
#include <drizzle/error.hpp>
#include <drizzle/migrate/migrator.hpp>

#include <cstdlib>
#include <filesystem>
#include <iostream>

int main(int argc, char** argv) {
    const char* url = std::getenv("DATABASE_URL");
    if (url == nullptr || *url == '\0') {
        std::cerr << "set DATABASE_URL, e.g. postgres://user:password@127.0.0.1:5432/app\n";
        return 2;
    }
    const std::filesystem::path folder = argc > 1 ? argv[1] : EXAMPLE_MIGRATIONS_DIR;
    try {
        auto db = drizzle::pg::PgConnection::open(url);

        drizzle::MigrateOptions options;
        options.folder = folder;
        options.lock_timeout_ms = 30'000;  // other instances starting at the same time wait here
        options.log = [](const std::string& line) { std::cout << line << '\n'; };
        const drizzle::MigrateResult result = drizzle::migrate(*db, options);
        std::cout << result.applied.size() << " migration(s) applied now, " << result.already_applied
                  << " already applied\n";

        std::cout << "applied migrations:\n";
        for (const auto& row : db->query("SELECT id, name, applied_at FROM \"drizzle\".\"__drizzle_migrations\" "
                                         "ORDER BY id")) {
            std::cout << "  " << row[0].value_or("") << "  " << row[1].value_or("") << "  "
                      << row[2].value_or("(applied_at unknown)") << '\n';
        }
        // The application proper would start here, on a schema it knows is up to date.
    } catch (const drizzle::Error& e) {
        // Messages never contain the password of DATABASE_URL.
        std::cerr << "startup migration failed: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
