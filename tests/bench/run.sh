#!/usr/bin/env bash
# Benchmarks of covalue on synthetic workbooks: wall time (best of several
# runs) and peak memory (GNU time) for N = 1, 100 and 1,000 populations, with
# `cat` over the same files as the floor. Prints a table; changes nothing in
# the repository. Needs a release build: `cargo build --release`.
#
#   tests/bench/run.sh [COMMAND...]     default: check
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
bin="$here/target/release/covalue"
[ -x "$bin" ] || { echo "build first: cargo build --release" >&2; exit 2; }
cmd=("${@:-check}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

best_ms() { # best wall time in ms of 5 runs of "$@"
  local best=999999999 t0 t1 ms
  for _ in 1 2 3 4 5; do
    t0=$(date +%s%N); "$@" >/dev/null 2>&1 || true; t1=$(date +%s%N)
    ms=$(( (t1 - t0) / 1000 ))
    [ "$ms" -lt "$best" ] && best=$ms
  done
  printf '%d.%03d' $((best / 1000)) $((best % 1000))
}
peak_mb() {
  /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -1 | awk '{printf "%.1f", $1/1024}'
}

printf '%-8s %-18s %12s %12s %14s\n' "N" "command" "wall (ms)" "peak (MB)" "cat floor (ms)"
for n in 1 100 1000; do
  wb="$work/wb-$n"
  "$here/tests/bench/synth-workbook.sh" "$n" "$wb" >/dev/null
  floor=$(best_ms sh -c "find '$wb' -type f -exec cat {} + >/dev/null")
  wall=$(best_ms "$bin" -C "$wb" "${cmd[@]}")
  peak=$(peak_mb "$bin" -C "$wb" "${cmd[@]}")
  printf '%-8s %-18s %12s %12s %14s\n' "$n" "${cmd[*]}" "$wall" "$peak" "$floor"
done
