"""Prints the table of benchmarks/compare-scaling.sh from its results.tsv.

Usage: scaling.py RESULTS.tsv BASE
RESULTS.tsv as for medians.py, with rows named "SERVER xLOOPS" (e.g. "jasyncio x1", "netty x2")
and one unit (req/s). One line per CASE (the load): for every SERVER the median of each loop
count and the scaling factor of each loop count above one (median xN / median x1); then, for every
loop count, BASE/SERVER for every other SERVER. Every single value follows the table. Stdlib only.
"""
import sys

from medians import fmt, median, print_runs, read


def ratio(a, b):
    return "–" if a is None or b is None or b == 0 else f"{a / b:.2f}x"


def main(path, base):
    rows, cases, data = read(path)
    servers, loops = [], []
    for row in rows:
        server, n = row.rsplit(" x", 1)
        if server not in servers:
            servers.append(server)
        if int(n) not in loops:
            loops.append(int(n))
    loops.sort()
    others = [s for s in servers if s != base]
    head = []
    for s in servers:
        head += [f"{s} x{n}" for n in loops] + [f"{s} x{n}/x{loops[0]}" for n in loops[1:]]
    head += [f"{base}/{o} x{n}" for n in loops for o in others]
    print("| load | unit | " + " | ".join(head) + " |")
    print("|---" * (2 + len(head)) + "|")
    for case, unit in cases:
        med = {(s, n): median(data, case, unit, f"{s} x{n}") for s in servers for n in loops}
        cells = []
        for s in servers:
            cells += [fmt(med[(s, n)]) for n in loops]
            cells += [ratio(med[(s, n)], med[(s, loops[0])]) for n in loops[1:]]
        cells += [ratio(med[(base, n)], med[(o, n)]) for n in loops for o in others]
        print(f"| {case} | {unit} | " + " | ".join(cells) + " |")
    print()
    print_runs(rows, cases, data, "xN/x1 is the scaling factor from 1 to N loops")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
