#!/bin/sh
# `make install` into a temporary PREFIX, then `workbook build` and `workbook check` with the
# installed binary, from another folder, while the build folder is moved away: the installed
# program must need nothing from it.
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
test -L "$prefix/bin/workbook"
cp -R "$repository/Tests/WorkbookEndToEndTests/Fixtures/notebook" "$work/notes"

moved="$repository/.build-moved-by-install-test"
mv "$repository/.build" "$moved"
cd "$work"
WORKBOOK_CACHE_DIR="$work/cache" "$prefix/bin/workbook" check --root "$work/notes"
WORKBOOK_CACHE_DIR="$work/cache" "$prefix/bin/workbook" build --root "$work/notes" --date 1996-05-12
test -s "$work/notes/site/index.html"
test -s "$work/notes/site/style.css"
echo "install test passed: $prefix/bin/workbook ran without the build folder"
