// Links the installed PostgreSQL DDL reader (libpg_query through the package's find_dependency).
#include <drizzle/dialect/pg_ddl.hpp>

#include <iostream>

int main() {
    const auto schema = drizzle::pg::parse_ddl("CREATE TABLE t (id serial PRIMARY KEY, name text);", "consumer.sql");
    std::cout << "pg_ddl tables=" << schema.tables.size() << " columns=" << schema.tables.at(0).columns.size()
              << std::endl;
    return 0;
}
