#!/usr/bin/env bash
# HTTP client throughput (issue 7): jasyncio's ClientSession against the JDK's java.net.http
# HttpClient (HTTP/1.1, one virtual thread per concurrent request) and aiohttp's ClientSession
# (Debian's python3-aiohttp), one client process at a time pinned to CPU 1, against one local
# server pinned to CPU 0. REPS repetitions, each running every client in turn; medians.
#  1. rps: CONCURRENCY (64) tasks doing keep-alive GETs of "Hello, World!" for SECONDS_PER_ROW
#     after WARMUP seconds, requests/s. Server: the shared harness's Netty HTTP peer
#     (bench.Peers netty-nio-http, one NIO loop; see benchmarks/lib.sh shared_peers_jar).
#  2. download: the seed's "download N files concurrently": FILES (100) GETs of FILE_BYTES
#     (1 MiB) each, all at once on one session (connection limit FILES), bodies read in 64 KiB
#     chunks (jasyncio: response.content().read(n); aiohttp: response.content.read(n); JDK:
#     an InputStream body), seconds per round and MB/s (10^6 B), WARMUP_ROUNDS not counted then
#     ROUNDS counted. Server: bench/netty-peers "blob" (Netty, one NIO loop, bytes from memory).
# Clients: benchmarks' io.jasyncio.bench.http.ClientBench (jasyncio, jdk) and
# benchmarks/python/http_client_load.py (aiohttp). See benchmarks/lib.sh for REPS, SERVER_CPU,
# LOAD_CPU, PY, MVN, SHARED_BENCH, OUT.
#   benchmarks/compare-client.sh          # 5 x 3 clients x ((3 + 10 s) + 15 rounds)
#   REPS=1 SECONDS_PER_ROW=1 WARMUP=0.5 FILES=10 FILE_BYTES=65536 ROUNDS=1 WARMUP_ROUNDS=0 \
#       benchmarks/compare-client.sh      # smoke test
# Other settings: CLIENTS="jasyncio jdk aiohttp", PARTS="rps download", CHUNK=65536.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
REPS="${REPS:-5}"
N="${SECONDS_PER_ROW:-10}"
WARMUP="${WARMUP:-3}"
C="${CONCURRENCY:-64}"
FILES="${FILES:-100}"
FILE_BYTES="${FILE_BYTES:-1048576}"
ROUNDS="${ROUNDS:-10}"
WARMUP_ROUNDS="${WARMUP_ROUNDS:-5}"
CHUNK="${CHUNK:-65536}"
CLIENTS="${CLIENTS:-jasyncio jdk aiohttp}"
PARTS="${PARTS:-rps download}"
build_benchmarks
build_netty_peers
out_dir client

# client NAME MODE: runs one client process (MODE rps or download) against $url; prints its line.
client() {
    local name="$1" mode="$2" py_args java_args
    if [ "$mode" = rps ]; then
        py_args=("$url" "$N" "$WARMUP" "$C")
        java_args=(--url "$url" --seconds "$N" --warmup "$WARMUP" --concurrency "$C")
    else
        py_args=("$url" "$FILES" "$ROUNDS" "$WARMUP_ROUNDS" "$CHUNK")
        java_args=(--url "$url" --files "$FILES" --rounds "$ROUNDS" --warmup-rounds "$WARMUP_ROUNDS" --chunk "$CHUNK")
    fi
    case "$name" in
        aiohttp) load "$mode-$name-$rep" "$PY" benchmarks/python/http_client_load.py "$mode" "${py_args[@]}" ;;
        jasyncio|jdk) load "$mode-$name-$rep" $java_bench io.jasyncio.bench.http.ClientBench "$mode" \
                          --client "$name" "${java_args[@]}" ;;
        *) echo "unknown client $name" >&2; return 2 ;;
    esac
}

for mode in $PARTS; do
    case "$mode" in
        rps) peers_jar=$(shared_peers_jar)
             start_server netty-http java $JAVA_SERVER_OPTS -jar "$peers_jar" netty-nio-http {PORT} 1
             url="http://127.0.0.1:$port/" ;;
        download) start_server netty-blob java $JAVA_SERVER_OPTS -jar "$netty_peers_jar" blob {PORT} "$FILE_BYTES"
                  url="http://127.0.0.1:$port/file/" ;;
        *) echo "unknown part $mode" >&2; exit 2 ;;
    esac
    for rep in $(seq "$REPS"); do
        for name in $CLIENTS; do
            r=$(client "$name" "$mode")
            if [ "$mode" = rps ]; then
                record "$rep" "$name" "GET hello, $C concurrent" req/s "$(field requests/s <<< "$r")"
            else
                [ "$(field bytes <<< "$r")" = $((FILES * FILE_BYTES)) ] || { echo "$name: wrong size: $r" >&2; exit 1; }
                record "$rep" "$name" "download $FILES x $FILE_BYTES B" s "$(field seconds <<< "$r")"
                record "$rep" "$name" "download $FILES x $FILE_BYTES B" MB/s "$(field MB/s <<< "$r")"
            fi
        done
    done
    stop_server
done
{
    echo "HTTP clients, $(machine_line), server Netty 4.1.140.Final (one NIO loop)"
    echo "rps: $C concurrent, $N s counted after $WARMUP s; download: $FILES x $FILE_BYTES B concurrently," \
        "$CHUNK B reads, mean of $ROUNDS rounds after $WARMUP_ROUNDS"
    echo
    print_table jasyncio
} | tee "$out/table.md"
