// Benchmark: parse the export SQL of the synthetic N-table PostgreSQL schema with libpg_query.
//
//   drizzle_bench_pg_ddl_parse [--tables 1000] [--runs 5]
//
// Prints one line of key=value figures: script size, statements, best and median parse time, and
// whether the parsed schema diffs empty against the one the script was exported from.
#include "synthetic_schema.hpp"

#include "drizzle/dialect/pg.hpp"
#include "drizzle/dialect/pg_ddl.hpp"
#include "drizzle/diff/diff.hpp"
#include "drizzle/kit/builtin_dialects.hpp"

#include <algorithm>
#include <chrono>
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

using namespace drizzle;
using Clock = std::chrono::steady_clock;

int main(int argc, char** argv) {
    // No connection is opened first, so the dialects are registered here (renders, headers).
    drizzle::kit::register_builtin_dialects();
    int tables = 1000;
    int runs = 5;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (std::strcmp(argv[i], "--tables") == 0) tables = std::stoi(argv[i + 1]);
        if (std::strcmp(argv[i], "--runs") == 0) runs = std::stoi(argv[i + 1]);
    }
    const Schema source = bench::synthetic_schema(Dialect::postgresql, tables);
    Schema empty;
    empty.dialect = Dialect::postgresql;
    ScriptedResolver none;
    const auto statements = pg::migration_statements(diff(empty, source, none));
    std::string script;
    for (const auto& statement : statements)
        script += statement + "\n--> statement-breakpoint\n";

    std::vector<double> times;
    Schema parsed;
    for (int run = 0; run < runs; ++run) {
        const auto start = Clock::now();
        parsed = pg::parse_ddl(script, "synthetic.sql");
        times.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
    std::sort(times.begin(), times.end());
    const bool same = diff(source, parsed, none).operations.empty();
    std::cout << "tables=" << tables << " bytes=" << script.size() << " statements=" << statements.size()
              << " parse_ms_best=" << times.front() << " parse_ms_median=" << times[times.size() / 2]
              << " rediff_empty=" << (same ? "yes" : "no") << std::endl;
    return same ? 0 : 1;
}
