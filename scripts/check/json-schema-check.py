#!/usr/bin/env python3
"""Validates JSON files against a JSON Schema (draft 2020-12) with the `jsonschema` package (PyPI), a
validator independent of Parcours. Prints one line per error (file, JSON path, message) and exits 1 if
any file is invalid, 0 if all are valid.
Usage: json-schema-check.py SCHEMA.json FILE.json [...]
"""
import json
import sys

from jsonschema import Draft202012Validator


def main(schema_path, paths):
    with open(schema_path, encoding="utf-8") as handle:
        schema = json.load(handle)
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    failed = False
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            document = json.load(handle)
        for error in sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path)):
            failed = True
            location = "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in error.absolute_path)
            print(f"{path}: {location}: {error.message}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2:]))
