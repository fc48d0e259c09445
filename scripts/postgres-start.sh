#!/usr/bin/env bash
# Starts a throw-away PostgreSQL server for the tests (Debian's postgresql package, installed by
# `scripts/install-deps.sh --checkers`): a new cluster in a folder of its own under /tmp, listening on
# 127.0.0.1 only, on a free port, with the database `parcours_test` owned by the role `parcours`
# (trust authentication: loopback only, and nothing but test data). Run as root (CI), the server runs
# as the `postgres` system user, since PostgreSQL refuses to run as root.
#
# Prints the shell line that points the tests at it, so: eval "$(scripts/postgres-start.sh)"
#   export PARCOURS_TEST_POSTGRES_URL=postgres://parcours@127.0.0.1:PORT/parcours_test
# A server this script started and that still answers is used again. Stop it with
# scripts/postgres-stop.sh. Exits non-zero, saying why on stderr, when the server cannot start.
set -euo pipefail
cd "$(dirname "$0")/.."
state=.build/postgres-test.env

answers() { # the URL's server answers
  [ -f "$state" ] || return 1
  # shellcheck disable=SC1090
  . "$state"
  "$bin/pg_isready" -q -h 127.0.0.1 -p "$port"
}
if answers; then
  echo "export PARCOURS_TEST_POSTGRES_URL=$url"
  exit 0
fi

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "postgres-start: PostgreSQL is not installed (scripts/install-deps.sh --checkers installs it)" >&2
  exit 1
fi
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
data=$(mktemp -d /tmp/parcours-postgres.XXXXXX)

as_server=()
if [ "$(id -u)" -eq 0 ]; then
  chown postgres: "$data"
  as_server=(runuser -u postgres --)
fi
if ! "${as_server[@]}" "$bin/initdb" -D "$data/cluster" -U parcours -A trust -E UTF8 --locale=C.UTF-8 \
  >"$data/initdb.log" 2>&1; then
  echo "postgres-start: initdb failed:" >&2
  cat "$data/initdb.log" >&2
  exit 1
fi
if ! "${as_server[@]}" "$bin/pg_ctl" -D "$data/cluster" -l "$data/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $data -c fsync=off" start >/dev/null; then
  echo "postgres-start: the server did not start:" >&2
  cat "$data/server.log" >&2
  exit 1
fi
"$bin/createdb" -h 127.0.0.1 -p "$port" -U parcours parcours_test

url="postgres://parcours@127.0.0.1:$port/parcours_test"
mkdir -p .build
{
  echo "bin=$bin"
  echo "port=$port"
  echo "data=$data"
  echo "url=$url"
} >"$state"
echo "export PARCOURS_TEST_POSTGRES_URL=$url"
