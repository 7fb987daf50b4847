#!/usr/bin/env bash
# WebSocket echo (issue 8): 64 B and 16 KiB binary messages over 100 connections, messages/s,
# against jasyncio's WebSocketResponse and aiohttp's (Debian's python3-aiohttp) in one run. The
# load generator is the same for both: jasyncio's client (WsEchoLoad), one loop. The server runs
# pinned to CPU 1 and the generator to CPU 0 (a 2-CPU machine). A Netty WebSocket row is not in
# the peers' harness yet.
#   benchmarks/compare-ws.sh                    # 10 s per row after 3 s of warm-up
#   SECONDS_PER_ROW=5 CONNECTIONS=50 benchmarks/compare-ws.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
. scripts/find-jdk25.sh
PY="${PY:-/usr/bin/python3}"
N="${SECONDS_PER_ROW:-10}"
C="${CONNECTIONS:-100}"
jar="$root/benchmarks/target/benchmarks.jar"
if [ ! -f "$jar" ] || [ -n "$(find "$root" -path "$root/*/src/main/*" -newer "$jar" -print -quit)" ]; then
    mvn -B -q -o -DskipTests -pl core,http,benchmarks install >&2
fi
java_="java --add-opens=java.base/java.lang=ALL-UNNAMED -Xms512m -Xmx512m -cp $jar"
free_port() { "$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_port() { for _ in $(seq 200); do (exec 3<>/dev/tcp/127.0.0.1/"$1") 2>/dev/null && return 0; sleep 0.05; done; return 1; }
run_row() { # name command...
    local name="$1"; shift
    local port; port=$(free_port)
    taskset -c 1 "$@" "$port" >/dev/null 2>&1 &
    local pid=$!
    wait_port "$port" || { echo "$name did not start" >&2; kill "$pid"; return 1; }
    for size in 64 16384; do
        local r
        r=$(taskset -c 0 $java_ io.jasyncio.bench.ws.WsEchoLoad "ws://127.0.0.1:$port/echo" "$C" "$size" "$N" 3 | awk '{print $2}')
        echo "$name $size $r"
    done
    kill "$pid"; wait "$pid" 2>/dev/null || true
}
results=$(mktemp)
run_row jasyncio $java_ io.jasyncio.bench.ws.WsEchoServer | tee -a "$results" >&2
run_row aiohttp "$PY" benchmarks/python/ws_echo_server.py | tee -a "$results" >&2
echo "WebSocket echo, $C connections, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) CPUs, $(java -version 2>&1 | head -n1), $($PY --version), aiohttp $("$PY" -c 'import aiohttp; print(aiohttp.__version__)')"
echo
echo "| message | jasyncio msg/s | aiohttp msg/s | jasyncio/aiohttp |"
echo "|---|---|---|---|"
for size in 64 16384; do
    j=$(awk -v s="$size" '$1=="jasyncio" && $2==s {print $3}' "$results")
    a=$(awk -v s="$size" '$1=="aiohttp" && $2==s {print $3}' "$results")
    awk -v s="$size" -v j="$j" -v a="$a" 'BEGIN { printf "| %s B | %d | %d | %.2fx |\n", s, j, a, j / a }'
done
rm -f "$results"
