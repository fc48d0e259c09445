# Shared by scripts/check/service-*.sh (sourced, not run): builds parcours (release), makes the demo
# database, creates users, starts and stops `parcours serve` on loopback, records PASS/FAIL lines and
# stops every process the check started when it exits, however it exits.
#
# Environment: PARCOURS_BIN=path uses that binary instead of building (e.g. .build/debug/parcours while
# iterating); SERVICE_CHECK_DIR=folder works there instead of .build/service-check/<check>.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

check_name=$(basename "$0" .sh)
work="${SERVICE_CHECK_DIR:-$PWD/.build/service-check/$check_name}"
check_failures=()
started_pids=()

check_pass() { echo "PASS  $*"; }
check_fail() {
  echo "FAIL  $*"
  check_failures+=("$*")
}

# Prints the summary and exits 0 when nothing failed, 1 otherwise.
check_summary() {
  echo
  if [ ${#check_failures[@]} -eq 0 ]; then
    echo "$check_name: PASS"
    exit 0
  fi
  echo "$check_name: FAIL (${#check_failures[@]})"
  printf '  - %s\n' "${check_failures[@]}"
  exit 1
}

# Remembers a background process so that it is stopped on exit.
track() { started_pids+=("$1"); }

# SIGTERM to each process started, then SIGKILL to those still running 10 s later (the service finishes
# the requests in progress before it stops: after a load run, there may be many).
stop_started() {
  local pid waited=0
  for pid in "${started_pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${started_pids[@]}"; do
    while kill -0 "$pid" 2>/dev/null && [ $waited -lt 100 ]; do
      sleep 0.1
      waited=$((waited + 1))
    done
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
}
trap stop_started EXIT
trap 'exit 130' INT TERM

# Installs the Debian packages of the checks when missing, then sets $parcours: the release build, or
# $PARCOURS_BIN.
build_parcours() {
  scripts/install-deps.sh --service-checks >&2
  if [ -n "${PARCOURS_BIN:-}" ]; then
    parcours=$(realpath "$PARCOURS_BIN")
    return
  fi
  echo "Building parcours (release)…" >&2
  swift build -c release --product parcours >&2
  parcours="$(swift build -c release --show-bin-path)/parcours"
}

# `parcours demo` into FOLDER (FOLDER/parcours.sqlite: the samples, the bundled catalogues and a stored
# plan per territory), with a short solver time limit.
make_demo() {
  local folder=$1
  rm -rf "$folder" && mkdir -p "$folder"
  echo "Making the demo database in $folder…" >&2
  "$parcours" demo --out "$folder" --time-limit "${DEMO_TIME_LIMIT:-5}" >"$folder.log" 2>&1 ||
    {
      cat "$folder.log" >&2
      return 1
    }
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Starts `parcours serve` on DATABASE (then any other options of serve) on loopback and waits until
# /ready answers; sets $service_pid and
# $service_url, and logs into $work/serve.log. The first start takes a free port; a restart keeps it and
# the instance's name, so that the service takes back the jobs it was running.
start_service() {
  local database=$1
  service_port="${service_port:-$(free_port)}"
  service_url="http://127.0.0.1:$service_port"
  "$parcours" serve --database "$database" --port "$service_port" --instance "$check_name" "${@:2}" >>"$work/serve.log" 2>&1 &
  service_pid=$!
  track "$service_pid"
  local tries=0
  until curl -sf -o /dev/null "$service_url/ready"; do
    tries=$((tries + 1))
    if [ $tries -gt 300 ] || ! kill -0 "$service_pid" 2>/dev/null; then
      tail -20 "$work/serve.log" >&2
      echo "parcours serve did not start" >&2
      return 1
    fi
    sleep 0.2
  done
}

# The state of job ID (queued, running, done, failed), asked with TOKEN.
job_state() {
  curl -s -H "Authorization: Bearer $2" "$service_url/api/jobs/$1" |
    python3 -c 'import json, sys; print(json.load(sys.stdin).get("state", "unknown"))'
}

# Waits until job ID (asked with TOKEN) is done or failed, at most SECONDS; prints its last state.
wait_for_job() {
  local id=$1 token=$2 seconds=$3 state
  for _ in $(seq 1 "$((seconds * 2))"); do
    state=$(job_state "$id" "$token")
    if [ "$state" = done ] || [ "$state" = failed ]; then break; fi
    sleep 0.5
  done
  echo "$state"
}

# Creates a user on DATABASE and prints its API token: create_user DATABASE ROLE NAME [--territory T|…].
create_user() {
  local database=$1 role=$2 name=$3
  shift 3
  "$parcours" admin create-user --database "$database" --role "$role" --name "$name" "$@"
}

# The provider id of the bundled catalogue FILE (e.g. ecole-administration-namur.csv) in DATABASE.
provider_of_catalogue() {
  sqlite3 -cmd ".timeout 600000" "$1" "SELECT v.providerID FROM catalogueVersion v JOIN importedFile f ON f.id = v.fileID
    WHERE f.name = '$2' ORDER BY v.id DESC LIMIT 1"
}

# Opens a page session with TOKEN through the sign-in form and prints the session cookie's value.
sign_in() {
  curl -s -o /dev/null -D - --data-urlencode "token=$1" "$service_url/sign-in" |
    tr -d '\r' | sed -n 's/^[Ss]et-[Cc]ookie: parcours_session=\([^;]*\).*/\1/p'
}
