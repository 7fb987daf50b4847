"""Prints the table of benchmarks/compare-*.sh from their results.tsv.

Usage: medians.py RESULTS.tsv BASE
RESULTS.tsv has one line per measurement: REP ROW CASE UNIT VALUE (tab-separated). The table has
one line per CASE, the median VALUE of every ROW (in order of first appearance), then the ratio
BASE/ROW for every other row, as a speed: VALUE ratio for rates, inverted for times (a UNIT in
TIME_UNITS, or ending in " us" or " ms", such as "p99 us"), so above 1 always means BASE is
faster. Every single value follows the table. Stdlib only.
"""
import statistics
import sys

TIME_UNITS = {"s", "ms", "us"}


def is_time(unit):
    return unit in TIME_UNITS or unit.split(" ")[-1] in TIME_UNITS


def read(path):
    """Returns (rows, cases, data): rows and (case, unit) pairs in order of first appearance, and
    every value by (case, unit, row)."""
    data = {}
    rows, cases = [], []
    with open(path) as f:
        for line in f:
            if not line.strip():
                continue
            _rep, row, case, unit, value = line.rstrip("\n").split("\t")
            if row not in rows:
                rows.append(row)
            if (case, unit) not in cases:
                cases.append((case, unit))
            data.setdefault((case, unit, row), []).append(float(value))
    return rows, cases, data


def median(data, case, unit, row):
    values = data.get((case, unit, row))
    return statistics.median(values) if values else None


def main(path, base):
    rows, cases, data = read(path)
    others = [r for r in rows if r != base] if base in rows else []  # no ratios without BASE
    print("| case | unit | " + " | ".join(rows + [f"{base}/{r}" for r in others]) + " |")
    print("|---" * (2 + len(rows) + len(others)) + "|")
    for case, unit in cases:
        med = {r: median(data, case, unit, r) for r in rows}
        cells = [fmt(med[r]) for r in rows]
        for r in others:
            b, o = med[base], med[r]
            if b is None or o is None or b == 0 or o == 0:
                cells.append("–")
            else:
                cells.append(f"{(o / b if is_time(unit) else b / o):.2f}x")
        print(f"| {case} | {unit} | " + " | ".join(cells) + " |")
    print()
    print_runs(rows, cases, data, f"ratios above 1 mean {base} is faster")


def print_runs(rows, cases, data, note):
    """The footer: how many runs the medians are of, and every single value."""
    runs = "/".join(str(n) for n in sorted({len(v) for v in data.values()}))
    print(f"Medians of {runs} run(s); {note}. Every run:")
    for case, unit in cases:
        for r in rows:
            if (case, unit, r) in data:
                print(f"- {case} {r}: " + " ".join(fmt(v) for v in data[(case, unit, r)]) + f" {unit}")


def fmt(v):
    if v is None:
        return "–"
    return f"{v:,.0f}" if abs(v) >= 100 else f"{v:.3g}"


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
