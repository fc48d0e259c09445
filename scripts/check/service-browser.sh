#!/usr/bin/env bash
# Browser check of the service's pages: scripts/check/service-browser.sh
# Builds parcours (release), makes the demo database, creates one user per role and territory, starts
# `parcours serve` on loopback, then headless Chromium signs in through the sign-in page with each
# user's token and saves a full-page screenshot of each of the role's pages into out/screenshots/
# (ROLE-PAGE.png, the rendered HTML beside them in html/): look at them. Fails when a page does not
# answer its expected status, a same-site link of a page is broken, or the accessibility pass
# (service_html_check.py: lang, title, one h1, heading order, labels, alt texts, names, ids) finds a
# problem. Environment: see service-common.sh (PARCOURS_BIN, SERVICE_CHECK_DIR); SCREENSHOTS=folder.
source "$(dirname "$0")/service-common.sh"

screenshots="${SCREENSHOTS:-$PWD/out/screenshots}"
build_parcours
rm -rf "$work" "$screenshots" && mkdir -p "$work" "$screenshots"
make_demo "$work/demo"
database="$work/demo/parcours.sqlite"

user() { create_user "$database" "$@"; }
coordinator_namur=$(user coordinator "Coordination provinciale" --territory namur)
hr_namur=$(user commune-hr "Ressources humaines de Floreffe" --commune 92045)
provider_namur_id=$(provider_of_catalogue "$database" ecole-administration-namur.csv)
provider_namur=$(user provider "École provinciale d'administration" --provider "$provider_namur_id")
procurement_namur=$(user procurement "Service des marchés publics de la Province" --territory namur)
admin=$(user admin "Administration de Parcours")
coordinator_bastia=$(user coordinator "Coordination de la CA de Bastia" --territory bastia)
hr_bastia=$(user commune-hr "Ressources humaines de Furiani" --commune 2B120)
provider_bastia_id=$(provider_of_catalogue "$database" formations-numeriques-haute-corse.lheo.xml)
provider_bastia=$(user provider "Formations Numériques de Haute-Corse" --provider "$provider_bastia_id")
procurement_bastia=$(user procurement "Commande publique de la CA de Bastia" --territory bastia)
plan_namur=$(sqlite3 "$database" "SELECT max(id) FROM plan WHERE territoryID = 'namur'")
plan_bastia=$(sqlite3 "$database" "SELECT max(id) FROM plan WHERE territoryID = 'bastia'")

# A new version of the Namur school's catalogue in which one session has an impossible date: stored
# without that course, and the report says which line and why.
variant="$work/ecole-administration-namur-v2.csv"
sed '3s|24/02/2027;24/02/2027|30/02/2027;30/02/2027|' Catalogues/ecole-administration-namur.csv >"$variant"
# A catalogue large enough to be imported in the background (a job page follows it).
big="$work/formations-numeriques-haute-corse-grand.lheo.xml"
python3 scripts/bench/generate-lheo.py --megabytes 6 --output "$big" >/dev/null

# Sign-in with an identity provider: a stand-in provider on the loopback (fake_oidc_provider.py) signs in
# the subject linked to Floreffe's HR; the sign-in page then shows its button.
oidc_port=$(free_port)
oidc_issuer="http://127.0.0.1:$oidc_port"
python3 scripts/check/fake_oidc_provider.py "$oidc_port" parcours-check check-secret hr-floreffe &
track $!
hr_namur_id=$(sqlite3 "$database" "SELECT id FROM serviceUser WHERE name = 'Ressources humaines de Floreffe'")
"$parcours" admin link-identity --database "$database" --user "$hr_namur_id" --issuer "$oidc_issuer" \
  --subject hr-floreffe >/dev/null
service_port=$(free_port)
export PARCOURS_OIDC_CLIENT_SECRET=check-secret
start_service "$database" --oidc-issuer "$oidc_issuer" --oidc-client-id parcours-check \
  --oidc-redirect-url "http://127.0.0.1:$service_port/sign-in/oidc/callback"
agent_to_erase=$(sqlite3 "$database" "SELECT externalID FROM agent WHERE communeCode = '92045' ORDER BY externalID DESC LIMIT 1")

