// Benchmark: push the synthetic N-table schema into an empty PostgreSQL database, then pull it back.
//
//   drizzle_bench_pull_push_pg --url postgres://... --phase push|pull [--tables 1000] [--snapshot FILE]
//
// Each phase is meant to run in its own process so its peak RSS is its own. Prints one line of
// key=value figures: wall time, catalog/DDL query counts, time spent in the server's DDL.
#include "counting_connection.hpp"
#include "synthetic_schema.hpp"

#include "drizzle/dialect/pg.hpp"
#include "drizzle/dialect/pg_connection.hpp"
#include "drizzle/diff/diff.hpp"
#include "drizzle/pull/cpp_header.hpp"
#include "drizzle/snapshot/snapshot.hpp"

#include <sys/resource.h>

#include <chrono>
#include <cstring>
#include <fstream>
#include <iostream>

using namespace drizzle;
using Clock = std::chrono::steady_clock;

namespace {

double ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

long peak_rss_kb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

int usage_error() {
    std::cerr << "usage: drizzle_bench_pull_push_pg --url URL --phase push|pull [--tables N] [--snapshot FILE]\n";
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    std::string url, phase, snapshot_path;
    int tables = 1000;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--url")) url = argv[i + 1];
        else if (!std::strcmp(argv[i], "--phase")) phase = argv[i + 1];
        else if (!std::strcmp(argv[i], "--tables")) tables = std::atoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--snapshot")) snapshot_path = argv[i + 1];
        else return usage_error();
    }
    if (url.empty() || (phase != "push" && phase != "pull")) return usage_error();
    try {
        auto connection = pg::PgConnection::open(url);
        bench::CountingConnection db(*connection);
        const auto start = Clock::now();
        if (phase == "push") {
            Schema desired = bench::synthetic_schema(Dialect::postgresql, tables);
            assign_default_names(desired, NamingStyle::v1, true);
            if (!snapshot_path.empty()) {
                Snapshot snapshot;
                snapshot.schema = desired;
                std::ofstream(snapshot_path) << write_snapshot(snapshot);
            }
            const Schema live = pg::introspect(db);
            const int catalog_queries = db.round_trips;
            ScriptedResolver no_renames;
            const DiffResult plan = diff(live, desired, no_renames);
            const auto statements = pg::migration_statements(plan);
            const auto planned = Clock::now();
            db.exec("BEGIN");
            for (const auto& statement : statements) db.exec(statement);
            db.exec("COMMIT");
            const auto done = Clock::now();
            std::cout << "phase=push tables=" << tables << " wall_ms=" << ms(done - start)
                      << " plan_ms=" << ms(planned - start) << " apply_ms=" << ms(done - planned)
                      << " catalog_queries=" << catalog_queries << " statements=" << statements.size()
                      << " round_trips=" << db.round_trips << " peak_rss_kb=" << peak_rss_kb() << "\n";
        } else {
            const Schema live = pg::introspect(db);
            const auto fetched = Clock::now();
            pull::PulledHeader header = pull::write_cpp_header(live);
            Snapshot snapshot;
            snapshot.schema = header.declared;
            const std::string json = write_snapshot(snapshot);
            const auto done = Clock::now();
            std::cout << "phase=pull tables=" << live.tables.size() << " wall_ms=" << ms(done - start)
                      << " introspect_ms=" << ms(fetched - start) << " server_ms=" << ms(db.server_time)
                      << " catalog_queries=" << db.round_trips << " header_bytes=" << header.text.size()
                      << " snapshot_bytes=" << json.size() << " peak_rss_kb=" << peak_rss_kb() << "\n";
        }
    } catch (const std::exception& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
