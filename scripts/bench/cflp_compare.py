#!/usr/bin/env python3
"""Side-by-side benchmark: `parcours bench cflp` against HiGHS (PyPI `highspy`, MIP, 1 thread) on the
facility-location instances of ../shared/reference/solver-benchmarks, same instances, same time
limits, one run. Installs highspy with pip when it is missing.

Usage: scripts/bench/cflp_compare.py [--data DIR] [--parcours BIN] [--sets cap,capa,ss,holmberg,lb50] [--only REGEX]
                                     [--out bench-out/cflp]
Writes OUT/table.md (the table), OUT/results.json, and prints the table and summary ratios.
"""
import argparse
import csv
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

try:
    import highspy
    import numpy as np
except ImportError:
    subprocess.check_call([sys.executable, "-m", "pip", "install", "--quiet", "highspy", "numpy"])
    import highspy
    import numpy as np

ORLIB_SS = [61, 62, 63, 64, 71, 72, 73, 74, 91, 92, 93, 94, 101, 102, 103, 104, 121, 122, 123, 124, 131, 132, 133, 134]


def read_instance(path, layout, capacity=None):
    # NUL padding and numbers after the last cost are ignored, as parcours does (Holmberg p10, p47).
    tokens = open(path, "rb").read().replace(b"\0", b" ").split()
    m, n = int(float(tokens[0])), int(float(tokens[1]))
    k = 2
    cap, fixed = [], []
    for _ in range(m):
        cap.append(capacity if capacity is not None else float(tokens[k]))
        fixed.append(float(tokens[k + 1]))
        k += 2
    cost = np.zeros((m, n))
    if layout == "beasley":
        demand = []
        for j in range(n):
            demand.append(float(tokens[k]))
            k += 1
            cost[:, j] = [float(t) for t in tokens[k:k + m]]
            k += m
    else:
        demand = [float(t) for t in tokens[k:k + n]]
        k += n
        cost = np.array([float(t) for t in tokens[k:k + m * n]]).reshape(m, n)
    return np.array(cap), np.array(fixed), np.array(demand), cost


def solve_highs(instance, single, alpha, time_limit):
    """A strong formulation: x_ij <= y_i, capacity and minimum load on y, the aggregate capacity cut."""
    cap, fixed, demand, cost = instance
    m, n = cost.shape
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("threads", 1)
    h.setOptionValue("time_limit", float(time_limit))
    h.setOptionValue("mip_rel_gap", 1e-6)
    inf = highspy.kHighsInf
    # Columns: y_0..y_{m-1}, then x_ij at m + i*n + j.
    costs = np.concatenate([fixed, cost.reshape(-1)])
    lower = np.zeros(m + m * n)
    upper = np.ones(m + m * n)
    h.addVars(m + m * n, lower, upper)
    h.changeColsCost(m + m * n, np.arange(m + m * n, dtype=np.int32), costs)
    integral = np.arange(m if not single else m + m * n, dtype=np.int32)
    h.changeColsIntegrality(len(integral), integral, np.full(len(integral), highspy.HighsVarType.kInteger))
    starts, index, value, rlo, rup = [], [], [], [], []

    def row(cols, coefs, lo, up):
        starts.append(len(index))
        index.extend(cols)
        value.extend(coefs)
        rlo.append(lo)
        rup.append(up)

    for j in range(n):
        row([m + i * n + j for i in range(m)], [1.0] * m, 1.0, 1.0)
    for i in range(m):
        cols = [m + i * n + j for j in range(n)]
        row(cols + [i], list(demand) + [-cap[i]], -inf, 0.0)
        if alpha:
            minimum = np.ceil(alpha * cap[i] - 1e-9 * max(1, alpha * cap[i]))
            row(cols + [i], list(demand) + [-minimum], 0.0, inf)
        for j in range(n):
            row([m + i * n + j, i], [1.0, -1.0], -inf, 0.0)
    row(list(range(m)), list(cap), float(demand.sum()), inf)
    h.addRows(len(rlo), np.array(rlo), np.array(rup), len(index), np.array(starts, dtype=np.int32),
              np.array(index, dtype=np.int32), np.array(value))
    start = time.perf_counter()
    h.run()
    seconds = time.perf_counter() - start
    info = h.getInfo()
    objective = info.objective_function_value if info.primal_solution_status == 2 else None
    return {"objective": objective, "bound": info.mip_dual_bound, "seconds": seconds,
            "status": h.modelStatusToString(h.getModelStatus())}


def runs(data, sets):
    """(set, instance name, file, layout, capacity, single, alpha, time limit)."""
    out = []
    links = tempfile.mkdtemp(prefix="cflp-")

    def link(path, name):
        target = os.path.join(links, name)
        os.symlink(path, target)
        return target

    caps = sorted(f[:-4] for f in os.listdir(f"{data}/orlib-cap") if f[3:-4].isdigit())
    caps.sort(key=lambda s: int(s[3:]))
    if "cap" in sets:
        out += [("cap", c, f"{data}/orlib-cap/{c}.txt", "beasley", None, False, None, 10) for c in caps]
    if "capa" in sets:
        out += [("capa", f"capa_{c}", f"{data}/orlib-cap/capa.txt", "beasley", c, False, None, 5)
                for c in (8000, 10000, 12000, 14000)]
    if "ss" in sets:
        out += [("orlib-ss", f"cap{c}", link(f"{data}/sscflp/orlib-ss/p{k + 1}", f"cap{c}"), "facility-major",
                 None, True, None, 10) for k, c in enumerate(ORLIB_SS)]
    if "holmberg" in sets:
        out += [("holmberg", f"holmberg-p{k}", link(f"{data}/sscflp/holmberg/p{k}", f"holmberg-p{k}"),
                 "facility-major", None, True, None, 10) for k in range(1, 72)]
    if "lb50" in sets:
        with open(f"{data}/optima.csv", newline="") as f:
            lb = [r["instance"] for r in csv.DictReader(f) if r["instance"].endswith("-lb50")]
        out += [("lb50", name, link(f"{data}/orlib-cap/{name[:-5]}.txt", name), "beasley", None, True, 0.5, 10)
                for name in lb]
    return out


