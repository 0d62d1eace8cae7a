#!/usr/bin/env bash
# Checks the code examples in a package's doc comments as written (`doc_comments = "check"`),
# with the workbook.toml `workbook init --package` writes for the unmodified package: every
# library product, `prints = "check"`, `snippets = "notebook"`. Runs `check` twice, cold (own
# cache, the package built from scratch) and warm, and prints the per-file lines, the errors,
# the summary and both times. By default apple/swift-collections 1.6.0.
#
#   Scripts/doctests-check.sh [WORKBOOK_BINARY]
#   REPOSITORY=https://github.com/apple/swift-argument-parser TAG=1.6.1 Scripts/doctests-check.sh
#   KEEP=/tmp/doctests Scripts/doctests-check.sh   # keep the work folder (outputs, cache) there
#
# Not part of `make test`.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
workbook=${1:-$(cd "$here" && swift build --show-bin-path)/workbook}
REPOSITORY=${REPOSITORY:-https://github.com/apple/swift-collections}
TAG=${TAG:-1.6.0}
if [ -n "${KEEP:-}" ]; then
    work=$KEEP
    rm -rf "$work" && mkdir -p "$work"
else
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
fi
git -c advice.detachedHead=false clone --quiet --depth 1 --branch "$TAG" "$REPOSITORY" "$work/package"
(cd "$work" && "$workbook" init --package package > /dev/null)
export WORKBOOK_CACHE_DIR="$work/cache"

run() {
    local name=$1
    local start end status=0
    start=$(date +%s.%N)
    "$workbook" check --root "$work" > "$work/$name.stdout.txt" 2> "$work/$name.stderr.txt" || status=$?
    end=$(date +%s.%N)
    printf '%s check: %.1f s (exit status %s)\n' "$name" "$(echo "$end - $start" | bc)" "$status"
}

run cold
run warm
echo
grep -E '^package/[^ :]+: [0-9]+ examples? ran' "$work/cold.stdout.txt" || true
echo
grep -E ': error: ' "$work/cold.stderr.txt" | sed -E 's#^package/##' || true
grep -E '^package/[^ ]+:[0-9]+(:[0-9]+)?: ' "$work/cold.stdout.txt" | sed -E 's#^package/##' || true
echo
grep -E '^Doc comment examples' "$work/cold.stdout.txt" || true
tail -1 "$work/cold.stdout.txt"
grep -E '^Doc comment examples' "$work/warm.stdout.txt" || true
