#!/usr/bin/env bash
# Opens the plan's territory report in a real browser (headless Chromium from Debian) and saves a
# full-page screenshot, to look at it as a coordinator would: scripts/check/plan-report.sh [REPORT.html] [OUT.png]
# Without arguments, has the tests write the documents of their fixture plan (PlanDocumentsTests/layout
# writes into $PARCOURS_PLAN_DOCUMENTS when set) into .build/plan-report-check and shoots report.html,
# a commune's document and a provider's session document beside it.
set -euo pipefail
cd "$(dirname "$0")/../.."

if ! command -v chromium >/dev/null 2>&1; then
  echo "Installing chromium (Debian)" >&2
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium
fi

report="${1:-}"
out="${2:-.build/plan-report-check/report.png}"
if [ -z "$report" ]; then
  folder="$PWD/.build/plan-report-check"
  rm -rf "$folder" && mkdir -p "$folder"
  PARCOURS_PLAN_DOCUMENTS="$folder/documents" swift test --filter PlanDocumentsTests/layout >&2
  report="$folder/documents/report.html"
fi

shoot() { # HTML PNG
  mkdir -p "$(dirname "$2")"
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,"${HEIGHT:-5000}" \
    --screenshot="$2" "file://$(realpath "$1")" 2>/dev/null
  echo "$2"
}
shoot "$report" "$out"
if [ -z "${1:-}" ]; then
  documents="$(dirname "$report")"
  commune=$(ls -d "$documents"/communes/*/ | head -1)
  session=$(ls -d "$documents"/sessions/*/ | head -1)
  shoot "${commune}plan.html" "$(dirname "$out")/commune.png"
  shoot "${session}provider.html" "$(dirname "$out")/session.png"
fi
