#!/usr/bin/env bash
# `workbook serve` benchmark: the snippet benchmark's workbook (5 chapters, 20 snippets, plain
# Swift) served, one page open in headless Chromium, and the time from a chapter file being
# saved to the page having reloaded with the new text: median and maximum of 10 prose edits
# and 10 snippet edits, then the server's memory after 10 and after 200 edits.
# Assumes `swift build -c release` has run (WORKBOOK=path overrides the binary).
# EDITS="prose snippet total" changes the counts (default "10 10 200").
set -euo pipefail
cd "$(dirname "$0")/.."
WORKBOOK="${WORKBOOK:-$(swift build -c release --show-bin-path)/workbook}"
CHROMIUM="${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}"
[ -x "$WORKBOOK" ] || { echo "no release build at $WORKBOOK: run 'swift build -c release'" >&2; exit 1; }
[ -n "$CHROMIUM" ] || { echo "chromium is missing: apt-get install -y chromium" >&2; exit 1; }

BENCH="$(mktemp -d "${TMPDIR:-/tmp}/serve-bench.XXXXXX")"
trap 'rm -rf "$BENCH"' EXIT
mkdir -p "$BENCH/chapters"
printf 'title = "Serve benchmark"\ncore = []\n' > "$BENCH/workbook.toml"
for chapter in 1 2 3 4 5; do
  {
    printf '# Chapter %d\n\nFour snippets sharing state.\n\n' "$chapter"
    printf '```swift\nimport Foundation\nvar values = (1...100).map { Double($0) * %d }\nfunc mean(_ xs: [Double]) -> Double { xs.reduce(0, +) / Double(xs.count) }\nprint(String(format: "mean %%.2f", mean(values)))\n```\n\n' "$chapter"
    printf '```swift\nstruct Stat { var name: String; var value: Double }\nlet stats = [Stat(name: "max", value: values.max()!), Stat(name: "min", value: values.min()!)]\nfor stat in stats { print(stat.name, stat.value) }\n```\n\n'
    printf '```swift output=markdown\nprint("| i | square |")\nprint("|---|---|")\nfor i in 1...5 { print("| \\(i) | \\(i * i) |") }\n```\n\n'
    printf '```swift\nlet edit = 0\nvalues = values.map { $0 / 2 }\nprint(String(format: "halved mean %%.2f", mean(values)), "edit", edit)\n```\n'
  } > "$BENCH/chapters/0$chapter-chapter.md"
done
export WORKBOOK_CACHE_DIR="$BENCH/.workbook-cache"
# shellcheck disable=SC2086
python3 Benchmarks/serve_bench.py "$WORKBOOK" "$BENCH" "$CHROMIUM" ${EDITS:-10 10 200}
