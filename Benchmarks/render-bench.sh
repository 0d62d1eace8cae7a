#!/usr/bin/env bash
# Render-only throughput of the site's Markdown path (cmark-gfm with the GFM extensions and the
# math and placeholder extensions, placeholders expanded, heading anchors; no KaTeX) against the
# cmark-gfm command-line tool
# on the same generated corpus, in the same run (hyperfine medians).
#
# Uses .build/release/render-bench, building it (`swift build -c release --product render-bench`)
# when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE_MIB=${SIZE_MIB:-4}
RELEASE=.build/release
WORK=$(mktemp -d "${TMPDIR:-/tmp}/render-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

for tool in hyperfine cmark-gfm python3; do
    command -v "$tool" >/dev/null || { echo "render-bench: '$tool' is missing (make deps-bench installs it)" >&2; exit 1; }
done

HELPER="$RELEASE/render-bench"
[ -x "$HELPER" ] || swift build -c release --product render-bench

CORPUS="$WORK/corpus.md"
python3 Benchmarks/RenderBench/make_corpus.py "$CORPUS" "$SIZE_MIB"
BYTES=$(wc -c < "$CORPUS")
echo "corpus: $(awk "BEGIN { printf \"%.2f\", $BYTES / 1048576 }") MiB of Markdown (math, tables, code, placeholders)"
"$HELPER" "$CORPUS" > "$WORK/workbook.html"
cmark-gfm --unsafe -e table -e strikethrough -e autolink -e tasklist --table-prefer-style-attributes "$CORPUS" > "$WORK/cmark.html"
echo "math elements rendered: $(grep -o 'class="math ' "$WORK/workbook.html" | wc -l)"
echo "placeholders left: $(grep -o '{{DATE' "$WORK/workbook.html" | wc -l) (in code only)"

hyperfine --warmup 3 --runs "${RUNS:-10}" --style basic --export-json "$WORK/result.json" \
    -n workbook "'$HELPER' '$CORPUS'" \
    -n cmark-gfm "cmark-gfm --unsafe -e table -e strikethrough -e autolink -e tasklist --table-prefer-style-attributes '$CORPUS'" \
    >/dev/null

python3 - "$WORK/result.json" "$BYTES" <<'PY'
import json, sys
results = {r["command"]: r["median"] for r in json.load(open(sys.argv[1]))["results"]}
mib = int(sys.argv[2]) / 1048576
ours, theirs = results["workbook"], results["cmark-gfm"]
print(f"workbook render:  median {ours * 1000:8.1f} ms  {mib / ours:7.1f} MiB/s")
print(f"cmark-gfm CLI:    median {theirs * 1000:8.1f} ms  {mib / theirs:7.1f} MiB/s")
print(f"throughput ratio: {theirs / ours:.2f}x cmark-gfm (goal: at least 0.80x)")
PY
