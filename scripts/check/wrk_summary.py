#!/usr/bin/env python3
"""Reads wrk --latency outputs and prints them side by side: wrk_summary.py TARGET:CONNECTIONS:SERVER:FILE…

Each FILE is what `wrk --latency` printed; rows are grouped by target and connections, and each parcours
row gets its ratio of requests per second to the nginx row of the same target and connections. Prints a
Markdown table, then `errors N` with the total of socket errors and non-2xx/3xx answers of parcours (a
parcours run that completed no request counts as one).
"""

import re
import sys


def parse(text):
    def number(pattern, default=0.0):
        match = re.search(pattern, text, re.M)
        return float(match.group(1)) if match else default

    p99 = re.search(r"^\s*99%\s+([\d.]+)(us|ms|s)\s*$", text, re.M)
    scale = {"us": 0.001, "ms": 1.0, "s": 1000.0}
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    return {
        "rps": number(r"^Requests/sec:\s+([\d.]+)"),
        "p99": float(p99.group(1)) * scale[p99.group(2)] if p99 else float("nan"),
        "requests": int(number(r"^\s*(\d+) requests in")),
        "errors": (sum(int(n) for n in socket.groups()) if socket else 0)
        + int(number(r"Non-2xx or 3xx responses: (\d+)")),
    }


def main():
    rows = []
    for argument in sys.argv[1:]:
        target, connections, server, path = argument.split(":", 3)
        rows.append((target, int(connections), server, parse(open(path).read())))
    nginx = {(t, c): r for t, c, s, r in rows if s == "nginx"}
    print("| target | connections | server | requests/s | p99 (ms) | requests | errors | ratio to nginx |")
    print("|---|---:|---|---:|---:|---:|---:|---:|")
    errors = 0
    for target, connections, server, result in rows:
        reference = nginx.get((target, connections))
        ratio = ""
        if server != "nginx" and reference and reference["rps"] > 0:
            ratio = f"{result['rps'] / reference['rps']:.3f}"
        if server != "nginx":
            # A run in which no request was answered counts as one error: nothing was served.
            errors += result["errors"] + (1 if result["requests"] == 0 else 0)
        print(
            f"| {target} | {connections} | {server} | {result['rps']:.0f} | {result['p99']:.1f} | "
            f"{result['requests']} | {result['errors']} | {ratio} |"
        )
    print(f"errors {errors}")


if __name__ == "__main__":
    main()
