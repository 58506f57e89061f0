#!/usr/bin/env bash
# The main job: install, build, then generate and apply the quickstart's migrations into SQLite
# and show the resulting tables.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"

scripts/install-deps.sh
# Only the CLI (and the schema library its exporter links): the tests, benchmarks and examples
# are not needed to run it.
scripts/build.sh dev drizzle-kit
kit="$root/build/dev/drizzle-kit"

work="$root/build/quickstart"
rm -rf "$work"
mkdir -p "$work"
cp -r examples/quickstart/. "$work/"
cd "$work"

echo "== drizzle-kit generate --name init"
"$kit" generate --name init
echo "== drizzle-kit migrate"
"$kit" migrate
echo "== migrations folder"
find drizzle -type f | sort
echo "== tables in local.db"
sqlite3 local.db ".tables"
sqlite3 local.db ".schema users"
echo "== bookkeeping rows"
sqlite3 -header local.db "SELECT id, hash, created_at, name FROM __drizzle_migrations"
