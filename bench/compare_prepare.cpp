// bench/compare's workload writer: the synthetic schemas (C++ header, TypeScript, snapshot) and a migration history.
//
//   drizzle_bench_prepare --out DIR [--sizes 10,100,1000] [--history 200]
//
// Writes, for each dialect (pg, sqlite) and size N:
//   DIR/<dialect>-<N>/schema.hpp   our DSL header (what `pull` would write for that database)
//   DIR/<dialect>-<N>/schema.ts    the drizzle-orm TypeScript twin, for drizzle-kit
//   DIR/<dialect>-<N>/schema.json  the snapshot the header exports (a snapshot schema source)
// and for every N the same three as changed.* with one extra column on t_0000 (the edit the
// edit-loop workloads alternate with). Then
// DIR/history-<H>: H small PostgreSQL migrations (3 statements each) in drizzle-kit 0.31's
// journal layout, which both tools' `migrate` read.
#include "synthetic_schema.hpp"

#include "drizzle/diff/diff.hpp"
#include "drizzle/kit/builtin_dialects.hpp"
#include "drizzle/pull/cpp_header.hpp"
#include "drizzle/snapshot/snapshot.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

using namespace drizzle;
namespace fs = std::filesystem;

namespace {

void write_text(const fs::path& path, const std::string& text) {
    fs::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary);
    out << text;
    if (!out.flush()) throw std::runtime_error("cannot write " + path.string());
}

/// schema.hpp / schema.ts / schema.json (or changed.*) for one dialect and size.
void write_schema_files(const fs::path& dir, const std::string& stem, Dialect dialect, int tables, bool changed) {
    Schema schema = bench::synthetic_schema(dialect, tables, changed);
    assign_default_names(schema, NamingStyle::v1, /*rederive=*/true);
    pull::HeaderOptions options;
    options.source = "the synthetic benchmark schema, " + std::to_string(tables) + " tables";
    const pull::PulledHeader header = pull::write_cpp_header(schema, options);
    Snapshot snapshot;
    snapshot.schema = header.declared;
    write_text(dir / (stem + ".hpp"), header.text);
    write_text(dir / (stem + ".ts"), bench::synthetic_schema_typescript(dialect, tables, changed));
    write_text(dir / (stem + ".json"), write_snapshot(snapshot));
}

/// Migration i creates table m_i, indexes it and adds a column: 3 statements, like the reference run.
std::string history_migration(int i) {
    char name[16];
    std::snprintf(name, sizeof name, "m_%04d", i);
    const std::string t = name;
    return "CREATE TABLE \"" + t + "\" (\n\t\"id\" serial PRIMARY KEY NOT NULL,\n\t\"name\" text NOT NULL\n);\n" +
           "--> statement-breakpoint\nCREATE INDEX \"" + t + "_name_idx\" ON \"" + t + "\" USING btree (\"name\");" +
           "\n--> statement-breakpoint\nALTER TABLE \"" + t + "\" ADD COLUMN \"note\" text;";
}

void write_history(const fs::path& dir, int count) {
    std::ostringstream journal;
    journal << "{\n  \"version\": \"7\",\n  \"dialect\": \"postgresql\",\n  \"entries\": [";
    const long long first_when = 1763800000000; // 2025-11-22, one minute apart
    for (int i = 0; i < count; ++i) {
        char tag[32];
        std::snprintf(tag, sizeof tag, "%04d_m_%04d", i, i);
        write_text(dir / (std::string(tag) + ".sql"), history_migration(i));
        journal << (i ? "," : "") << "\n    {\n      \"idx\": " << i << ",\n      \"version\": \"7\",\n"
                << "      \"when\": " << first_when + 60000LL * i << ",\n      \"tag\": \"" << tag
                << "\",\n      \"breakpoints\": true\n    }";
    }
    journal << "\n  ]\n}";
    write_text(dir / "meta" / "_journal.json", journal.str());
}

std::vector<int> parse_sizes(const std::string& text) {
    std::vector<int> sizes;
    std::istringstream in(text);
    std::string item;
    while (std::getline(in, item, ',')) {
        const int n = std::atoi(item.c_str());
        if (n < 1) throw std::runtime_error("--sizes: \"" + item + "\" is not a positive number");
        sizes.push_back(n);
    }
    return sizes;
}

} // namespace

int main(int argc, char** argv) {
    // No connection is opened first, so the dialects are registered here (renders, headers).
    drizzle::kit::register_builtin_dialects();
    fs::path out;
    std::string sizes_text = "10,100,1000";
    int history = 200;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string arg = argv[i];
        if (arg == "--out")
            out = argv[i + 1];
        else if (arg == "--sizes")
            sizes_text = argv[i + 1];
        else if (arg == "--history")
            history = std::atoi(argv[i + 1]);
        else
            out.clear(), i = argc;
    }
    if (out.empty() || argc % 2 == 0) {
        std::cerr << "usage: drizzle_bench_prepare --out DIR [--sizes 10,100,1000] [--history 200]\n";
        return 2;
    }
    try {
        const auto sizes = parse_sizes(sizes_text);
        for (const auto& [dialect, label] :
             {std::pair{Dialect::postgresql, "pg"}, std::pair{Dialect::sqlite, "sqlite"}}) {
            for (int n : sizes) {
                const fs::path dir = out / (std::string(label) + "-" + std::to_string(n));
                write_schema_files(dir, "schema", dialect, n, false);
                write_schema_files(dir, "changed", dialect, n, true);
            }
        }
        write_history(out / ("history-" + std::to_string(history)), history);
    } catch (const std::exception& e) {
        std::cerr << "drizzle_bench_prepare: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
