#!/usr/bin/env python3
"""Where a search request's time goes, from a JFR recording of the server (bench/search/run.sh --jfr).

CPU: the execution samples, each counted once for the innermost Tribune method on its stack (what our code was
doing, itself or through a library) and once for the method at its very top (where the CPU was).
Waiting on the database: every socket read (JFR's jdk.SocketRead at threshold 0), counted and summed per innermost
Tribune method, i.e. per query site. Usage: jfr_summary.py server.jfr
"""
import collections
import re
import subprocess
import sys

TRIBUNE = re.compile(r"^\s+(org\.tribune\.[\w.$]+\.[\w$<>]+)\(")
FRAME = re.compile(r"^\s+([\w.$]+\.[\w$<>]+)\(")
DURATION = re.compile(r"^\s+duration = ([\d.]+) (ms|s|us|ns)")
SCALE = {"s": 1000.0, "ms": 1.0, "us": 0.001, "ns": 0.000001}


def events(path, kind):
    """Yields (duration in ms or None, list of frames, top first) for each event of this kind."""
    process = subprocess.Popen(["jfr", "print", "--stack-depth", "64", "--events", kind, path],
                               stdout=subprocess.PIPE, text=True)
    duration, frames, inside = None, [], False
    for line in process.stdout:
        if line.startswith(kind + " {") or line.startswith("jdk."):
            duration, frames, inside = None, [], True
        elif line.startswith("}"):
            if inside:
                yield duration, frames
            inside = False
        else:
            m = DURATION.match(line)
            if m:
                duration = float(m.group(1)) * SCALE[m.group(2)]
            m = FRAME.match(line)
            if m:
                frames.append(m.group(1))
    process.wait()


def innermost_tribune(frames):
    for frame in frames:
        if frame.startswith("org.tribune."):
            return frame
    return "(no Tribune frame)"


def main(path):
    by_site, by_top, total = collections.Counter(), collections.Counter(), 0
    for _, frames in events(path, "jdk.ExecutionSample"):
        total += 1
        by_site[innermost_tribune(frames)] += 1
        by_top[frames[0] if frames else "?"] += 1
    print(f"## CPU samples: {total}\n\n| innermost Tribune method | samples | share |\n| --- | --- | --- |")
    for site, n in by_site.most_common(25):
        print(f"| {site} | {n} | {100.0 * n / max(total, 1):.1f} % |")
    print("\n| top frame | samples | share |\n| --- | --- | --- |")
    for site, n in by_top.most_common(20):
        print(f"| {site} | {n} | {100.0 * n / max(total, 1):.1f} % |")
    reads, waited = collections.Counter(), collections.Counter()
    for duration, frames in events(path, "jdk.SocketRead"):
        if not any(f.startswith("org.postgresql.") for f in frames):
            continue
        site = innermost_tribune(frames)
        reads[site] += 1
        waited[site] += duration or 0.0
    all_reads, all_waited = sum(reads.values()), sum(waited.values())
    print(f"\n## Reads of the database's answers: {all_reads}, {all_waited:.0f} ms in all\n")
    print("| innermost Tribune method | reads | ms in all | ms each |\n| --- | --- | --- | --- |")
    for site, ms in waited.most_common(30):
        print(f"| {site} | {reads[site]} | {ms:.0f} | {ms / reads[site]:.2f} |")


if __name__ == "__main__":
    main(sys.argv[1])
