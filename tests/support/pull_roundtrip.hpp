// The pull round trip both dialects' tests run: pull, generate reports nothing, the header exports the baseline.
#pragma once

#include "support/test_support.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

namespace drizzle::test {

/// What a pull round trip produced, for further checks.
struct PullRoundTrip {
    std::filesystem::path out;   ///< the migrations folder pull wrote
    std::string header;          ///< schema.hpp
    std::string pull_output;     ///< pull's stdout + stderr
    double pull_seconds = 0;     ///< wall time of `drizzle-kit pull`
    double generate_seconds = 0; ///< wall time of `drizzle-kit generate` (reads the header)
};

/// `'text'` for /bin/sh.
inline std::string sh_quote(const std::string& text) {
    std::string out = "'";
    for (char c : text)
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

/// Runs drizzle-kit in `dir` with its exporter cache in `dir`/.cache (one compile per test, and
/// the test can run the exporter generate built), with `env` before it.
inline int run_pull_kit(const std::filesystem::path& dir, const std::string& args, std::string& output,
                        const std::string& env = "") {
    return run_command("cd " + sh_quote(dir.string()) + " && env " + env +
                           " DRIZZLE_CACHE_DIR=" + sh_quote((dir / ".cache").string()) + " " +
                           sh_quote(DRIZZLE_KIT_EXE) + " " + args + " </dev/null",
                       output);
}

/// The compile path with warnings as errors: a pulled header must build cleanly in a project that
/// uses -Wall -Wextra.
constexpr const char* kCompileStrictly = "DRIZZLE_READ_HEADERS=0 DRIZZLE_CXXFLAGS='-Wall -Wextra -Wpedantic -Werror'";

/// The one subfolder (v1 migration) of `out`.
inline std::vector<std::filesystem::path> migration_folders(const std::filesystem::path& out) {
    std::vector<std::filesystem::path> folders;
    if (!std::filesystem::exists(out)) return folders;
    for (const auto& entry : std::filesystem::directory_iterator(out)) {
        if (entry.is_directory() && entry.path().filename().string().front() != '.') folders.push_back(entry.path());
    }
    std::sort(folders.begin(), folders.end());
    return folders;
}

/// The snapshot JSON without what differs between any two snapshots of one schema.
inline nlohmann::ordered_json snapshot_body(const std::string& text) {
    auto json = nlohmann::ordered_json::parse(text);
    json.erase("id");
    json.erase("prevIds");
    return json;
}

/// The pull round trip: `drizzle-kit pull` (with `pull_args`: dialect, url) into `dir`/drizzle, then
/// `generate` with the pulled header against the pulled folder must say "No schema changes", and
/// the snapshot the header exports, read without a compiler and compiled, must equal the pulled
/// baseline byte for byte (after id/prevIds). Failures are reported with the header, so a broken case shows what was
/// written.
inline PullRoundTrip pull_round_trip(const std::filesystem::path& dir, const std::string& pull_args) {
    namespace fs = std::filesystem;
    using clock = std::chrono::steady_clock;
    PullRoundTrip result;
    result.out = dir / "drizzle";
    std::string output;
    auto started = clock::now();
    const int pulled = run_pull_kit(dir, "pull " + pull_args + " --out " + sh_quote(result.out.string()), output);
    result.pull_seconds = std::chrono::duration<double>(clock::now() - started).count();
    result.pull_output = output;
    EXPECT_EQ(pulled, 0) << output;
    if (pulled != 0) return result;
    result.header = read_file(result.out / "schema.hpp");
    const auto folders = migration_folders(result.out);
    EXPECT_EQ(folders.size(), 1u) << "pull writes one baseline migration into an empty folder";
    if (folders.size() != 1) return result;
    const std::string baseline = read_file(folders[0] / "snapshot.json");

    started = clock::now();
    const std::string dialect = pull_args.find("postgresql") != std::string::npos ? "postgresql" : "sqlite";
    const int generated =
        run_pull_kit(dir,
                     "generate --dialect " + dialect + " --schema " + sh_quote((result.out / "schema.hpp").string()) +
                         " --out " + sh_quote(result.out.string()),
                     output);
    result.generate_seconds = std::chrono::duration<double>(clock::now() - started).count();
    EXPECT_EQ(generated, 0) << output << "\n--- schema.hpp ---\n" << result.header;
    if (generated != 0) return result;
    if (output.find("No schema changes") == std::string::npos) {
        std::string written;
        for (const auto& folder : migration_folders(result.out)) {
            if (folder != folders[0]) written += read_file(folder / "migration.sql");
        }
        ADD_FAILURE() << "generate found changes between the pulled header and the pulled baseline:\n"
                      << written << "\n--- schema.hpp ---\n"
                      << result.header;
        return result;
    }

    // The schema host's snapshot of the header (`host_args`: --read, or the compiled object),
    // compared as text with the baseline: key order is part of what drizzle-kit writes.
    const auto recorded = snapshot_body(baseline);
    auto expect_exports_baseline = [&](const std::string& host_args, const std::string& how) {
        const fs::path exported_path = dir / "exported.json";
        EXPECT_EQ(
            run_command(sh_quote(DRIZZLE_SCHEMA_HOST_EXE) + " " + host_args + " > " + sh_quote(exported_path.string()),
                        output),
            0)
            << output;
        const auto exported = snapshot_body(read_file(exported_path));
        if (exported.dump(2) != recorded.dump(2)) {
            ADD_FAILURE() << "the header, " << how
                          << ", exports another snapshot than the pulled baseline; JSON patch from the baseline to "
                             "the export (empty: only the order differs):\n"
                          << nlohmann::json::diff(nlohmann::json::parse(recorded.dump()),
                                                  nlohmann::json::parse(exported.dump()))
                                 .dump(2)
                          << "\n--- schema.hpp ---\n"
                          << result.header;
        }
    };
    // The header read without a compiler (what generate just did) exports the baseline...
    expect_exports_baseline("--read " + sh_quote((result.out / "schema.hpp").string()), "read without a compiler");

    // ...and so does the compiled header, which must also build cleanly with the warnings above.
    const int compiled =
        run_pull_kit(dir,
                     "generate --dialect " + dialect + " --schema " + sh_quote((result.out / "schema.hpp").string()) +
                         " --out " + sh_quote(result.out.string()),
                     output, kCompileStrictly);
    EXPECT_EQ(compiled, 0) << output << "\n--- schema.hpp ---\n" << result.header;
    EXPECT_NE(output.find("No schema changes"), std::string::npos) << output;

    // The header generate just compiled (the only one in this test's cache), loaded by the host.
    std::vector<fs::path> objects;
    for (const auto& entry : fs::recursive_directory_iterator(dir / ".cache")) {
        if (entry.is_regular_file() && entry.path().filename() == "header.so") objects.push_back(entry.path());
    }
    EXPECT_EQ(objects.size(), 1u);
    if (objects.size() != 1) return result;
    expect_exports_baseline(sh_quote(objects[0].string()), "compiled");
    return result;
}

}  // namespace drizzle::test
