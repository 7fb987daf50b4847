#!/usr/bin/env bash
# JSON serialization (issue 6, TechEmpower's JSON test): GET /json answered with
# {"message":"Hello, World!"}, a new object serialized on every request, by two servers in one
# run: jasyncio (benchmarks' HelloServer, one loop: Response.json(new Message(...)), Jackson
# databind) and Vert.x core 4.5.34 (bench/vertx-peers, eventLoopPoolSize=1: a new JsonObject
# encoded by Vert.x's Jackson codec). Both set TCP_NODELAY and are pinned to CPU 0, started afresh
# for every repetition; the load is wrk pinned to CPU 1: -t1 -c64 (throughput) and -t1 -c1
# (latency), --latency. Before measuring, the script checks with curl that both bodies are the
# same JSON document (it stops otherwise) and keeps one full response of each in $out/servers/.
# Per server start: SERVER_WARMUP (15) s of wrk -c64 untimed; then per connection count WARMUP
# (3) s untimed and SECONDS_PER_ROW (10) s timed. REPS (5) repetitions, the servers in turn each
# time (round-robin); the table shows medians of req/s, p50 and p99 (us) and the ratios
# jasyncio/vertx (as speeds: above 1 means jasyncio is faster, for latencies too).
# See benchmarks/lib.sh for REPS, SERVER_CPU, LOAD_CPU, PY, MVN, OUT.
#   benchmarks/compare-json.sh                    # 5 x 2 servers x (15 + 2 x 13 s), about 7 min
#   REPS=1 SERVER_WARMUP=1 WARMUP=0 SECONDS_PER_ROW=1 benchmarks/compare-json.sh   # smoke test
# Other settings: CONNECTIONS="64 1", ROWS="jasyncio vertx". wrk takes whole seconds only.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
REPS="${REPS:-5}"
N="${SECONDS_PER_ROW:-10}"
WARMUP="${WARMUP:-3}"
SERVER_WARMUP="${SERVER_WARMUP:-15}"
CONNECTIONS="${CONNECTIONS:-64 1}"
ROWS="${ROWS:-jasyncio vertx}"
expected='{"message":"Hello, World!"}'
build_benchmarks
build_vertx_peers
out_dir json

start_json_server() {
    case "$1" in
        jasyncio) start_server "$1" java $JAVA_SERVER_OPTS --add-opens=java.base/java.lang=ALL-UNNAMED -cp "$jar" \
                      io.jasyncio.bench.http.HelloServer {PORT} 1 ;;
        vertx) start_server "$1" java $JAVA_SERVER_OPTS -jar "$vertx_peers_jar" json {PORT} 1 ;;
        *) echo "unknown row $1" >&2; exit 2 ;;
    esac
}

# check_body ROW: the body of GET /json must be $expected; keeps the full response.
check_body() {
    local response="$out/servers/$1.response" body
    curl -s -i --max-time 5 "$url" > "$response"
    body=$(curl -s --max-time 5 "$url")
    if [ "$body" != "$expected" ]; then
        echo "$1: GET /json answered '$body', expected '$expected' (see $response)" >&2
        exit 1
    fi
}

for rep in $(seq "$REPS"); do
    for row in $ROWS; do
        start_json_server "$row"
        url="http://127.0.0.1:$port/json"
        check_body "$row"
        wrk_warm "$row-warm-$rep" 1 64 "$SERVER_WARMUP" "$url"
        for c in $CONNECTIONS; do
            wrk_warm "$row-c$c-warm-$rep" 1 "$c" "$WARMUP" "$url"
            r=$(wrk_load "$row-c$c-$rep" 1 "$c" "$N" "$url")
            record "$rep" "$row" "GET /json, wrk -t1 -c$c" req/s "$(field requests/s <<< "$r")"
            record "$rep" "$row" "GET /json, wrk -t1 -c$c" "p50 us" "$(field p50_us <<< "$r")"
            record "$rep" "$row" "GET /json, wrk -t1 -c$c" "p99 us" "$(field p99_us <<< "$r")"
        done
        stop_server
    done
done
{
    echo "JSON (GET /json), $N s counted after $WARMUP s per load and $SERVER_WARMUP s per server start, $(machine_line), Vert.x 4.5.34"
    echo
    echo "Identical bodies: $expected ($(printf %s "$expected" | wc -c) B). Full response sizes:"
    for row in $ROWS; do
        echo "- $row: $(wc -c < "$out/servers/$row.response") B, $(grep -i '^content-type' "$out/servers/$row.response" | tr -d '\r')"
    done
    echo
    print_table jasyncio
    [ ! -s "$out/warnings.txt" ] || { echo; echo "Warnings:"; cat "$out/warnings.txt"; }
} | tee "$out/table.md"
