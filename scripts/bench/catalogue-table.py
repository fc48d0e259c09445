#!/usr/bin/env python3
"""Prints the table of scripts/bench/catalogue.sh from its lines `label bytes seconds maxRSS_KiB
cpu_seconds load_average`: throughput, peak memory and the ratios to xmllint --stream, without and
with the schema, on the same file, in wall time and in CPU time (user + system), with the load
average as each run started. Ratios are times: parcours's time ÷ xmllint's (throughput ratio = 1 ÷
it)."""
import sys

rows = [line.split() for line in sys.stdin if line.strip()]
plain, schema, schema_cpu = {}, {}, {}
for label, size, seconds, rss, cpu, load in rows:
    tag = label.rsplit("-", 1)[1]
    if label.startswith("xmllint-stream-schema"):
        schema[tag], schema_cpu[tag] = float(seconds), float(cpu)
    elif label.startswith("xmllint"):
        plain[tag] = float(seconds)
header = ("run", "MB", "s", "MB/s", "peak MiB", "CPU s", "÷ xmllint", "÷ --schema", "CPU ÷ --schema", "load")
print("%-32s %7s %7s %7s %9s %7s %10s %11s %15s %6s" % header)
for label, size, seconds, rss, cpu, load in rows:
    megabytes, elapsed, cpu = int(size) / 1e6, float(seconds), float(cpu)
    tag = label.rsplit("-", 1)[1]
    print(
        "%-32s %7.1f %7.2f %7.1f %9.1f %7.2f %10.2f %11.2f %15.2f %6s"
        % (label, megabytes, elapsed, megabytes / max(elapsed, 1e-9), int(rss) / 1024, cpu,
           elapsed / max(plain[tag], 1e-9), elapsed / max(schema[tag], 1e-9), cpu / max(schema_cpu[tag], 1e-9),
           load))
