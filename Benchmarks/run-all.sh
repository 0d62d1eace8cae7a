#!/usr/bin/env bash
# `make bench`: every benchmark of the project, each printing its figures side by side with
# its reference measured in the same run. Assumes `swift build -c release` has run.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "== Batch-norm core: training-time forward and backward, Swift vs numpy"
Benchmarks/core-bench.sh
echo
echo "== One book, two builders: workbook vs MkDocs + markdown-exec"
Benchmarks/peer-bench.sh
echo
echo "== Snippets in one chapter: 10, 100, 400"
Benchmarks/snippet-scaling.sh
echo
echo "== Snippet engine: cold, warm and one-edit builds"
Benchmarks/snippet-bench.sh
echo
echo "== SwiftPM packages as the snippet core: package builds; cold, warm and one-edit builds"
Benchmarks/package-bench.sh
echo
echo "== Rendering: workbook vs the cmark-gfm command-line tool"
Benchmarks/render-bench.sh
echo
echo "== Live preview: file saved -> page reloaded in headless Chromium, and memory"
Benchmarks/serve-bench.sh
