#!/usr/bin/env python3
"""CPython asyncio counterparts of the jasyncio core benchmarks (benchmarks/.../bench/core).

Prints one line per workload: RESULT <workload-name> <ns-per-op>, the median of REPEATS runs.

  lock_acquire_release       uncontended Lock acquire + release inside one task     (LockBench.acquireRelease)
  queue_put_get_maxsize1     Queue(maxsize=1) put/get between two tasks, per item   (QueueBench.putGet maxsize=1)
  queue_put_get_maxsize64    Queue(maxsize=64) put/get between two tasks, per item  (QueueBench.putGet maxsize=64)
  generator_send             generator send round trip                              (GeneratorBench)
  run_coroutine_threadsafe   run_coroutine_threadsafe round trip from a foreign thread (ThreadsafeBench)

Run with: /usr/bin/python3 benchmarks/python/bench_sync.py [workload ...]
"""
import asyncio
import statistics
import sys
import threading
import time

REPEATS = 5
ITEM = object()


def median_ns(fn, ops):
    fn(ops // 10)  # warm up
    runs = []
    for _ in range(REPEATS):
        t0 = time.perf_counter_ns()
        fn(ops)
        runs.append((time.perf_counter_ns() - t0) / ops)
    return statistics.median(runs)


def lock_acquire_release(ops):
    async def main():
        lock = asyncio.Lock()
        for _ in range(ops):
            await lock.acquire()
            lock.release()
    asyncio.run(main())


def queue_put_get(maxsize):
    def run(ops):
        async def main():
            q = asyncio.Queue(maxsize)

            async def consumer():
                for _ in range(ops):
                    await q.get()

            c = asyncio.create_task(consumer())
            for _ in range(ops):
                await q.put(ITEM)
            await c
        asyncio.run(main())
    return run


def generator_send(ops):
    def echo():
        v = None
        while True:
            v = yield v
    g = echo()
    next(g)
    send = g.send
    for _ in range(ops):
        send(ITEM)
    g.close()


def run_coroutine_threadsafe(ops):
    loop = asyncio.new_event_loop()
    t = threading.Thread(target=loop.run_forever, daemon=True)
    t.start()

    async def value():
        return ITEM

    for _ in range(ops):
        asyncio.run_coroutine_threadsafe(value(), loop).result()
    loop.call_soon_threadsafe(loop.stop)
    t.join()
    loop.close()


WORKLOADS = {
    "lock_acquire_release": (lock_acquire_release, 1_000_000),
    "queue_put_get_maxsize1": (queue_put_get(1), 200_000),
    "queue_put_get_maxsize64": (queue_put_get(64), 200_000),
    "generator_send": (generator_send, 2_000_000),
    "run_coroutine_threadsafe": (run_coroutine_threadsafe, 10_000),
}


def main(names):
    print(f"# {sys.implementation.name} {sys.version.split()[0]}, median of {REPEATS} runs", flush=True)
    for name in names or WORKLOADS:
        fn, ops = WORKLOADS[name]
        print(f"RESULT {name} {median_ns(fn, ops):.1f}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
