#!/usr/bin/env bash
# Installs what Parcours builds against, when it is missing: Debian packages; with --checkers, also
# PostgreSQL (the store's tests run against a throw-away server, scripts/postgres-start.sh) and the
# Python checkers of scripts/check/requirements.txt in a virtual environment under
# .build/python-check (the tests run them on the .ics and JSON files Parcours writes). With
# --service-checks, what scripts/check/service-*.sh drive the service with (headless Chromium, wrk,
# nginx, the sqlite3 shell, curl); never needed by the tests or .ci/run.
# Used by `make demo`, `make test` (with --checkers) and .ci/run; safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(pkg-config libxml2-dev libsqlite3-dev python3-venv)
case "${1:-}" in
  --checkers) packages+=(postgresql) ;;
  --service-checks) packages+=(chromium wrk nginx-light sqlite3 curl) ;;
esac
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing missing Debian packages: ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
fi

[ "${1:-}" = "--checkers" ] || exit 0
venv=.build/python-check
requirements=scripts/check/requirements.txt
if ! cmp -s "$requirements" "$venv/requirements.txt" 2>/dev/null; then
  echo "Installing the Python checkers into $venv" >&2
  /usr/bin/python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check -r "$requirements"
  cp "$requirements" "$venv/requirements.txt"
fi
