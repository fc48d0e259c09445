#!/usr/bin/env bash
# What staging a large catalogue upload costs: the time `POST /api/catalogues` takes to answer 202 (the
# body received, the upload staged, its job queued) for a file of MEGABYTES (default 40), ROUNDS times
# (default 5), on SQLite and on a throw-away PostgreSQL (scripts/postgres-start.sh), for each parcours
# binary given (default: the release build), side by side. The instances run no worker (--workers 0):
# only staging is timed, not the import.
#
#   scripts/bench/upload-staging.sh [PARCOURS_BINARY…]
# e.g. to compare two builds: scripts/bench/upload-staging.sh /tmp/parcours-before .build/release/parcours
set -euo pipefail
cd "$(dirname "$0")/../.."
megabytes="${MEGABYTES:-40}"
rounds="${ROUNDS:-5}"
work=.build/bench-upload-staging
rm -rf "$work" && mkdir -p "$work"
binaries=("$@")
if [ ${#binaries[@]} -eq 0 ]; then
  swift build -c release --product parcours >&2
  binaries=("$(swift build -c release --show-bin-path)/parcours")
fi
file="$work/upload.lheo.xml"
python3 scripts/bench/generate-lheo.py --megabytes "$megabytes" --output "$file" >&2
postgres=""
if started=$(scripts/postgres-start.sh); then
  eval "$started"
  postgres=$PARCOURS_TEST_POSTGRES_URL
  trap scripts/postgres-stop.sh EXIT
fi
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); $megabytes MB, $rounds rounds, median and range of the 202 answer"
printf '%-48s %-10s %10s %21s\n' binary database median range
number=0
for binary in "${binaries[@]}"; do
  databases=("$work/sqlite-$number.sqlite")
  [ -n "$postgres" ] && databases+=("$postgres?schema=bench_staging_${number}_$$")
  for database in "${databases[@]}"; do
    token=$("$binary" admin create-user --database "$database" --role provider --name Bench \
      --provider SIRET:00000000000000 2>/dev/null | tail -n 1 | awk '{print $NF}')
    port=$(free_port)
    "$binary" serve --database "$database" --port "$port" --workers 0 --instance "bench-$number" \
      >"$work/serve-$number.log" 2>&1 &
    pid=$!
    until curl -sf -o /dev/null "http://127.0.0.1:$port/ready"; do sleep 0.2; done
    times=()
    for _ in $(seq "$rounds"); do
      times+=("$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -H "Authorization: Bearer $token" \
        --data-binary @"$file" "http://127.0.0.1:$port/api/catalogues?file=upload.lheo.xml")")
    done
    kill "$pid" && wait "$pid" 2>/dev/null || true
    kind=$([ "${database#postgres}" != "$database" ] && echo postgresql || echo sqlite)
    printf '%s\n' "${times[@]}" | python3 -c '
import statistics, sys
answers = [line.split() for line in sys.stdin if line.strip()]
codes = {code for code, _ in answers}
seconds = sorted(float(time) for _, time in answers)
label, kind = sys.argv[1], sys.argv[2]
status = "" if codes == {"202"} else f"  answers {sorted(codes)}"
print(f"{label[-48:]:<48} {kind:<10} {statistics.median(seconds):9.3f}s {seconds[0]:9.3f}–{seconds[-1]:.3f}s{status}")
' "$binary" "$kind"
  done
  number=$((number + 1))
done
