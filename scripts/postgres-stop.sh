#!/usr/bin/env bash
# Stops the test server scripts/postgres-start.sh started and removes its folder.
set -euo pipefail
cd "$(dirname "$0")/.."
state=.build/postgres-test.env
[ -f "$state" ] || exit 0
# shellcheck disable=SC1090
. "$state"
as_server=()
[ "$(id -u)" -eq 0 ] && as_server=(runuser -u postgres --)
"${as_server[@]}" "$bin/pg_ctl" -D "$data/cluster" -m fast -w stop >/dev/null 2>&1 || true
case "$data" in /tmp/parcours-postgres.*) rm -rf "$data" ;; esac
rm -f "$state"
