#!/usr/bin/env python3
"""Benchmark: reading and normalising a large Pix Orga profiles-collection export, and importing it.

Generates (once) a 1 000 000-row export in the exact Pix header format (random rows, ~200 MB),
then runs, each in its own process so that peak memory is its own (best of --runs; wall and CPU
time both shown, CPU time being the steadier on a busy machine):
  - `parcours bench pix FILE` (release build): read + normalise every row, no storage;
  - pandas `read_csv(FILE, sep=";")` (installed in .venv-bench by this script if missing);
and prints rows/s, MB/s and peak memory side by side with the ratios.

With --import, it also times the full import into a new SQLite database, best of --import-runs:
  - `parcours import pix FILE --database NEW.sqlite` (one transaction, as a user runs it);
  - pandas `read_csv` then `DataFrame.to_sql` into a new SQLite file (the sqlite3 module, one
    table of the 44 columns as read), the reference for "CSV into SQLite";
and prints wall and CPU time, rows/s, peak memory and database size, with the ratios.

Usage: scripts/bench/pix-read.py [--rows N] [--file PATH] [--runs K] [--import] [--import-runs K]
"""
import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

COMPETENCES = [
    "Mener une recherche et une veille d’information", "Gérer des données", "Traiter des données",
    "Interagir", "Partager et publier", "Collaborer", "S’insérer dans le monde numérique",
    "Développer des documents textuels", "Développer des documents multimedia",
    "Adapter les documents à leur finalité", "Programmer", "Sécuriser l’environnement numérique",
    "Protéger les données personnelles et la vie privée",
    "Protéger la santé, le bien-être et l’environnement", "Résoudre des problèmes techniques",
    "Construire un environnement numérique",
]
LAST = ["Dupont", "Leclercq", "Santoni", "Martin", "Lambert", "Dubois", "Peeters", "Casanova", "Rossi",
        "Pieri", "Van den Berghe", "Lefèvre", "Mercier", "Giacometti", "Simon", "Laurent"]
FIRST = ["Marie", "Jean-Pierre", "Ghjuvanni", "Sophie", "Hélène", "Luc", "Ange", "Paule", "Nathalie",
         "François", "Chloé", "Marc", "Léa", "Thomas", "Maëlle", "Julien"]


