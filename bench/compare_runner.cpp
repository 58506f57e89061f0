// bench/compare's timer: runs each workload's commands for both tools, alternating, and prints a markdown table.
//
//   drizzle_bench_compare --plan FILE [--runs 5] [--warmup 1] [--logs DIR] [--kit-label TEXT] [--slow-seconds 60]
//
// The plan has one workload per line, tab-separated:
//   id  title  target  ours_prepare  ours_command  kit_prepare  kit_command
// Commands run under /bin/sh -c. A prepare command runs before every timed run and is not timed.
// kit_command "-" means drizzle-kit has no counterpart; "@<id>" reuses another workload's drizzle-kit
// figures (the same command measured once). target is "-" or "ms=50" / "ms=50,mb=30", and "ratio=2"
// asks drizzle-kit's median to be at least twice ours. The notes of an "edit-" workload (the
// edit → generate loop) also give each tool's slowest run.
// Wall time is measured around fork/exec/wait; peak RSS is wait4()'s ru_maxrss, the largest of the
// command and the children it waited for. A line "bench: ..." printed by our command is shown as a note.
// A tool whose warm-up run takes longer than --slow-seconds gets 2 timed runs instead, and the note says so.
#include <sys/resource.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

struct Workload {
    std::string id, title, target, ours_prepare, ours_command, kit_prepare, kit_command;
};

struct Sample {
    double ms = 0;
    long rss_kb = 0;
};

/// What one tool did on one workload: its samples, or why it has none.
struct Figures {
    std::vector<Sample> samples;
    std::string failure;  ///< non-empty when a run failed
    std::string note;     ///< the last "bench: ..." line our command printed
    double warmup_ms = 0; ///< the last warm-up run's wall time
    int runs = 0;         ///< timed runs asked of this tool
    bool measured() const { return failure.empty() && !samples.empty(); }
    double median_ms() const { return median([](const Sample& s) { return s.ms; }); }
    double median_mb() const { return median([](const Sample& s) { return s.rss_kb / 1024.0; }); }
    double max_ms() const {
        double slowest = 0;
        for (const auto& s : samples)
            slowest = std::max(slowest, s.ms);
        return slowest;
    }

private:
    template <class F>
    double median(F value) const {
        std::vector<double> v;
        for (const auto& s : samples) v.push_back(value(s));
        std::sort(v.begin(), v.end());
        if (v.empty()) return 0;
        return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
    }
};

std::vector<std::string> split_tabs(const std::string& line) {
    std::vector<std::string> fields;
    std::string field;
    std::istringstream in(line);
    while (std::getline(in, field, '\t')) fields.push_back(field);
    return fields;
}

std::vector<Workload> read_plan(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read plan " + path);
    std::vector<Workload> plan;
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (line.empty() || line[0] == '#') continue;
        const auto f = split_tabs(line);
        if (f.size() != 7) {
            throw std::runtime_error(path + ":" + std::to_string(number) + ": expected 7 tab-separated fields, got " +
                                     std::to_string(f.size()));
        }
        plan.push_back({f[0], f[1], f[2], f[3], f[4], f[5], f[6]});
    }
    return plan;
}

