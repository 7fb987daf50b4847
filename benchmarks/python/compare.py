"""Builds the comparison table of compare-core.sh from one run's outputs: JMH JSON files for
jasyncio's engines and `RESULT name value` lines from the Python workloads. Ratios are
peer / jasyncio (how many times faster jasyncio is), computed only within this run."""
import json
import pathlib
import sys


def jmh(path):
    out = {}
    p = pathlib.Path(path)
    if not p.exists():
        return out
    for r in json.loads(p.read_text()):
        name = r["benchmark"].rsplit(".", 1)[-1]
        out[name] = r["primaryMetric"]["score"]
    return out


def results(path):
    out = {}
    p = pathlib.Path(path)
    if not p.exists():
        return out
    for line in p.read_text().splitlines():
        if line.startswith("RESULT "):
            _, name, value = line.split()
            out[name] = float(value)
    return out


def main(outdir):
    d = pathlib.Path(outdir)
    fast, fallback = jmh(d / "fast.json"), jmh(d / "fallback.json")
    aio, uv = results(d / "asyncio.txt"), results(d / "uvloop.txt")
    rows = ["| workload (ns/op) | jasyncio fast | jasyncio fallback | asyncio | uvloop | asyncio/fast | uvloop/fast |",
            "|---|---|---|---|---|---|---|"]
    for name in fast:
        f, fb, a, u = fast.get(name), fallback.get(name), aio.get(name), uv.get(name)
        fmt = lambda v: f"{v:,.0f}" if v is not None else "n/a"
        ratio = lambda v: f"{v / f:.1f}x" if v and f else "n/a"
        rows.append(f"| {name} | {fmt(f)} | {fmt(fb)} | {fmt(a)} | {fmt(u)} | {ratio(a)} | {ratio(u)} |")
    print("\n".join(rows))
    mem = {}
    for src in ("sleepers_java.txt", "sleepers_vthreads.txt", "sleepers_asyncio.txt", "sleepers_uvloop.txt"):
        mem.update(results(d / src))
    if mem:
        print()
        print("| million sleepers | completed | heap B/task | RSS B/task | seconds |")
        print("|---|---|---|---|---|")
        for tag in ("jasyncio", "jdk-vthreads", "asyncio", "uvloop"):
            k = f"million_sleepers_{tag}_"
            if k + "completed" in mem:
                print(f"| {tag} | {mem[k + 'completed']:,.0f} | {mem[k + 'heap_bytes_per_task']:,.0f} | "
                      f"{mem[k + 'rss_bytes_per_task']:,.0f} | {mem[k + 'seconds']:.2f} |")


if __name__ == "__main__":
    main(sys.argv[1])