def generate(path, rows, seed=2026):
    """Random rows in the exact header format of a current profiles-collection export."""
    rng = random.Random(seed)
    header = ["Nom de l'organisation", "ID Campagne", "Code", "Nom de la campagne", "Nom du Participant",
              "Prénom du Participant", "Matricule", "Envoi (O/N)", "Date et heure de l'envoi (Europe/Paris)",
              "Nombre de pix total", "Certifiable (O/N)", "Nombre de compétences certifiables"]
    for title in COMPETENCES:
        header += [f"Niveau pour la compétence {title}", f"Nombre de pix pour la compétence {title}"]
    tmp = path + ".part"
    with open(tmp, "w", encoding="utf-8", newline="") as out:
        out.write("\ufeff" + ";".join(f'"{h}"' for h in header) + "\n")
        prefix = '"Province de Namur";240117;"NAMUR25X";"Positionnement agents 2025";'
        na = ';"NA"' * 36
        lines = []
        for index in range(rows):
            name = f'"{rng.choice(LAST)}";"{rng.choice(FIRST)}";"AG-{index:07d}";'
            if rng.random() < 0.1:
                lines.append(prefix + name + '"Non"' + na)
            else:
                pix = [rng.randint(0, 40) for _ in COMPETENCES]
                levels = [p // 8 for p in pix]
                certifiable = sum(1 for level in levels if level >= 1)
                date = f'"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/2025 {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}"'
                cells = ";".join(f"{level};{p}" for level, p in zip(levels, pix))
                lines.append(prefix + name + f'"Oui";{date};{sum(pix)};"{"Oui" if certifiable >= 5 else "Non"}";'
                             f"{certifiable};{cells}")
            if len(lines) == 10000:
                out.write("\n".join(lines) + "\n")
                lines = []
        if lines:
            out.write("\n".join(lines) + "\n")
    os.replace(tmp, path)


PANDAS_CHILD = """
import json, resource, sqlite3, sys, time
import pandas as pd
def cpu():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime
start, cpu_start = time.perf_counter(), cpu()
frame = pd.read_csv(sys.argv[1], sep=";")
tool = "pandas " + pd.__version__
if len(sys.argv) > 2:  # then into a new SQLite database
    connection = sqlite3.connect(sys.argv[2])
    frame.to_sql("participation", connection, index=False)
    connection.commit()
    connection.close()
    tool += " to_sql"
seconds, cpu_seconds = time.perf_counter() - start, cpu() - cpu_start
print(json.dumps({"tool": tool, "rows": len(frame), "seconds": seconds,
                  "cpuSeconds": cpu_seconds, "peakMiB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def run_timed(command, rows, tool):
    """Runs `command` as a child and measures it from outside: wall time, CPU time, peak memory."""
    with tempfile.TemporaryFile(mode="w+") as errors:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) != 0:
            errors.seek(0)
            sys.exit(f"{command[0]} failed:\n{errors.read()}")
    return {"tool": tool, "rows": rows, "seconds": seconds, "cpuSeconds": usage.ru_utime + usage.ru_stime,
            "peakMiB": usage.ru_maxrss / 1024}


def venv_python():
    venv = os.path.join(ROOT, ".venv-bench")
    python = os.path.join(venv, "bin", "python")
    if not os.path.exists(python):
        subprocess.run([sys.executable, "-m", "venv", venv], check=True)
    if subprocess.run([python, "-c", "import pandas"], capture_output=True).returncode != 0:
        subprocess.run([python, "-m", "pip", "install", "-q", "pandas"], check=True)
    return python


def run_json(command):
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"{command[0]} failed:\n{result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--file", default=os.path.join(ROOT, "bench-out", "pix-profiles-1M.csv"))
    parser.add_argument("--runs", type=int, default=3, help="runs of each tool; the best time is kept")
    parser.add_argument("--import", dest="imports", action="store_true",
                        help="also time the full import into SQLite beside pandas read_csv + to_sql")
    parser.add_argument("--import-runs", type=int, default=1, help="runs of each import; the best time is kept")
    args = parser.parse_args()

    os.makedirs(os.path.dirname(args.file), exist_ok=True)
    if not os.path.exists(args.file):
        print(f"generating {args.rows} rows into {args.file} …", file=sys.stderr)
        generate(args.file, args.rows)
    size = os.path.getsize(args.file)

    subprocess.run(["swift", "build", "-c", "release", "--product", "parcours"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    parcours = os.path.join(ROOT, ".build", "release", "parcours")
    python = venv_python()

    load = os.getloadavg()
    results = []
    for label, command in [("parcours", [parcours, "bench", "pix", args.file, "--config", os.path.join(ROOT, "Config")]),
                           ("pandas", [python, "-c", PANDAS_CHILD, args.file])]:
        runs = [run_json(command) for _ in range(args.runs)]
        best = min(runs, key=lambda run: run["seconds"])
        best["cpuSeconds"] = min(run["cpuSeconds"] for run in runs)
        best["peakMiB"] = max(run["peakMiB"] for run in runs)
        results.append(best)

    print(f"file: {args.file} ({size / 1e6:.1f} MB, {results[0]['rows']} rows); best of {args.runs} runs")
    print(f"load average before the runs: {load[0]:.1f} (1 min) on {os.cpu_count()} CPUs")
    print(f"{'tool':<16}{'wall s':>8}{'CPU s':>8}{'rows/s':>13}{'MB/s':>9}{'peak MiB':>10}")
    for result in results:
        seconds = result["seconds"]
        print(f"{result['tool']:<16}{seconds:>8.2f}{result['cpuSeconds']:>8.2f}{result['rows'] / seconds:>13,.0f}"
              f"{size / 1e6 / seconds:>9.1f}{result['peakMiB']:>10.1f}")
    ours, theirs = results
    print(f"throughput ratio parcours/pandas: {theirs['seconds'] / ours['seconds']:.2f}x wall, "
          f"{theirs['cpuSeconds'] / ours['cpuSeconds']:.2f}x CPU (goal ≥ 2)")
    print(f"memory ratio parcours/pandas: {ours['peakMiB'] / theirs['peakMiB']:.3f} (goal ≤ 0.25)")
    if args.imports:
        compare_imports(args, parcours, python, size, results[0]["rows"])


def compare_imports(args, parcours, python, size, rows):
    """The full import into a new SQLite database, parcours beside pandas read_csv + to_sql."""
    folder = os.path.join(os.path.dirname(args.file), "import")
    os.makedirs(folder, exist_ok=True)
    database = os.path.join(folder, "bench.sqlite")
    load = os.getloadavg()
    results = []
    for label, command in [
        ("parcours import", [parcours, "import", "pix", args.file, "--database", database,
                             "--config", os.path.join(ROOT, "Config")]),
        ("pandas to_sql", [python, "-c", PANDAS_CHILD, args.file, database]),
    ]:
        runs = []
        for _ in range(args.import_runs):
            for suffix in ("", "-journal", "-wal", "-shm"):
                if os.path.exists(database + suffix):
                    os.remove(database + suffix)
            run = run_timed(command, rows, label)
            run["databaseMB"] = os.path.getsize(database) / 1e6
            runs.append(run)
        best = min(runs, key=lambda run: run["seconds"])
        best["cpuSeconds"] = min(run["cpuSeconds"] for run in runs)
        best["peakMiB"] = max(run["peakMiB"] for run in runs)
        results.append(best)
        os.remove(database)
    print()
    print(f"import into SQLite ({rows} rows); best of {args.import_runs} runs; "
          f"load average before: {load[0]:.1f} (1 min)")
    print(f"{'tool':<18}{'wall s':>8}{'CPU s':>8}{'rows/s':>13}{'MB/s':>9}{'peak MiB':>10}{'db MB':>8}")
    for result in results:
        seconds = result["seconds"]
        print(f"{result['tool']:<18}{seconds:>8.2f}{result['cpuSeconds']:>8.2f}{rows / seconds:>13,.0f}"
              f"{size / 1e6 / seconds:>9.1f}{result['peakMiB']:>10.1f}{result['databaseMB']:>8.1f}")
    ours, theirs = results
    print(f"import ratio parcours/pandas: {theirs['seconds'] / ours['seconds']:.2f}x wall, "
          f"{theirs['cpuSeconds'] / ours['cpuSeconds']:.2f}x CPU; "
          f"memory ratio {ours['peakMiB'] / theirs['peakMiB']:.3f}")


if __name__ == "__main__":
    main()
