#!/usr/bin/env bash
# Checks a package's own Markdown guides as written: the package's library product imported
# by every snippet (`imports`), `snippets = "notebook"`, `prints = "check"`, nothing else.
# By default apple/swift-algorithms 1.2.1 and its `Guides/` folder.
#
#   Scripts/package-guides-check.sh [WORKBOOK_BINARY]
#   REPOSITORY=https://github.com/apple/swift-algorithms TAG=1.2.1 GUIDES=Guides PRODUCT=Algorithms \
#       Scripts/package-guides-check.sh
#
# Not part of `make test`.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
workbook=${1:-$(cd "$here" && swift build --show-bin-path)/workbook}
REPOSITORY=${REPOSITORY:-https://github.com/apple/swift-algorithms}
TAG=${TAG:-1.2.1}
GUIDES=${GUIDES:-Guides}
PRODUCT=${PRODUCT:-Algorithms}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git clone --quiet --depth 1 --branch "$TAG" "$REPOSITORY" "$work/package"
cat > "$work/workbook.toml" <<TOML
title = "$PRODUCT guides"
chapters = "package/$GUIDES"
package = "package"
products = ["$PRODUCT"]
imports = ["$PRODUCT"]
snippets = "notebook"
prints = "check"
TOML
start=$(date +%s.%N)
status=0
"$workbook" check --root "$work" > "$work/stdout.txt" 2> "$work/stderr.txt" || status=$?
end=$(date +%s.%N)
grep -E '^package/' "$work/stdout.txt" | grep -vE '^package/[^ ]+:[0-9]' || true
echo
grep -E ': error: ' "$work/stderr.txt" | sed -E "s#^package/$GUIDES/##" || true
echo
tail -1 "$work/stdout.txt"
printf 'check took %.1f s, the package build included (exit status %s)\n' "$(echo "$end - $start" | bc)" "$status"
