#!/usr/bin/env bash
# Crash check: scripts/check/service-crash.sh
# The service is killed with SIGKILL twice, then restarted on the same database (same port and instance
# name) each time:
# 1. during a large catalogue import: a provider uploads a big LHEO file (scripts/bench/generate-lheo.py,
#    MEGABYTES, default 40: imported by a background job), killed while the import's write transaction is
#    open, as SQLite tells (kill_during_write.py); an upload answering no job id, or a kill that came after
#    the import committed, fails the check;
# 2. during a plan run (POST /api/plans), killed while the plan job runs.
# After each restart: the database is intact (PRAGMA integrity_check) and nothing is half-written (no
# imported file without its catalogue version, no version without all its courses and sessions, one
# current version per provider, no plan without its document and inputs); the job is resumed to its end
# or marked failed with its reason; a resumed job stores its result once (one new version, one new plan);
# the staged upload (a stagedUpload row) and any temporary file are gone once its job ended. Environment: MEGABYTES; see service-common.sh.
source "$(dirname "$0")/service-common.sh"

megabytes="${MEGABYTES:-40}"
build_parcours
rm -rf "$work" && mkdir -p "$work/tmp"
export TMPDIR="$work/tmp"
make_demo "$work/demo"
database="$work/demo/parcours.sqlite"
big="$work/big.lheo.xml"
python3 scripts/bench/generate-lheo.py --megabytes "$megabytes" --output "$big" >&2
provider=$(provider_of_catalogue "$database" formations-numeriques-haute-corse.lheo.xml)
token=$(create_user "$database" provider "Formations Numériques de Haute-Corse" --provider "$provider")
coordinator=$(create_user "$database" coordinator "Coordination de la CA de Bastia" --territory bastia)

# What a half-written store would show: prints one line per problem found. The sqlite3 shell reads the
# last committed state beside the service's write transaction in progress (WAL mode).
half_written() {
  sqlite3 -cmd ".timeout 600000" "$database" "
    SELECT 'integrity: ' || integrity_check FROM pragma_integrity_check WHERE integrity_check != 'ok';
    SELECT 'imported file ' || f.id || ' (' || f.name || ') without its catalogue version' FROM importedFile f
      WHERE f.kind = 'catalogue' AND NOT EXISTS (SELECT 1 FROM catalogueVersion v WHERE v.fileID = f.id);
    SELECT 'catalogue version ' || v.id || ' with ' || (SELECT count(*) FROM course c WHERE c.versionID = v.id)
      || ' of its ' || v.courseCount || ' courses' FROM catalogueVersion v
      WHERE v.courseCount != (SELECT count(*) FROM course c WHERE c.versionID = v.id)
         OR v.sessionCount != (SELECT count(*) FROM courseSession s WHERE s.versionID = v.id);
    SELECT 'provider ' || providerID || ' with ' || sum(isCurrent) || ' current versions' FROM catalogueVersion
      GROUP BY providerID HAVING sum(isCurrent) != 1;
    SELECT 'plan ' || p.id || ' without its document or inputs' FROM plan p
      WHERE length(p.document) = 0 OR NOT EXISTS (SELECT 1 FROM planInput i WHERE i.planID = p.id);"
}

count() { sqlite3 -cmd ".timeout 600000" "$database" "SELECT count(*) FROM $1"; }

# Kills the service with SIGKILL while job ID runs with its write transaction open, as SQLite itself tells
# (kill_during_write.py: the job's row says running and `BEGIN IMMEDIATE` is refused with SQLITE_BUSY);
# WHAT names the moment. Fails when that moment never came, or when the job's result was committed before
# the kill after all (TABLE grew from COUNT_BEFORE rows): then the kill did not test a half-done write.
kill_during_write() { # JOB WHAT TABLE COUNT_BEFORE
  local id=$1 what=$2 table=$3 before=$4 seen
  if seen=$(python3 scripts/check/kill_during_write.py "$database" "$id" "$service_pid" 120); then
    wait "$service_pid" 2>/dev/null || true
    if [ "$(count "$table")" -eq "$before" ]; then
      check_pass "service killed with SIGKILL $what, its write transaction open ($seen)"
    else
      check_fail "the service was killed $what only after its write committed ($table: $before → $(count "$table"))"
    fi
  else
    check_fail "could not kill the service $what while its write was open: $seen"
    kill -9 "$service_pid" 2>/dev/null || true
    wait "$service_pid" 2>/dev/null || true
  fi
}

# The id of the job an upload's or a plan request's ANSWER (JSON) names; empty when it names none.
job_id_of() {
  python3 -c 'import json, sys
try:
    answer = json.loads(sys.argv[1])
except ValueError:
    answer = None
print(answer.get("id", "") if isinstance(answer, dict) else "")' "$1"
}

