#!/usr/bin/env bash
# How build time grows with the snippets of one chapter: chapters of 10, 100 and 400 small
# snippets, each built with `--no-cache`, in turn; medians, peak memory and the 400/100 ratio.
# ROUNDS (default 5), WARMUP (default 1) and SIZES (default 10,100,400) set the runs.
# Assumes `swift build -c release` has run.
set -euo pipefail
cd "$(dirname "$0")/.."
WORKBOOK="${WORKBOOK:-$(swift build -c release --show-bin-path)/workbook}"
[ -x "$WORKBOOK" ] || { echo "no release build at $WORKBOOK: run 'swift build -c release'" >&2; exit 1; }
exec "${PYTHON:-python3}" Benchmarks/snippet_scaling.py "$WORKBOOK" \
  --sizes "${SIZES:-10,100,400}" --rounds "${ROUNDS:-5}" --warmup "${WARMUP:-1}"
