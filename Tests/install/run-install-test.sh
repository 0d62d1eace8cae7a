#!/bin/sh
# `make install` into a temporary PREFIX, then the installed binary's `init`, `check` and `build`
# from another folder, while the build folder is moved away: the installed program must need
# nothing from it (the site theme is compiled into the binary).
# Usage: Tests/install/run-install-test.sh [CONFIGURATION]   (release by default)
set -eu
configuration=${1:-release}
repository=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/workbook-install-test.XXXXXX")
prefix="$work/prefix"
moved=""

restore() {
    if [ -n "$moved" ] && [ -d "$moved" ]; then mv "$moved" "$repository/.build"; fi
    rm -rf "$work"
}
trap restore EXIT INT TERM

make -C "$repository" --no-print-directory install PREFIX="$prefix" CONFIGURATION="$configuration"
test -f "$prefix/bin/workbook" && test -x "$prefix/bin/workbook"
test "$(ls -A "$prefix")" = "bin" && test "$(ls -A "$prefix/bin")" = "workbook"

moved="$repository/.build-moved-by-install-test"
mv "$repository/.build" "$moved"
mkdir "$work/elsewhere"
cd "$work/elsewhere"
export WORKBOOK_CACHE_DIR="$work/cache"
"$prefix/bin/workbook" init "$work/notes"
"$prefix/bin/workbook" check --root "$work/notes"
"$prefix/bin/workbook" build --root "$work/notes" --date 1996-05-12
test -s "$work/notes/site/index.html"
test -s "$work/notes/site/style.css"
test -s "$work/notes/site/search.js"
echo "install test passed: $prefix/bin/workbook ran without the build folder"
