#!/usr/bin/env bash
# Catalogue benchmark (release build, not a test): throughput and peak memory of
# `parcours validate catalogue` and `parcours import catalogue` on generated LHEO 2.3 files,
# side by side in one run with `xmllint --stream --noout` without and with the LHEO schema
# (Debian libxml2-utils). Two sizes show whether memory stays flat in the file size.
#
#   scripts/bench/catalogue.sh [SMALL_MB] [LARGE_MB]      (defaults 10 and 100)
#
# Writes its files under bench-out/ (git-ignored); prints a table with ratios to xmllint, in wall
# time and in CPU time (user + system: the fairer ratio when other work shares the cores), with
# the 1-minute load average as each run started.
set -euo pipefail
cd "$(dirname "$0")/../.."
small=${1:-10}
large=${2:-100}
out=bench-out/catalogue
mkdir -p "$out"
command -v xmllint >/dev/null || { echo "xmllint missing: apt-get install libxml2-utils" >&2; exit 1; }
swift build -c release --product parcours >/dev/null
parcours=.build/release/parcours
schema=Config/schemas/lheo-2.3/lheo-2.3.xsd

measure() { # label file command… → "label bytes seconds maxRSS_KiB cpu_seconds load_average"
  local label=$1 file=$2 load; shift 2
  load=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/time -f "%e %M %U %S" -o "$out/time.txt" "$@" >/dev/null 2>"$out/stderr.txt" || {
    local status=$?
    [ "$status" -le 1 ] || { echo "$label failed ($status):" >&2; tail -3 "$out/stderr.txt" >&2; exit 1; }
  }
  read -r seconds rss user system < "$out/time.txt"
  echo "$label $(stat -c %s "$file") $seconds $rss $(python3 -c "print($user + $system)") $load"
}

results=()
for size in "$small" "$large"; do
  file="$out/lheo-${size}mb.xml"
  [ -f "$file" ] || python3 scripts/bench/generate-lheo.py --megabytes "$size" --output "$file" >&2
  results+=("$(measure "xmllint-stream-${size}MB" "$file" xmllint --stream --noout "$file")")
  results+=("$(measure "xmllint-stream-schema-${size}MB" "$file" xmllint --stream --noout --schema "$schema" "$file")")
  results+=("$(measure "parcours-validate-${size}MB" "$file" "$parcours" validate catalogue "$file")")
  rm -f "$out/bench.sqlite"
  results+=("$(measure "parcours-import-${size}MB" "$file" "$parcours" import catalogue "$file" --database "$out/bench.sqlite")")
done

printf '%s\n' "${results[@]}" | python3 scripts/bench/catalogue-table.py
