#!/usr/bin/env python3
"""Writes Samples/tender-demand.json: an invented demand for `parcours tender` (uncovered needs of the
sample communes, pseudonymised keys, one coordinator addition and one removal), seeded so that it is
the same on every run. The needs are drawn at random; they stand in for a plan's unmet needs until
`parcours tender --plan` reads stored plans.

usage: python3 scripts/tender/sample-demand.py [--out Samples/tender-demand.json]
"""
import argparse
import json
import random

COMMUNES = {  # the sample communes (Samples/README.md) and how many agents have uncovered needs
    "93018": 30, "91015": 26, "92054": 34, "92045": 40,  # Namur province
    "2B309": 14, "2B305": 16, "2B353": 22, "2B120": 38,  # CA de Bastia
}
COMPETENCES = ["1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3", "3.4", "4.1", "4.2", "4.3", "5.1", "5.2"]
REASONS = ["no-course", "no-course", "level", "distance", "dates", "minimum"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default="Samples/tender-demand.json")
    arguments = parser.parse_args()
    rng = random.Random(7)
    needs = []
    for commune, agents in COMMUNES.items():
        for index in range(agents):
            key = "P-%06x" % rng.getrandbits(24)
            has_device = rng.random() < 0.7
            for competence in rng.sample(COMPETENCES, rng.choice([1, 1, 2, 3])):
                current = rng.choice([0, 1, 1, 2, 2, 3, 4])
                target = min(8, current + rng.choice([1, 2, 2, 3]))
                needs.append({
                    "agent": key, "commune": commune, "competence": competence,
                    "current_level": current, "target_level": target,
                    "weight": round(rng.uniform(1, 6), 1), "remote_possible": has_device,
                    "equipment_lacking": [] if has_device or rng.random() < 0.5 else ["computer"],
                    "reason": rng.choice(REASONS),
                })
    demand = {
        "launch_date": "2026-06-01",
        "context_fr": "Campagne Pix « Positionnement numérique des agents 2026 » : le plan mutualisé a couvert une partie des besoins par les catalogues ; ce dossier porte sur le reste.",
        "needs": needs,
        "additions": [{"theme": "protection-securite", "commune": "92045", "agents": 8, "from_level": 1, "to_level": 3, "format": "on-site"}],
        "removals": [{"competence": "3.4"}],
    }
    with open(arguments.out, "w", encoding="utf-8") as file:
        json.dump(demand, file, ensure_ascii=False, indent=1)
        file.write("\n")
    print(f"{arguments.out}: {len(needs)} needs")


if __name__ == "__main__":
    main()