def optima(data):
    table = {}
    with open(f"{data}/optima.csv", newline="") as f:
        for r in csv.DictReader(f):
            table[(r["instance"], r["variant"])] = float(r["optimum"])
    return table


def variant(single, alpha):
    if alpha:
        return f"SSCFLP+LB(alpha={alpha:g})"
    return "SSCFLP" if single else "CFLP-multisource"


def run_parcours(binary, run, data, solutions):
    group, name, path, layout, capacity, single, alpha, limit = run
    command = [binary, "bench", "cflp", path, "--layout", layout, "--time-limit", str(limit), "--json",
               "--optima", f"{data}/optima.csv", "--write-solution", solutions]
    if capacity:
        command += ["--capacity", str(capacity)]
    if single:
        command.append("--single-source")
    if alpha:
        command += ["--min-load-fraction", str(alpha)]
    result = json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout.splitlines()[-1])
    return result


def pct(value):
    return "–" if value is None else f"{100 * value:.4f} %"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="../shared/reference/solver-benchmarks")
    parser.add_argument("--parcours", default=".build/release/parcours")
    parser.add_argument("--sets", default="cap,capa,ss,holmberg,lb50")
    parser.add_argument("--out", default="bench-out/cflp")
    parser.add_argument("--no-highs", action="store_true", help="only run parcours")
    parser.add_argument("--only", help="a regular expression the instance names must match")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    solutions = os.path.join(args.out, "solutions")
    os.makedirs(solutions, exist_ok=True)
    args.data = os.path.abspath(args.data)
    known = optima(args.data)
    rows = []
    for run in runs(args.data, args.sets.split(",")):
        group, name, path, layout, capacity, single, alpha, limit = run
        if args.only and not re.fullmatch(args.only, name):
            continue
        optimum = known.get((name, variant(single, alpha)))
        ours = run_parcours(args.parcours, run, args.data, solutions)
        highs = None
        if not args.no_highs:
            highs = solve_highs(read_instance(path, layout, capacity), single, alpha, limit)
        row = {"set": group, "instance": name, "limit": limit, "optimum": optimum,
               "parcours": {"objective": ours["objective"], "bound": ours["bound"], "seconds": ours["seconds"],
                            "gap": None if optimum is None or ours["objective"] is None
                            else (ours["objective"] - optimum) / optimum}}
        if highs:
            highs["gap"] = None if optimum is None or highs["objective"] is None \
                else (highs["objective"] - optimum) / optimum
            row["highs"] = highs
        rows.append(row)
        h = row.get("highs", {})
        print(f"{group:9} {name:14} parcours {pct(row['parcours']['gap']):>11} {ours['seconds']:7.3f} s"
              + (f" | highs {pct(h.get('gap')):>11} {h['seconds']:7.3f} s {h['status']}" if h else ""), flush=True)
    with open(os.path.join(args.out, "results.json"), "w") as f:
        json.dump(rows, f, indent=1)
    lines = ["| set | instance | optimum | parcours objective | gap | s | HiGHS objective | gap | s |",
             "|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        p, h = r["parcours"], r.get("highs", {})
        lines.append(f"| {r['set']} | {r['instance']} | {r['optimum']} | {p['objective']:.3f} | {pct(p['gap'])} | "
                     f"{p['seconds']:.3f} | {h.get('objective') if h.get('objective') is None else round(h['objective'], 3)}"
                     f" | {pct(h.get('gap'))} | {h.get('seconds', float('nan')):.3f} |")
    lines.append("")
    lines.append("| set | n | parcours max gap | parcours mean gap | parcours median s | parcours max s | "
                 "HiGHS max gap | HiGHS mean gap | HiGHS median s | HiGHS max s | time ratio (HiGHS/parcours, median) |")
    lines.append("|---|---|---|---|---|---|---|---|---|---|---|")
    for group in dict.fromkeys(r["set"] for r in rows):
        part = [r for r in rows if r["set"] == group]
        pg = [r["parcours"]["gap"] for r in part if r["parcours"]["gap"] is not None]
        ps = [r["parcours"]["seconds"] for r in part]
        hg = [r["highs"]["gap"] for r in part if "highs" in r and r["highs"]["gap"] is not None]
        hs = [r["highs"]["seconds"] for r in part if "highs" in r]
        ratio = statistics.median(h / p for h, p in zip(hs, ps)) if hs else None
        lines.append(f"| {group} | {len(part)} | {pct(max(pg) if pg else None)} | "
                     f"{pct(statistics.mean(pg) if pg else None)} | {statistics.median(ps):.3f} | {max(ps):.3f} | "
                     f"{pct(max(hg) if hg else None)} | {pct(statistics.mean(hg) if hg else None)} | "
                     f"{statistics.median(hs) if hs else float('nan'):.3f} | {max(hs) if hs else float('nan'):.3f} | "
                     f"{'–' if ratio is None else f'{ratio:.1f}'} |")
    table = "\n".join(lines)
    with open(os.path.join(args.out, "table.md"), "w") as f:
        f.write(table + "\n")
    print(table)


if __name__ == "__main__":
    main()
