#!/usr/bin/env bash
# Load check of the service, on loopback and bounded in time: scripts/check/service-load.sh
# 1. Reads: wrk (2 threads, DURATION seconds, 100 then 500 connections) on a stored plan's JSON
#    (/api/plans/{id}/plan.json, Bearer token) and on the territory dashboard (/territories/namur, session
#    cookie), beside nginx serving the same bytes saved once with curl; prints requests/s, p99 latency,
#    errors and the ratio to nginx, and fails on any error from parcours.
# 2. Writes: every bundled catalogue uploaded ROUNDS times (each time a new version) by its provider,
#    8 uploads at a time, while a plan of the territory runs as the service's job (POST /api/plans) and
#    the dashboard is read; fails unless every upload is stored (201), the plan is stored, and afterwards the database holds
#    every version with all its courses and sessions and one current version per provider.
# Environment: DURATION (default 10), ROUNDS (default 5); see service-common.sh.
source "$(dirname "$0")/service-common.sh"

duration="${DURATION:-10}"
rounds="${ROUNDS:-10}"
build_parcours
rm -rf "$work" && mkdir -p "$work"
make_demo "$work/demo"
database="$work/demo/parcours.sqlite"
coordinator=$(create_user "$database" coordinator "Coordination provinciale" --territory namur)
plan=$(sqlite3 -cmd ".timeout 600000" "$database" "SELECT max(id) FROM plan WHERE territoryID = 'namur'")
start_service "$database"
cookie="parcours_session=$(sign_in "$coordinator")"

# nginx on loopback serving the bytes parcours answered, at the same paths.
nginx_dir="$work/nginx"
mkdir -p "$nginx_dir/root/api/plans/$plan" "$nginx_dir/root/territories" "$nginx_dir/tmp"
curl -sf -H "Authorization: Bearer $coordinator" "$service_url/api/plans/$plan/plan.json" \
  >"$nginx_dir/root/api/plans/$plan/plan.json"
curl -sf -H "Cookie: $cookie" "$service_url/territories/namur" >"$nginx_dir/root/territories/namur"
nginx_port=$(free_port)
nginx_user=""
[ "$(id -u)" -eq 0 ] && nginx_user="user root root;"
cat >"$nginx_dir/nginx.conf" <<EOF
$nginx_user
worker_processes 2;
daemon off;
pid $nginx_dir/nginx.pid;
error_log $nginx_dir/error.log;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $nginx_dir/tmp; proxy_temp_path $nginx_dir/tmp; fastcgi_temp_path $nginx_dir/tmp;
  uwsgi_temp_path $nginx_dir/tmp; scgi_temp_path $nginx_dir/tmp;
  default_type text/html;
  server {
    listen 127.0.0.1:$nginx_port;
    root $nginx_dir/root;
    location ~ \.json\$ { default_type application/json; }
  }
}
EOF
nginx -p "$nginx_dir" -c "$nginx_dir/nginx.conf" -e "$nginx_dir/error.log" &
track $!
nginx_url="http://127.0.0.1:$nginx_port"
until curl -sf -o /dev/null "$nginx_url/territories/namur"; do sleep 0.1; done
for path in "/api/plans/$plan/plan.json" /territories/namur; do
  if cmp -s <(curl -s -H "Authorization: Bearer $coordinator" -H "Cookie: $cookie" "$service_url$path") \
    <(curl -s "$nginx_url$path"); then
    check_pass "nginx serves the same bytes as parcours at $path"
  else
    check_fail "nginx does not serve the same bytes as parcours at $path"
  fi
done

echo "Reads: wrk -t2 -d${duration}s --latency, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
runs=()
for connections in 100 500; do
  for target in plan.json dashboard; do
    for server in parcours nginx; do
      base=$service_url
      [ $server = nginx ] && base=$nginx_url
      if [ $target = plan.json ]; then
        url="$base/api/plans/$plan/plan.json"
        header="Authorization: Bearer $coordinator"
      else
        url="$base/territories/namur"
        header="Cookie: $cookie"
      fi
      out="$work/wrk-$target-$connections-$server.txt"
      wrk -t2 -c"$connections" -d"${duration}s" --timeout 10s --latency -H "$header" "$url" >"$out"
      runs+=("$target:$connections:$server:$out")
    done
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 scripts/check/wrk_summary.py "${runs[@]}" | tee "$work/reads.md"
read_errors=$(sed -n 's/^errors //p' "$work/reads.md")
if [ "$read_errors" -eq 0 ]; then
  check_pass "reads: no error from parcours at 100 and 500 connections"
else
  check_fail "reads: $read_errors errors (socket errors or non-2xx answers) from parcours"
fi

