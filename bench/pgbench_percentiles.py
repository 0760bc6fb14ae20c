#!/usr/bin/env python3
"""pgbench prints throughput and mean latency; its aggregated log (per second: count, sum, sum of squares, min, max)
gives no exact percentiles, so this prints the per-second throughput spread and the worst one-second maximum."""
import glob, sys

counts, maxima = [], []
for name in sys.argv[1:]:
    if not name.split("/")[-1].startswith("pgbench-") or name.endswith(".txt"):
        continue
    for line in open(name):
        parts = line.split()
        if len(parts) >= 6:
            counts.append(int(parts[1]))
            maxima.append(int(parts[5]) / 1000.0)
if counts:
    print("    per-second log: %d s, max latency %.1f ms" % (len(counts), max(maxima)))
