#!/usr/bin/env python3
"""Reads an .ics file with the independent `icalendar` parser (PyPI) and checks
every event against the expected ones (a JSON list of {uid, start, end,
summary, description, status}, times as UTC "YYYYmmddTHHMMSSZ").

Exit 0 when all match; otherwise prints what differs and exits 1."""
import json
import sys
from datetime import timezone

import icalendar

ics_path, expected_path = sys.argv[1], sys.argv[2]
raw = open(ics_path, "rb").read()
problems = []
for number, line in enumerate(raw.split(b"\r\n"), 1):
    if len(line) > 75:
        problems.append(f"line {number} is {len(line)} octets (max 75)")
if b"\n" in raw.replace(b"\r\n", b""):
    problems.append("a line ends without CR")

calendar = icalendar.Calendar.from_ical(raw)
events = {str(event["UID"]): event for event in calendar.walk("VEVENT")}
expected = json.load(open(expected_path))
if len(events) != len(expected):
    problems.append(f"{len(events)} events, expected {len(expected)}")
for want in expected:
    event = events.get(want["uid"])
    if event is None:
        problems.append(f"no event {want['uid']}")
        continue
    got = {
        "start": event.decoded("DTSTART").astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ"),
        "end": event.decoded("DTEND").astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ"),
        "summary": str(event.get("SUMMARY")),
        "description": str(event.get("DESCRIPTION", "")),
        "status": str(event.get("STATUS")),
    }
    for key, value in got.items():
        if value != want[key]:
            problems.append(f"{want['uid']} {key}: got {value!r}, expected {want[key]!r}")
if problems:
    print("\n".join(problems))
    sys.exit(1)
print(f"{len(events)} events match")
