#!/usr/bin/env bash
# Snippet-engine benchmark: a generated 5-chapter, 20-snippet workbook in plain Swift
# (core = []), built three ways with hyperfine: cold (--no-cache), warm (nothing changed),
# and after editing one snippet. Assumes `swift build -c release` has run.
# BASELINE=/path/to/an/older/workbook adds its warm and edit builds to the same hyperfine run
# (with a cache of its own), for a side-by-side comparison.
set -euo pipefail
cd "$(dirname "$0")/.."
WORKBOOK="${WORKBOOK:-$(swift build -c release --show-bin-path)/workbook}"
command -v hyperfine >/dev/null || { echo "hyperfine is missing: apt-get install -y hyperfine" >&2; exit 1; }
[ -x "$WORKBOOK" ] || { echo "no release build at $WORKBOOK: run 'swift build -c release'" >&2; exit 1; }

BENCH="$(mktemp -d "${TMPDIR:-/tmp}/snippet-bench.XXXXXX")"
trap 'rm -rf "$BENCH"' EXIT
mkdir -p "$BENCH/chapters"
printf 'title = "Snippet benchmark"\ncore = []\n' > "$BENCH/workbook.toml"
for chapter in 1 2 3 4 5; do
  {
    printf '# Chapter %d\n\nFour snippets sharing state.\n\n' "$chapter"
    printf '```swift\nimport Foundation\nvar values = (1...100).map { Double($0) * %d }\nfunc mean(_ xs: [Double]) -> Double { xs.reduce(0, +) / Double(xs.count) }\nprint(String(format: "mean %%.2f", mean(values)))\n```\n\n' "$chapter"
    printf '```swift\nstruct Stat { var name: String; var value: Double }\nlet stats = [Stat(name: "max", value: values.max()!), Stat(name: "min", value: values.min()!)]\nfor stat in stats { print(stat.name, stat.value) }\n```\n\n'
    printf '```swift output=markdown\nprint("| i | square |")\nprint("|---|---|")\nfor i in 1...5 { print("| \\(i) | \\(i * i) |") }\n```\n\n'
    printf '```swift\nlet edit = 0\nvalues = values.map { $0 / 2 }\nprint(String(format: "halved mean %%.2f", mean(values)))\n```\n'
  } > "$BENCH/chapters/0$chapter-chapter.md"
done
EDITED="$BENCH/chapters/03-chapter.md"
# Before each run of the third command, one snippet's code gets a value never seen before,
# so exactly one chapter misses the cache and is compiled and run again.
cat > "$BENCH/flip.sh" <<FLIP
#!/usr/bin/env bash
sed -i "s|^let edit = .*|let edit = \$(date +%s%N)|" "$EDITED"
FLIP
chmod +x "$BENCH/flip.sh"

export WORKBOOK_CACHE_DIR="$BENCH/.workbook-cache"
build="$WORKBOOK build --root $BENCH --date 1996-05-12"
$build >/dev/null  # compile the caches once
baseline=()
if [ -n "${BASELINE:-}" ]; then
  base="env WORKBOOK_CACHE_DIR=$BENCH/.baseline-cache $BASELINE build --root $BENCH --date 1996-05-12"
  $base >/dev/null
  baseline=(--prepare true --command-name "baseline: warm build" "$base"
            --prepare "$BENCH/flip.sh" --command-name "baseline: rebuild after one snippet edit" "$base")
fi
# One --prepare per command (given once, hyperfine would run it before every command).
hyperfine --style basic --warmup 1 --runs "${RUNS:-10}" --export-json "$BENCH/results.json" \
  --prepare true --command-name "cold build (--no-cache)" "$build --no-cache" \
  --prepare true --command-name "warm build (nothing changed)" "$build" \
  --prepare "$BENCH/flip.sh" --command-name "rebuild after one snippet edit" "$build" \
  "${baseline[@]}"
echo
python3 Benchmarks/hyperfine_medians.py "$BENCH/results.json"
