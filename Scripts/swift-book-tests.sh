#!/usr/bin/env bash
# Runs the tests The Swift Programming Language keeps under its listings (`swifttest` blocks in
# HTML comments) on the whole, unmodified `TSPL.docc` catalog, with `chapters = "TSPL.docc"`,
# `swifttest = "check"` and `snippets = "notebook"`, and prints:
#   - the blocks found, run, passed and failed (a block fails when `check` reports an error or
#     a mismatch at one of its lines), and the failures one per line (for sorting by hand into
#     errata, Swift differences, markers and workbook limits);
#   - the listings whose code differs from their test (drift);
#   - the listings without a test (run as notebook cells) that failed;
#   - the times of a cold `check` (empty cache) and of a warm one (`--jobs` as given).
# With SITE=folder, `workbook build` writes the catalog's site there too.
#
#   Scripts/swift-book-tests.sh [WORKBOOK_BINARY] [BOOK_FOLDER]
#
# BOOK_FOLDER is a checkout of https://github.com/swiftlang/swift-book (cloned into
# ~/.cache/workbook-swift-book at BOOK_COMMIT when not given). Not part of `make test`.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
workbook=${1:-$(cd "$here" && swift build --show-bin-path)/workbook}
book=$("$here/Scripts/swift-book-folder.sh" "${2:-}")
JOBS=${JOBS:-2}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -R "$book/TSPL.docc" "$work/TSPL.docc"
printf 'title = "The Swift Programming Language"\nchapters = "TSPL.docc"\nswifttest = "check"\nsnippets = "notebook"\n' > "$work/workbook.toml"
export WORKBOOK_CACHE_DIR="$work/cache"

timed() {  # timed NAME command…: runs the command, output to $work/NAME.{out,err}, prints seconds
    local start end status=0
    start=$(date +%s.%N)
    "$@" > "$work/$1.out" 2> "$work/$1.err" || status=$?
    end=$(date +%s.%N)
    printf '%s: %.2f s (exit status %s)\n' "$1" "$(echo "$end - $start" | bc)" "$status"
}
cold() { "$workbook" check --root "$work" --jobs "$JOBS"; }
warm() { "$workbook" check --root "$work" --jobs "$JOBS"; }
timed cold
timed warm
tail -1 "$work/cold.out"
tail -1 "$work/warm.out"
if [ -n "${SITE:-}" ]; then
    "$workbook" build --root "$work" --output "$SITE" --jobs "$JOBS" > "$work/build.out" 2>&1 || true
    tail -2 "$work/build.out"
fi
python3 - "$work" <<'PY'
import os, re, sys, glob
work = sys.argv[1]
blocks = []      # (path, first line, last line, test name)
listings = []    # (path, first line, last line, tested)
for path in sorted(glob.glob(os.path.join(work, "TSPL.docc", "**", "*.md"), recursive=True)):
    rel = os.path.relpath(path, work)
    lines = open(path, encoding="utf-8").read().split("\n")
    i, name, in_comment = 0, None, False
    last_listing = None
    while i < len(lines):
        s = lines[i].strip()
        if s.startswith("<!--"): in_comment = "-->" not in s[4:]
        elif in_comment and "-->" in s: in_comment = False
        if s.startswith("- test:"):
            m = re.search(r"`([^`]*)`", s); name = m.group(1) if m else None
        if s.startswith("```swifttest"):
            j = i + 1
            while j < len(lines) and lines[j].strip() != "```": j += 1
            blocks.append((rel, i + 1, j + 1, name))
            if last_listing is not None: listings[last_listing][3] = True
            i = j + 1; continue
        if not in_comment and re.match(r"^```[Ss]wift\s*$", lines[i]):
            j = i + 1
            while j < len(lines) and not lines[j].startswith("```"): j += 1
            listings.append([rel, i + 1, j + 1, False]); last_listing = len(listings) - 1
            i = j + 1; continue
        if s and not s.startswith("<!--") and not in_comment and not s.startswith("-->"): last_listing = None
        i += 1
reports = []
for name in ("cold.out", "cold.err"):
    text = open(os.path.join(work, name), encoding="utf-8", errors="replace").read()
    for m in re.finditer(r"^(TSPL\.docc/[^:\n]+):(\d+)(?::(\d+))?: (?:error: )?(.*)$", text, re.M):
        reports.append((m.group(1), int(m.group(2)), m.group(4)))
def owner(items, path, line):
    for item in items:
        if item[0] == path and item[1] <= line <= item[2]: return item
failed, drift, listing_failures, other = {}, [], {}, []
for path, line, message in reports:
    block = owner(blocks, path, line)
    if block:
        failed.setdefault(block, []).append(f"{path}:{line}: {message}"); continue
    listing = owner(listings, path, line)
    if listing and message.startswith("the listing differs"): drift.append(f"{path}:{line}")
    elif listing: listing_failures.setdefault(tuple(listing), []).append(f"{path}:{line}: {message}")
    else: other.append(f"{path}:{line}: {message}")
tests = {(b[0], b[3]) for b in blocks}
print(f"swifttest blocks: {len(blocks)} in {len({b[0] for b in blocks})} files, {len(tests)} test names (per file)")
print(f"blocks passed: {len(blocks) - len(failed)}, failed: {len(failed)}")
print(f"listings: {len(listings)}, tested by a following swifttest comment: {sum(1 for l in listings if l[3])}; drift: {len(drift)}")
print(f"untested listings that failed: {len(listing_failures)} of {sum(1 for l in listings if not l[3])}")
print("\nFailed blocks (first report of each):")
for block, messages in sorted(failed.items()):
    print(f"  [{block[3]}] {messages[0]}")
print("\nDrift:")
for d in drift: print("  " + d)
if other:
    print("\nOther reports:")
    for o in other: print("  " + o)
PY
cp "$work/cold.out" "${REPORT_OUT:-/dev/null}" 2>/dev/null || true
cp "$work/cold.err" "${REPORT_ERR:-/dev/null}" 2>/dev/null || true
