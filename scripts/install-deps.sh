#!/usr/bin/env bash
# Installs the Debian packages drizzle-cpp builds and tests with; does nothing when all are present.
set -euo pipefail

packages=(
    build-essential cmake ninja-build pkg-config clang-format ccache
    libsqlite3-dev sqlite3 libssl-dev nlohmann-json3-dev libsimdjson-dev libcli11-dev libfmt-dev
    libgtest-dev libgmock-dev libbenchmark-dev
    libpq-dev postgresql-15 postgresql-client-15
    libpg-query-dev libprotobuf-c-dev
)

missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done

if [ ${#missing[@]} -eq 0 ]; then
    echo "install-deps: all ${#packages[@]} packages present"
    exit 0
fi

echo "install-deps: installing ${missing[*]}"
sudo_cmd=()
[ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
