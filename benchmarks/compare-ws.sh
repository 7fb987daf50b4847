#!/usr/bin/env bash
# WebSocket echo (issue 8): 64 B and 16 KiB binary messages over 100 connections, messages/s,
# against three servers in one run: jasyncio's WebSocketResponse (WsEchoServer), aiohttp's
# (Debian's python3-aiohttp, benchmarks/python/ws_echo_server.py) and Netty 4.1's
# WebSocketServerProtocolHandler (bench/netty-peers, one NIO loop). Every server has one event
# loop and is pinned to CPU 0; the load generator is the same for all, jasyncio's client
# (WsEchoLoad, one loop), pinned to CPU 1. REPS repetitions, each running every server in turn
# (a fresh server process per row); the table shows medians. See benchmarks/lib.sh for REPS,
# SERVER_CPU, LOAD_CPU, PY, MVN, OUT.
#   benchmarks/compare-ws.sh                                   # 5 x 3 rows x 2 sizes x (3 + 10 s)
#   REPS=1 SECONDS_PER_ROW=1 WARMUP=0.5 CONNECTIONS=10 benchmarks/compare-ws.sh   # smoke test
# Other settings: SIZES="64 16384", ROWS="jasyncio aiohttp netty".
set -euo pipefail
. "$(dirname "$0")/lib.sh"
REPS="${REPS:-5}"
N="${SECONDS_PER_ROW:-10}"
WARMUP="${WARMUP:-3}"
C="${CONNECTIONS:-100}"
SIZES="${SIZES:-64 16384}"
ROWS="${ROWS:-jasyncio aiohttp netty}"
build_benchmarks
build_netty_peers
out_dir ws
for rep in $(seq "$REPS"); do
    for row in $ROWS; do
        case "$row" in
            jasyncio) start_server "$row" java $JAVA_SERVER_OPTS --add-opens=java.base/java.lang=ALL-UNNAMED -cp "$jar" \
                          io.jasyncio.bench.ws.WsEchoServer {PORT} ;;
            aiohttp) start_server "$row" "$PY" benchmarks/python/ws_echo_server.py {PORT} ;;
            netty) start_server "$row" java $JAVA_SERVER_OPTS -jar "$netty_peers_jar" ws-echo {PORT} ;;
            *) echo "unknown row $row" >&2; exit 2 ;;
        esac
        for size in $SIZES; do
            r=$(load "$row-$size-$rep" $java_bench io.jasyncio.bench.ws.WsEchoLoad "ws://127.0.0.1:$port/echo" \
                "$C" "$size" "$N" "$WARMUP")
            record "$rep" "$row" "$size B" msg/s "$(field messages/s <<< "$r")"
        done
        stop_server
    done
done
{
    echo "WebSocket echo, $C connections, $N s counted after $WARMUP s per row, $(machine_line), Netty 4.1.140.Final"
    echo
    print_table jasyncio
} | tee "$out/table.md"
