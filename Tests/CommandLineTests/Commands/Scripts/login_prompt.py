#!/usr/bin/env python3
"""Drives `leadterm login` through a pseudo-terminal, as a person types.

usage: login_prompt.py LEADTERM API_KEY TOKEN

The environment (XDG_CONFIG_HOME, the profile) is passed on. Checks that both
prompts come, that what is typed at them is never echoed back to the terminal
(echo off), and prints the whole transcript; exit 0 when all of that holds and
leadterm exits 0, 1 otherwise.
"""
import os
import pty
import select
import sys
import time

binary, api_key, token = sys.argv[1:4]
pid, master = pty.fork()
if pid == 0:
    os.execv(binary, [binary, "login"])

transcript = b""


def read_until(marker, seconds=10.0):
    global transcript
    deadline = time.monotonic() + seconds
    while marker not in transcript:
        left = deadline - time.monotonic()
        if left <= 0:
            return False
        ready, _, _ = select.select([master], [], [], left)
        if ready:
            try:
                chunk = os.read(master, 4096)
            except OSError:
                return marker in transcript
            if not chunk:
                return marker in transcript
            transcript += chunk
    return True


problems = []
if not read_until(b"API key for work: "):
    problems.append("no API key prompt")
os.write(master, api_key.encode() + b"\r")
if not read_until(b"Token for work: "):
    problems.append("no token prompt")
os.write(master, token.encode() + b"\r")
read_until(b"\x00never", seconds=5.0)  # the rest, until leadterm closes the terminal
_, status = os.waitpid(pid, 0)
code = os.waitstatus_to_exitcode(status)
if api_key.encode() in transcript or token.encode() in transcript:
    problems.append("a secret was echoed")
if code != 0:
    problems.append(f"exit status {code}")
sys.stdout.write(transcript.decode("utf-8", "replace"))
for problem in problems:
    sys.stdout.write(f"\nPROBLEM: {problem}")
sys.exit(1 if problems else 0)
