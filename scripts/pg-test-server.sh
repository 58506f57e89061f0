#!/usr/bin/env bash
# A throwaway PostgreSQL for the test suite: `start` (prints the URL), `url`, `status`, `stop`.
#
#   export DRIZZLE_TEST_PG_URL="$(scripts/pg-test-server.sh start)"
#   ... ctest -L pg ...
#   scripts/pg-test-server.sh stop
#
# Environment:
#   PG_TEST_DIR   where the cluster, socket and log live (default /tmp/drizzle-pg-test); keep it
#                 short: the socket path must stay under 107 bytes
#   PG_TEST_PORT  first port to try (default 55432; the next free one is taken)
#   PG_BIN        folder holding initdb, pg_ctl and postgres (default: the newest
#                 /usr/lib/postgresql/*/bin, else pg_config --bindir, else PATH)
# The server runs as the `postgres` OS user when started by root (PostgreSQL refuses root), with
# trust authentication on 127.0.0.1, except for the role drizzle_pw, which must give its
# password (scram-sha-256) so tests can check how a wrong password is reported.
set -euo pipefail

dir="${PG_TEST_DIR:-/tmp/drizzle-pg-test}"
data="$dir/data"
log="$dir/server.log"

say() { echo "pg-test-server: $*" >&2; }

find_bin() {
    if [ -n "${PG_BIN:-}" ]; then
        [ -x "$PG_BIN/initdb" ] || { say "PG_BIN=$PG_BIN has no initdb"; exit 1; }
        echo "$PG_BIN"
        return
    fi
    local candidate
    candidate="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
    if [ -n "$candidate" ] && [ -x "$candidate/initdb" ]; then
        echo "$candidate"
        return
    fi
    if command -v pg_config >/dev/null && [ -x "$(pg_config --bindir)/initdb" ]; then
        pg_config --bindir
        return
    fi
    if command -v initdb >/dev/null; then
        dirname "$(command -v initdb)"
        return
    fi
    say "no PostgreSQL server binaries (initdb, pg_ctl, postgres) found; run scripts/install-deps.sh or set PG_BIN"
    exit 1
}

# Runs a command as the owner of the cluster: `postgres` when we are root, ourselves otherwise.
as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

port_in_use() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

url() {
    echo "postgres://postgres@127.0.0.1:$(cat "$dir/port")/postgres"
}

running() {
    [ -f "$dir/port" ] && [ -f "$data/postmaster.pid" ] && as_owner "$(cat "$dir/bin")/pg_ctl" -D "$data" status >/dev/null 2>&1
}

start() {
    if running; then
        url
        return
    fi
    local bin port
    bin="$(find_bin)"
    mkdir -p "$dir"
    rm -rf "$data"
    [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
    chmod 700 "$dir"
    echo "$bin" >"$dir/bin"
    as_owner "$bin/initdb" -D "$data" -A trust -U postgres -E UTF8 --locale=C --no-sync >"$dir/initdb.log" 2>&1 || {
        cat "$dir/initdb.log" >&2
        say "initdb failed"
        exit 1
    }
    # First match wins: the password role before initdb's trust lines.
    { printf 'host all drizzle_pw 127.0.0.1/32 scram-sha-256\n'; cat "$data/pg_hba.conf"; } >"$dir/hba.tmp"
    as_owner cp "$dir/hba.tmp" "$data/pg_hba.conf"
    rm -f "$dir/hba.tmp"
    port="${PG_TEST_PORT:-55432}"
    while port_in_use "$port"; do port=$((port + 1)); done
    echo "$port" >"$dir/port"
    # fsync off: a test cluster does not need to survive a power cut. max_connections covers the
    # concurrency tests (8 migrators) plus ctest -j2 plus a standby's walsender.
    as_owner "$bin/pg_ctl" -D "$data" -l "$log" -w -t 60 \
        -o "-c fsync=off -c full_page_writes=off -c listen_addresses=127.0.0.1 -p $port -k $dir -c max_connections=200" \
        start >/dev/null || {
        tail -n 30 "$log" >&2 || true
        say "the server did not start"
        exit 1
    }
    # pg_ctl -w waits for the postmaster; pg_isready also proves TCP connections are accepted.
    if [ -x "$bin/pg_isready" ]; then
        local tries=0
        until "$bin/pg_isready" -q -h 127.0.0.1 -p "$port"; do
            tries=$((tries + 1))
            [ $tries -gt 100 ] && { say "the server is not accepting connections"; exit 1; }
            sleep 0.1
        done
    fi
    say "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (data $data, log $log)"
    url
}

stop() {
    if [ -f "$data/postmaster.pid" ] && [ -f "$dir/bin" ]; then
        as_owner "$(cat "$dir/bin")/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
}

case "${1:-}" in
start) start ;;
stop) stop ;;
url)
    running || { say "not running (start it with: $0 start)"; exit 1; }
    url
    ;;
status)
    if running; then echo "running: $(url)"; else echo "stopped"; exit 1; fi
    ;;
*)
    echo "usage: $0 start|stop|url|status" >&2
    exit 2
    ;;
esac
