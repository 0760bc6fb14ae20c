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
# Where the two cores went: the server, PostgreSQL (all its processes), and the rest (the load tool, the sampler...).
pairs = [(r[2], r[5], r[6]) for r in rows if len(r) > 6]
if pairs:
    server = [float(s) for s, _, _ in pairs if s != "-"]
    postgres = [float(p) for _, p, _ in pairs]
    machine = [float(m) for _, _, m in pairs]
    mean = lambda v: sum(v) / len(v) if v else 0.0
    print("CPU split (cores, mean): server %.2f, PostgreSQL %.2f, everything else (load tool...) %.2f, of %.2f busy" % (
        mean(server), mean(postgres), max(0.0, mean(machine) - mean(server) - mean(postgres)), mean(machine)))
