#!/usr/bin/env bash
# Installs what is missing, builds, starts a throwaway PostgreSQL and runs the whole test suite.
# DRIZZLE_TEST_PG_URL already set: that server is used instead. DRIZZLE_SKIP_PG=1: no server,
# the PostgreSQL tests skip (and say so).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh dev

if [ -z "${DRIZZLE_TEST_PG_URL:-}" ] && [ "${DRIZZLE_SKIP_PG:-}" != "1" ]; then
    # A private directory per run, so two runs on one machine do not share a cluster.
    PG_TEST_DIR="$(mktemp -d /tmp/dzpg.XXXXXX)"
    export PG_TEST_DIR
    # Always stopped, quietly, so ctest's summary stays the last thing printed.
    trap 'scripts/pg-test-server.sh stop >/dev/null 2>&1 || true' EXIT
    DRIZZLE_TEST_PG_URL="$(scripts/pg-test-server.sh start)"
    export DRIZZLE_TEST_PG_URL
fi

ctest --preset dev
