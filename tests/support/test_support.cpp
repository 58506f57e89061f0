// Implementation of the shared test helpers.
#include "support/test_support.hpp"

#include "drizzle/driver/connection.hpp"
#include "drizzle/kit/builtin_dialects.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>
#include <sys/wait.h>

namespace drizzle::test {

TempDir::TempDir(const std::string& prefix) {
    std::random_device rd;
    auto base = std::filesystem::temp_directory_path();
    for (int attempt = 0; attempt < 100; ++attempt) {
        auto candidate = base / (prefix + "-" + std::to_string(rd()));
        if (std::filesystem::create_directory(candidate)) {
            path_ = candidate;
            return;
        }
    }
    throw std::runtime_error("cannot create a temp dir");
}

TempDir::~TempDir() {
    if (std::getenv("DRIZZLE_KEEP_TEST_DIRS") == nullptr) {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
}

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path.string());
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

void write_file(const std::filesystem::path& path, const std::string& content) {
    if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary);
    out << content;
    if (!out) throw std::runtime_error("cannot write " + path.string());
}

std::filesystem::path fixture(const std::string& relative) {
    return std::filesystem::path(DRIZZLE_TEST_FIXTURES) / relative;
}

int run_command(const std::string& command, std::string& output) {
    output.clear();
    FILE* pipe = popen((command + " 2>&1").c_str(), "r");
    if (pipe == nullptr) throw std::runtime_error("popen failed: " + command);
    std::array<char, 4096> buffer{};
    size_t n = 0;
    while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) output.append(buffer.data(), n);
    int status = pclose(pipe);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::vector<std::string> golden_cases(const std::string& dialect) {
    const auto root = std::filesystem::path(DRIZZLE_TEST_GOLDEN) / dialect;
    std::vector<std::string> cases;
    if (!std::filesystem::exists(root)) return cases;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
        if (entry.is_regular_file() && entry.path().filename() == "next.sql") {
            cases.push_back(std::filesystem::relative(entry.path().parent_path(), root).string());
        }
    }
    std::sort(cases.begin(), cases.end());
    return cases;
}

std::filesystem::path golden_case_dir(const std::string& dialect, const std::string& name) {
    return std::filesystem::path(DRIZZLE_TEST_GOLDEN) / dialect / name;
}

std::string golden_case_test_name(const ::testing::TestParamInfo<std::string>& info) {
    std::string name = info.param;
    std::replace(name.begin(), name.end(), '/', '_');
    std::replace(name.begin(), name.end(), '-', '_');
    return name;
}

std::string optional_file(const std::filesystem::path& path) {
    return std::filesystem::exists(path) ? read_file(path) : std::string();
}

void expect_statements_refused(Connection& connection, const std::filesystem::path& path) {
    std::istringstream lines(optional_file(path));
    std::string line;
    while (std::getline(lines, line)) {
        if (line.find_first_not_of(" \t\r") == std::string::npos || line.rfind("--", 0) == 0) continue;
        bool refused = false;
        try {
            connection.exec(line);
        } catch (const std::exception&) {
            refused = true;
        }
        EXPECT_TRUE(refused) << "the migrated database accepted: " << line << " (" << path << ")";
    }
}

}  // namespace drizzle::test

namespace {

// Every test binary sees the dialects this build has, as the CLI does, before any test runs.
class BuiltinDialects : public ::testing::Environment {
public:
    void SetUp() override { drizzle::kit::register_builtin_dialects(); }
};

[[maybe_unused]] const auto* const builtin_dialects =
    ::testing::AddGlobalTestEnvironment(new BuiltinDialects);

}  // namespace
