#!/usr/bin/env python3
"""Reads an export as a spreadsheet program would: a .csv with Python's csv module (RFC 4180,
UTF-8, strict), a .json with the json module; prints the rows as one JSON array of arrays
(CSV) or the document itself (JSON). Exit status 1 with the reason when the file is not valid."""
import csv
import io
import json
import sys

path = sys.argv[1]
try:
    if path.endswith(".csv"):
        with open(path, newline="", encoding="utf-8") as handle:
            data = handle.read()
        if data and not data.endswith("\r\n"):
            raise ValueError("the last record does not end with CRLF")
        rows = list(csv.reader(io.StringIO(data, newline=""), strict=True))
        print(json.dumps(rows, ensure_ascii=False))
    else:
        with open(path, encoding="utf-8") as handle:
            print(json.dumps(json.load(handle), ensure_ascii=False))
except Exception as error:  # noqa: BLE001 - the reason is the output
    print(f"{path}: {error}", file=sys.stderr)
    sys.exit(1)
