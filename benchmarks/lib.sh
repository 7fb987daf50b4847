# Sourced by benchmarks/compare-*.sh: builds what they run, starts one server at a time pinned to
# SERVER_CPU, runs load generators pinned to LOAD_CPU, records every measurement in
# $out/results.tsv and prints the medians table.
# Settings shared by the scripts (environment):
#   REPS=3            repetitions; each repetition runs every row once, in turn (round-robin)
#   SERVER_CPU=0      the CPU the server is pinned to (taskset -c)
#   LOAD_CPU=1        the CPU the load generators / clients are pinned to
#   PY=/usr/bin/python3           a Python with aiohttp (Debian's python3-aiohttp)
#   MVN="mvn -B -q -o"            how to build (drop -o on a machine without the Maven cache)
#   SHARED_BENCH=../shared/bench  the peers' harness (its Netty HTTP peer: compare-client.sh, compare-scaling.sh)
#   OUT=...           where raw output goes (default $TMPDIR/jasyncio-bench/<script>-<time>)

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
. scripts/find-jdk25.sh
PY="${PY:-/usr/bin/python3}"
REPS="${REPS:-3}"
SERVER_CPU="${SERVER_CPU:-0}"
LOAD_CPU="${LOAD_CPU:-1}"
MVN="${MVN:-mvn -B -q -o}"
SHARED_BENCH="${SHARED_BENCH:-$root/../shared/bench}"
jar="$root/benchmarks/target/benchmarks.jar"
netty_peers_jar="$root/bench/netty-peers/target/netty-peers.jar"
vertx_peers_jar="$root/bench/vertx-peers/target/vertx-peers.jar"
# The shared harness's JAVA_OPTS for its Java peers; used for every Java server here.
JAVA_SERVER_OPTS="-Xms1g -Xmx1g --sun-misc-unsafe-memory-access=allow --enable-native-access=ALL-UNNAMED"
# Java load generators and clients.
java_bench="java --add-opens=java.base/java.lang=ALL-UNNAMED -Xms1g -Xmx1g -cp $jar"
server_pid=""
port=""

# Whether $1 is missing or older than a file below one of the folders $2...
stale() {
    local target="$1"; shift
    [ ! -f "$target" ] || [ -n "$(find "$@" -type f -newer "$target" -print -quit)" ]
}

build_benchmarks() {
    if stale "$jar" core/src/main http/src/main benchmarks/src/main benchmarks/pom.xml; then
        $MVN -DskipTests package -pl core,testing,http,benchmarks -am >&2
    fi
}

# build_peer_project NAME: builds bench/NAME (a standalone Maven project) into bench/NAME/target/NAME.jar.
build_peer_project() {
    if stale "bench/$1/target/$1.jar" "bench/$1/src" "bench/$1/pom.xml"; then
        (cd "bench/$1" && $MVN package >&2)
    fi
}

build_netty_peers() { build_peer_project netty-peers; }

build_vertx_peers() { build_peer_project vertx-peers; }

# Prints the path of the shared harness's peers.jar (bench.Peers: netty-nio-http and the rest):
# the one run-peers.sh built if there is one, else one built from a copy of its sources in
# benchmarks/target/shared-peers (the shared folder is not written to).
shared_peers_jar() {
    if [ -n "${PEERS_JAR:-}" ]; then
        echo "$PEERS_JAR"
    elif [ -f "$SHARED_BENCH/peers/target/peers.jar" ]; then
        echo "$SHARED_BENCH/peers/target/peers.jar"
    else
        local copy="$root/benchmarks/target/shared-peers"
        if [ ! -f "$SHARED_BENCH/peers/pom.xml" ]; then
            echo "no peers' harness at $SHARED_BENCH: set SHARED_BENCH=<its folder> or PEERS_JAR=<a peers.jar>" >&2
            return 1
        fi
        if stale "$copy/target/peers.jar" "$SHARED_BENCH/peers/src" "$SHARED_BENCH/peers/pom.xml"; then
            rm -rf "$copy" && mkdir -p "$copy"
            cp -r "$SHARED_BENCH/peers/pom.xml" "$SHARED_BENCH/peers/src" "$copy/"
            (cd "$copy" && $MVN package >&2)
        fi
        echo "$copy/target/peers.jar"
    fi
}

