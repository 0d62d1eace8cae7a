#!/usr/bin/env bash
# Package benchmark: SwiftPM packages as the snippet core.
#  1. The first SwiftPM build of a fixture package's products (the `packages` end-to-end
#     fixture: Shapes with a C target, a resource, path dependencies and swift-numerics), and a
#     rebuild after one package source file changes, as `workbook` reports them
#     ("Built package products … in S s").
#  2. A generated 5-chapter, 20-snippet workbook against a small package (`package = "Stats"`),
#     built three ways with hyperfine: cold (--no-cache), warm (nothing changed) and after
#     editing one snippet.
# BASELINE=/path/to/an/older/workbook (one that compiles `core` folders) adds its warm and edit
# builds of the same workbook with `core = ["Stats/Sources/Stats"]`, side by side.
# Assumes `swift build -c release` has run (WORKBOOK=… picks another binary).
set -euo pipefail
cd "$(dirname "$0")/.."
WORKBOOK="${WORKBOOK:-$(swift build -c release --show-bin-path)/workbook}"
command -v hyperfine >/dev/null || { echo "hyperfine is missing: apt-get install -y hyperfine" >&2; exit 1; }
[ -x "$WORKBOOK" ] || { echo "no build at $WORKBOOK: run 'swift build -c release'" >&2; exit 1; }

BENCH="$(mktemp -d "${TMPDIR:-/tmp}/package-bench.XXXXXX")"
trap 'rm -rf "$BENCH"' EXIT
uptime

# --- 1. SwiftPM builds of the fixture package ------------------------------------------------
cp -R Tests/WorkbookEndToEndTests/Fixtures/packages "$BENCH/fixture"
SQUARE="$BENCH/fixture/Shapes/Code/ShapesLib/Square.swift"
built_seconds() { sed -n 's/^Built package products .* in \([0-9.]*\) s$/\1/p'; }
printf '\npublic let benchmarkEdit = 0\n' >> "$SQUARE"
first=() rebuild=()
for run in $(seq "${PACKAGE_RUNS:-3}"); do
  rm -rf "$BENCH/fixture-cache"
  first+=("$(WORKBOOK_CACHE_DIR="$BENCH/fixture-cache" "$WORKBOOK" check --root "$BENCH/fixture" | built_seconds)")
  sed -i "s|^public let benchmarkEdit = .*|public let benchmarkEdit = $(date +%s%N)|" "$SQUARE"
  rebuild+=("$(WORKBOOK_CACHE_DIR="$BENCH/fixture-cache" "$WORKBOOK" check --root "$BENCH/fixture" | built_seconds)")
done
python3 - "${first[*]}" "${rebuild[*]}" <<'PY'
import statistics, sys
for name, values in (("first SwiftPM build of Shapes, Geometry", sys.argv[1]), ("rebuild after one source file edit", sys.argv[2])):
    seconds = [float(v) for v in values.split()]
    print(f"{name:42}  median {statistics.median(seconds):6.2f} s  (runs: {', '.join(f'{s:.2f}' for s in seconds)})")
PY
echo

# --- 2. A workbook against a package ---------------------------------------------------------
mkdir -p "$BENCH/book/chapters" "$BENCH/book/Stats/Sources/Stats"
cat > "$BENCH/book/Stats/Package.swift" <<'SWIFT'
// swift-tools-version: 6.0
import PackageDescription
let package = Package(
    name: "Stats",
    products: [.library(name: "Stats", targets: ["Stats"])],
    targets: [.target(name: "Stats")]
)
SWIFT
cat > "$BENCH/book/Stats/Sources/Stats/Stats.swift" <<'SWIFT'
/// The arithmetic mean of `values`.
public func mean(_ values: [Double]) -> Double { values.reduce(0, +) / Double(values.count) }
/// `values` divided by two.
public func halved(_ values: [Double]) -> [Double] { values.map { $0 / 2 } }
SWIFT
printf 'title = "Package benchmark"\npackage = "Stats"\nproducts = ["Stats"]\n' > "$BENCH/book/workbook.toml"
for chapter in 1 2 3 4 5; do
  {
    printf '# Chapter %d\n\nFour snippets sharing state.\n\n' "$chapter"
    printf '```swift\nimport Foundation\nimport Stats\nvar values = (1...100).map { Double($0) * %d }\nprint(String(format: "mean %%.2f", mean(values)))\n```\n\n' "$chapter"
    printf '```swift\nstruct Stat { var name: String; var value: Double }\nlet stats = [Stat(name: "max", value: values.max()!), Stat(name: "min", value: values.min()!)]\nfor stat in stats { print(stat.name, stat.value) }\n```\n\n'
    printf '```swift output=markdown\nprint("| i | square |")\nprint("|---|---|")\nfor i in 1...5 { print("| \\(i) | \\(i * i) |") }\n```\n\n'
    printf '```swift\nlet edit = 0\nvalues = halved(values)\nprint(String(format: "halved mean %%.2f", mean(values)))\n```\n'
  } > "$BENCH/book/chapters/0$chapter-chapter.md"
done
EDITED="$BENCH/book/chapters/03-chapter.md"
cat > "$BENCH/flip.sh" <<FLIP
#!/usr/bin/env bash
sed -i "s|^let edit = .*|let edit = \$(date +%s%N)|" "$EDITED"
FLIP
chmod +x "$BENCH/flip.sh"

build="env WORKBOOK_CACHE_DIR=$BENCH/book-cache $WORKBOOK build --root $BENCH/book --date 1996-05-12"
$build >/dev/null  # build the package and the caches once
baseline=()
if [ -n "${BASELINE:-}" ]; then
  # The same chapters, with the package's source folder as an old-style `core` folder
  # (imported implicitly; the explicit `import Stats` is then harmless).
  cp -R "$BENCH/book" "$BENCH/core-book"
  printf 'title = "Package benchmark"\ncore = ["Stats/Sources/Stats"]\n' > "$BENCH/core-book/workbook.toml"
  sed "s|$BENCH/book/|$BENCH/core-book/|" "$BENCH/flip.sh" > "$BENCH/core-flip.sh"
  chmod +x "$BENCH/core-flip.sh"
  base="env WORKBOOK_CACHE_DIR=$BENCH/core-cache $BASELINE build --root $BENCH/core-book --date 1996-05-12"
  $base >/dev/null
  baseline=(--prepare true --command-name "before (core folder): warm build" "$base"
            --prepare "$BENCH/core-flip.sh" --command-name "before (core folder): rebuild after one snippet edit" "$base")
fi
hyperfine --style basic --warmup 1 --runs "${RUNS:-10}" --export-json "$BENCH/results.json" \
  --prepare true --command-name "package: cold build (--no-cache)" "$build --no-cache" \
  --prepare true --command-name "package: warm build (nothing changed)" "$build" \
  --prepare "$BENCH/flip.sh" --command-name "package: rebuild after one snippet edit" "$build" \
  "${baseline[@]}"
echo
python3 Benchmarks/hyperfine_medians.py "$BENCH/results.json"
uptime
