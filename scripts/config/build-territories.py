#!/usr/bin/env python3
"""Builds Config/territories.yaml and the gazetteer Config/places/communes-{be,fr}.csv from ../shared/reference/geo.

The gazetteer (CSV: generated data, loaded fast; provenance in Config/places/README.md) lists, one commune per
line, what later steps need to place venues and agents:
code (NIS or INSEE, as text), French name, other official names, postal codes, coordinates,
population and NUTS-3. Belgium: all 565 communes (Statbel REFNIS 2025). France: the communes of the
départements given with --fr-departments (default 2A and 2B, Corsica; COG 2026).

Usage (from the repository root):
    python3 scripts/config/build-territories.py [--geo ../shared/reference/geo] [--fr-departments 2A,2B]
The output is committed, so a clean clone needs no ../shared.
"""
import argparse
import csv
import json
import pathlib

def quoted(text):
    """A YAML double-quoted string."""
    return json.dumps(text, ensure_ascii=False)


GAZETTEER_COLUMNS = ["code", "name", "other_names", "postal_codes", "lat", "lon", "population", "nuts3"]


def write_gazetteer(path, rows):
    """One commune per line: several postal codes are separated by a space, other names by |."""
    with open(path, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(GAZETTEER_COLUMNS)
        writer.writerows(rows)


def build_belgium(geo):
    rows = []
    for row in sorted(csv.DictReader(open(geo / "be-communes-2025.csv", encoding="utf-8")), key=lambda r: r["nis_code"]):
        others = list(dict.fromkeys(n for n in (row["name_nl"], row["name_de"]) if n and n != row["name_fr"]))
        rows.append([row["nis_code"], row["name_fr"], "|".join(others), row["postal_codes"], row["lat_localities_mean"],
                     row["lon_localities_mean"], row["population_2020"], row["nuts3"]])
    return rows


def build_france(geo, departments):
    rows = []
    for row in sorted(csv.DictReader(open(geo / "fr-communes-2026.csv", encoding="utf-8")), key=lambda r: r["insee_code"]):
        if row["dep"] not in departments:
            continue
        lat, lon = row["lat_centroid"] or row["lat_main_locality"], row["lon_centroid"] or row["lon_main_locality"]
        if not lat:
            raise SystemExit(f"{row['insee_code']}: no coordinate")
        rows.append([row["insee_code"], row["name"], "", row["postal_codes"], lat, lon, row["population_municipale"],
                     row["nuts3"]])
    return rows


TERRITORIES_HEADER = """\
# The territories Parcours plans for, and their communes.
# Built by scripts/config/build-territories.py from shared/reference/geo (namur-province-communes.csv,
# cab-bastia-communes.csv): the commune lists come from those files, nothing was typed by hand.
# You may edit this file (circuity factors, names); a rebuild overwrites it, so carry your edits into the
# script. Each commune's postal codes, coordinates, population and NUTS-3 come from the gazetteer
# (Config/places/communes-*.csv) by its code; the name here must match the gazetteer's (checked).
#
# Fields of a territory:
#   id, fr, en             stable slug and names
#   country                BE or FR (decides statuses, holidays, procurement rules)
#   timezone               IANA time zone of sessions and invitations
#   nuts                   NUTS-3 regions it covers (tenders' place of performance)
#   school_calendar        the school-holiday calendar of Config/calendars/school-holidays.yaml that applies
#   circuity               road distance ≈ straight-line distance × factor (short_trip: a larger factor
#                          below a distance, because short trips are more circuitous)
#   communes               code (NIS or INSEE, text), name, arrondissement
#
# Circuity (shared/reference/geo/README.md): no published factor exists for Belgium or Corsica. Published
# values: 1.343, the mean ratio of fastest car route to straight line across 300 European cities
# (Environment and Planning B, 2023, doi 10.1177/23998083231168870); about 1.2 between random urban points
# (Newell 1980); 1.26 for South Korea as a whole and 1.435 for its mountainous Gangwon province (Kim et al.
# 2015). Namur: a dense road network on rolling ground, close to the European mean → 1.30, 1.40 under 10 km.
# CA de Bastia: a narrow coastal strip against steep hills, few roads between the hillside villages (the
# Corsican mobility survey names the Ville–Santa Maria sector for long travel times over short distances)
# → 1.40, 1.50 under 10 km. Calibrate against real routes when available; a router would replace the factor.
territories:
  - id: namur
    fr: "Province de Namur"
    en: "Province of Namur"
    country: BE
    timezone: Europe/Brussels
    nuts: [BE351, BE352, BE353]
    school_calendar: fwb
    circuity: {factor: 1.30, short_trip: {below_km: 10, factor: 1.40}}
    communes:
{namur}
  - id: bastia
    fr: "Communauté d'agglomération de Bastia"
    en: "Bastia conurbation (CAB)"
    country: FR
    timezone: Europe/Paris
    nuts: [FRM02]
    school_calendar: corse
    circuity: {factor: 1.40, short_trip: {below_km: 10, factor: 1.50}}
    communes:
{bastia}
"""

NUTS_BY_ARRONDISSEMENT = {"Dinant": "BE351", "Namur": "BE352", "Philippeville": "BE353"}


def build_territories(geo):
    namur, current = [], None
    for row in csv.DictReader(open(geo / "namur-province-communes.csv", encoding="utf-8")):
        if row["arrondissement"] != current:
            current = row["arrondissement"]
            namur.append(f"      # Arrondissement de {current} ({NUTS_BY_ARRONDISSEMENT[current]})")
        namur.append(f"      - {{code: {quoted(row['nis_code'])}, name: {quoted(row['name'])}, arrondissement: {current}}}")
    fr = {r["insee_code"]: r for r in csv.DictReader(open(geo / "fr-communes-2026.csv", encoding="utf-8"))}
    arrondissements = {"2B2": "Bastia", "2B3": "Corte", "2B5": "Calvi"}  # INSEE arrondissements of Haute-Corse
    bastia = [f"      # Haute-Corse (FRM02)"]
    for row in csv.DictReader(open(geo / "cab-bastia-communes.csv", encoding="utf-8")):
        arrondissement = arrondissements[fr[row["insee_code"]]["arr"]]
        bastia.append(f"      - {{code: {quoted(row['insee_code'])}, name: {quoted(row['name'])}, arrondissement: {arrondissement}}}")
    return TERRITORIES_HEADER.replace("{namur}", "\n".join(namur)).replace("{bastia}", "\n".join(bastia))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--geo", default="../shared/reference/geo", type=pathlib.Path)
    parser.add_argument("--fr-departments", default="2A,2B")
    parser.add_argument("--out", default="Config/places", type=pathlib.Path)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out.parent / "territories.yaml").write_text(build_territories(args.geo), encoding="utf-8")
    print("territories.yaml: namur, bastia")
    for name, rows in (("communes-be.csv", build_belgium(args.geo)),
                       ("communes-fr.csv", build_france(args.geo, args.fr_departments.split(",")))):
        write_gazetteer(args.out / name, rows)
        print(f"{name}: {len(rows)} communes")

if __name__ == "__main__":
    main()