# Writes: uploads while a plan runs.
declare -A catalogue_token
declare -A catalogue_provider
for catalogue in Catalogues/*.xml Catalogues/*.csv; do
  name=$(basename "$catalogue")
  provider=$(provider_of_catalogue "$database" "$name")
  catalogue_provider[$name]=$provider
  catalogue_token[$name]=$(create_user "$database" provider "Prestataire $name" --provider "$provider")
done
versions_before=$(sqlite3 -cmd ".timeout 600000" "$database" "SELECT count(*) FROM catalogueVersion")
plans_before=$(sqlite3 -cmd ".timeout 600000" "$database" "SELECT count(*) FROM plan")
uploads="$work/uploads"
mkdir -p "$uploads"
jobs_file="$work/upload-jobs.txt"
: >"$jobs_file"
for round in $(seq 1 "$rounds"); do
  for catalogue in Catalogues/*.xml Catalogues/*.csv; do
    name=$(basename "$catalogue")
    variant="$uploads/round$round-$name"
    # A new version: the same catalogue with different bytes (an XML comment, a CSV blank line per round).
    if [[ $name == *.xml ]]; then
      { cat "$catalogue"; echo "<!-- load check, round $round -->"; } >"$variant"
    else
      { cat "$catalogue"; printf '\n%.0s' $(seq 1 "$round"); } >"$variant"
    fi
    echo "$variant ${catalogue_token[$name]}" >>"$jobs_file"
  done
done

upload() { # FILE TOKEN: prints the HTTP status and the file
  local status
  status=$(curl -s -o "$1.response" -w '%{http_code}' -X POST --data-binary "@$1" \
    -H "Authorization: Bearer $2" "$service_url/api/catalogues?file=$(basename "$1")")
  echo "$status $(basename "$1")"
}
export -f upload
export service_url

echo "Writes: $(wc -l <"$jobs_file") catalogue uploads, 8 at a time, while a plan of Namur runs (POST /api/plans)"
job=$(curl -s -X POST -H "Authorization: Bearer $coordinator" -H 'Content-Type: application/json' \
  -d '{"label": "load check", "timeLimit": 20}' "$service_url/api/plans" |
  python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])')
# The dashboard is read meanwhile, as people would.
(while [ "$(job_state "$job" "$coordinator")" != done ] && [ "$(job_state "$job" "$coordinator")" != failed ]; do
  curl -s -o /dev/null -w '%{http_code}\n' -H "Cookie: $cookie" "$service_url/territories/namur"
done >"$work/reads-during-writes.txt") &
reader_pid=$!
track $reader_pid
xargs -P 8 -L 1 bash -c 'upload "$0" "$1"' <"$jobs_file" >"$work/upload-statuses.txt"
uploads_done_state=$(job_state "$job" "$coordinator")
plan_state=$(wait_for_job "$job" "$coordinator" 300)
wait $reader_pid || true

stored=$(grep -c '^201 ' "$work/upload-statuses.txt" || true)
expected=$(wc -l <"$jobs_file")
if [ "$stored" -eq "$expected" ]; then
  check_pass "all $expected uploads stored (201) while the plan ran"
else
  check_fail "$stored of $expected uploads stored; others: $(grep -v '^201 ' "$work/upload-statuses.txt" | sort | uniq -c | head -5 | tr '\n' ';')"
fi
if [ "$plan_state" = done ] && [ "$uploads_done_state" != done ]; then
  check_pass "the plan job ran during the uploads and is done"
elif [ "$plan_state" = done ]; then
  check_fail "the plan job was done before the uploads ended: they did not run while it ran (more ROUNDS)"
else
  check_fail "the plan job ended $plan_state: $(curl -s -H "Authorization: Bearer $coordinator" "$service_url/api/jobs/$job" | head -c 300)"
fi
bad_reads=$(grep -vc '^200$' "$work/reads-during-writes.txt" || true)
total_reads=$(wc -l <"$work/reads-during-writes.txt")
if [ "$bad_reads" -eq 0 ]; then
  check_pass "$total_reads dashboard reads during the writes, all 200"
else
  check_fail "$bad_reads of $total_reads dashboard reads during the writes did not answer 200"
fi

versions_after=$(sqlite3 -cmd ".timeout 600000" "$database" "SELECT count(*) FROM catalogueVersion")
plans_after=$(sqlite3 -cmd ".timeout 600000" "$database" "SELECT count(*) FROM plan")
[ $((versions_after - versions_before)) -eq "$expected" ] &&
  check_pass "$expected new catalogue versions in the database" ||
  check_fail "$((versions_after - versions_before)) new catalogue versions in the database, expected $expected"
[ $((plans_after - plans_before)) -eq 1 ] &&
  check_pass "the new plan is in the database" ||
  check_fail "$((plans_after - plans_before)) new plans in the database, expected 1"
incomplete=$(sqlite3 -cmd ".timeout 600000" "$database" "
  SELECT count(*) FROM catalogueVersion v
  WHERE v.courseCount != (SELECT count(*) FROM course c WHERE c.versionID = v.id)
     OR v.sessionCount != (SELECT count(*) FROM courseSession s WHERE s.versionID = v.id)")
[ "$incomplete" -eq 0 ] &&
  check_pass "every catalogue version holds all its courses and sessions" ||
  check_fail "$incomplete catalogue versions lack courses or sessions"
currents=$(sqlite3 -cmd ".timeout 600000" "$database" "SELECT count(*) FROM (SELECT providerID FROM catalogueVersion
  GROUP BY providerID HAVING sum(isCurrent) != 1)")
[ "$currents" -eq 0 ] &&
  check_pass "one current version per provider" ||
  check_fail "$currents providers without exactly one current version"
if grep -qiE 'error|busy|locked' "$work/serve.log"; then
  check_fail "the service logged errors: $(grep -iE 'error|busy|locked' "$work/serve.log" | head -3 | tr '\n' ' ')"
else
  check_pass "no error in the service's log"
fi
check_summary
