#!/usr/bin/env bash
# Benchmark of `covalue diff` between two revisions of a synthetic workbook
# of N populations (default 1,000) where 1% of the answer files changed.
# Prints wall time (best and median of 15 rounds, each running covalue and
# git once) and peak memory. Needs a release build.
#
#   tests/bench/diff.sh [N]
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
bin="$here/target/release/covalue"
[ -x "$bin" ] || { echo "build first: cargo build --release" >&2; exit 2; }
n=${1:-1000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
wb="$work/wb"
"$here/tests/bench/synth-workbook.sh" "$n" "$wb" >/dev/null
export GIT_CONFIG_NOSYSTEM=1 HOME="$work" GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=bench@example.invalid GIT_COMMITTER_NAME=bench GIT_COMMITTER_EMAIL=bench@example.invalid
git -C "$wb" init -q && git -C "$wb" add -A && git -C "$wb" commit -qm v1 && git -C "$wb" tag v1
# 1% of the answer files: a word of the chain answers of every tenth population
# (in the answer itself, so that the diff has something to say).
changed=0
for d in "$wb"/populations/*; do
  i=$((10#$(basename "$d" | sed 's/[^0-9]//g')))
  if [ $((i % 10)) -eq 0 ]; then
    sed -i '0,/Our linked/s//The linked/' "$d/answers/chain.md"; changed=$((changed + 1))
  fi
done
git -C "$wb" commit -qam v2 && git -C "$wb" tag v2
# Side by side: each round runs covalue then git once, so that a busy
# moment of the machine falls on both; best and median of 15 rounds.
rounds=15
times_cv=() times_git=()
for _ in $(seq "$rounds"); do
  t0=$(date +%s%N); "$bin" -C "$wb" diff v1 v2 >/dev/null || true; t1=$(date +%s%N)
  git -C "$wb" diff v1 v2 >/dev/null; t2=$(date +%s%N)
  times_cv+=($(( (t1 - t0) / 100000 ))) times_git+=($(( (t2 - t1) / 100000 )))
done
# diff exits 1 when something changed: that is not a failure here.
peak=$( (/usr/bin/time -f '%M' "$bin" -C "$wb" diff v1 v2 || true) 2>&1 >/dev/null | tail -1)
stats() { # tenths of a millisecond in, "best B ms, median M ms" out
  sort -n | awk '{ v[NR] = $1 } END { printf "best %.1f ms, median %.1f ms", v[1] / 10, v[int((NR + 1) / 2)] / 10 }'
}
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
cv=$(printf '%s\n' "${times_cv[@]}" | median) gt=$(printf '%s\n' "${times_git[@]}" | median)
echo "diff v1 v2: $n populations, $changed answer files changed: $(printf '%s\n' "${times_cv[@]}" | stats) wall, peak $((peak / 1024)) MB"
echo "git diff v1 v2 (same revisions): $(printf '%s\n' "${times_git[@]}" | stats) wall"
awk -v a="$cv" -v b="$gt" 'BEGIN { printf "covalue diff / git diff: %.1f× (medians of %d rounds side by side)\n", a / b, '"$rounds"' }'