# Makes $out (raw output, server logs, results.tsv) for a run named $1.
out_dir() {
    out="${OUT:-${TMPDIR:-/tmp}/jasyncio-bench/$1-$(date +%Y%m%d-%H%M%S)}"
    mkdir -p "$out/raw" "$out/servers"
    : > "$out/results.tsv"
    echo "output: $out" >&2
}

free_port() { "$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

wait_port() { for _ in $(seq 400); do (exec 3<>/dev/tcp/127.0.0.1/"$1") 2>/dev/null && return 0; sleep 0.05; done; return 1; }

# start_server NAME COMMAND...: runs COMMAND pinned to SERVER_CPU with {PORT} replaced by a free
# port (set in $port), log in $out/servers/NAME.log; waits until it accepts connections.
start_server() {
    local name="$1"; shift
    port=$(free_port)
    taskset -c "$SERVER_CPU" "${@//\{PORT\}/$port}" > "$out/servers/$name.log" 2>&1 &
    server_pid=$!
    wait_port "$port" || { echo "$name did not start, see $out/servers/$name.log" >&2; stop_server; return 1; }
}

stop_server() {
    if [ -n "$server_pid" ]; then
        kill "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
        server_pid=""
    fi
}
trap stop_server EXIT

# load NAME COMMAND...: runs a load generator pinned to LOAD_CPU, keeps its output in
# $out/raw/NAME.txt and prints it.
load() {
    local name="$1"; shift
    taskset -c "$LOAD_CPU" "$@" > "$out/raw/$name.txt" 2>&1 || { cat "$out/raw/$name.txt" >&2; return 1; }
    cat "$out/raw/$name.txt"
}

# wrk_load NAME THREADS CONNECTIONS SECONDS URL: one `wrk --latency` run pinned to LOAD_CPU, raw
# output in $out/raw/NAME.txt; prints python/wrk_summary.py's line ("requests/s R p50_us P50
# p99_us P99 errors E requests N"). Errors (socket errors, non-2xx) are reported on stderr and in
# $out/warnings.txt, not fatal.
wrk_load() {
    local name="$1" threads="$2" conns="$3" seconds="$4" url="$5" r
    load "$name" wrk -t"$threads" -c"$conns" -d"${seconds}s" --latency --timeout 5s "$url" > /dev/null
    r=$("$PY" benchmarks/python/wrk_summary.py < "$out/raw/$name.txt")
    if [ "$(field errors <<< "$r")" != 0 ]; then
        echo "warning: $name: $r" | tee -a "$out/warnings.txt" >&2
    fi
    echo "$r"
}

# wrk_warm NAME THREADS CONNECTIONS SECONDS URL: an untimed wrk run (JIT warm-up), output kept;
# nothing for 0 seconds. wrk takes whole seconds only.
wrk_warm() {
    [ "$4" = 0 ] || load "$1" wrk -t"$2" -c"$3" -d"$4s" "$5" > /dev/null
}

# field KEY: the word after KEY in the input (e.g. "requests/s 123" -> 123).
field() { awk -v k="$1" '{ for (i = 1; i < NF; i++) if ($i == k) print $(i + 1) }' | tail -n 1; }

# record REP ROW CASE UNIT VALUE: one measurement into $out/results.tsv (and on stderr).
record() {
    [ -n "$5" ] || { echo "no value for $2 $3" >&2; return 1; }
    printf '%s\t%s\t%s\t%s\t%s\n' "$@" | tee -a "$out/results.tsv" >&2
}

# The first line of a table: what ran where ($1: where the server and load ran, if not SERVER_CPU
# and LOAD_CPU).
machine_line() {
    echo "$(date -u +%Y-%m-%dT%H:%MZ), $(nproc) CPUs, ${1:-server on CPU $SERVER_CPU, load on CPU $LOAD_CPU}," \
        "$(java -version 2>&1 | head -n1), $("$PY" --version), aiohttp $("$PY" -c 'import aiohttp; print(aiohttp.__version__)')"
}

# Prints the medians table of $out/results.tsv (ratios against row $1).
print_table() {
    "$PY" benchmarks/python/medians.py "$out/results.tsv" "$1"
}
