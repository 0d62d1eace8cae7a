#!/usr/bin/env bash
# Checks the listings of The Swift Programming Language's LanguageGuide as written, with
# `snippets = "notebook"` and `prints = "check"` and nothing else, and prints per chapter how
# many blocks passed and failed, then the failures grouped by their first line.
#
#   Scripts/swift-book-check.sh [WORKBOOK_BINARY] [BOOK_FOLDER]
#
# BOOK_FOLDER is a checkout of https://github.com/swiftlang/swift-book (cloned into
# ~/.cache/workbook-swift-book at BOOK_COMMIT when not given). Not part of `make test`.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
workbook=${1:-$(cd "$here" && swift build --show-bin-path)/workbook}
book=$("$here/Scripts/swift-book-folder.sh" "${2:-}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -R "$book/TSPL.docc/LanguageGuide" "$work/chapters"
printf 'title = "The Swift Programming Language: Language Guide"\nsnippets = "notebook"\nprints = "check"\n' > "$work/workbook.toml"
# A chapter that does not load (a listing inside a block quote is not run, and is an error)
# is reported and set aside, so the others are still checked.
while ! "$workbook" check --root "$work" chapters/Deinitialization.md > /dev/null 2> "$work/load.txt" \
        && grep -qE '^chapters/[^:]+:[0-9]+:[0-9]+: error: a swift snippet inside' "$work/load.txt"; do
    for chapter in $(grep -oE '^chapters/[^:]+' "$work/load.txt" | sort -u); do
        echo "not loaded: $chapter: $(grep -m1 "^$chapter" "$work/load.txt" | cut -d' ' -f3-)"
        rm "$work/$chapter"
    done
done
start=$(date +%s.%N)
status=0
"$workbook" check --root "$work" --no-cache > "$work/stdout.txt" 2> "$work/stderr.txt" || status=$?
end=$(date +%s.%N)
cat "$work/stdout.txt" | grep -E '^\[[0-9]+/[0-9]+\]' || true
echo
echo "Failures by kind (compile errors and crashes, then mismatches):"
grep -E '^chapters/[^ ]+: error: ' "$work/stderr.txt" | sed -E "s/^chapters\/[^ ]+: error: //; s/'[^']*'/'…'/g" \
    | sort | uniq -c | sort -rn | head -40 || true
grep -E '^chapters/[^ ]+: ' "$work/stdout.txt" | sed -E "s/^chapters\/[^ ]+: //; s/'[^']*'/'…'/g" \
    | sort | uniq -c | sort -rn | head -20 || true
echo
tail -1 "$work/stdout.txt"
printf 'check took %.1f s (exit status %s)\n' "$(echo "$end - $start" | bc)" "$status"