python3 - "$work/visits.json" <<EOF
import json, sys
def page(name, path, status=200, **more):
    return {"name": name, "path": path, "status": status, **more}
job_ended = "!document.querySelector('meta[http-equiv=refresh]')"
upload = {"file_field": "#catalogue", "submit": "main form button[type=submit]"}
visits = [
    {"role": "anonymous", "steps": [
        page("sign-in", "/sign-in"), page("sign-in-en", "/sign-in?lang=en"), page("home", "/"),
        page("oidc-refused", "/sign-in/oidc/callback?code=x&state=forged", 401)]},
    {"role": "oidc-commune-hr-namur", "steps": [
        page("signed-in", "/sign-in", submit="a.button", until="location.pathname.startsWith('/communes/')")]},
    {"role": "coordinator-namur", "token": "$coordinator_namur", "steps": [
        page("dashboard-en", "/territories/namur?lang=en"),
        page("plan-job", "/territories/namur", fill={"#label": "contrôle navigateur", "#timeLimit": "5"},
             submit="#run-title ~ form button[type=submit]", until=job_ended),
        page("compare", "/territories/namur", submit="form[action\$='/compare'] button[type=submit]"),
        page("unmet-needs", "/plans/$plan_namur/unmet-needs"),
        page("plan-report", "/plans/$plan_namur/report"),
        page("tender", "/plans/$plan_namur/tender"),
        page("other-territory", "/territories/bastia", 403),
        page("commune-page", "/communes/92045", 403)]},
    {"role": "commune-hr-namur", "token": "$hr_namur", "steps": [
        page("commune-en", "/communes/92045?lang=en"),
        page("sessions", "/communes/92045/sessions"),
        page("plan-report", "/plans/$plan_namur/report"),
        page("other-commune", "/communes/93018", 403),
        page("erasure-form", "/communes/92045/erasure"),
        page("erasure-unconfirmed", "/communes/92045/erasure", 422, fill={"#agent": "$agent_to_erase"},
             submit="main form button[type=submit]", novalidate=True),
        page("erasure-done", "/communes/92045/erasure", fill={"#agent": "$agent_to_erase"}, check=["#confirm"],
             submit="main form button[type=submit]")]},
    {"role": "provider-namur", "token": "$provider_namur", "steps": [
        page("upload-report", "/catalogues/upload", file="$variant", **upload)]},
    {"role": "procurement-namur", "token": "$procurement_namur", "steps": [
        page("plan-report", "/plans/$plan_namur/report"), page("tender", "/plans/$plan_namur/tender")]},
    {"role": "admin", "token": "$admin", "steps": [page("dashboard", "/territories/namur", 403)]},
    {"role": "coordinator-bastia", "token": "$coordinator_bastia", "steps": [
        page("plan-report", "/plans/$plan_bastia/report")]},
    {"role": "commune-hr-bastia", "token": "$hr_bastia"},
    {"role": "provider-bastia", "token": "$provider_bastia", "steps": [
        page("upload-refused", "/catalogues/upload", 422, file="Catalogues/ecole-administration-namur.csv", **upload),
        page("upload-job", "/catalogues/upload", file="$big", until=job_ended, **upload)]},
    {"role": "procurement-bastia", "token": "$procurement_bastia"},
]
json.dump({"base": "$service_url", "out": "$screenshots", "visits": visits}, open(sys.argv[1], "w"), indent=1)
EOF

echo "Signing in and visiting the pages with headless Chromium…"
if python3 scripts/check/service_browser.py "$work/visits.json"; then
  check_pass "every page answered as expected and no link is broken"
else
  check_fail "pages or links (see the problems above)"
fi
echo "Accessibility pass on the rendered pages…"
if python3 scripts/check/service_html_check.py "$screenshots"/html/*.html; then
  check_pass "accessibility pass"
else
  check_fail "accessibility pass (see the problems above)"
fi
if grep -q '" 5[0-9][0-9] ' "$work/serve.log" || grep -qi 'error' "$work/serve.log"; then
  check_fail "the service logged errors: $work/serve.log"
else
  check_pass "no error in the service's log"
fi
echo "Screenshots: $screenshots"
check_summary
