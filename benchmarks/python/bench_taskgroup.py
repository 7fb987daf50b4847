#!/usr/bin/env python3
"""CPython's asyncio.TaskGroup on the workloads of io.jasyncio.bench.core.TaskGroupBench (JMH).

One operation is one whole group: create 10,000 tasks in the block, run them, join them when the
block ends. The workload names are the JMH method names, so that benchmarks/python/compare.py
can pair them:

  taskGroup10kNoop       each task returns at once
  taskGroup10kSleepZero  each task awaits asyncio.sleep(0) once

Each workload runs on one event loop: WARMUP groups, then RUNS timed groups, and the median is
printed as "RESULT <workload-name> <ns-per-op>" (one line per workload; ns per task on stderr).
Stdlib only; needs Python 3.11+ (TaskGroup). Run it alone, pinned like the JMH run:
    taskset -c 1 /usr/bin/python3 benchmarks/python/bench_taskgroup.py [--uvloop]
"""
import argparse
import asyncio
import gc
import statistics
import sys
import time

CHILDREN = 10_000
WARMUP = 5
RUNS = 20


async def noop():
    return None


async def sleep_zero():
    await asyncio.sleep(0)


async def one_group(child):
    async with asyncio.TaskGroup() as tg:
        for _ in range(CHILDREN):
            tg.create_task(child())


def measure(new_loop, child):
    loop = new_loop()
    try:
        for _ in range(WARMUP):
            loop.run_until_complete(one_group(child))
        samples = []
        for _ in range(RUNS):
            gc.collect()
            t0 = time.perf_counter_ns()
            loop.run_until_complete(one_group(child))
            samples.append(time.perf_counter_ns() - t0)
        return statistics.median(samples)
    finally:
        loop.close()


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--uvloop", action="store_true")
    args = p.parse_args()
    if args.uvloop:
        import uvloop
        new_loop = uvloop.new_event_loop
    else:
        new_loop = asyncio.new_event_loop
    print(f"# Python {sys.version.split()[0]}{' + uvloop' if args.uvloop else ''}, {CHILDREN} tasks per "
          f"group, median of {RUNS} after {WARMUP} warm-up", file=sys.stderr)
    for name, child in (("taskGroup10kNoop", noop), ("taskGroup10kSleepZero", sleep_zero)):
        ns = measure(new_loop, child)
        print(f"RESULT {name} {ns:.0f}", flush=True)
        print(f"#   {name}: {ns / CHILDREN:.0f} ns per task", file=sys.stderr)


if __name__ == "__main__":
    main()