/// Runs `command` under sh with stdout to `out_path` and stderr appended to `log_path`.
std::optional<Sample> run(const std::string& command, const std::string& out_path, const std::string& log_path) {
    const auto start = Clock::now();
    const pid_t pid = fork();
    if (pid < 0) return std::nullopt;
    if (pid == 0) {
        const int out = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        const int log = open(log_path.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
        const int null_in = open("/dev/null", O_RDONLY);
        if (out < 0 || log < 0 || null_in < 0) _exit(127);
        dup2(null_in, 0);
        dup2(out, 1);
        dup2(log, 2);
        execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
        _exit(127);
    }
    int status = 0;
    rusage usage{};
    if (wait4(pid, &status, 0, &usage) < 0) return std::nullopt;
    const auto end = Clock::now();
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return std::nullopt;
    return Sample{std::chrono::duration<double, std::milli>(end - start).count(), usage.ru_maxrss};
}

std::string read_file(const std::string& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string last_bench_line(const std::string& output) {
    std::string found, line;
    std::istringstream in(output);
    while (std::getline(in, line)) {
        if (line.rfind("bench: ", 0) == 0) found = line.substr(7);
    }
    return found;
}

std::string tail(const std::string& text, std::size_t lines) {
    std::vector<std::string> all;
    std::string line;
    std::istringstream in(text);
    while (std::getline(in, line)) all.push_back(line);
    std::string out;
    for (std::size_t i = all.size() > lines ? all.size() - lines : 0; i < all.size(); ++i) out += all[i] + "\n";
    return out;
}

struct Runner {
    int runs = 5;
    int warmup = 1;
    int slow_runs = 2;          ///< timed runs for a tool whose warm-up took longer than slow_ms
    double slow_ms = 60000;
    std::string logs = ".";

    /// One (possibly prepared) timed run; records a failure instead of a sample when a step fails.
    void once(const Workload& w, const std::string& tool, const std::string& prepare, const std::string& command,
              Figures& figures, bool keep) {
        if (!figures.failure.empty()) return;
        const std::string log = logs + "/" + w.id + "." + tool + ".log";
        const std::string out = logs + "/" + w.id + "." + tool + ".out";
        if (prepare != "-" && !prepare.empty() && !run(prepare, "/dev/null", log)) {
            figures.failure = "prepare step failed: " + prepare;
        } else if (auto sample = run(command, out, log)) {
            if (keep) figures.samples.push_back(*sample);
            else figures.warmup_ms = sample->ms;
            if (auto note = last_bench_line(read_file(out)); !note.empty()) figures.note = note;
            return;
        } else {
            figures.failure = "command failed: " + command;
        }
        std::cerr << "bench: " << w.id << " (" << tool << ") " << figures.failure << "\n"
                  << tail(read_file(log), 15) << "\n";
    }

    std::pair<Figures, Figures> measure(const Workload& w, bool with_kit) {
        Figures ours, kit;
        auto step = [&](bool kit_turn, bool keep) {
            if (kit_turn) {
                if (with_kit) once(w, "kit", w.kit_prepare, w.kit_command, kit, keep);
            } else {
                once(w, "ours", w.ours_prepare, w.ours_command, ours, keep);
            }
        };
        for (int i = 0; i < warmup; ++i) {
            step(false, false);
            step(true, false);
        }
        // A tool that needs minutes per run (drizzle-kit's pull of 1000 tables) gets fewer runs.
        const auto runs_for = [&](const Figures& f) { return warmup > 0 && f.warmup_ms > slow_ms ? slow_runs : runs; };
        ours.runs = runs_for(ours);
        kit.runs = with_kit ? runs_for(kit) : 0;
        for (int i = 0; i < std::max(ours.runs, kit.runs); ++i) {
            // Alternate which tool goes first, so neither always runs on a machine the other warmed.
            for (bool kit_turn : {i % 2 == 1, i % 2 == 0}) {
                if (i < (kit_turn ? kit.runs : ours.runs)) step(kit_turn, true);
            }
        }
        return {ours, kit};
    }
};

std::string format_ms(double ms) {
    char text[32];
    if (ms >= 1000) std::snprintf(text, sizeof text, "%.2f s", ms / 1000);
    else if (ms >= 100) std::snprintf(text, sizeof text, "%.0f ms", ms);
    else std::snprintf(text, sizeof text, "%.1f ms", ms);
    return text;
}

std::string format_mb(double mb) {
    char text[32];
    std::snprintf(text, sizeof text, "%.0f MB", mb);
    return text;
}

/// "≤ 50 ms, 30 MB: met" from "ms=50,mb=30" and our figures; "≤ 1/2 of drizzle-kit: met" from
/// "ratio=2" and both tools' figures.
std::string judge(const std::string& target, const Figures& ours, const Figures& kit) {
    if (target == "-" || target.empty()) return "";
    double limit_ms = 0, limit_mb = 0, ratio = 0;
    std::istringstream in(target);
    std::string part;
    while (std::getline(in, part, ',')) {
        if (part.rfind("ms=", 0) == 0) limit_ms = std::stod(part.substr(3));
        if (part.rfind("mb=", 0) == 0) limit_mb = std::stod(part.substr(3));
        if (part.rfind("ratio=", 0) == 0) ratio = std::stod(part.substr(6));
    }
    std::string text = "≤ ";
    bool met = ours.measured();
    if (limit_ms > 0) {
        text += format_ms(limit_ms);
        met = met && ours.median_ms() <= limit_ms;
    }
    if (limit_mb > 0) {
        text += (limit_ms > 0 ? ", " : "") + format_mb(limit_mb);
        met = met && ours.median_mb() <= limit_mb;
    }
    if (ratio > 0) {
        char share[32];
        std::snprintf(share, sizeof share, "1/%g", ratio);
        text += (limit_ms > 0 || limit_mb > 0 ? ", " : "") + std::string(share) + " of drizzle-kit";
        if (!kit.measured()) return text + ": not judged (drizzle-kit not measured)";
        met = met && ours.median_ms() * ratio <= kit.median_ms();
    }
    return text + (met ? ": met" : ": **missed**");
}

int usage() {
    std::cerr << "usage: drizzle_bench_compare --plan FILE [--runs N] [--warmup N] [--logs DIR] [--no-kit]"
                 " [--kit-label TEXT] [--slow-seconds S]\n";
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    Runner runner;
    std::string plan_path, kit_label = "drizzle-kit";
    bool with_kit = true;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const bool has_value = i + 1 < argc;
        if (arg == "--plan" && has_value) plan_path = argv[++i];
        else if (arg == "--runs" && has_value) runner.runs = std::atoi(argv[++i]);
        else if (arg == "--warmup" && has_value) runner.warmup = std::atoi(argv[++i]);
        else if (arg == "--logs" && has_value) runner.logs = argv[++i];
        else if (arg == "--slow-seconds" && has_value) runner.slow_ms = 1000 * std::atof(argv[++i]);
        else if (arg == "--kit-label" && has_value) kit_label = argv[++i];
        else if (arg == "--no-kit") with_kit = false;
        else return usage();
    }
    if (plan_path.empty() || runner.runs < 1 || runner.warmup < 0) return usage();
    try {
        const auto plan = read_plan(plan_path);
        std::map<std::string, Figures> kit_by_id;
        std::cout << "| workload | drizzle-cpp | peak RSS | " << kit_label << " | peak RSS | " << kit_label
                  << " / drizzle-cpp | target (drizzle-cpp) | notes |\n"
                  << "|---|---|---|---|---|---|---|---|\n";
        bool failed = false;
        for (const auto& w : plan) {
            std::cerr << "bench: " << w.id << " ...\n";
            const bool own_kit = with_kit && w.kit_command != "-" && w.kit_command[0] != '@';
            auto [ours, kit] = runner.measure(w, own_kit);
            if (w.kit_command[0] == '@' && with_kit) kit = kit_by_id[w.kit_command.substr(1)];
            kit_by_id[w.id] = kit;
            failed = failed || !ours.failure.empty() || !kit.failure.empty();

            const auto cell = [](const Figures& f, bool ms) {
                if (!f.failure.empty()) return std::string("failed");
                if (f.samples.empty()) return std::string("–");
                return ms ? format_ms(f.median_ms()) : format_mb(f.median_mb());
            };
            std::string ratio = "–";
            if (ours.measured() && kit.measured()) {
                char text[32];
                std::snprintf(text, sizeof text, "%.0f×", kit.median_ms() / ours.median_ms());
                if (kit.median_ms() / ours.median_ms() < 10) {
                    std::snprintf(text, sizeof text, "%.1f×", kit.median_ms() / ours.median_ms());
                }
                ratio = text;
            }
            std::string notes = ours.note;
            if (w.id.rfind("edit-", 0) == 0 && ours.measured()) {
                notes +=
                    std::string(notes.empty() ? "" : "; ") + "slowest run: drizzle-cpp " + format_ms(ours.max_ms());
                if (kit.measured()) notes += ", " + kit_label + " " + format_ms(kit.max_ms());
            }
            for (const auto* f : {&ours, &kit}) {
                if (f->runs > 0 && f->runs < runner.runs && f->measured()) {
                    notes += std::string(notes.empty() ? "" : "; ") + (f == &kit ? kit_label : "drizzle-cpp") + ": " +
                             std::to_string(f->runs) + " runs (warm-up took " + format_ms(f->warmup_ms) + ")";
                }
            }
            std::cout << "| " << w.title << " | " << cell(ours, true) << " | " << cell(ours, false) << " | "
                      << cell(kit, true) << " | " << cell(kit, false) << " | " << ratio << " | "
                      << judge(w.target, ours, kit) << " | " << notes << " |" << std::endl;
        }
        return failed ? 1 : 0;
    } catch (const std::exception& e) {
        std::cerr << "drizzle_bench_compare: " << e.what() << "\n";
        return 2;
    }
}
