#!/usr/bin/env bash
# Heap per idle keep-alive HTTP connection (issue 6): benchmarks' IdleHttpConnections holds
# CONNECTIONS (10,000) keep-alive connections on one loop of HelloServer's application, each
# having done one GET / and then left idle, and prints the server's heap per connection: used
# heap after full GCs (MemoryMXBean, in the server's JVM) once they are all open, minus the same
# before they were opened, divided by CONNECTIONS. The clients are blocking sockets in a second JVM
# that the program starts (and that first warms the server up: WARMUP_CONNECTIONS (2,000)
# connections x 10 keep-alive requests, then closed). REPS (3) runs, each a fresh pair of JVMs
# (-Xms1g -Xmx1g), pinned to LOAD_CPU (1) since only the heap is measured; the median in
# bytes per connection. Each process needs CONNECTIONS + about 100 open files: the script raises
# `ulimit -n` to 65536, or to the hard limit if that is lower (and stops if that is not enough).
# See benchmarks/lib.sh for REPS, LOAD_CPU, MVN, OUT.
#   benchmarks/idle-http.sh                                   # 3 runs, about 10 s each
#   REPS=1 CONNECTIONS=1000 WARMUP_CONNECTIONS=100 benchmarks/idle-http.sh   # smoke test
set -euo pipefail
. "$(dirname "$0")/lib.sh"
REPS="${REPS:-3}"
C="${CONNECTIONS:-10000}"
W="${WARMUP_CONNECTIONS:-2000}"
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
if [ "$(ulimit -n)" -lt $((C + 100)) ]; then
    echo "ulimit -n is $(ulimit -n) (hard limit $(ulimit -Hn)): too low for $C connections" >&2
    exit 1
fi
build_benchmarks
out_dir idle-http
for rep in $(seq "$REPS"); do
    r=$(load "idle-http-$rep" $java_bench -Didle.warmup="$W" io.jasyncio.bench.http.IdleHttpConnections "$C")
    echo "$r" >&2
    grep -q "^http keep-alive: $C idle connections" <<< "$r" || { echo "not all $C connections were held" >&2; exit 1; }
    record "$rep" jasyncio "$C idle keep-alive HTTP connections, one loop" "heap B/conn" "$(field connection: <<< "$r")"
done
{
    echo "Idle keep-alive HTTP connections, $(machine_line "server and clients on CPU $LOAD_CPU"), ulimit -n $(ulimit -n)," \
        "warm-up $W connections x 10 requests"
    echo
    print_table jasyncio
} | tee "$out/table.md"
