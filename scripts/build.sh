#!/usr/bin/env bash
# Configures and builds drizzle-cpp with the given CMake preset (default: dev) into build/<preset>.
#
#   scripts/build.sh [PRESET [TARGET...]]   TARGETs given: only those (and what they need) are built
# DRIZZLE_CMAKE_ARGS: extra configure arguments, e.g. "-DDRIZZLE_WERROR=ON" (CI).
set -euo pipefail
cd "$(dirname "$0")/.."
preset="${1:-dev}"
shift || true
targets=()
for target in "$@"; do targets+=(--target "$target"); done
# Word splitting of DRIZZLE_CMAKE_ARGS is intended: it holds several -D arguments.
# shellcheck disable=SC2086
cmake --preset "$preset" ${DRIZZLE_CMAKE_ARGS:-} >/dev/null
cmake --build --preset "$preset" -j "$(nproc)" "${targets[@]}"
