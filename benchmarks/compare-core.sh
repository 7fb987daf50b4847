#!/usr/bin/env bash
# Runs the core workloads of issue 2 in one session, one after another, and prints one table:
# jasyncio (JMH, fast and fallback engines), CPython 3.11 asyncio and uvloop (Debian's packages),
# plus the million-sleepers memory check. Every process is pinned to one CPU (CPU=1 by default).
#   benchmarks/compare-core.sh                 # full (about 4 minutes)
#   SLEEPERS=0 benchmarks/compare-core.sh      # skip the million-sleepers check
set -euo pipefail
. "$(dirname "$0")/lib.sh"
CPU="${CPU:-1}"
SLEEPERS="${SLEEPERS:-1000000}"
JMH_OPTS="${JMH_OPTS:--f 1 -wi 3 -i 5 -w 1s -r 1s}"
build_benchmarks
out_dir core
pin="taskset -c $CPU"
$pin java -jar "$jar" 'io.jasyncio.bench.core.TaskBench' $JMH_OPTS -rf json -rff "$out/fast.json" > "$out/fast.log"
$pin java -jar "$jar" 'io.jasyncio.bench.core.TaskBench' $JMH_OPTS -jvmArgsAppend "-Djasyncio.engine=fallback -Xms1g -Xmx1g" \
    -rf json -rff "$out/fallback.json" > "$out/fallback.log"
$pin "$PY" benchmarks/python/bench_core.py > "$out/asyncio.txt"
$pin "$PY" benchmarks/python/bench_core.py --uvloop > "$out/uvloop.txt"
if [ "$SLEEPERS" -gt 0 ]; then
    cp_="$jar"
    $pin java --add-opens=java.base/java.lang=ALL-UNNAMED -Xms4g -Xmx4g -cp "$cp_" io.jasyncio.bench.core.MillionSleepers "$SLEEPERS" jasyncio > "$out/sleepers_java.txt"
    $pin java -Xms4g -Xmx4g -cp "$cp_" io.jasyncio.bench.core.MillionSleepers "$SLEEPERS" vthreads > "$out/sleepers_vthreads.txt"
    $pin "$PY" benchmarks/python/bench_core.py --sleepers "$SLEEPERS" > "$out/sleepers_asyncio.txt"
    $pin "$PY" benchmarks/python/bench_core.py --sleepers "$SLEEPERS" --uvloop > "$out/sleepers_uvloop.txt"
fi
{
    echo "core workloads, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) CPUs, pinned to CPU $CPU, $(java -version 2>&1 | head -n1), $($PY --version)"
    echo
    "$PY" benchmarks/python/compare.py "$out"
} | tee "$out/table.md"
