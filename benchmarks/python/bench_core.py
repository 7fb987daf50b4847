"""The core task workloads of issue 2 in CPython's asyncio (or uvloop with --uvloop): the same
workloads as io.jasyncio.bench.core.TaskBench and MillionSleepers. Prints
`RESULT <workload> <value>` lines (ns per operation, or bytes/seconds for million_sleepers)."""
import argparse
import asyncio
import gc
import time

N = 10_000


async def sleeper():
    for _ in range(N):
        await asyncio.sleep(0)


async def sleep_zero_switch():
    a = asyncio.create_task(sleeper())
    b = asyncio.create_task(sleeper())
    await a
    await b


async def future_ping_pong():
    loop = asyncio.get_running_loop()
    to_a = [loop.create_future()]
    to_b = [loop.create_future()]

    async def b_side():
        for _ in range(N):
            v = await to_b[0]
            to_b[0] = loop.create_future()
            to_a[0].set_result(v + 1)

    b = asyncio.create_task(b_side())
    v = 0
    for _ in range(N):
        reply = to_a[0]
        to_b[0].set_result(v)
        v = await reply
        to_a[0] = loop.create_future()
    await b
    return v


async def empty():
    return None


async def create_await_empty_task():
    for _ in range(N):
        await asyncio.create_task(empty())


def measure(new_loop, coro_fn, ops, repeats):
    best = []
    for _ in range(repeats):
        loop = new_loop()
        try:
            t0 = time.perf_counter_ns()
            loop.run_until_complete(coro_fn())
            best.append((time.perf_counter_ns() - t0) / ops)
        finally:
            loop.close()
    best.sort()
    return best[len(best) // 2]


def rss():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    return 0


def million_sleepers(new_loop, n, tag):
    import tracemalloc
    loop = new_loop()
    gc.collect()
    before_rss = rss()
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    result = {}

    async def main():
        tasks = [asyncio.create_task(asyncio.sleep(1.0)) for _ in range(n)]
        await asyncio.sleep(0)
        gc.collect()
        result["heap"] = (tracemalloc.get_traced_memory()[0] - base) / n
        result["rss"] = (rss() - before_rss) / n
        done = 0
        for t in tasks:
            await t
            done += 1
        return done

    t0 = time.perf_counter()
    done = loop.run_until_complete(main())
    secs = time.perf_counter() - t0
    tracemalloc.stop()
    loop.close()
    print(f"RESULT million_sleepers_{tag}_completed {done}")
    print(f"RESULT million_sleepers_{tag}_heap_bytes_per_task {result['heap']:.0f}")
    print(f"RESULT million_sleepers_{tag}_rss_bytes_per_task {result['rss']:.0f}")
    print(f"RESULT million_sleepers_{tag}_seconds {secs:.2f}")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--uvloop", action="store_true")
    p.add_argument("--repeats", type=int, default=7)
    p.add_argument("--sleepers", type=int, default=0, help="run the million-sleepers workload with this many tasks")
    args = p.parse_args()
    if args.uvloop:
        import uvloop
        new_loop = uvloop.new_event_loop
        tag = "uvloop"
    else:
        new_loop = asyncio.new_event_loop
        tag = "asyncio"
    if args.sleepers:
        million_sleepers(new_loop, args.sleepers, tag)
        return
    for name, fn, ops in (
        ("sleepZeroSwitch", sleep_zero_switch, 2 * N),
        ("futurePingPong", future_ping_pong, 2 * N),
        ("createAwaitEmptyTask", create_await_empty_task, N),
    ):
        measure(new_loop, fn, ops, 2)  # warm-up
        print(f"RESULT {name} {measure(new_loop, fn, ops, args.repeats):.1f}", flush=True)


if __name__ == "__main__":
    main()
