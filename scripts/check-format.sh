#!/usr/bin/env bash
# Checks the C++ lines (.cpp, .hpp) a commit range changed against the committed .clang-format.
#
#   scripts/check-format.sh [BASE]   lines changed in BASE..HEAD (default HEAD~1: the last commit)
# When BASE does not exist (a single-commit or depth-1 clone) there is nothing to compare with:
# it says so and passes. Exit 1 prints the reformatting clang-format wants.
set -euo pipefail
cd "$(dirname "$0")/.."
base="${1:-HEAD~1}"

command -v clang-format >/dev/null || { echo "check-format: clang-format not found (scripts/install-deps.sh installs it)" >&2; exit 1; }
if ! git rev-parse -q --verify "$base^{commit}" >/dev/null; then
    echo "check-format: no $base in this clone: no changed files to check"
    exit 0
fi

# Only the lines the range changed: older code predates the committed .clang-format, and a check
# of whole files would make every small edit reformat (and blame) a whole file.
command -v git-clang-format >/dev/null || { echo "check-format: git-clang-format not found (scripts/install-deps.sh installs clang-format)" >&2; exit 1; }
out="$(git clang-format --diff --extensions cpp,hpp "$base" HEAD 2>&1 || true)"
if grep -q '^diff ' <<<"$out"; then
    echo "check-format: lines changed in $base..HEAD differ from .clang-format (fix: git clang-format $base):" >&2
    echo "$out" >&2
    exit 1
fi
echo "check-format: the C++ lines changed in $base..HEAD follow .clang-format"
