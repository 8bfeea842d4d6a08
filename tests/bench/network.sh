#!/usr/bin/env bash
# Benchmark of `covalue network` over N sites (default: 250, 500 and 1,000),
# each a local bare repository made from examples/lakeside-ms with varied
# answers (ten variants, one branch each; site i reads variant i mod 10).
# Prints, per N: the first fetch, a second fetch with nothing changed, and
# `network report` (text and JSON): wall time and peak memory. Needs a
# release build. Wall times are noisy on a shared machine: take the best
# of a few runs.
#
#   tests/bench/network.sh [N ...]
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
bin="$here/target/release/covalue"
[ -x "$bin" ] || { echo "build first: cargo build --release" >&2; exit 2; }
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(250 500 1000)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export GIT_CONFIG_NOSYSTEM=1 HOME="$work" GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=bench@example.invalid GIT_COMMITTER_NAME=bench GIT_COMMITTER_EMAIL=bench@example.invalid

# One template repository with ten variants: variant k leaves the answers of
# k answer files open (their headings only) and says a word differently.
tpl="$work/template"
cp -r "$here/examples/lakeside-ms" "$tpl"
git -C "$tpl" init -q -b main && git -C "$tpl" add -A && git -C "$tpl" commit -qm base
files=(access assessment logic interdependence network shop chain preparation population)
for k in 0 1 2 3 4 5 6 7 8 9; do
  git -C "$tpl" checkout -q -b "v$k" main
  for ((j = 0; j < k && j < ${#files[@]}; j++)); do
    f="$tpl/populations/ms/answers/${files[$j]}.md"
    grep '^#' "$f" | sed 's/$/\n/' > "$f.new" && mv "$f.new" "$f"
  done
  sed -i "s/^title = .*/title = \"Site variant $k\"/" "$tpl/covalue.toml"
  git -C "$tpl" commit -qam "variant $k"
done
git clone -q --bare "$tpl" "$work/template.git"

ms() { echo $(( ($2 - $1) / 1000000 )); }
measure() { # label, command...: prints wall ms, peak MB and exit code
  local label=$1; shift
  local t0 t1 code=0
  t0=$(date +%s%N)
  /usr/bin/time -o "$work/time" -f '%M' "$@" >/dev/null 2>"$work/err" || code=$?
  t1=$(date +%s%N)
  printf '  %-34s %7s ms  %5s MB  exit %s\n' "$label" "$(ms "$t0" "$t1")" "$(( $(tail -1 "$work/time") / 1024 ))" "$code"
}

for n in "${sizes[@]}"; do
  net="$work/net-$n"; sites="$work/sites-$n"
  mkdir -p "$sites"
  "$bin" -q network init "$net" --name "Bench $n" >/dev/null
  {
    for ((i = 0; i < n; i++)); do
      cp -r "$work/template.git" "$sites/s$i.git"
      printf '\n[[site]]\nname = "s%d"\naddress = "%s"\nref = "v%d"\n' "$i" "$sites/s$i.git" $((i % 10))
    done
  } >> "$net/network.toml"
  echo "$n sites:"
  measure "network fetch (first)" "$bin" -q -C "$net" network fetch
  measure "network fetch (nothing changed)" "$bin" -q -C "$net" network fetch
  measure "network report (text)" "$bin" -q -C "$net" network report
  measure "network report --format json" "$bin" -q -C "$net" network report --format json
  measure "network report --format html" "$bin" -q -C "$net" network report --format html
  measure "network status" "$bin" -q -C "$net" network status
  rm -f "$work"/.cache/covalue/networks/*/sites/*.json
  measure "network report (no summaries kept)" "$bin" -q -C "$net" network report
  rm -rf "$net" "$sites"
done
