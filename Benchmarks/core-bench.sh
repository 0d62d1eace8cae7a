#!/usr/bin/env bash
# Runs the Swift core benchmark and its numpy counterpart side by side and prints
# the medians and the ratio (Swift speed / numpy speed; above 1 means Swift is faster).
set -euo pipefail
cd "$(dirname "$0")/.."
SCRATCH=()
if [[ -n "${CORE_BENCH_SCRATCH:-}" ]]; then SCRATCH=(--scratch-path "$CORE_BENCH_SCRATCH"); fi
swift build -c release --product core-bench "${SCRATCH[@]}" >&2
BIN="$(swift build -c release --show-bin-path "${SCRATCH[@]}")/core-bench"
swift_out="$("$BIN")"
numpy_out="$(python3 Benchmarks/core_bench_numpy.py)"
echo "Batch normalization, training time, 256 x 1024 Double, median of 51 runs"
printf '%-10s %14s %14s %14s %14s %8s\n' pass "swift ms" "swift Melem/s" "numpy ms" "numpy Melem/s" ratio
for pass in forward backward; do
    read -r _ s_ms s_rate <<<"$(grep "^$pass " <<<"$swift_out")"
    read -r _ n_ms n_rate <<<"$(grep "^$pass " <<<"$numpy_out")"
    ratio="$(python3 -c "print(f'{$n_ms / $s_ms:.2f}')")"
    printf '%-10s %14s %14s %14s %14s %8s\n' "$pass" "$s_ms" "$s_rate" "$n_ms" "$n_rate" "$ratio"
done
