#!/usr/bin/env bash
# Makes a synthetic workbook of N populations from the complete example, for
# benchmarks (never committed): each population is a copy of
# examples/lakeside-ms/populations/ms under its own slug, with its name
# numbered so that populations differ.
#
#   tests/bench/synth-workbook.sh N DIR
set -euo pipefail
n=${1:?usage: synth-workbook.sh N DIR}
out=${2:?usage: synth-workbook.sh N DIR}
here=$(cd "$(dirname "$0")/../.." && pwd)
src="$here/examples/lakeside-ms"
if [ -e "$out" ]; then
  echo "synth-workbook: $out already exists; give a new folder" >&2
  exit 2
fi
mkdir -p "$out/populations"
cp "$src/covalue.toml" "$out/"
for i in $(seq -f "%04g" 1 "$n"); do
  dest="$out/populations/ms-$i"
  cp -r "$src/populations/ms" "$dest"
  sed -i "s/^name = \"\(.*\)\"/name = \"\1 ($i)\"/" "$dest/population.toml"
done
echo "synth-workbook: $n populations in $out"
