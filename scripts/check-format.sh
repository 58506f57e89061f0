#!/usr/bin/env bash
# Checks the C++ files (.cpp, .hpp) a commit range changed against the committed .clang-format.
#
#   scripts/check-format.sh [BASE]   files changed in BASE..HEAD (default HEAD~1: the last commit)
# When BASE does not exist (a single-commit or depth-1 clone) there is nothing to compare with:
# it says so and passes. Deleted files are skipped. Exit 1 lists the files clang-format would change
# (fix: clang-format -i FILE).
set -euo pipefail
cd "$(dirname "$0")/.."
base="${1:-HEAD~1}"

command -v clang-format >/dev/null || { echo "check-format: clang-format not found (scripts/install-deps.sh installs it)" >&2; exit 1; }
if ! git rev-parse -q --verify "$base^{commit}" >/dev/null; then
    echo "check-format: no $base in this clone: no changed files to check"
    exit 0
fi

mapfile -t files < <(git diff --name-only --diff-filter=d "$base" HEAD -- '*.cpp' '*.hpp')
if [ ${#files[@]} -eq 0 ]; then
    echo "check-format: no C++ file changed in $base..HEAD"
    exit 0
fi
bad=()
for file in "${files[@]}"; do
    clang-format --dry-run --Werror "$file" >/dev/null 2>&1 || bad+=("$file")
done
if [ ${#bad[@]} -gt 0 ]; then
    echo "check-format: ${#bad[@]} of ${#files[@]} changed C++ file(s) differ from .clang-format (clang-format -i FILE):" >&2
    printf '  %s\n' "${bad[@]}" >&2
    exit 1
fi
echo "check-format: ${#files[@]} changed C++ file(s) formatted"
