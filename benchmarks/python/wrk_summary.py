"""Reduces the output of one `wrk --latency` run to one line for benchmarks/lib.sh's `field`.

Usage: wrk_summary.py < WRK_OUTPUT
Prints "requests/s R p50_us P50 p99_us P99 errors E requests N": R from "Requests/sec:", the
50% and 99% lines of "Latency Distribution" converted to microseconds, E the socket errors
(connect + read + write + timeout) plus "Non-2xx or 3xx responses", N the completed requests.
Exits 1 if a figure is missing (wrk failed). Stdlib only.
"""
import re
import sys

UNITS = {"us": 1.0, "ms": 1e3, "s": 1e6, "m": 60e6, "h": 3600e6}


def micros(text):
    number, unit = re.fullmatch(r"([0-9.]+)([a-z]+)", text).groups()
    return float(number) * UNITS[unit]


def main():
    out = sys.stdin.read()
    rps = re.search(r"^Requests/sec:\s+([0-9.]+)", out, re.M)
    p50 = re.search(r"^\s+50%\s+(\S+)", out, re.M)
    p99 = re.search(r"^\s+99%\s+(\S+)", out, re.M)
    total = re.search(r"^\s+(\d+) requests in", out, re.M)
    if not (rps and p50 and p99 and total):
        sys.stderr.write("wrk_summary.py: not a wrk --latency output:\n" + out)
        sys.exit(1)
    errors = 0
    sock = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    if sock:
        errors += sum(int(g) for g in sock.groups())
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if non2xx:
        errors += int(non2xx.group(1))
    print(f"requests/s {float(rps.group(1)):.1f} p50_us {micros(p50.group(1)):.1f} "
          f"p99_us {micros(p99.group(1)):.1f} errors {errors} requests {total.group(1)}")


if __name__ == "__main__":
    main()
