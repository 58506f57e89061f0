#!/usr/bin/env bash
# Benchmark: push a 1000-table schema into an empty PostgreSQL database and pull it back, through
# the library (with query counts) and through the CLI (wall time and peak RSS by GNU time).
#
#   bench/pull-push-pg.sh [TABLES]      (default 1000; needs scripts/install-deps.sh first)
#
# Builds the release preset, starts a throwaway server of its own (scripts/pg-test-server.sh in
# /tmp/drizzle-bench) and prints a markdown table. Not part of the test suite.
set -euo pipefail

tables="${1:-1000}"
root="$(cd "$(dirname "$0")/.." && pwd)"
runs=3

cmake --preset release -DDRIZZLE_BUILD_TESTS=OFF >/dev/null
cmake --build --preset release --target drizzle-kit drizzle_bench_pull_push_pg >/dev/null
bin="$root/build/release"
bench="$bin/bench/drizzle_bench_pull_push_pg"
kit="$bin/drizzle-kit"

export PG_TEST_DIR=/tmp/drizzle-bench PG_TEST_PORT=57000
admin_url="$("$root/scripts/pg-test-server.sh" start)"
work="$(mktemp -d)"
trap '"$root/scripts/pg-test-server.sh" stop >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

fresh_db() {  # fresh_db NAME -> URL of an empty database
    psql "$admin_url" -qc "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1" >/dev/null 2>&1
    echo "${admin_url%/*}/$1"
}
field() { sed -E "s/.* $1=([^ ]+).*/\1/"; }
median() { sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
timed() {  # timed CMD... -> "seconds KB" of GNU time
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>"$work/stderr" || { cat "$work/stderr" >&2; exit 1; }
    cat "$work/time"
}

echo "bench: $tables tables, $runs runs each, PostgreSQL $(psql "$admin_url" -tAc 'SHOW server_version'), $(nproc) cores" >&2

push_lines=() pull_lines=() cli_push=() cli_pull=()
for run in $(seq "$runs"); do
    url="$(fresh_db bench_lib)"
    push_lines+=("$("$bench" --url "$url" --phase push --tables "$tables" --snapshot "$work/schema.json")")
    pull_lines+=("$("$bench" --url "$url" --phase pull)")

    url="$(fresh_db bench_cli)"
    printf '{"dialect":"postgresql","schema":"%s","out":"%s","dbCredentials":{"url":"%s"}}' \
        "$work/schema.json" "$work/pulled-$run" "$url" >"$work/drizzle.config.json"
    cli_push+=("$(cd "$work" && timed "$kit" push --force)")
    cli_pull+=("$(cd "$work" && timed "$kit" pull)")
done

lib_push_ms="$(printf '%s\n' "${push_lines[@]}" | field wall_ms | median)"
lib_apply_ms="$(printf '%s\n' "${push_lines[@]}" | field apply_ms | median)"
lib_push_rss="$(printf '%s\n' "${push_lines[@]}" | field peak_rss_kb | median)"
push_queries="$(printf '%s\n' "${push_lines[0]}" | field catalog_queries)"
push_statements="$(printf '%s\n' "${push_lines[0]}" | field statements)"
lib_pull_ms="$(printf '%s\n' "${pull_lines[@]}" | field wall_ms | median)"
lib_intro_ms="$(printf '%s\n' "${pull_lines[@]}" | field introspect_ms | median)"
lib_pull_rss="$(printf '%s\n' "${pull_lines[@]}" | field peak_rss_kb | median)"
pull_queries="$(printf '%s\n' "${pull_lines[0]}" | field catalog_queries)"
cli_push_s="$(printf '%s\n' "${cli_push[@]}" | cut -d' ' -f1 | median)"
cli_push_kb="$(printf '%s\n' "${cli_push[@]}" | cut -d' ' -f2 | median)"
cli_pull_s="$(printf '%s\n' "${cli_pull[@]}" | cut -d' ' -f1 | median)"
cli_pull_kb="$(printf '%s\n' "${cli_pull[@]}" | cut -d' ' -f2 | median)"

cat <<TABLE
| $tables tables, PostgreSQL | median wall | peak RSS | catalog queries | notes |
|---|---|---|---|---|
| push into an empty database (library) | ${lib_push_ms} ms | $((lib_push_rss / 1024)) MB | ${push_queries} | ${push_statements} statements; ${lib_apply_ms} ms of it is the server running the DDL |
| push (CLI, \`drizzle-kit push --force\`, snapshot source) | ${cli_push_s} s | $((cli_push_kb / 1024)) MB | ${push_queries} | |
| pull (library: introspect + header + snapshot) | ${lib_pull_ms} ms | $((lib_pull_rss / 1024)) MB | ${pull_queries} | introspection ${lib_intro_ms} ms |
| pull (CLI, \`drizzle-kit pull\`, writes schema.hpp + baseline) | ${cli_pull_s} s | $((cli_pull_kb / 1024)) MB | ${pull_queries} | |
TABLE
