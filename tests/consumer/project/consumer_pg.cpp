// Links the installed PostgreSQL driver and migrator; connects only when DATABASE_URL is set.
#include <drizzle/dialect/pg_connection.hpp>
#include <drizzle/migrate/migrator.hpp>

#include <cstdlib>
#include <iostream>

int main() {
    const char* url = std::getenv("DATABASE_URL");
    if (url == nullptr) {
        std::cout << "drizzle::pg linked" << std::endl;
        return 0;
    }
    auto db = drizzle::pg::PgConnection::open(url);
    drizzle::MigrateOptions options;
    options.folder = "drizzle";
    std::cout << drizzle::migrate(*db, options).applied.size() << " applied" << std::endl;
    return 0;
}
