// Reads the exported snapshot, creates it in an in-memory SQLite database and introspects it.
#include <drizzle/dialect/sqlite.hpp>
#include <drizzle/dialect/sqlite_connection.hpp>
#include <drizzle/snapshot/snapshot.hpp>

#include <fstream>
#include <iostream>
#include <sstream>

int main(int argc, char** argv) {
    if (argc < 2) return 2;
    std::ifstream in(argv[1]);
    std::stringstream text;
    text << in.rdbuf();
    auto snapshot = drizzle::parse_snapshot(text.str(), argv[1]);
    auto db = drizzle::sqlite::SqliteConnection::open(":memory:");
    drizzle::Schema empty;
    drizzle::ScriptedResolver none;
    for (const auto& statement : drizzle::sqlite::migration_statements(drizzle::diff(empty, snapshot.schema, none))) {
        db->exec(statement);
    }
    auto live = drizzle::sqlite::introspect(*db);
    std::cout << "tables=" << live.tables.size() << " users.columns=" << live.find_table("users")->columns.size()
              << std::endl;
    return 0;
}
