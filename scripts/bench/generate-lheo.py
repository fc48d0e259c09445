#!/usr/bin/env python3
"""Writes a large LHEO 2.3 catalogue for benchmarks: the formations of a bundled catalogue repeated
with new numbers until the file reaches the requested size. The result is valid against the LHEO
2.3 schema whenever the source file is (Catalogues/formations-numeriques-haute-corse.lheo.xml is)."""
import argparse
import re

parser = argparse.ArgumentParser(description=__doc__)
parser.add_argument("--megabytes", type=float, default=100)
parser.add_argument("--source", default="Catalogues/formations-numeriques-haute-corse.lheo.xml")
parser.add_argument("--output", required=True)
arguments = parser.parse_args()

text = open(arguments.source, encoding="utf-8").read()
head, rest = text.split("<offres>", 1)
body, tail = rest.rsplit("</offres>", 1)
head = re.sub(r"<!--.*?-->\n?", "", head, flags=re.S)
target = int(arguments.megabytes * 1_000_000)
with open(arguments.output, "w", encoding="utf-8") as output:
    output.write(head + "<offres>")
    written = len((head + "<offres>").encode())
    copy = 0
    while written < target:
        copy += 1
        chunk = re.sub(r'numero="([^"]+)"', lambda m: f'numero="{m.group(1)}-{copy}"', body)
        output.write(chunk)
        written += len(chunk.encode())
    output.write("</offres>" + tail)
print(f"{arguments.output}: {written / 1e6:.1f} MB, {copy} copies of the source's formations")
