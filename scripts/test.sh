#!/usr/bin/env bash
# The test suite as `make test` and .ci/run run it: built with the PostgreSQL trait, so that the
# store's tests run against SQLite and against a throw-away PostgreSQL server
# (scripts/postgres-start.sh, stopped at the end). Without a server, those tests are reported
# skipped; under CI (CI set), a server that does not start fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
SWIFT=${SWIFT:-swift}

if started=$(scripts/postgres-start.sh); then
  eval "$started"
  trap scripts/postgres-stop.sh EXIT
elif [ -n "${CI:-}" ]; then
  echo "test: PostgreSQL did not start, and CI must run its tests" >&2
  exit 1
else
  echo "test: PostgreSQL did not start: its tests are skipped" >&2
fi
"$SWIFT" test --disable-xctest --traits PostgreSQL # every test is Swift Testing
