"""The aiohttp side of benchmarks/compare-client.sh (issue 7): the same two workloads as the
Java ClientBench, printing the same lines.

  http_client_load.py rps URL SECONDS WARMUP CONCURRENCY
      CONCURRENCY tasks on one ClientSession (TCPConnector(limit=CONCURRENCY)), each doing
      keep-alive GETs and reading the whole body; WARMUP seconds not counted, then SECONDS.
      Prints "requests/s N".
  http_client_load.py download URL FILES ROUNDS WARMUP_ROUNDS CHUNK
      The seed's "download N files concurrently": FILES GETs of URL0, URL1, ... gathered on one
      ClientSession per round (TCPConnector(limit=FILES)), each body read with
      response.content.read(CHUNK) until empty and counted, not kept. Prints
      "seconds S bytes B MB/s M": S the mean seconds of a counted round, B the bytes of one
      round, M = B / S / 10^6.
Only loopback URLs are accepted. Runs on the default asyncio loop.
"""
import asyncio
import sys
import time
from urllib.parse import urlsplit

import aiohttp


async def rps(url, seconds, warmup, concurrency):
    count = 0
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=concurrency)) as session:

        async def worker(until, counting):
            nonlocal count
            while time.monotonic() < until:
                async with session.get(url) as r:
                    await r.read()
                if counting:
                    count += 1

        t = time.monotonic()
        await asyncio.gather(*[worker(t + warmup, False) for _ in range(concurrency)])
        t = time.monotonic()
        await asyncio.gather(*[worker(t + seconds, True) for _ in range(concurrency)])
        print(f"requests/s {count / (time.monotonic() - t):.0f}")


async def download_round(url, files, chunk):
    async def fetch(session, u):
        n = 0
        async with session.get(u) as r:
            while True:
                data = await r.content.read(chunk)
                if not data:
                    break
                n += len(data)
            if r.status != 200 or n == 0:
                raise RuntimeError(f"{u}: status {r.status}, {n} bytes")
        return n

    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=files)) as session:
        return sum(await asyncio.gather(*[fetch(session, f"{url}{i}") for i in range(files)]))


async def download(url, files, rounds, warmup_rounds, chunk):
    for _ in range(warmup_rounds):
        await download_round(url, files, chunk)
    t = time.monotonic()
    for _ in range(rounds):
        n = await download_round(url, files, chunk)
    per_round = (time.monotonic() - t) / rounds
    print(f"seconds {per_round:.4f} bytes {n} MB/s {n / per_round / 1e6:.1f}")


def main(argv):
    mode, url = argv[1], argv[2]
    host = urlsplit(url).hostname or ""
    if not (host.startswith("127.") or host == "localhost"):
        sys.exit(f"loopback URLs only, not {url}")
    if mode == "rps":
        asyncio.run(rps(url, float(argv[3]), float(argv[4]), int(argv[5])))
    elif mode == "download":
        asyncio.run(download(url, int(argv[3]), int(argv[4]), int(argv[5]), int(argv[6])))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
