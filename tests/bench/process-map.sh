#!/usr/bin/env bash
# How `covalue check` grows with the length of one process map: the complete
# example with its map replaced by 2,000, 20,000 and 200,000 generated steps.
# Time per step should stay flat (linear growth). Prints a table; changes
# nothing in the repository. Needs a release build: `cargo build --release`.
#
#   tests/bench/process-map.sh
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
bin="$here/target/release/covalue"
[ -x "$bin" ] || { echo "build first: cargo build --release" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$here/examples/lakeside-ms" "$work/wb"
map="$work/wb/populations/ms/process-map.toml"

printf '%-10s %12s %16s %12s\n' "steps" "wall (ms)" "µs per step" "peak (MB)"
for n in 2000 20000 200000; do
  awk -v n="$n" 'BEGIN {
    print "perspectives = [\"person with MS\"]"
    for (i = 0; i < n; i++)
      printf "[[step]]\nid = \"s%d\"\ntitle = \"Step %d\"\nactors = [\"nurse\"]\ncoproduction = \"none\"\nconfigurations = [\"shop\"]\n\n", i, i
  }' > "$map"
  best=999999999
  for _ in 1 2 3; do
    t0=$(date +%s%N); "$bin" -C "$work/wb" check -q >/dev/null 2>&1 || true; t1=$(date +%s%N)
    ms=$(( (t1 - t0) / 1000000 ))
    [ "$ms" -lt "$best" ] && best=$ms
  done
  peak=$( { /usr/bin/time -f '%M' "$bin" -C "$work/wb" check -q 2>&1 >/dev/null || true; } | tail -1 | awk '{printf "%.1f", $1/1024}')
  printf '%-10s %12s %16s %12s\n' "$n" "$best" "$(awk -v b="$best" -v n="$n" 'BEGIN {printf "%.1f", b * 1000 / n}')" "$peak"
done
