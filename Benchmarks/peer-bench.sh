#!/usr/bin/env bash
# workbook against its peer, MkDocs + markdown-exec, on the same four-chapter book
# (Benchmarks/peer-book): cold, warm, one-block edit and `--no-cache`, in alternated pairs.
# The peer is installed from PyPI, pinned by Benchmarks/peer-book/mkdocs-requirements.txt, into a
# virtualenv in a cache folder ($WORKBOOK_BENCH_CACHE, else ~/.cache/workbook-bench), made once
# per pin file. PAIRS (default 7) and WARMUP (default 1) set the number of runs.
# Assumes `swift build -c release` has run.
set -euo pipefail
cd "$(dirname "$0")/.."
WORKBOOK="${WORKBOOK:-$(swift build -c release --show-bin-path)/workbook}"
[ -x "$WORKBOOK" ] || { echo "no release build at $WORKBOOK: run 'swift build -c release'" >&2; exit 1; }
BOOK=Benchmarks/peer-book
PYTHON="${PYTHON:-python3}"
REQUIREMENTS="$BOOK/mkdocs-requirements.txt"

pin="$( { cat "$REQUIREMENTS"; "$PYTHON" --version; } | sha256sum | cut -c1-16)"
CACHE="${WORKBOOK_BENCH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/workbook-bench}"
VENV="$CACHE/mkdocs-$pin"
# A virtualenv records its own path, so it is made where it lives; the stamp file marks a
# finished install, and anything without it is made again.
if [ ! -f "$VENV/.installed" ]; then
  echo "Installing MkDocs + markdown-exec from PyPI into $VENV (once per pin file)" >&2
  rm -rf "$VENV"
  "$PYTHON" -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check -r "$REQUIREMENTS"
  touch "$VENV/.installed"
fi
echo "workbook: $WORKBOOK; $("$VENV/bin/mkdocs" --version | cut -d' ' -f1-3)" >&2
exec "$PYTHON" Benchmarks/peer_bench.py "$WORKBOOK" "$VENV/bin/mkdocs" "$BOOK" \
  --pairs "${PAIRS:-7}" --warmup "${WARMUP:-1}"
