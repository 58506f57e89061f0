// Running a child process with its output captured (compiler, schema exporter).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace drizzle::kit {

struct ProcessResult {
    int exit_code = -1;  ///< -1 when the program could not be started or was killed
    int signal = 0;      ///< the signal that killed it, if one did
    std::string out;
    std::string err;
};

/// Runs `argv` (argv[0] looked up in PATH) without a shell; stdout and stderr are captured
/// through files in `scratch_dir`.
ProcessResult run_process(const std::vector<std::string>& argv, const std::filesystem::path& scratch_dir);

}  // namespace drizzle::kit
