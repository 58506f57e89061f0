#!/usr/bin/env bash
# Fails, listing file:line, where code outside src/dialect/<name>/ and src/dialect/registry.cpp
# compares against or switches on a concrete dialect (issue 11: such code asks the registry).
#
#   scripts/check-dialect-seam.sh [SRC_DIR]   (default: src/ beside this script)
# Comments are not code: text after `//` is ignored. Run by ctest as
# seam.no_concrete_dialect_outside_dialects (label unit).
set -euo pipefail
src="${1:-$(dirname "$0")/../src}"
src="${src%/}"

# A concrete dialect value: Dialect::sqlite, Dialect::postgresql, Dialect::mysql.
value='Dialect::(sqlite|postgresql|mysql)\b'
pattern="(==|!=)[[:space:]]*${value}|${value}[[:space:]]*(==|!=)|case[[:space:]]+Dialect::"

hits=()
while IFS= read -r hit; do
    file="${hit%%:*}"
    rest="${hit#*:}"
    line="${rest%%:*}"
    code="${rest#*:}"
    relative="${file#"$src"/}"
    # The dialects' own folders and the registry are where concrete dialects belong.
    case "$relative" in
    dialect/registry.cpp | dialect/*/*) continue ;;
    esac
    code="${code%%//*}"
    if grep -qE "$pattern" <<<"$code"; then
        hits+=("src/$relative:$line: $(sed -E 's/^[[:space:]]+//' <<<"$code")")
    fi
done < <(grep -rnE --include='*.cpp' --include='*.hpp' --include='*.h' "$pattern" "$src" | LC_ALL=C sort -t: -k1,1 -k2,2n)

if [ ${#hits[@]} -gt 0 ]; then
    echo "check-dialect-seam: ${#hits[@]} comparison(s) against a concrete dialect outside src/dialect/<name>/" \
        "and src/dialect/registry.cpp; ask dialect_facts(d) / dialect_ops(d) instead:" >&2
    printf '  %s\n' "${hits[@]}" >&2
    exit 1
fi
echo "check-dialect-seam: no comparison against a concrete dialect outside the dialects' folders"
