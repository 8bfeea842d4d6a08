#!/usr/bin/env bash
# Benchmark of `covalue render --form full --pdf` (the full form with its
# numbered contents) against one plain Chromium print of the same HTML, side
# by side: each round runs the plain print and covalue once, in alternating
# order, so that a busy moment of the machine falls on both. Prints best and
# median wall time of each and the ratio of the medians. Changes nothing in
# the repository. Needs a release build and a Chromium.
#
#   tests/bench/pdf.sh [ROUNDS] [WORKBOOK]   default: 9 rounds, examples/lakeside-ms
#
# COVALUE=PATH times another build of covalue; COVALUE_BROWSER (or chromium
# on PATH) is the browser both use.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
bin=${COVALUE:-"$here/target/release/covalue"}
[ -x "$bin" ] || { echo "build first: cargo build --release" >&2; exit 2; }
browser=${COVALUE_BROWSER:-$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)}
[ -n "$browser" ] || { echo "no Chromium found: apt-get install chromium" >&2; exit 2; }
rounds=${1:-9}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
wb="$work/wb"
cp -r "${2:-$here/examples/lakeside-ms}" "$wb"
"$bin" -C "$wb" render --form full -q -o "$work/full.html"

# The plain print: what `--print-to-pdf` costs on its own, with the flags
# covalue gives the browser, each in a fresh profile like covalue's.
plain() {
  local profile
  profile=$(mktemp -d "$work/profile-XXXXXX")
  "$browser" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage \
    --no-pdf-header-footer --disable-background-networking \
    --disable-component-update --disable-sync --disable-extensions \
    --no-first-run --no-default-browser-check --mute-audio \
    --user-data-dir="$profile" --print-to-pdf="$work/plain.pdf" \
    "file://$work/full.html" >/dev/null 2>&1
  rm -rf "$profile"
}
render() {
  COVALUE_BROWSER="$browser" "$bin" -C "$wb" render --form full --pdf -q -o "$work/covalue.pdf"
}
ms() { # wall time of "$@" in tenths of a millisecond
  local t0 t1
  t0=$(date +%s%N); "$@"; t1=$(date +%s%N)
  echo $(( (t1 - t0) / 100000 ))
}

# One of each first, not timed: the browser's files in the page cache.
plain; render
times_plain=() times_cv=()
for i in $(seq "$rounds"); do
  if [ $((i % 2)) -eq 1 ]; then
    times_plain+=("$(ms plain)") times_cv+=("$(ms render)")
  else
    times_cv+=("$(ms render)") times_plain+=("$(ms plain)")
  fi
done
pages=$(pdfinfo "$work/covalue.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }' || true)
stats() { # tenths of a millisecond in, "best B ms, median M ms" out
  sort -n | awk '{ v[NR] = $1 } END { printf "best %.0f ms, median %.0f ms", v[1] / 10, v[int((NR + 1) / 2)] / 10 }'
}
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
echo "chromium --print-to-pdf of full.html: $(printf '%s\n' "${times_plain[@]}" | stats)"
echo "covalue render --form full --pdf${pages:+ ($pages pages)}: $(printf '%s\n' "${times_cv[@]}" | stats)"
awk -v a="$(printf '%s\n' "${times_cv[@]}" | median)" -v b="$(printf '%s\n' "${times_plain[@]}" | median)" \
  'BEGIN { printf "covalue / plain print: %.2f× (medians of %d rounds side by side)\n", a / b, '"$rounds"' }'
