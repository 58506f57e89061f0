// Benchmark: the application-start migrate() call of the C++ API against a database that is up to date.
//
//   drizzle_bench_app_migrate --url postgres://... --folder DIR
//
// Connects, calls drizzle::migrate() once and prints "bench: ..." with the call's own time and its
// round trips (the process's wall time, start-up included, is what bench/compare measures).
#include "counting_connection.hpp"

#include "drizzle/dialect/pg_connection.hpp"
#include "drizzle/migrate/migrator.hpp"

#include <cstdio>
#include <iostream>
#include <string>

using namespace drizzle;

int main(int argc, char** argv) {
    std::string url, folder;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string arg = argv[i];
        if (arg == "--url") url = argv[i + 1];
        else if (arg == "--folder") folder = argv[i + 1];
    }
    if (url.empty() || folder.empty()) {
        std::cerr << "usage: drizzle_bench_app_migrate --url URL --folder DIR\n";
        return 2;
    }
    try {
        auto connection = pg::PgConnection::open(url);
        bench::CountingConnection counted(*connection);
        MigrateOptions options;
        options.folder = folder;
        const auto start = bench::CountingConnection::Clock::now();
        const MigrateResult result = migrate(counted, options);
        const double ms =
            std::chrono::duration<double, std::milli>(bench::CountingConnection::Clock::now() - start).count();
        const double server_ms = std::chrono::duration<double, std::milli>(counted.server_time).count();
        std::printf("bench: migrate() %.2f ms (%.2f ms waiting for the server), %d round trip%s, %zu applied, "
                    "%zu already applied\n",
                    ms, server_ms, counted.round_trips, counted.round_trips == 1 ? "" : "s", result.applied.size(),
                    result.already_applied);
    } catch (const std::exception& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
