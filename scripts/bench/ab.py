#!/usr/bin/env python3
"""A/B of Gazette binaries on one site: alternating cold builds.

Usage: python3 scripts/bench/ab.py SITE RUNS BINARY [BINARY ...]

Each round builds SITE once with every BINARY, in turn, into an empty
/dev/shm/gazette-ab-out, and records wall time, CPU time (user + system) and
peak resident memory of the build process. Prints the medians per binary.
Alternating the binaries spreads the machine's load over all of them; use it
to decide between two builds of Gazette (an allocator, a compiler setting),
and scripts/bench/bench.py to compare with Hugo.
"""
import os
import shutil
import statistics
import subprocess
import sys
import time

OUT = "/dev/shm/gazette-ab-out"


def build(binary, site):
    shutil.rmtree(OUT, ignore_errors=True)
    started = time.monotonic()
    proc = subprocess.Popen([binary, "build", "--output", OUT], cwd=site,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{binary}: the build failed in {site}")
    wall = time.monotonic() - started
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    site, runs = sys.argv[1], int(sys.argv[2])
    binaries = [os.path.abspath(b) if os.sep in b else b for b in sys.argv[3:]]
    results = {b: [] for b in binaries}
    for _ in range(runs):
        for b in binaries:
            results[b].append(build(b, site))
    shutil.rmtree(OUT, ignore_errors=True)
    for b, rows in results.items():
        med = [statistics.median(r[i] for r in rows) for i in range(3)]
        walls = " ".join(f"{r[0]:.2f}" for r in rows)
        print(f"{b}: wall {med[0]:.3f} s, CPU {med[1]:.3f} s, "
              f"peak {med[2]:.0f} MiB (walls: {walls})")


if __name__ == "__main__":
    main()
