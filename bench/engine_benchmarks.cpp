// Google Benchmark microbenchmarks of the engine's hot paths at 10/100/1000 tables.
//
//   drizzle_bench_engine [--benchmark_filter=...]        (DRIZZLE_BENCH_PG_URL: also PostgreSQL introspection)
//
// Snapshot parse and write, diff, SQL rendering, and catalog rows to model: SQLite's catalog of an
// in-memory database, and, when DRIZZLE_BENCH_PG_URL names a server, PostgreSQL's catalog rows
// fetched once from a real database and replayed from memory (so only the conversion is timed).
#include "synthetic_schema.hpp"

#include "drizzle/dialect/pg.hpp"
#include "drizzle/dialect/sqlite.hpp"
#include "drizzle/dialect/sqlite_connection.hpp"
#include "drizzle/diff/diff.hpp"
#include "drizzle/kit/builtin_dialects.hpp"
#include "drizzle/snapshot/snapshot.hpp"
#ifdef DRIZZLE_BENCH_WITH_PG
#include "drizzle/dialect/pg_connection.hpp"
#endif

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <map>
#include <memory>

using namespace drizzle;

namespace {

/// The synthetic schema with the names generate gives it (what a snapshot holds).
Schema named_schema(Dialect dialect, int tables, bool extra_column = false) {
    Schema schema = bench::synthetic_schema(dialect, tables, extra_column);
    assign_default_names(schema, NamingStyle::v1, /*rederive=*/true);
    return schema;
}

Schema empty_schema(Dialect dialect) {
    Schema schema;
    schema.dialect = dialect;
    return schema;
}

std::string snapshot_text(Dialect dialect, int tables) {
    Snapshot snapshot;
    snapshot.schema = named_schema(dialect, tables);
    return write_snapshot(snapshot);
}

void set_tables(benchmark::State& state) {
    state.SetComplexityN(state.range(0));
    state.counters["tables"] = static_cast<double>(state.range(0));
}

void BM_SnapshotParsePg(benchmark::State& state) {
    const std::string text = snapshot_text(Dialect::postgresql, static_cast<int>(state.range(0)));
    for (auto _ : state)
        benchmark::DoNotOptimize(parse_snapshot(text, "snapshot.json"));
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
    set_tables(state);
}

void BM_SnapshotWritePg(benchmark::State& state) {
    Snapshot snapshot;
    snapshot.schema = named_schema(Dialect::postgresql, static_cast<int>(state.range(0)));
    for (auto _ : state)
        benchmark::DoNotOptimize(write_snapshot(snapshot));
    set_tables(state);
}

void BM_DiffFromEmptyPg(benchmark::State& state) {
    const Schema empty = empty_schema(Dialect::postgresql);
    const Schema next = named_schema(Dialect::postgresql, static_cast<int>(state.range(0)));
    for (auto _ : state) {
        ScriptedResolver no_renames;
        benchmark::DoNotOptimize(diff(empty, next, no_renames));
    }
    set_tables(state);
}

void BM_DiffOneChangePg(benchmark::State& state) {
    const Schema prev = named_schema(Dialect::postgresql, static_cast<int>(state.range(0)));
    const Schema next = named_schema(Dialect::postgresql, static_cast<int>(state.range(0)), true);
    for (auto _ : state) {
        ScriptedResolver no_renames;
        benchmark::DoNotOptimize(diff(prev, next, no_renames));
    }
    set_tables(state);
}

void BM_RenderSql(benchmark::State& state, Dialect dialect) {
    ScriptedResolver no_renames;
    const DiffResult plan =
        diff(empty_schema(dialect), named_schema(dialect, static_cast<int>(state.range(0))), no_renames);
    for (auto _ : state) {
        benchmark::DoNotOptimize(dialect == Dialect::postgresql ? pg::migration_statements(plan)
                                                                : sqlite::migration_statements(plan));
    }
    set_tables(state);
}

void BM_CatalogToModelSqlite(benchmark::State& state) {
    auto db = sqlite::SqliteConnection::open(":memory:");
    ScriptedResolver no_renames;
    const DiffResult plan = diff(empty_schema(Dialect::sqlite),
                                 named_schema(Dialect::sqlite, static_cast<int>(state.range(0))), no_renames);
    for (const auto& statement : sqlite::migration_statements(plan))
        db->exec(statement);
    for (auto _ : state)
        benchmark::DoNotOptimize(sqlite::introspect(*db));
    set_tables(state);
}

#ifdef DRIZZLE_BENCH_WITH_PG
/// Answers each catalog query with the rows a real server gave the first time.
class ReplayConnection : public Connection {
public:
    explicit ReplayConnection(Connection& live) : live_(&live) {}
    Dialect dialect() const override { return Dialect::postgresql; }
    void exec(std::string_view sql) override {
        if (live_) live_->exec(sql);
    }
    std::vector<Row> query(std::string_view sql, const std::vector<SqlValue>& params) override {
        const std::string key(sql);
        if (live_) recorded_[key] = live_->query(sql, params);
        return recorded_.at(key);
    }
    std::string describe() const override { return "replay"; }
    void stop_recording() { live_ = nullptr; }

private:
    Connection* live_;
    std::map<std::string, std::vector<Row>> recorded_;
};

void BM_CatalogToModelPg(benchmark::State& state) {
    const char* url = std::getenv("DRIZZLE_BENCH_PG_URL");
    auto admin = pg::PgConnection::open(url);
    const std::string database = "drizzle_bench_engine_" + std::to_string(state.range(0));
    admin->exec("DROP DATABASE IF EXISTS " + pg::quote_identifier(database));
    admin->exec("CREATE DATABASE " + pg::quote_identifier(database));
    {
        auto db = pg::PgConnection::open(std::string(url).substr(0, std::string(url).rfind('/') + 1) + database);
        ScriptedResolver no_renames;
        const DiffResult plan = diff(empty_schema(Dialect::postgresql),
                                     named_schema(Dialect::postgresql, static_cast<int>(state.range(0))), no_renames);
        db->exec("BEGIN");
        for (const auto& statement : pg::migration_statements(plan))
            db->exec(statement);
        db->exec("COMMIT");
        db->exec("ANALYZE");
        ReplayConnection replay(*db);
        pg::introspect(replay); // records the catalog rows
        replay.stop_recording();
        for (auto _ : state)
            benchmark::DoNotOptimize(pg::introspect(replay));
    }
    admin->exec("DROP DATABASE IF EXISTS " + pg::quote_identifier(database));
    set_tables(state);
}
#endif

#define TABLE_SIZES ->Arg(10)->Arg(100)->Arg(1000)->Unit(benchmark::kMillisecond)->Complexity(benchmark::oN)

BENCHMARK(BM_SnapshotParsePg) TABLE_SIZES;
BENCHMARK(BM_SnapshotWritePg) TABLE_SIZES;
BENCHMARK(BM_DiffFromEmptyPg) TABLE_SIZES;
BENCHMARK(BM_DiffOneChangePg) TABLE_SIZES;
BENCHMARK_CAPTURE(BM_RenderSql, Pg, Dialect::postgresql) TABLE_SIZES;
BENCHMARK_CAPTURE(BM_RenderSql, Sqlite, Dialect::sqlite) TABLE_SIZES;
BENCHMARK(BM_CatalogToModelSqlite) TABLE_SIZES;

} // namespace

int main(int argc, char** argv) {
    // No connection is opened first, so the dialects are registered here (renders, headers).
    drizzle::kit::register_builtin_dialects();
    benchmark::Initialize(&argc, argv);
#ifdef DRIZZLE_BENCH_WITH_PG
    if (std::getenv("DRIZZLE_BENCH_PG_URL") != nullptr) {
        benchmark::RegisterBenchmark("BM_CatalogToModelPg", BM_CatalogToModelPg) TABLE_SIZES;
    }
#endif
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
