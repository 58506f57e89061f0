#!/usr/bin/env bash
# Configures and builds drizzle-cpp with the given CMake preset (default: dev) into build/<preset>.
set -euo pipefail
cd "$(dirname "$0")/.."
preset="${1:-dev}"
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset" -j "$(nproc)"
