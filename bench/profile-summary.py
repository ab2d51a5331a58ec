#!/usr/bin/env python3
"""Summarises `jfr print --events jdk.ExecutionSample` (on stdin): where the application's CPU samples went.

Two views, each the ten largest shares: by Beskplan module (the innermost frame in dk.beskplan.<module>, so a JSON
parse called from drafting counts for drafting; samples with no Beskplan frame count as "framework/JDK only"), and
by the package of the top frame (what was actually running: Jackson, PostgreSQL's driver, Netty, PDFBox, ...).
"""
import collections
import re
import sys

FRAME = re.compile(r"^\s+([\w$.<>]+)\(")
by_module = collections.Counter()
by_top = collections.Counter()
samples = 0
stack = None

def finish(frames):
    global samples
    if not frames:
        return
    samples += 1
    top = frames[0].rsplit(".", 2)[0]  # the class's package and class, without the method
    by_top[".".join(top.split(".")[:3])] += 1
    beskplan = next((f.split(".") for f in frames if f.startswith("dk.beskplan.")), None)
    # platform's plumbing is told apart by its package (messaging, security, persistence, documents, ...)
    module = "framework/JDK only" if beskplan is None else (
        ".".join(beskplan[2:4]) if beskplan[2] == "platform" and len(beskplan) > 4 else beskplan[2])
    by_module[module] += 1

for line in sys.stdin:
    if "stackTrace = [" in line:
        stack = []
    elif stack is not None and line.strip().startswith("]"):
        finish(stack)
        stack = None
    elif stack is not None:
        m = FRAME.match(line)
        if m:
            stack.append(m.group(1))

print(f"profile: {samples} execution samples")
for title, counter in (("by module (innermost Beskplan frame)", by_module), ("by top frame's package", by_top)):
    print(f"profile {title}:")
    for name, n in counter.most_common(10):
        print(f"  {100.0 * n / max(samples, 1):5.1f} %  {name}")
