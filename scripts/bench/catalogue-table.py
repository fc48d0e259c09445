#!/usr/bin/env python3
"""Prints the table of scripts/bench/catalogue.sh from its lines `label bytes seconds maxRSS_KiB`:
throughput, peak memory and the time ratio to xmllint --stream, without and with the schema, on
the same file."""
import sys

rows = [line.split() for line in sys.stdin if line.strip()]
plain, schema = {}, {}
for label, size, seconds, rss in rows:
    table = schema if label.startswith("xmllint-stream-schema") else plain if label.startswith("xmllint") else None
    if table is not None:
        table[label.rsplit("-", 1)[1]] = float(seconds)
header = ("run", "MB", "s", "MB/s", "peak MiB", "time / xmllint --stream", "time / with --schema")
print("%-32s %7s %7s %7s %9s %24s %21s" % header)
for label, size, seconds, rss in rows:
    megabytes, elapsed = int(size) / 1e6, float(seconds)
    tag = label.rsplit("-", 1)[1]
    print(
        "%-32s %7.1f %7.2f %7.1f %9.1f %24.2f %21.2f"
        % (label, megabytes, elapsed, megabytes / max(elapsed, 1e-9), int(rss) / 1024,
           elapsed / max(plain[tag], 1e-9), elapsed / max(schema[tag], 1e-9)))
