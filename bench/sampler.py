#!/usr/bin/env python3
"""
The once-a-second samples of a bench step, from one process that lives as long as the step: machine CPU (/proc/stat),
the server's CPU and resident memory (/proc/PID), PostgreSQL's CPU (all its processes, with the backends that ended),
and the server's heap used, read from its hsperfdata file (the counters jstat reads).

A sampler that started jstat every second took about 0.2 s of CPU a second (a JVM's start-up), a tenth of a 2-core
machine, and its shell's forks some more: taken from the server and the load tool it was measuring.

Usage: sampler.py SERVER_PID|- > samples.txt   (columns as bench/samples.py reads them; stops when killed)
"""
import mmap, os, pwd, signal, struct, sys, tempfile, time

HZ = os.sysconf("SC_CLK_TCK")
CORES = os.cpu_count()


def machine_ticks():
    with open("/proc/stat") as f:
        v = [int(x) for x in f.readline().split()[1:]]
    busy = v[0] + v[1] + v[2] + v[5] + v[6]  # user nice system irq softirq
    return busy, busy + v[3] + v[4]          # + idle iowait


def stat_fields(pid):
    with open("/proc/%s/stat" % pid) as f:
        text = f.read()
    return text[text.rindex(")") + 2:].split()  # after the command's name, which may hold spaces; fields from 3 on


def process_ticks(pid):
    f = stat_fields(pid)
    return int(f[11]) + int(f[12])  # utime stime


def postgres_ticks():
    total = 0
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % name) as f:
                text = f.read()
        except OSError:
            continue  # ended while read
        if "(postgres)" not in text[:40]:
            continue
        f = text[text.rindex(")") + 2:].split()
        total += int(f[11]) + int(f[12]) + int(f[13]) + int(f[14])  # with the children the postmaster reaped
    return total


def rss_mib(pid):
    with open("/proc/%s/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0


class Heap:
    """The JVM's own performance counters, memory-mapped: the used bytes of each space of each generation."""

    def __init__(self, pid):
        path = os.path.join(tempfile.gettempdir(), "hsperfdata_" + pwd.getpwuid(os.getuid()).pw_name, str(pid))
        with open(path, "rb") as f:
            self.data = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        order = "<" if self.data[4] == 1 else ">"
        entry, count = struct.unpack_from(order + "ii", self.data, 24)
        self.used = []
        for _ in range(count):
            length, name_at, vector, kind, _f, _u, _v, data_at = struct.unpack_from(order + "iiibbbbi", self.data, entry)
            end = self.data.find(b"\0", entry + name_at)
            name = self.data[entry + name_at:end].decode()
            if vector == 0 and kind == ord("J") and name.startswith("sun.gc.generation.") and ".space." in name \
                    and name.endswith(".used"):
                self.used.append((order + "q", entry + data_at))
            entry += length

    def mib(self):
        return sum(struct.unpack_from(fmt, self.data, at)[0] for fmt, at in self.used) / 1024 / 1024


def main():
    pid = sys.argv[1] if len(sys.argv) > 1 and sys.argv[1] not in ("", "-") else None
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    heap = None
    print("time machine_cpu_pct server_cpu_cores heap_used_mb rss_mb postgres_cpu_cores machine_cpu_cores", flush=True)
    busy0, total0 = machine_ticks()
    pg0 = postgres_ticks()
    server0 = process_ticks(pid) if pid else 0
    t0 = time.monotonic()
    while True:
        time.sleep(1)
        t = time.monotonic()
        secs = t - t0
        busy, total = machine_ticks()
        machine = 100 * (busy - busy0) // (total - total0 + 1)
        pg = postgres_ticks()
        server = heap_mb = rss = "-"
        if pid:
            try:
                ticks = process_ticks(pid)
                server = "%.2f" % ((ticks - server0) / HZ / secs)
                server0 = ticks
                rss = "%.0f" % rss_mib(pid)
                if heap is None:
                    heap = Heap(pid)
                heap_mb = "%.0f" % heap.mib()
            except (OSError, ValueError, struct.error):
                pass  # the server is gone, or has no counters (-XX:-UsePerfData)
        print("%s %d %s %s %s %.2f %.2f" % (time.strftime("%H:%M:%S", time.gmtime()), machine, server, heap_mb, rss,
                                             max(0, pg - pg0) / HZ / secs, machine * CORES / 100), flush=True)
        busy0, total0, pg0, t0 = busy, total, pg, t


if __name__ == "__main__":
    main()
