#!/usr/bin/env python3
"""Reads .ics files with the `icalendar` package (PyPI), an iCalendar parser independent of Parcours,
and prints what it understood as JSON, for the tests to compare with what Parcours meant to write.

For each file: the calendar's properties, and per event its UID, summary, location, geo, description,
and start and end as UTC instants computed twice: from the file's own VTIMEZONE (the rules a client
without a time-zone database would use) and from the IANA database (zoneinfo) by TZID.
Usage: icalendar-check.py FILE.ics [...]   Exit status 1 if a file does not parse.
"""
import json
import sys
from datetime import timezone
from zoneinfo import ZoneInfo

import icalendar


def instant(value, tzinfo):
    return value.replace(tzinfo=tzinfo).astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def read(path):
    with open(path, "rb") as handle:
        raw = handle.read()
    calendar = icalendar.Calendar.from_ical(raw)
    zones = {str(zone["TZID"]): zone.to_tz() for zone in calendar.walk("VTIMEZONE")}
    events = []
    for event in calendar.walk("VEVENT"):
        start, end = event["DTSTART"], event["DTEND"]
        tzid = str(start.params.get("TZID", ""))
        naive_start, naive_end = start.dt.replace(tzinfo=None), end.dt.replace(tzinfo=None)
        geo = event.get("GEO")
        events.append({
            "uid": str(event["UID"]),
            "summary": str(event["SUMMARY"]),
            "location": str(event.get("LOCATION", "")),
            "description": str(event.get("DESCRIPTION", "")),
            "geo": [geo.latitude, geo.longitude] if geo is not None else None,
            "tzid": tzid,
            "stamp": event.decoded("DTSTAMP").strftime("%Y-%m-%dT%H:%M:%SZ"),
            "startByVTimezone": instant(naive_start, zones[tzid]) if tzid in zones else None,
            "endByVTimezone": instant(naive_end, zones[tzid]) if tzid in zones else None,
            "startByZoneinfo": instant(naive_start, ZoneInfo(tzid)) if tzid else None,
            "endByZoneinfo": instant(naive_end, ZoneInfo(tzid)) if tzid else None,
        })
    return {
        "path": path,
        "name": str(calendar.get("X-WR-CALNAME", "")),
        "version": str(calendar["VERSION"]),
        "prodid": str(calendar["PRODID"]),
        "method": str(calendar.get("METHOD", "")),
        "timezones": sorted(zones),
        "crlfOnly": b"\n" not in raw.replace(b"\r\n", b""),
        "longestLineOctets": max(len(line) for line in raw.split(b"\r\n")),
        "events": events,
    }


if __name__ == "__main__":
    try:
        print(json.dumps([read(path) for path in sys.argv[1:]], ensure_ascii=False))
    except Exception as error:  # a parse failure is the finding: report it, fail
        print(f"{type(error).__name__}: {error}", file=sys.stderr)
        sys.exit(1)
