#!/usr/bin/env python3
"""Summarises the once-a-second samples run.sh takes: machine CPU, server CPU, heap used and resident memory."""
import sys

rows = [l.split() for l in open(sys.argv[1]).read().splitlines()[1:] if l.strip()]
def col(i):
    return [float(r[i]) for r in rows if len(r) > i and r[i] != "-"]
def stat(values, fmt):
    if not values:
        return "n/a"
    return ("mean " + fmt + ", max " + fmt) % (sum(values) / len(values), max(values))
print()
print("CPU: machine busy %s %%; server process %s cores. Heap used %s MiB; server RSS %s MiB (%d samples)" % (
    stat(col(1), "%.0f"), stat(col(2), "%.2f"), stat(col(3), "%.0f"), stat(col(4), "%.0f"), len(rows)))