# After a restart: the job's end, and what the database holds.
check_after_restart() { # JOB TOKEN WHAT TABLE COUNT_BEFORE
  local id=$1 token=$2 what=$3 table=$4 before=$5 state document problems
  start_service "$database"
  check_pass "the service restarts on the database after the kill $what"
  problems=$(half_written)
  [ -z "$problems" ] &&
    check_pass "just after the restart, nothing half-written" ||
    check_fail "just after the restart: $problems"
  state=$(wait_for_job "$id" "$token" 600)
  document=$(curl -s -H "Authorization: Bearer $token" "$service_url/api/jobs/$id")
  local attempts error
  attempts=$(python3 -c 'import json, sys; print(json.loads(sys.argv[1])["attempts"])' "$document")
  error=$(python3 -c 'import json, sys; print(json.loads(sys.argv[1]).get("error") or "")' "$document")
  case "$state" in
    done)
      [ "$(count "$table")" -eq $((before + 1)) ] &&
        check_pass "the job $what was resumed and done (attempt $attempts), its result stored once" ||
        check_fail "the job $what was done but $table went from $before to $(count "$table") rows"
      ;;
    failed)
      [ -n "$error" ] && [ "$(count "$table")" -eq "$before" ] &&
        check_pass "the job $what was marked failed with its reason: $error" ||
        check_fail "the job $what failed without a reason, or left $(($(count "$table") - before)) rows in $table"
      ;;
    *) check_fail "the job $what is still $state after 10 minutes" ;;
  esac
  problems=$(half_written)
  [ -z "$problems" ] &&
    check_pass "once the job ended, nothing half-written" ||
    check_fail "once the job ended: $problems"
}

start_service "$database"

# 1. Killed during a large import.
versions_before=$(count catalogueVersion)
echo "Uploading $(du -m "$big" | cut -f1) MB of LHEO (a background import), then killing the service while it imports…"
answer=$(curl -s -X POST --data-binary "@$big" -H "Authorization: Bearer $token" \
  "$service_url/api/catalogues?file=big.lheo.xml")
job=$(job_id_of "$answer")
if [ -z "$job" ]; then
  check_fail "the upload answered no job id: $(head -c 300 <<<"$answer")"
  check_summary
fi
kill_during_write "$job" "during the import" catalogueVersion "$versions_before"
check_after_restart "$job" "$token" "during the import" catalogueVersion "$versions_before"
staged=$(count stagedUpload)
temporary=$(find "$TMPDIR" -type f 2>/dev/null | grep -c . || true)
[ "$staged" -eq 0 ] && [ "$temporary" -eq 0 ] &&
  check_pass "no staged or temporary copy of the upload left" ||
  check_fail "$staged staged uploads in the database, $temporary temporary files left: $(find "$TMPDIR" -type f | head -3 | tr '\n' ' ')"

# 2. Killed during a plan run.
plans_before=$(count plan)
echo "Running a plan of Bastia as a job, then killing the service while it plans…"
answer=$(curl -s -X POST -H "Authorization: Bearer $coordinator" -H 'Content-Type: application/json' \
  -d '{"label": "crash check", "timeLimit": 20}' "$service_url/api/plans")
job=$(job_id_of "$answer")
if [ -z "$job" ]; then
  check_fail "the plan request answered no job id: $(head -c 300 <<<"$answer")"
  check_summary
fi
# A plan writes only at its end: wait until it runs, then a little into its solve.
for _ in $(seq 1 600); do
  [ "$(job_state "$job" "$coordinator")" = running ] && break
  sleep 0.1
done
plan_kill_after="${PLAN_KILL_AFTER:-5}"
sleep "$plan_kill_after"
if [ "$(job_state "$job" "$coordinator")" = running ] && kill -9 "$service_pid"; then
  wait "$service_pid" 2>/dev/null || true
  check_pass "service killed with SIGKILL during the plan run"
else
  check_fail "the plan job was not running $plan_kill_after s after it started ($(job_state "$job" "$coordinator"))"
  kill -9 "$service_pid" 2>/dev/null || true
  wait "$service_pid" 2>/dev/null || true
fi
check_after_restart "$job" "$coordinator" "during the plan run" plan "$plans_before"
if grep -qE 'status=5[0-9][0-9]' "$work/serve.log"; then
  check_fail "the service answered server errors: $(grep -E 'status=5[0-9][0-9]' "$work/serve.log" | head -3 | tr '\n' ' ')"
else
  check_pass "no server error answered"
fi
check_summary
